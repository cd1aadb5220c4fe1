#pragma once
/// \file
/// Fitting a calibration: the point design (the compromise model, or a convex ensemble of base
/// forecasts with each model's options chosen from a grid) and the cross-validated residuals
/// the predictive error model draws on. Folds hold out whole groups (proposals). Equations and
/// the procedure in calibration.cpp and docs/calibration.md.

#include <map>
#include <string>
#include <vector>

namespace entente {

/// One base forecast column: a model under one option set, or a feature.
struct CalibrationColumn {
  std::string family;                          ///< model or feature name, e.g. "eu", "mean"
  std::map<std::string, std::string> options;  ///< the model options of this column
  /// "eu" or "eu{q=0.5,rules=...}": the family plus its options, for messages and files.
  [[nodiscard]] std::string Label() const;
};

/// One issue with a known outcome, as the fit sees it.
struct CalibrationCase {
  std::string issue;         ///< issue id (as in its file)
  int group = 0;             ///< index into CalibrationData::groups: the unit folds hold out
  double outcome = 0;        ///< what happened
  double lo = 0;             ///< scale minimum
  double hi = 100;           ///< scale maximum
  double sigma = 1;          ///< ErrorScale of the issue (> 0)
  std::vector<double> base;  ///< one forecast per column
};

/// Everything the fit reads. Column "compromise" (no options) must be present: it is the
/// baseline every score is compared with.
struct CalibrationData {
  std::vector<CalibrationColumn> columns;  ///< bases, families contiguous
  std::vector<std::string> groups;         ///< group ids (unique)
  std::vector<CalibrationCase> cases;      ///< the training issues
};

/// How to cross-validate.
struct CvSettings {
  int folds = 5;        ///< grouped folds; 0 = one fold per group (leave one group out)
  int inner_folds = 5;  ///< grouped folds of the nested choices inside a training set
};

/// A fitted point forecast: weights over the data's columns (zero for unused ones).
struct PointDesign {
  std::string kind;             ///< "compromise" or "ensemble"
  std::vector<double> weights;  ///< per column, >= 0, summing to 1
};

/// The forecast of `design` on `c`.
[[nodiscard]] double Predict(const PointDesign& design, const CalibrationCase& c);

/// Fold of each case: groups sorted by id, the r-th in sorted order goes to fold r mod `folds`
/// (r itself when `folds` is 0). Deterministic, so a calibration rebuilds byte for byte.
/// Only the cases listed in `rows` are assigned; others get -1.
[[nodiscard]] std::vector<int> GroupedFolds(const CalibrationData& data,
                                            const std::vector<int>& rows, int folds);

/// The compromise design (all weight on the compromise column).
[[nodiscard]] PointDesign CompromiseDesign(const CalibrationData& data);

/// The ensemble fitted to `rows`: in each family with several columns (a model's option grid)
/// the column with the smallest sum of absolute errors on `rows` (the first on a tie), then
/// the convex LAD weights over one column per family.
[[nodiscard]] PointDesign FitEnsemble(const CalibrationData& data, const std::vector<int>& rows);

/// A design chosen by grouped cross-validation inside `rows`, and that CV's forecasts.
struct Selection {
  PointDesign design;            ///< fitted to all of `rows`
  double cv_mae_compromise = 0;  ///< inner CV MAE of the compromise design
  double cv_mae_ensemble = 0;    ///< inner CV MAE of the ensemble
  std::vector<double> oof;       ///< per case of `rows` (data order), the chosen kind's CV
                                 ///< forecast (its refits on the other folds)
};

/// Chooses between the compromise and the ensemble by their MAE under `folds` grouped folds
/// of `rows` (the ensemble only when strictly lower), then fits the chosen kind to all of
/// `rows`.
[[nodiscard]] Selection SelectDesign(const CalibrationData& data, const std::vector<int>& rows,
                                     int folds);

/// Out-of-fold results of the whole procedure, per case (data order).
struct CrossValidation {
  std::vector<int> fold;                                ///< outer fold of each case
  std::vector<double> compromise;                       ///< the compromise forecast
  std::vector<double> ensemble;                         ///< the ensemble refitted without the fold
  std::vector<double> selected;                         ///< the nested choice refitted without it
  std::map<std::string, std::vector<double>> families;  ///< each model at its chosen options
  int ensemble_chosen = 0;                              ///< folds where the choice was the ensemble
  /// Sorted predictive atoms of each case: the selected forecast plus sigma times the
  /// standardized inner-CV residuals of the training folds.
  std::vector<std::vector<double>> atoms;
};

/// Runs the outer grouped CV: per fold, every fit above on the other folds only (nested CV
/// with `settings.inner_folds` for the choices), and the predictive atoms from training
/// residuals only.
[[nodiscard]] CrossValidation CrossValidate(const CalibrationData& data,
                                            const CvSettings& settings);

/// The final fit on all cases: the design chosen under `settings.folds` and the standardized
/// residuals z = (y - f) / sigma of its out-of-fold forecasts, sorted ascending.
struct FinalFit {
  Selection selection;    ///< design and its CV forecasts
  std::vector<double> z;  ///< the predictive error model
};

/// See FinalFit.
[[nodiscard]] FinalFit FitFinal(const CalibrationData& data, const CvSettings& settings);

}  // namespace entente
