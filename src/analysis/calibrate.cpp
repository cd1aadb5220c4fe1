// `entente calibrate`: base forecasts, grouped cross-validation (analysis/calibration.cpp),
// the final fit, and the scores of the out-of-fold forecasts with intervals from the
// backtest's bootstrap over groups (analysis/backtest ScoreModel), so calibration and backtest
// numbers are computed one way.
#include "entente/analysis/calibrate.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include "entente/analysis/backtest.hpp"
#include "entente/analysis/predictive.hpp"
#include "entente/analysis/scoring.hpp"
#include "entente/core/error.hpp"
#include "entente/core/validation.hpp"
#include "entente/core/version.hpp"
#include "entente/models/ensemble/ensemble_bases.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

Interval ToInterval(const Estimate& e) {
  return Interval{e.value, e.lo, e.hi};
}

// Per-case errors of a point forecast, as the backtest scores them.
IssueErrors PointErrors(const CalibrationData& d, const std::vector<double>& f) {
  IssueErrors e;
  for (std::size_t i = 0; i < d.cases.size(); ++i) {
    const CalibrationCase& c = d.cases[i];
    e.error.push_back(f[i] - c.outcome);
    e.range.push_back(c.hi - c.lo);
    e.crps.push_back(std::abs(f[i] - c.outcome));
    e.outcome.push_back(c.outcome);
  }
  return e;
}

// Errors of the predictive atoms: exact CRPS, mid-PIT and the central intervals' ends as
// inverse-CDF atoms (what forecasts report as quantiles).
IssueErrors PredictiveErrors(const CalibrationData& d, const std::vector<double>& f,
                             const std::vector<std::vector<double>>& atoms) {
  IssueErrors e = PointErrors(d, f);
  constexpr double kAlpha[3] = {0.5, 0.2, 0.1};
  for (std::size_t i = 0; i < d.cases.size(); ++i) {
    const double y = d.cases[i].outcome;
    e.crps[i] = CrpsSample(atoms[i], y);
    e.pit.push_back(MidPit(atoms[i], y));
    for (int k = 0; k < 3; ++k) {
      e.interval[k].push_back(
          {AtomQuantile(atoms[i], kAlpha[k] / 2), AtomQuantile(atoms[i], 1 - kAlpha[k] / 2)});
    }
  }
  return e;
}

CvScore ToScore(const std::string& name, const ModelScore& m, bool predictive) {
  CvScore s;
  s.name = name;
  s.mae = ToInterval(m.mae);
  if (m.mae_vs_compromise) s.mae_vs_compromise = ToInterval(*m.mae_vs_compromise);
  if (predictive) {
    s.crps = ToInterval(m.crps);
    if (m.crps_vs_compromise) s.crps_vs_compromise = ToInterval(*m.crps_vs_compromise);
    for (const IntervalScores& iv : m.intervals) s.coverage.push_back(ToInterval(iv.coverage));
  }
  return s;
}

std::vector<double> SortedZ(const CalibrationData& d, const std::vector<double>& f) {
  std::vector<double> z;
  for (std::size_t i = 0; i < d.cases.size(); ++i) {
    z.push_back((d.cases[i].outcome - f[i]) / d.cases[i].sigma);
  }
  std::sort(z.begin(), z.end());
  return z;
}

}  // namespace

std::vector<CalibrationColumn> CalibrationColumns(const CalibrationSettings& settings) {
  std::vector<CalibrationColumn> cols;
  bool compromise = false;
  for (const std::string& m : settings.models) {
    const ModelInfo* info = FindModel(m);
    if (info == nullptr || info->calibrated) {
      throw InputError(fmt::format(
          "--models: '{}' is not a model an ensemble can combine; see `entente models`", m));
    }
    compromise = compromise || m == "compromise";
    std::vector<std::map<std::string, std::string>> sets = {{}};
    auto g = settings.grid.find(m);
    if (g != settings.grid.end()) {
      for (const auto& [key, values] : g->second) {
        std::vector<std::map<std::string, std::string>> next;
        for (const auto& set : sets) {
          for (const std::string& v : values) {
            auto s = set;
            s[key] = v;
            next.push_back(std::move(s));
          }
        }
        sets = std::move(next);
      }
    }
    for (auto& s : sets) {
      ModelOptions given;
      for (const auto& [k, v] : s) given.Set(k, v);
      CheckOptions(given, info->Options(), m);
      cols.push_back({m, std::move(s)});
    }
  }
  if (!compromise) {
    throw InputError("--models must include compromise: every score is compared with it");
  }
  for (const auto& [m, keys] : settings.grid) {
    if (std::find(settings.models.begin(), settings.models.end(), m) == settings.models.end()) {
      throw InputError(fmt::format("--grid names model '{}', which is not in --models", m));
    }
  }
  for (const std::string& f : settings.features) {
    if (!IsFeatureBase(f)) {
      throw InputError(fmt::format("--features: '{}' is not one of status_quo, setter, mean", f));
    }
    cols.push_back({f, {}});
  }
  return cols;
}

std::vector<double> CalibrationUnitForecasts(const std::vector<TrainingInput>& inputs,
                                             const CalibrationSettings& settings,
                                             const std::vector<CalibrationColumn>& columns,
                                             std::size_t file, std::size_t column) {
  ModelOptions o;
  for (const auto& [k, v] : columns[column].options) o.Set(k, v);
  return BaseForecasts(inputs[file].document->scenario, columns[column].family, o, settings.setter);
}

void CheckCalibration(const std::vector<TrainingInput>& inputs,
                      const CalibrationSettings& settings) {
  if (settings.folds == 1 || settings.folds < 0 || settings.inner_folds < 2) {
    throw InputError("--folds must be group or at least 2 (and the inner folds at least 2)");
  }
  if (settings.bootstrap < 100) throw InputError("--bootstrap must be at least 100");
  if (!(settings.floor > 0 && settings.floor <= 1)) {
    throw InputError("the error-scale floor must be a fraction in (0, 1]");
  }
  (void)CalibrationColumns(settings);
  for (const TrainingInput& in : inputs) {
    RequireValid(in.document->scenario);
    const Errors bad = ValidateOutcomes(in.document->scenario, in.document->outcomes);
    if (!bad.empty()) throw InputError(bad);
  }
}

CalibrationData BuildCalibrationData(const std::vector<TrainingInput>& inputs,
                                     const CalibrationSettings& settings,
                                     const CalibrationBaseSource& source) {
  CalibrationData d;
  d.columns = CalibrationColumns(settings);
  for (std::size_t fi = 0; fi < inputs.size(); ++fi) {
    const Scenario& s = inputs[fi].document->scenario;
    RequireValid(s);
    const Errors bad = ValidateOutcomes(s, inputs[fi].document->outcomes);
    if (!bad.empty()) throw InputError(bad);
    // Check every column's options before the long runs.
    std::vector<std::vector<double>> base(d.columns.size());
    tbb::parallel_for(std::size_t{0}, d.columns.size(), [&](std::size_t j) {
      base[j] =
          source ? source(fi, j) : CalibrationUnitForecasts(inputs, settings, d.columns, fi, j);
    });
    std::map<std::string, int> group_index;
    for (std::size_t k = 0; k < s.issues.size(); ++k) {
      const Issue& issue = s.issues[k];
      const Outcome* out = inputs[fi].document->FindOutcome(issue.id);
      if (out == nullptr) continue;
      const IssueGroup* g = s.GroupOf(issue.id);
      std::string gid = g != nullptr ? g->id : "issue " + issue.id;
      if (inputs.size() > 1) gid = fmt::format("{}:{}", fi + 1, gid);
      auto [it, fresh] = group_index.try_emplace(gid, static_cast<int>(d.groups.size()));
      if (fresh) d.groups.push_back(gid);
      CalibrationCase c;
      c.issue = issue.id;
      c.group = it->second;
      c.outcome = out->value;
      c.lo = issue.scale.min;
      c.hi = issue.scale.max;
      c.sigma = ErrorScale(issue, settings.floor);
      if (!(c.sigma > 0)) {
        throw InputError(
            fmt::format("{}: issue {} has a zero-width scale; it cannot be calibrated on",
                        inputs[fi].path, issue.id));
      }
      for (const auto& col : base) c.base.push_back(col[k]);
      d.cases.push_back(std::move(c));
    }
  }
  if (d.cases.empty()) {
    throw InputError(
        "no training issue has an outcome; give scenarios with outcomes (a DEU file, YAML "
        "`outcome:`, a bundle's outcomes.csv)");
  }
  if (d.groups.size() < 2) throw InputError("cross-validation needs at least two groups");
  return d;
}

CalibrationRecord Calibrate(const std::vector<TrainingInput>& inputs,
                            const CalibrationSettings& settings, const std::string& created,
                            const std::function<void(const std::string&)>& progress,
                            const CalibrationBaseSource& source) {
  const auto say = [&progress](const std::string& stage) {
    if (progress) progress(stage);
  };
  CheckCalibration(inputs, settings);
  say("forecasts");
  const CalibrationData d = BuildCalibrationData(inputs, settings, source);
  const CvSettings cvs{settings.folds, settings.inner_folds};
  say("cross-validation");
  const CrossValidation cv = CrossValidate(d, cvs);
  say("final fit");
  const FinalFit fin = FitFinal(d, cvs);

  CalibrationRecord r;
  r.created = created;
  r.entente_version = std::string(Version());
  r.settings = settings;
  for (const TrainingInput& in : inputs) {
    TrainingFile t{in.path, in.sha256, 0, 0};
    r.training.push_back(t);
  }
  // Per-file counts: cases are in file order.
  {
    std::size_t ci = 0;
    for (std::size_t fi = 0; fi < inputs.size(); ++fi) {
      std::vector<int> groups;
      const Scenario& s = inputs[fi].document->scenario;
      for (const Issue& issue : s.issues) {
        if (ci < d.cases.size() && d.cases[ci].issue == issue.id &&
            inputs[fi].document->FindOutcome(issue.id) != nullptr) {
          ++r.training[fi].issues;
          groups.push_back(d.cases[ci].group);
          ++ci;
        }
      }
      std::sort(groups.begin(), groups.end());
      r.training[fi].groups =
          static_cast<int>(std::unique(groups.begin(), groups.end()) - groups.begin());
    }
  }
  r.cases = static_cast<int>(d.cases.size());
  r.groups = static_cast<int>(d.groups.size());
  r.design = fin.selection.design.kind;
  for (std::size_t j = 0; j < d.columns.size(); ++j) {
    const double w = fin.selection.design.weights[j];
    if (w > 0) r.weights.emplace_back(d.columns[j].family, w);
  }
  // Each gridded model's option set on all data (the rule FitEnsemble applies).
  for (std::size_t j = 0; j < d.columns.size();) {
    std::size_t best = j;
    double best_err = 0;
    for (const CalibrationCase& c : d.cases) best_err += std::abs(c.outcome - c.base[j]);
    std::size_t next = j + 1;
    for (; next < d.columns.size() && d.columns[next].family == d.columns[j].family; ++next) {
      double e = 0;
      for (const CalibrationCase& c : d.cases) e += std::abs(c.outcome - c.base[next]);
      if (e < best_err) {
        best_err = e;
        best = next;
      }
    }
    if (!d.columns[best].options.empty()) {
      r.options[d.columns[best].family] = d.columns[best].options;
    }
    j = next;
  }
  int folds = 0;
  for (int f : cv.fold) folds = std::max(folds, f + 1);
  r.fold_count = folds;
  r.ensemble_chosen = cv.ensemble_chosen;

  say("scores");
  std::vector<int> unit;
  for (const CalibrationCase& c : d.cases) unit.push_back(c.group);
  const int g = static_cast<int>(d.groups.size());
  const IssueErrors base = PointErrors(d, cv.compromise);
  const auto score = [&](const std::string& name, const std::vector<double>& f) {
    const IssueErrors e = PointErrors(d, f);
    return ToScore(name, ScoreModel(name, e, unit, g, settings.bootstrap, settings.seed, &base),
                   false);
  };
  r.scores.push_back(score("compromise", cv.compromise));
  for (const std::string& m : settings.models) {
    if (m == "compromise") continue;
    r.scores.push_back(score(m, cv.families.at(m)));
  }
  r.scores.push_back(score("ensemble", cv.ensemble));
  // The nested choice with its predictive distribution. CRPS is compared with the compromise
  // model's point error, its CRPS: the baseline is marked as having draws so the backtest's
  // scorer pairs the two.
  IssueErrors pe = PredictiveErrors(d, cv.selected, cv.atoms);
  IssueErrors paired = base;
  paired.pit = pe.pit;
  r.scores.push_back(ToScore(
      "selected", ScoreModel("selected", pe, unit, g, settings.bootstrap, settings.seed, &paired),
      true));

  r.z["ensemble"] = fin.z;
  for (const std::string& m : settings.models) r.z[m] = SortedZ(d, cv.families.at(m));
  return r;
}

}  // namespace entente
