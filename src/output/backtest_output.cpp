#include "entente/output/backtest_output.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"

namespace entente {
namespace {

using J = nlohmann::ordered_json;

void Put(J& j, const std::string& key, const Estimate& e) {
  j[key] = e.value;
  j[key + "_ci"] = J::array({e.lo, e.hi});
}

J PointJson(const ModelScore& s, bool pct) {
  J j = J::object();
  Put(j, "mae", pct ? s.mae_pct : s.mae);
  Put(j, "rmse", pct ? s.rmse_pct : s.rmse);
  Put(j, "median_ae", pct ? s.median_ae_pct : s.median_ae);
  Put(j, "bias", pct ? s.bias_pct : s.bias);
  Put(j, "within5", pct ? s.within5_pct : s.within5);
  Put(j, "within10", pct ? s.within10_pct : s.within10);
  Put(j, "within20", pct ? s.within20_pct : s.within20);
  return j;
}

J ModelJson(const ModelScore& s) {
  J j;
  j["model"] = s.model;
  j["n"] = s.n;
  j.update(PointJson(s, false));
  j["pct"] = PointJson(s, true);
  Put(j, "crps", s.crps);
  if (s.crps_fair) {
    Put(j, "crps_fair", *s.crps_fair);
  } else {
    j["crps_fair"] = nullptr;
  }
  if (s.intervals.empty()) {
    j["coverage"] = nullptr;
    j["interval_score"] = nullptr;
    j["pit"] = nullptr;
  } else {
    J cov = J::object(), cov_ci = J::object(), score = J::object(), width = J::object();
    for (const IntervalScores& iv : s.intervals) {
      const std::string key = fmt::format("{}", static_cast<int>(std::lround(iv.level * 100)));
      cov[key] = iv.coverage.value;
      cov_ci[key] = J::array({iv.coverage.lo, iv.coverage.hi});
      score[key] = iv.score.value;
      width[key] = iv.mean_width;
    }
    j["coverage"] = cov;
    j["coverage_ci"] = cov_ci;
    j["interval_score"] = score;
    j["interval_width"] = width;
    j["pit"] = s.pit;
  }
  if (s.mae_vs_compromise) {
    J vs = J::object();
    Put(vs, "mae", *s.mae_vs_compromise);
    if (s.crps_vs_compromise) Put(vs, "crps", *s.crps_vs_compromise);
    j["vs_compromise"] = vs;
  }
  return j;
}

// "23.97 [21.35, 26.70]" with `d` decimals; a sign for differences.
std::string WithCi(const Estimate& e, int d, bool sign = false) {
  const auto f = [&](double v) {
    std::string t = FormatFixed(v, d);
    if (sign && t[0] != '-') t = "+" + t;
    return t;
  };
  return fmt::format("{} [{}, {}]", f(e.value), f(e.lo), f(e.hi));
}

std::string Percent(double share) {
  return fmt::format("{}%", FormatFixed(share * 100, 0));
}

// Ten PIT bars as block characters, scaled to the tallest.
std::string Spark(const std::vector<int>& bars) {
  static const char* const kBlocks[] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                        "\u2585", "\u2586", "\u2587", "\u2588"};
  const int top = bars.empty() ? 0 : *std::max_element(bars.begin(), bars.end());
  std::string out;
  for (int b : bars) out += kBlocks[top == 0 ? 0 : std::min(7, b * 8 / (top + 1))];
  return out;
}

std::string Verdict(const BacktestResult& r) {
  std::string out;
  const auto best = std::min_element(
      r.scores.begin(), r.scores.end(),
      [](const ModelScore& a, const ModelScore& b) { return a.mae.value < b.mae.value; });
  out += fmt::format("Lowest MAE: {} ({}).", best->model, FormatFixed(best->mae.value, 2));
  for (const ModelScore& s : r.scores) {
    if (s.model == "compromise" || !s.mae_vs_compromise) continue;
    const Estimate& d = *s.mae_vs_compromise;
    const std::string diff = FormatFixed(std::abs(d.value), 2);
    const std::string ci = fmt::format("[{}, {}]", FormatFixed(d.lo, 2), FormatFixed(d.hi, 2));
    if (d.lo > 0 || d.hi < 0) {
      out += fmt::format(" {} is {} than compromise by {} points of MAE {}.", s.model,
                         d.lo > 0 ? "worse" : "better", diff, ci);
    } else {
      out += fmt::format(" {} is not clearly apart from compromise ({} points {}, {}).", s.model,
                         diff, d.value >= 0 ? "worse" : "better", ci);
    }
  }
  return out + "\n";
}

std::string ScoreRows(const std::vector<ModelScore>& scores, std::size_t width) {
  std::string out = fmt::format("{:<{}}  {:>4}  {:<22}  {:>6}  {:>6}  {:>6}  {:>15}  {:>6}  {}\n",
                                "model", width, "n", "MAE [95% CI]", "RMSE", "median", "bias",
                                "within 5/10/20", "CRPS", "MAE vs compromise");
  for (const ModelScore& s : scores) {
    const std::string bias = (s.bias.value >= 0 ? "+" : "") + FormatFixed(s.bias.value, 2);
    out += fmt::format(
        "{:<{}}  {:>4}  {:<22}  {:>6}  {:>6}  {:>6}  {:>15}  {:>6}  {}\n", s.model, width, s.n,
        WithCi(s.mae, 2), FormatFixed(s.rmse.value, 2), FormatFixed(s.median_ae.value, 2), bias,
        fmt::format("{} {} {}", Percent(s.within5.value), Percent(s.within10.value),
                    Percent(s.within20.value)),
        FormatFixed(s.crps.value, 2),
        s.model == "compromise" || !s.mae_vs_compromise ? "-"
                                                        : WithCi(*s.mae_vs_compromise, 2, true));
  }
  return out;
}

}  // namespace

J BacktestJson(const BacktestResult& r) {
  J j;
  j["scenario"] = r.title;
  j["n"] = r.n;
  j["unscored"] = r.unscored;
  j["groups"] = r.groups;
  j["draws"] = r.draws;
  j["noise_percent"] = r.noise_percent;
  j["seed"] = r.seed;
  j["bootstrap"] = r.bootstrap;
  j["interrupted"] = r.interrupted;
  J models = J::array();
  for (const ModelScore& s : r.scores) models.push_back(ModelJson(s));
  j["models"] = models;
  J issues = J::array();
  for (const BacktestIssue& i : r.issues) {
    J f = J::object(), e = J::object(), c = J::object(), p = J::object();
    for (std::size_t m = 0; m < r.models.size(); ++m) {
      f[r.models[m]] = i.forecasts[m];
      e[r.models[m]] = i.forecasts[m] - i.outcome;
      c[r.models[m]] = i.crps[m];
      if (!i.pit.empty()) p[r.models[m]] = i.pit[m];
    }
    J ij;
    ij["id"] = i.id;
    ij["group"] = i.group.empty() ? J(nullptr) : J(i.group);
    ij["outcome"] = i.outcome;
    ij["forecasts"] = f;
    ij["errors"] = e;
    ij["crps"] = c;
    ij["pit"] = i.pit.empty() ? J(nullptr) : p;
    ij["closest"] = i.closest;
    issues.push_back(ij);
  }
  j["issues"] = issues;
  j["by"] = r.by.empty() ? J(nullptr) : J(r.by);
  J subsets = J::array();
  for (const BacktestSubset& s : r.subsets) {
    J sj;
    sj["value"] = s.value;
    sj["n"] = s.n;
    J ms = J::array();
    for (const ModelScore& m : s.models) ms.push_back(ModelJson(m));
    sj["models"] = ms;
    subsets.push_back(sj);
  }
  j["subsets"] = subsets;
  j["warnings"] = r.warnings;
  return j;
}

std::string BacktestTable(const BacktestResult& r) {
  std::string out = fmt::format("Backtest: {}\n", r.title.empty() ? "scenario" : r.title);
  out += fmt::format(
      "{} issues with outcomes{}, {} resampling groups; {}; 95% intervals from {} bootstrap "
      "resamples of the groups (seed {}).\n",
      r.n, r.unscored > 0 ? fmt::format(" ({} without, not scored)", r.unscored) : "", r.groups,
      r.draws > 0
          ? fmt::format("{} draws per model, noise {}%", r.draws, FormatNumber(r.noise_percent))
          : "point forecasts",
      r.bootstrap, r.seed);
  if (r.interrupted) out += "Interrupted: only the models finished before are scored.\n";
  if (r.scores.empty()) return out;
  std::size_t width = 5;
  for (const std::string& m : r.models) width = std::max(width, m.size());
  out += "\nErrors in scale units (forecast - outcome):\n" + ScoreRows(r.scores, width);
  bool other_ranges = false;
  for (const BacktestIssue& i : r.issues) other_ranges |= i.range != 100;
  if (other_ranges) {
    out += "\nIn % of each issue's range:\n";
    for (const ModelScore& s : r.scores) {
      out += fmt::format("{:<{}}  MAE {}  RMSE {}  median {}  within 5/10/20% {} {} {}\n", s.model,
                         width, WithCi(s.mae_pct, 2), FormatFixed(s.rmse_pct.value, 2),
                         FormatFixed(s.median_ae_pct.value, 2), Percent(s.within5_pct.value),
                         Percent(s.within10_pct.value), Percent(s.within20_pct.value));
    }
  }
  if (r.draws > 0) {
    out += fmt::format("\nProbabilistic scores ({} draws per model):\n", r.draws);
    out +=
        fmt::format("{:<{}}  {:<22}  {:>9}  {:>16}  {:>17}  {}\n", "model", width, "CRPS [95% CI]",
                    "fair CRPS", "cover 50/80/90", "int. score 50/90", "PIT (10 bars)");
    for (const ModelScore& s : r.scores) {
      if (s.intervals.size() != 3) continue;
      out += fmt::format("{:<{}}  {:<22}  {:>9}  {:>16}  {:>17}  {}\n", s.model, width,
                         WithCi(s.crps, 2), FormatFixed(s.crps_fair->value, 2),
                         fmt::format("{} {} {}", Percent(s.intervals[0].coverage.value),
                                     Percent(s.intervals[1].coverage.value),
                                     Percent(s.intervals[2].coverage.value)),
                         fmt::format("{} {}", FormatFixed(s.intervals[0].score.value, 1),
                                     FormatFixed(s.intervals[2].score.value, 1)),
                         Spark(s.pit));
    }
  }
  out += "\n" + Verdict(r);
  for (const BacktestSubset& sub : r.subsets) {
    out += fmt::format("\n{} = {} ({} issues):\n", r.by, sub.value, sub.n);
    out += ScoreRows(sub.models, width);
  }
  // Issues, worst misses of the first model first.
  std::vector<std::size_t> order(r.issues.size());
  std::iota(order.begin(), order.end(), 0);
  const auto miss = [&r](std::size_t i) {
    return std::abs(r.issues[i].forecasts[0] - r.issues[i].outcome);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return miss(a) > miss(b); });
  std::size_t id_width = 5;
  std::size_t group_width = 0;  // 0: no issue has a group, and the table has no group column
  for (const BacktestIssue& i : r.issues) {
    id_width = std::max(id_width, i.id.size());
    if (!i.group.empty()) group_width = std::max<std::size_t>({group_width, 5, i.group.size()});
  }
  const auto group_cell = [group_width](const std::string& group) {
    return group_width == 0 ? std::string()
                            : fmt::format("  {:<{}}", group.empty() ? "-" : group, group_width);
  };
  out += fmt::format("\nIssues, worst misses of {} first:\n{:<{}}{}  {:>7}", r.models[0], "issue",
                     id_width, group_cell("group"), "outcome");
  for (const std::string& m : r.models)
    out += fmt::format("  {:>{}}", m, std::max<std::size_t>(m.size(), 6));
  out += "  closest\n";
  for (std::size_t k : order) {
    const BacktestIssue& i = r.issues[k];
    out += fmt::format("{:<{}}{}  {:>7}", i.id, id_width, group_cell(i.group),
                       FormatFixed(i.outcome, 1));
    for (std::size_t m = 0; m < r.models.size(); ++m) {
      out += fmt::format("  {:>{}}", FormatFixed(i.forecasts[m], 1),
                         std::max<std::size_t>(r.models[m].size(), 6));
    }
    out += "  " + i.closest + "\n";
  }
  for (const std::string& w : r.warnings) out += "warning: " + w + "\n";
  return out;
}

std::string BacktestCsv(const BacktestResult& r) {
  std::string out = CsvLine({"issue", "group", "outcome", "model", "forecast", "error", "abs_error",
                             "crps", "pit", "closest"});
  for (const BacktestIssue& i : r.issues) {
    for (std::size_t m = 0; m < r.models.size(); ++m) {
      const double e = i.forecasts[m] - i.outcome;
      out += CsvLine({i.id, i.group, FormatNumber(i.outcome), r.models[m],
                      FormatNumber(i.forecasts[m]), FormatNumber(e), FormatNumber(std::abs(e)),
                      FormatNumber(i.crps[m]), i.pit.empty() ? "" : FormatNumber(i.pit[m]),
                      i.closest});
    }
  }
  return out;
}

std::string FormatBacktest(const BacktestResult& result, OutputFormat format) {
  switch (format) {
    case OutputFormat::kJson: return BacktestJson(result).dump(2) + "\n";
    case OutputFormat::kCsv: return BacktestCsv(result);
    case OutputFormat::kTable: return BacktestTable(result);
  }
  return BacktestTable(result);
}

}  // namespace entente
