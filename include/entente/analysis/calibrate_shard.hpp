#pragma once
/// \file
/// A calibration beyond one machine. Its long part is running every column (a model under one
/// option set of its grid, or a feature) on every training scenario; each (file, column) pair
/// is a work unit, numbered file x columns + column, and shard K of N runs units K-1, K-1+N,
/// ... The cross-validation and the final fit over those forecasts take a moment, so the merge
/// runs them once on the merged forecasts: the calibration file is byte for byte the one
/// `entente calibrate` writes on one machine, whatever N.

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "entente/analysis/calibrate.hpp"
#include "entente/analysis/simulation_shard.hpp"

namespace entente {

/// The forecasts of one work unit.
struct CalibrationUnit {
  std::int64_t unit = 0;          ///< file x columns + column
  std::vector<double> forecasts;  ///< per issue of the file's scenario
};

/// The number of work units: training files x CalibrationColumns.
[[nodiscard]] std::int64_t CalibrationUnitCount(const std::vector<TrainingInput>& inputs,
                                                const CalibrationSettings& settings);

/// Runs shard `shard`'s units (after CheckCalibration), in unit order. When `cancel` is set
/// midway, returns the units done so far (fewer than the shard has).
[[nodiscard]] std::vector<CalibrationUnit> CalibrateShard(
    const std::vector<TrainingInput>& inputs, const CalibrationSettings& settings, ShardSpec shard,
    const std::atomic<bool>* cancel = nullptr);

/// How many of `units` units shard `shard` runs.
[[nodiscard]] std::int64_t ShardUnits(std::int64_t units, ShardSpec shard);

/// One calibrate shard's partial result with what it was computed from
/// (formats/calibrate_partial.hpp reads and writes it).
struct CalibratePart {
  std::string source;                       ///< where it was read from, for messages
  std::string version;                      ///< the entente version that computed it
  std::string created;                      ///< the date the calibration file will carry
  CalibrationSettings settings;             ///< how to calibrate
  std::vector<std::string> paths;           ///< training file names, as the record stores them
  std::vector<std::string> sha256;          ///< of each training file's bytes
  std::vector<ScenarioDocument> documents;  ///< the training scenarios with their outcomes
  ShardSpec shard;                          ///< which shard
  std::int64_t units = 0;                   ///< units of the whole run
  std::vector<CalibrationUnit> forecasts;   ///< this shard's units, in unit order
};

/// The part's training files as calibration inputs (pointing into `part.documents`, so the part
/// must outlive them).
[[nodiscard]] std::vector<TrainingInput> TrainingInputs(const CalibratePart& part);

/// Merges the parts of one calibration: InputError naming the part's source when two parts
/// differ in version, date, settings, training files or shard count, when a shard is there
/// twice or missing, or when a part lacks units of its shard or holds forecasts of the wrong
/// length. Returns what Calibrate returns for the same run on one machine.
[[nodiscard]] CalibrationRecord MergeCalibrateParts(
    const std::vector<CalibratePart>& parts,
    const std::function<void(const std::string&)>& progress = {});

}  // namespace entente
