#pragma once
/// \file
/// The partial-result file of one calibrate shard (`entente calibrate FILES... --shard K/N -o
/// part-K.ent`, read by `entente merge`): one line of JSON with the format name and version
/// (those of simulation_partial.hpp), kind "calibrate", the entente version, the shard, the
/// settings and date, the training files (name, SHA-256, scenario and outcomes), the shard's
/// units' forecasts and a SHA-256 of the rest (docs/scale-out.md).

#include <string>
#include <string_view>

#include "entente/analysis/calibrate_shard.hpp"
#include "entente/core/result.hpp"

namespace entente {

/// The file's text for `part` (its `source` is not stored; `version` comes from this build).
/// Deterministic: the same part gives the same bytes.
[[nodiscard]] std::string WriteCalibratePartial(const CalibratePart& part);

/// Parses a calibrate partial file; `file` names it in messages and becomes the part's source.
/// Refuses another format, version or kind, a checksum that does not match and fields of the
/// wrong shape, each with an error naming the file.
[[nodiscard]] Result<CalibratePart> ParseCalibratePartial(std::string_view text,
                                                          const std::string& file);

}  // namespace entente
