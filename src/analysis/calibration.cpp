// Fitting a calibration (the procedure of `entente calibrate`; research note on DEU I).
//
// Data: cases i (issues with outcomes y_i) in groups g(i); base forecasts F_ij, columns j in
// families (a model under each option set of its grid, or a feature).
//
// Ensemble on a training set T:
//   j*(f) = argmin_{j in f} sum_{i in T} |y_i - F_ij|        (option set of each family)
//   w     = argmin_{w >= 0, sum w = 1} sum_{i in T} |y_i - sum_f w_f F_{i j*(f)}|   (convex LAD)
// Selection on T: the ensemble replaces the compromise only if its grouped-CV MAE inside T is
// strictly lower (nested cross-validation: the choice is a hyperparameter, Varma & Simon 2006).
// Outer CV: folds of whole groups; on each fold every choice and fit above is made on the other
// folds only, so the out-of-fold forecasts are honest estimates of skill on new groups.
//
// Predictive atoms for a held-out case i (split-conformal, normalized):
//   z_t = (y_t - f^in_t) / sigma_t   for t in T, f^in the inner-CV forecasts of the design
//                                     chosen on T (each refitted without t's inner fold)
//   atoms_i = clip(f_i + sigma_i z_t, lo_i, hi_i)
// The shipped z list is the same thing on all cases: out-of-fold residuals of the design
// chosen on all data, under the outer folds.
#include "entente/analysis/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "entente/analysis/convex_lad.hpp"
#include "entente/analysis/predictive.hpp"
#include "entente/core/error.hpp"

namespace entente {
namespace {

std::size_t CompromiseColumn(const CalibrationData& data) {
  for (std::size_t j = 0; j < data.columns.size(); ++j) {
    if (data.columns[j].family == "compromise") return j;
  }
  throw InputError("a calibration needs the compromise model among its bases (the baseline)");
}

double SumAbs(const CalibrationData& data, const std::vector<int>& rows, std::size_t column) {
  double s = 0;
  for (int r : rows) {
    const CalibrationCase& c = data.cases[static_cast<std::size_t>(r)];
    s += std::abs(c.outcome - c.base[column]);
  }
  return s;
}

// Rows of `rows` in fold `k` (test) and out of it (train).
void Split(const std::vector<int>& rows, const std::vector<int>& fold, int k,
           std::vector<int>& train, std::vector<int>& test) {
  train.clear();
  test.clear();
  for (int r : rows) (fold[static_cast<std::size_t>(r)] == k ? test : train).push_back(r);
}

int FoldCount(const std::vector<int>& fold) {
  int m = -1;
  for (int f : fold) m = std::max(m, f);
  return m + 1;
}

// CV forecasts of a fitting procedure over `rows` under `fold`.
template <class Fit>
std::vector<double> CvForecasts(const CalibrationData& data, const std::vector<int>& rows,
                                const std::vector<int>& fold, Fit fit) {
  std::vector<double> out(data.cases.size(), std::numeric_limits<double>::quiet_NaN());
  std::vector<int> train;
  std::vector<int> test;
  for (int k = 0; k < FoldCount(fold); ++k) {
    Split(rows, fold, k, train, test);
    if (test.empty()) continue;
    // A fold holding every row leaves nothing to fit on: fall back to the compromise, which
    // needs no fitting (only with a single group).
    const PointDesign d = train.empty() ? CompromiseDesign(data) : fit(train);
    for (int r : test)
      out[static_cast<std::size_t>(r)] = Predict(d, data.cases[static_cast<std::size_t>(r)]);
  }
  return out;
}

double Mae(const CalibrationData& data, const std::vector<int>& rows,
           const std::vector<double>& forecast) {
  double s = 0;
  for (int r : rows) {
    s += std::abs(data.cases[static_cast<std::size_t>(r)].outcome -
                  forecast[static_cast<std::size_t>(r)]);
  }
  return rows.empty() ? 0 : s / static_cast<double>(rows.size());
}

}  // namespace

std::string CalibrationColumn::Label() const {
  if (options.empty()) return family;
  std::string s = family + "{";
  bool first = true;
  for (const auto& [k, v] : options) {
    s += fmt::format("{}{}={}", first ? "" : ",", k, v);
    first = false;
  }
  return s + "}";
}

double Predict(const PointDesign& design, const CalibrationCase& c) {
  double f = 0;
  for (std::size_t j = 0; j < design.weights.size(); ++j) {
    if (design.weights[j] != 0) f += design.weights[j] * c.base[j];
  }
  return std::clamp(f, c.lo, c.hi);
}

std::vector<int> GroupedFolds(const CalibrationData& data, const std::vector<int>& rows,
                              int folds) {
  std::vector<int> present;
  present.reserve(rows.size());
  for (int r : rows) present.push_back(data.cases[static_cast<std::size_t>(r)].group);
  std::sort(present.begin(), present.end(), [&data](int a, int b) {
    return data.groups[static_cast<std::size_t>(a)] < data.groups[static_cast<std::size_t>(b)];
  });
  present.erase(std::unique(present.begin(), present.end()), present.end());
  std::vector<int> group_fold(data.groups.size(), -1);
  for (std::size_t rank = 0; rank < present.size(); ++rank) {
    const int r = static_cast<int>(rank);
    group_fold[static_cast<std::size_t>(present[rank])] = folds > 0 ? r % folds : r;
  }
  std::vector<int> fold(data.cases.size(), -1);
  for (int r : rows) {
    fold[static_cast<std::size_t>(r)] =
        group_fold[static_cast<std::size_t>(data.cases[static_cast<std::size_t>(r)].group)];
  }
  return fold;
}

PointDesign CompromiseDesign(const CalibrationData& data) {
  PointDesign d{"compromise", std::vector<double>(data.columns.size(), 0.0)};
  d.weights[CompromiseColumn(data)] = 1.0;
  return d;
}

PointDesign FitEnsemble(const CalibrationData& data, const std::vector<int>& rows) {
  // One column per family: the option set with the smallest training error.
  std::vector<std::size_t> chosen;
  std::size_t j = 0;
  while (j < data.columns.size()) {
    std::size_t best = j;
    double best_err = SumAbs(data, rows, j);
    std::size_t next = j + 1;
    for (; next < data.columns.size() && data.columns[next].family == data.columns[j].family;
         ++next) {
      const double e = SumAbs(data, rows, next);
      if (e < best_err) {
        best_err = e;
        best = next;
      }
    }
    chosen.push_back(best);
    j = next;
  }
  std::vector<std::vector<double>> cols(chosen.size(), std::vector<double>(rows.size()));
  std::vector<double> y(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const CalibrationCase& c = data.cases[static_cast<std::size_t>(rows[i])];
    y[i] = c.outcome;
    for (std::size_t k = 0; k < chosen.size(); ++k) cols[k][i] = c.base[chosen[k]];
  }
  const ConvexLadFit fit = FitConvexLad(cols, y);
  PointDesign d{"ensemble", std::vector<double>(data.columns.size(), 0.0)};
  for (std::size_t k = 0; k < chosen.size(); ++k) d.weights[chosen[k]] = fit.weights[k];
  return d;
}

Selection SelectDesign(const CalibrationData& data, const std::vector<int>& rows, int folds) {
  const std::vector<int> fold = GroupedFolds(data, rows, folds);
  const PointDesign comp = CompromiseDesign(data);
  std::vector<double> oof_comp(data.cases.size(), std::numeric_limits<double>::quiet_NaN());
  for (int r : rows) {
    oof_comp[static_cast<std::size_t>(r)] = Predict(comp, data.cases[static_cast<std::size_t>(r)]);
  }
  std::vector<double> oof_ens =
      CvForecasts(data, rows, fold,
                  [&data](const std::vector<int>& train) { return FitEnsemble(data, train); });
  Selection s;
  s.cv_mae_compromise = Mae(data, rows, oof_comp);
  s.cv_mae_ensemble = Mae(data, rows, oof_ens);
  if (s.cv_mae_ensemble < s.cv_mae_compromise) {
    s.design = FitEnsemble(data, rows);
    s.oof = std::move(oof_ens);
  } else {
    s.design = comp;
    s.oof = std::move(oof_comp);
  }
  return s;
}

CrossValidation CrossValidate(const CalibrationData& data, const CvSettings& settings) {
  const std::size_t n = data.cases.size();
  if (n == 0) throw InputError("no issue with an outcome to calibrate on");
  std::vector<int> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<int>(i);
  CrossValidation cv;
  cv.fold = GroupedFolds(data, all, settings.folds);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  cv.compromise.assign(n, nan);
  cv.ensemble.assign(n, nan);
  cv.selected.assign(n, nan);
  cv.atoms.assign(n, {});
  const PointDesign comp = CompromiseDesign(data);
  for (std::size_t i = 0; i < n; ++i) cv.compromise[i] = Predict(comp, data.cases[i]);

  std::vector<int> train;
  std::vector<int> test;
  const int folds = FoldCount(cv.fold);
  for (int k = 0; k < folds; ++k) {
    Split(all, cv.fold, k, train, test);
    if (test.empty()) continue;
    if (train.empty()) throw InputError("cross-validation needs at least two groups");
    // Each model at the option set that fits the training folds best.
    for (std::size_t j = 0; j < data.columns.size();) {
      std::size_t best = j;
      double best_err = SumAbs(data, train, j);
      std::size_t next = j + 1;
      for (; next < data.columns.size() && data.columns[next].family == data.columns[j].family;
           ++next) {
        const double e = SumAbs(data, train, next);
        if (e < best_err) {
          best_err = e;
          best = next;
        }
      }
      auto& out = cv.families[data.columns[j].family];
      if (out.empty()) out.assign(n, nan);
      for (int r : test) {
        const CalibrationCase& c = data.cases[static_cast<std::size_t>(r)];
        out[static_cast<std::size_t>(r)] = c.base[best];
      }
      j = next;
    }
    const PointDesign ens = FitEnsemble(data, train);
    const Selection sel = SelectDesign(data, train, settings.inner_folds);
    if (sel.design.kind == "ensemble") ++cv.ensemble_chosen;
    std::vector<double> z;
    z.reserve(train.size());
    for (int r : train) {
      const CalibrationCase& c = data.cases[static_cast<std::size_t>(r)];
      z.push_back((c.outcome - sel.oof[static_cast<std::size_t>(r)]) / c.sigma);
    }
    for (int r : test) {
      const CalibrationCase& c = data.cases[static_cast<std::size_t>(r)];
      const auto i = static_cast<std::size_t>(r);
      cv.ensemble[i] = Predict(ens, c);
      cv.selected[i] = Predict(sel.design, c);
      cv.atoms[i] = PredictiveAtoms(cv.selected[i], c.sigma, z, c.lo, c.hi);
    }
  }
  return cv;
}

FinalFit FitFinal(const CalibrationData& data, const CvSettings& settings) {
  std::vector<int> all(data.cases.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  FinalFit f;
  f.selection = SelectDesign(data, all, settings.folds);
  f.z.reserve(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const CalibrationCase& c = data.cases[i];
    f.z.push_back((c.outcome - f.selection.oof[i]) / c.sigma);
  }
  std::sort(f.z.begin(), f.z.end());
  return f;
}

}  // namespace entente
