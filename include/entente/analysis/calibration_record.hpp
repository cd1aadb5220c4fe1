#pragma once
/// \file
/// What a calibration file holds: how it was fitted (data, settings), the fitted point design,
/// the predictive error model and the cross-validated scores next to the compromise model's.
/// formats/calibration_yaml reads and writes it; `entente calibrate` makes it.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace entente {

/// One training file, identified by content.
struct TrainingFile {
  std::string path;    ///< the file's name (no folder: the hash, not the place, identifies it)
  std::string sha256;  ///< of the file's bytes
  int issues = 0;      ///< issues with outcomes used
  int groups = 0;      ///< groups (proposals) among them
};

/// An estimate with its 95% interval (grouped bootstrap, percentile method).
struct Interval {
  double value = 0;  ///< on all cases
  double lo = 0;     ///< 2.5% quantile
  double hi = 0;     ///< 97.5% quantile
};

/// Cross-validated scores of one forecast (point or predictive).
struct CvScore {
  std::string name;  ///< "compromise", "ensemble", "selected", "eu", ...
  Interval mae;      ///< of the point forecast (the median atom is not used)
  std::optional<Interval> mae_vs_compromise;   ///< paired difference, same folds
  std::optional<Interval> crps;                ///< predictive only
  std::optional<Interval> crps_vs_compromise;  ///< CRPS minus the compromise model's MAE
  std::vector<Interval> coverage;              ///< predictive only: 50, 80, 90% central intervals
};

/// The settings a calibration was fitted with: enough to refit it exactly (`--check`).
struct CalibrationSettings {
  /// Model bases. The defaults here are every front end's (`entente calibrate`, Python's
  /// calibrate() through `calibration_defaults()`), defined once.
  std::vector<std::string> models = {"compromise", "median", "eu", "exchange", "ktab-smp"};
  std::vector<std::string> features = {"status_quo", "setter", "mean"};  ///< feature bases
  std::string setter;  ///< actor id of the agenda setter ("" if none)
  /// Option grid per model: KEY -> the values tried (the product of the keys is the grid).
  std::map<std::string, std::map<std::string, std::vector<std::string>>> grid;
  int folds = 5;                  ///< outer grouped folds; 0 = one per group
  int inner_folds = 5;            ///< nested folds
  double floor = 0.05;            ///< error-scale floor, fraction of the scale range
  int bootstrap = 2000;           ///< resamples of groups for the intervals
  std::uint64_t seed = 20240601;  ///< bootstrap seed
};

/// A whole calibration file.
struct CalibrationRecord {
  int format = 1;                      ///< file format version
  std::string created;                 ///< date (from --date or SOURCE_DATE_EPOCH)
  std::string entente_version;         ///< of the build that fitted it
  std::vector<TrainingFile> training;  ///< the data
  CalibrationSettings settings;        ///< how
  std::string design;                  ///< "compromise" or "ensemble" (chosen by CV)
  /// Base -> weight of the ensemble model (non-zero weights only, in column order).
  std::vector<std::pair<std::string, double>> weights;
  /// Model -> the options chosen from its grid (models without a grid: none).
  std::map<std::string, std::map<std::string, std::string>> options;
  /// Forecast -> sorted standardized cross-validated residuals: "ensemble" (the design above)
  /// and every model base.
  std::map<std::string, std::vector<double>> z;
  int cases = 0;                ///< issues with outcomes
  int groups = 0;               ///< groups among them
  int ensemble_chosen = 0;      ///< outer folds whose nested choice was the ensemble
  int fold_count = 0;           ///< outer folds
  std::vector<CvScore> scores;  ///< cross-validated, compromise first
};

}  // namespace entente
