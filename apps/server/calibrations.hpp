#pragma once
/// \file
/// The calibrations a server offers (`entente serve --calibration FILE|FOLDER`), read once at
/// start, and the one a request uses: a served one by name, or the text of a calibration file
/// the request carries (an upload), parsed by the library's reader. A request never names a
/// path, so no request reads the server's disk.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entente/analysis/calibration_record.hpp"
#include "entente/core/result.hpp"

namespace entente::server {

/// Calibration name (file stem) -> its record, sorted by name.
using CalibrationShelf = std::map<std::string, CalibrationRecord>;

/// Reads `paths`: a `.yaml` file is one calibration; a folder offers its `*.yaml` files. Every
/// problem located (the file and line of a bad calibration, a missing path, a name twice).
[[nodiscard]] Result<CalibrationShelf> LoadCalibrations(const std::vector<std::string>& paths);

/// A calibration a request chose, with the name it goes by.
struct ChosenCalibration {
  std::string name;          ///< the served name, or "uploaded calibration"
  CalibrationRecord record;  ///< what it holds
};

/// A request's calibration: `"calibration": NAME` (one the server offers) or
/// `"calibration_yaml": TEXT` (named "uploaded calibration"); nullopt when the request has
/// neither. A located error for an unknown name, both keys, or a file that does not parse.
[[nodiscard]] Result<std::optional<ChosenCalibration>> CalibrationOfRequest(
    const nlohmann::json& body, const CalibrationShelf& shelf);

/// What a front end shows about a calibration: its training data (files, hashes, issues,
/// groups), the date, the design and its weights, the cross-validated scores next to the
/// compromise model's, the predictive intervals' coverage, and the caveat that it is only as
/// good as the resemblance of a new case to its training data.
[[nodiscard]] nlohmann::ordered_json CalibrationInfoJson(const std::string& name,
                                                         const CalibrationRecord& record);

}  // namespace entente::server
