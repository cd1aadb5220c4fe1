#pragma once
/// \file
/// `entente calibrate` as a library call: base forecasts on every training scenario, the
/// grouped cross-validation, the final fit and the scores, gathered into a CalibrationRecord.

#include <functional>
#include <string>
#include <vector>

#include "entente/analysis/calibration.hpp"
#include "entente/analysis/calibration_record.hpp"
#include "entente/core/outcome.hpp"

namespace entente {

/// One training file as read.
struct TrainingInput {
  std::string path;                            ///< as given (stored in the record)
  std::string sha256;                          ///< of its bytes
  const ScenarioDocument* document = nullptr;  ///< scenario and outcomes
};

/// The columns the settings describe: every model under every option set of its grid (the
/// product of its keys, keys in name order, values in the order given), then the features.
/// InputError for an unknown model or feature, or a grid for a model not listed.
[[nodiscard]] std::vector<CalibrationColumn> CalibrationColumns(
    const CalibrationSettings& settings);

/// Gives the base forecasts of one work unit: training file `file` (index into the inputs) run
/// by column `column`, one forecast per issue of the file's scenario. Must be safe to call from
/// several threads at once.
using CalibrationBaseSource =
    std::function<std::vector<double>(std::size_t file, std::size_t column)>;

/// The base forecasts of one work unit (file x column), as BuildCalibrationData computes them.
[[nodiscard]] std::vector<double> CalibrationUnitForecasts(
    const std::vector<TrainingInput>& inputs, const CalibrationSettings& settings,
    const std::vector<CalibrationColumn>& columns, std::size_t file, std::size_t column);

/// The checks Calibrate makes before any model runs: the folds, the floor, the columns, and
/// every training scenario and its outcomes (InputError).
void CheckCalibration(const std::vector<TrainingInput>& inputs,
                      const CalibrationSettings& settings);

/// Builds the fit's data: runs every column's model on every training scenario (models never
/// see outcomes; columns in parallel, results independent of thread count), keeps the issues
/// with outcomes. Groups are the scenarios' issue groups (an issue in none is its own), named
/// "<file index>:<group>" when there are several files. InputError when no issue has an
/// outcome or the scenario is invalid.
/// With `source`, the base forecasts come from it instead (the merge of calibrate's shards).
[[nodiscard]] CalibrationData BuildCalibrationData(const std::vector<TrainingInput>& inputs,
                                                   const CalibrationSettings& settings,
                                                   const CalibrationBaseSource& source = {});

/// Fits and scores a calibration. `created` is the date stored in the file. `progress`, if
/// set, is told each stage ("forecasts", "cross-validation", "final fit", "scores"). With
/// `source`, the base forecasts come from it (BuildCalibrationData).
[[nodiscard]] CalibrationRecord Calibrate(
    const std::vector<TrainingInput>& inputs, const CalibrationSettings& settings,
    const std::string& created, const std::function<void(const std::string&)>& progress = {},
    const CalibrationBaseSource& source = {});

}  // namespace entente
