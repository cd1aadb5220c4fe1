#include "entente/report/backtest_words.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "entente/core/text.hpp"

namespace entente::report {

std::string CompareToCompromise(const std::string& model, const Estimate& d) {
  const std::string interval =
      fmt::format("95% interval {} to {}", FormatFixed(d.lo, 2), FormatFixed(d.hi, 2));
  if (d.lo > 0 || d.hi < 0) {
    return fmt::format("{} is {} than compromise by {} points ({}).", model,
                       d.lo > 0 ? "worse" : "better", FormatFixed(std::abs(d.value), 2), interval);
  }
  return fmt::format(
      "{} is not clearly apart from compromise: {} points {} ({}, which includes 0).", model,
      FormatFixed(std::abs(d.value), 2), d.value >= 0 ? "worse" : "better", interval);
}

std::string BacktestVerdict(const BacktestResult& r) {
  if (r.scores.empty()) return {};
  const auto best = std::min_element(
      r.scores.begin(), r.scores.end(),
      [](const ModelScore& a, const ModelScore& b) { return a.mae.value < b.mae.value; });
  std::string out = fmt::format(
      "Over {} issues with known outcomes, the lowest mean absolute "
      "error is {}'s ({} points).",
      r.n, best->model, FormatFixed(best->mae.value, 2));
  for (const ModelScore& s : r.scores) {
    if (s.model == "compromise" || !s.mae_vs_compromise) continue;
    out += " " + CompareToCompromise(s.model, *s.mae_vs_compromise);
  }
  return out;
}

std::vector<std::string> WorstMisses(const BacktestResult& r, const Scenario& scenario,
                                     std::size_t model, std::size_t count) {
  std::vector<std::size_t> order(r.issues.size());
  std::iota(order.begin(), order.end(), 0);
  const auto miss = [&](std::size_t i) {
    return std::abs(r.issues[i].forecasts[model] - r.issues[i].outcome);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return miss(a) > miss(b); });
  std::vector<std::string> out;
  for (std::size_t k = 0; k < std::min(count, order.size()); ++k) {
    const BacktestIssue& i = r.issues[order[k]];
    const Issue* issue = scenario.FindIssue(i.id);
    const std::string name = issue == nullptr || issue->name.empty() || issue->name == i.id
                                 ? i.id
                                 : fmt::format("{} ({})", issue->name, i.id);
    std::string line = fmt::format("{}: {} forecast {}, outcome {}, a miss of {}", name,
                                   r.models[model], FormatFixed(i.forecasts[model], 1),
                                   FormatFixed(i.outcome, 1), FormatFixed(miss(order[k]), 1));
    if (i.closest != r.models[model]) {
      const auto c = std::find(r.models.begin(), r.models.end(), i.closest) - r.models.begin();
      line += fmt::format("; {} came closest ({})", i.closest,
                          FormatFixed(i.forecasts[static_cast<std::size_t>(c)], 1));
    }
    if (issue != nullptr && issue->status_quo) {
      line += fmt::format("; status quo {}", FormatFixed(*issue->status_quo, 1));
    }
    out.push_back(line + ".");
  }
  return out;
}

}  // namespace entente::report
