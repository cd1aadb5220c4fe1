#pragma once
/// \file
/// The calibration file (plain YAML): written by `entente calibrate`, read by `--calibration`
/// and `calibrate --check`. The layout is documented in docs/calibration.md.

#include <string>
#include <string_view>

#include "entente/analysis/calibration_record.hpp"
#include "entente/core/result.hpp"

namespace entente {

/// The file's text. Deterministic: the same record gives the same bytes (numbers in their
/// shortest round-trip form), so a rebuilt calibration can be compared byte for byte.
[[nodiscard]] std::string WriteCalibrationYaml(const CalibrationRecord& record);

/// Parses a calibration file; `file` names it in messages. Every structural problem, located.
[[nodiscard]] Result<CalibrationRecord> ParseCalibrationYaml(std::string_view text,
                                                             const std::string& file);

/// Reads and parses the file at `path`.
[[nodiscard]] Result<CalibrationRecord> ReadCalibration(const std::string& path);

}  // namespace entente
