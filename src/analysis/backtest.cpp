// Backtest: run each model on the scenario (outcomes withheld), then score the issues that
// have an outcome. With draws, each model's Monte Carlo keeps every draw's outcome for this
// run only (SimulationOptions::keep_outcomes, draws x issues doubles: 1.4 MB for DEU I's 173
// issues and 1,000 draws, one model at a time), so the CRPS, PIT and intervals are exact for
// the empirical distribution of the draws; the streaming sketch's quantiles would add an error
// of up to 1/16,384 of the range per quantile. Scores in backtest_scores.cpp.
#include "entente/analysis/backtest.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "entente/analysis/monte_carlo.hpp"
#include "entente/analysis/scoring.hpp"
#include "entente/core/validation.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

// Bound on the draws kept at once (draws x issues doubles, 400 MB).
constexpr double kMaxKept = 5e7;

struct Scored {
  std::size_t issue = 0;  // index into Scenario::issues
  double outcome = 0;
};

// The value of the grouping field for an issue: its group, its procedure or a metadata key.
std::string SubsetKey(const Scenario& s, const Issue& issue, const std::string& by) {
  if (by == "group") {
    const IssueGroup* g = s.GroupOf(issue.id);
    return g == nullptr ? "(none)" : g->id;
  }
  if (by == "procedure") {
    const std::string* proc = issue.Meta("proc");
    const std::string* vote = issue.Meta("counvte");
    std::string out = proc != nullptr ? *proc : "";
    if (vote != nullptr) out += (out.empty() ? "" : " ") + *vote;
    return out.empty() ? "(none)" : out;
  }
  const std::string* v = issue.Meta(by);
  return v == nullptr || v->empty() ? "(none)" : *v;
}

// Per-issue errors of one model from its point forecasts and, with draws, its sorted columns.
IssueErrors ErrorsOf(const Scenario& s, const std::vector<Scored>& scored,
                     const std::vector<double>& point,
                     const std::vector<std::vector<double>>* columns) {
  IssueErrors e;
  std::vector<double> column;
  for (std::size_t i = 0; i < scored.size(); ++i) {
    const Scored& sc = scored[i];
    const Issue& issue = s.issues[sc.issue];
    const double err = point[sc.issue] - sc.outcome;
    e.error.push_back(err);
    e.range.push_back(issue.scale.Range());
    e.outcome.push_back(sc.outcome);
    if (columns == nullptr) {
      e.crps.push_back(std::abs(err));
      continue;
    }
    column = (*columns)[i];
    if (column.empty()) column.push_back(point[sc.issue]);
    e.crps.push_back(CrpsSample(column, sc.outcome));
    e.crps_fair.push_back(CrpsFair(column, sc.outcome));
    e.pit.push_back(MidPit(column, sc.outcome));
    constexpr double kLevels[3] = {0.5, 0.8, 0.9};
    for (int k = 0; k < 3; ++k) {
      const double a = (1 - kLevels[k]) / 2;
      e.interval[k].push_back({SampleQuantile(column, a), SampleQuantile(column, 1 - a)});
    }
  }
  return e;
}

// One model run on this machine: its point forecast, or its Monte Carlo with every draw kept.
ModelDraws RunModel(const Scenario& scenario, const std::vector<std::size_t>& scored,
                    const BacktestOptions& o, const std::string& name,
                    const ModelOptions& options) {
  ModelDraws m;
  if (o.draws == 0) {
    const Forecast f = RunForecast(scenario, name, options);
    for (const IssueForecast& i : f.issues) m.point.push_back(i.outcome);
    // A model can warn once per issue (eu: 66 unsettled issues on DEU I); three say enough.
    for (std::size_t w = 0; w < std::min<std::size_t>(3, f.warnings.size()); ++w) {
      m.warnings.push_back(name + ": " + f.warnings[w]);
    }
    if (f.warnings.size() > 3) {
      m.warnings.push_back(fmt::format("{}: {} more warnings like these (forecast shows them all)",
                                       name, f.warnings.size() - 3));
    }
    return m;
  }
  SimulationOptions so;
  so.model = name;
  so.model_options = options;
  so.draws = o.draws;
  so.seed = o.seed;
  so.threads = o.threads;
  so.noise_percent = o.noise_percent;
  so.pool = o.pool;
  so.keep_outcomes = true;
  so.summaries = false;  // the scores read the draws themselves
  so.cancel = o.cancel;
  const SimulationResult sim = Simulate(scenario, so);
  m.interrupted = sim.interrupted;
  for (const IssueDistribution& d : sim.issues) m.point.push_back(d.point);
  const std::size_t n_issues = scenario.issues.size();
  for (std::size_t k : scored) {
    std::vector<double>& column = m.columns.emplace_back();
    for (std::int64_t d = 0; d < sim.draws_done; ++d) {
      const double v = sim.outcomes[static_cast<std::size_t>(d) * n_issues + k];
      if (!std::isnan(v)) column.push_back(v);
    }
    std::sort(column.begin(), column.end(), DrawBefore);
  }
  return m;
}

IssueErrors Subset(const IssueErrors& e, const std::vector<std::size_t>& idx) {
  IssueErrors out;
  const auto pick = [&idx](const auto& v, auto& dst) {
    if (v.empty()) return;
    for (std::size_t i : idx) dst.push_back(v[i]);
  };
  pick(e.error, out.error);
  pick(e.range, out.range);
  pick(e.crps, out.crps);
  pick(e.crps_fair, out.crps_fair);
  pick(e.pit, out.pit);
  pick(e.outcome, out.outcome);
  for (int k = 0; k < 3; ++k) pick(e.interval[k], out.interval[k]);
  return out;
}

// Resampling units numbered 0..G-1 in order of first appearance; an issue in no group is a
// unit of its own.
int Units(const Scenario& s, const std::vector<Scored>& scored, const std::vector<std::size_t>& idx,
          std::vector<int>& unit) {
  std::vector<std::string> seen;
  unit.clear();
  for (std::size_t i : idx) {
    const Issue& issue = s.issues[scored[i].issue];
    const IssueGroup* g = s.GroupOf(issue.id);
    const std::string key = g != nullptr ? "g:" + g->id : "i:" + issue.id;
    auto it = std::find(seen.begin(), seen.end(), key);
    if (it == seen.end()) {
      seen.push_back(key);
      it = seen.end() - 1;
    }
    unit.push_back(static_cast<int>(it - seen.begin()));
  }
  return static_cast<int>(seen.size());
}

std::vector<ModelScore> ScoreAll(const BacktestResult& r, const Scenario& s,
                                 const std::vector<Scored>& scored,
                                 const std::vector<IssueErrors>& errors,
                                 const IssueErrors* baseline, const std::vector<std::size_t>& idx,
                                 const BacktestOptions& o) {
  std::vector<int> unit;
  const int g = Units(s, scored, idx, unit);
  std::vector<ModelScore> out;
  const IssueErrors base = baseline != nullptr ? Subset(*baseline, idx) : IssueErrors{};
  for (std::size_t m = 0; m < errors.size(); ++m) {
    out.push_back(ScoreModel(r.models[m], Subset(errors[m], idx), unit, g, o.bootstrap, o.seed,
                             baseline != nullptr ? &base : nullptr));
  }
  return out;
}

}  // namespace

std::vector<std::size_t> ScoredIssues(const Scenario& scenario,
                                      const std::vector<Outcome>& outcomes) {
  std::vector<std::size_t> scored;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    for (const Outcome& c : outcomes) {
      if (c.issue == scenario.issues[k].id) {
        scored.push_back(k);
        break;
      }
    }
  }
  return scored;
}

void CheckBacktest(const Scenario& scenario, const std::vector<Outcome>& outcomes,
                   const BacktestOptions& o) {
  RequireValid(scenario);
  if (Errors bad = ValidateOutcomes(scenario, outcomes); !bad.empty()) {
    throw InputError(std::move(bad));
  }
  if (o.models.empty()) throw InputError("backtest needs at least one model");
  for (const std::string& m : o.models) (void)RequireModel(m);
  if (o.draws < 0) throw InputError("draws must be 0 (point forecasts) or more");
  if (o.bootstrap < 0) throw InputError("bootstrap resamples must be 0 or more");
  if (static_cast<double>(o.draws) * static_cast<double>(scenario.issues.size()) > kMaxKept) {
    throw InputError(fmt::format(
        "{} draws x {} issues would keep more than {:.0f} million outcomes in memory; lower the "
        "draws",
        o.draws, scenario.issues.size(), kMaxKept / 1e6));
  }
  if (ScoredIssues(scenario, outcomes).empty()) {
    throw InputError(
        "the scenario has no outcomes to score; add 'outcome:' to its issues (YAML), an "
        "outcomes.csv (CSV bundle) or give --outcomes FILE");
  }
  if (!o.by.empty() && o.by != "group" && o.by != "procedure") {
    bool known = false;
    for (const Issue& i : scenario.issues) known = known || i.Meta(o.by) != nullptr;
    if (!known) {
      throw InputError(fmt::format(
          "no issue has the field '{}' to group by; use group, procedure or a metadata key", o.by));
    }
  }
}

BacktestResult RunBacktest(const Scenario& scenario, const std::vector<Outcome>& outcomes,
                           const BacktestOptions& o) {
  CheckBacktest(scenario, outcomes, o);
  const std::vector<std::size_t> scored = ScoredIssues(scenario, outcomes);
  return RunBacktest(scenario, outcomes, o,
                     [&](const std::string& name, const ModelOptions& options) {
                       return RunModel(scenario, scored, o, name, options);
                     });
}

BacktestResult RunBacktest(const Scenario& scenario, const std::vector<Outcome>& outcomes,
                           const BacktestOptions& o, const ModelDrawSource& source) {
  CheckBacktest(scenario, outcomes, o);
  BacktestResult r;
  r.title = scenario.meta.title;
  r.draws = o.draws;
  r.noise_percent = o.noise_percent;
  r.seed = o.seed;
  r.bootstrap = o.bootstrap;
  r.by = o.by;
  std::vector<Scored> scored;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Outcome* out = nullptr;
    for (const Outcome& c : outcomes) {
      if (c.issue == scenario.issues[k].id) out = &c;
    }
    if (out != nullptr) scored.push_back(Scored{k, out->value});
  }
  r.n = static_cast<int>(scored.size());
  r.unscored = static_cast<int>(scenario.issues.size() - scored.size());

  std::vector<IssueErrors> errors;
  std::vector<std::vector<double>> points;
  const int total = static_cast<int>(o.models.size());
  for (const std::string& name : o.models) {
    const auto opt = o.model_options.find(name);
    const ModelOptions options = opt == o.model_options.end() ? ModelOptions{} : opt->second;
    ModelDraws m = source(name, options);
    if (m.interrupted) {
      r.interrupted = true;
      break;
    }
    r.warnings.insert(r.warnings.end(), m.warnings.begin(), m.warnings.end());
    errors.push_back(ErrorsOf(scenario, scored, m.point, o.draws == 0 ? nullptr : &m.columns));
    std::vector<double> point = std::move(m.point);
    r.models.push_back(name);
    points.push_back(std::move(point));
    if (o.progress) o.progress(static_cast<int>(r.models.size()), total);
  }
  if (r.models.empty()) return r;

  // The compromise model is the one to beat (Achen 2006): every model's paired difference to it.
  std::optional<IssueErrors> baseline;
  if (auto it = std::find(r.models.begin(), r.models.end(), "compromise"); it != r.models.end()) {
    baseline = errors[static_cast<std::size_t>(it - r.models.begin())];
  } else {
    const Forecast f = RunForecast(scenario, "compromise", {});
    std::vector<double> point;
    for (const IssueForecast& i : f.issues) point.push_back(i.outcome);
    baseline = ErrorsOf(scenario, scored, point, nullptr);
  }

  std::vector<std::size_t> all(scored.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  std::vector<int> unit;
  r.groups = Units(scenario, scored, all, unit);
  r.scores = ScoreAll(r, scenario, scored, errors, &*baseline, all, o);

  for (std::size_t i = 0; i < scored.size(); ++i) {
    const Issue& issue = scenario.issues[scored[i].issue];
    BacktestIssue bi;
    bi.id = issue.id;
    const IssueGroup* g = scenario.GroupOf(issue.id);
    bi.group = g != nullptr ? g->id : "";
    bi.outcome = scored[i].outcome;
    bi.range = issue.scale.Range();
    double best = HUGE_VAL;
    for (std::size_t m = 0; m < r.models.size(); ++m) {
      bi.forecasts.push_back(points[m][scored[i].issue]);
      bi.crps.push_back(errors[m].crps[i]);
      if (!errors[m].pit.empty()) bi.pit.push_back(errors[m].pit[i]);
      const double abs_e = std::abs(errors[m].error[i]);
      if (abs_e < best) {
        best = abs_e;
        bi.closest = r.models[m];
      }
    }
    r.issues.push_back(std::move(bi));
  }

  if (!o.by.empty()) {
    std::vector<std::string> keys;
    std::vector<std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < scored.size(); ++i) {
      const std::string key = SubsetKey(scenario, scenario.issues[scored[i].issue], o.by);
      auto it = std::find(keys.begin(), keys.end(), key);
      if (it == keys.end()) {
        keys.push_back(key);
        members.emplace_back();
        it = keys.end() - 1;
      }
      members[static_cast<std::size_t>(it - keys.begin())].push_back(i);
    }
    for (std::size_t k = 0; k < keys.size(); ++k) {
      r.subsets.push_back(
          BacktestSubset{keys[k], static_cast<int>(members[k].size()),
                         ScoreAll(r, scenario, scored, errors, &*baseline, members[k], o)});
    }
  }
  return r;
}

}  // namespace entente
