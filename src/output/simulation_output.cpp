#include "entente/output/simulation_output.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/grouped_issues.hpp"
#include "entente/core/text.hpp"
#include "entente/output/group_output.hpp"

namespace entente {
namespace {

std::string Percent(double p) {
  if (p > 0 && p < 0.005) return "<1%";
  if (p < 1 && p > 0.995) return ">99%";
  return FormatFixed(100 * p, 0) + "%";
}

std::string VetoText(const IssueDistribution& d) {
  std::string out;
  for (const VetoShare& v : d.vetoes) {
    if (v.share <= 0) continue;
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", v.actor, Percent(v.share));
  }
  return out.empty() ? "-" : out;
}

}  // namespace

std::string SimulationTable(const Scenario& scenario, const SimulationResult& r) {
  std::string out =
      fmt::format("{}\nmodel: {}   draws: {}   seed: {}   noise: {}   uncertain inputs: {}\n",
                  scenario.meta.title.empty() ? "Scenario" : scenario.meta.title, r.model,
                  r.draws_done, r.seed, FormatNumber(r.noise_percent) + "%", r.uncertain_inputs);
  if (r.interrupted) {
    out += fmt::format("INTERRUPTED after {} of {} draws; the figures below cover those draws.\n",
                       r.draws_done, r.draws_requested);
  }
  std::size_t w = 5;
  for (const Issue& i : scenario.issues) w = std::max(w, i.id.size());
  out +=
      fmt::format("\n{:<{}}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {}\n", "issue",
                  w, "point", "mean", "5%", "25%", "median", "75%", "95%", "P(sq)", "binding veto");
  for (const GroupedIssues& section : IssuesByGroup(scenario)) {
    if (!scenario.groups.empty()) out += GroupHeading(section) + "\n";
    for (const std::size_t k : section.issues) {
      if (k >= r.issues.size()) continue;
      const IssueDistribution& d = r.issues[k];
      out += fmt::format("{:<{}}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {:>6}  {}\n",
                         d.issue_id, w, FormatFixed(d.point, 1), FormatFixed(d.mean, 1),
                         FormatFixed(d.p05, 1), FormatFixed(d.p25, 1), FormatFixed(d.p50, 1),
                         FormatFixed(d.p75, 1), FormatFixed(d.p95, 1),
                         d.p_status_quo ? Percent(*d.p_status_quo) : "-", VetoText(d));
    }
  }
  std::string notes;
  for (const IssueDistribution& d : r.issues) {
    for (const ThresholdResult& t : d.thresholds) {
      notes += fmt::format("- {}: P(outcome >= {}) = {}, P(outcome <= {}) = {}\n", d.issue_id,
                           FormatNumber(t.value), Percent(t.p_ge), FormatNumber(t.value),
                           Percent(t.p_le));
    }
    if (d.fallback_draws > 0) {
      notes += fmt::format("- {}: {} draws left no actor with weight; they kept the coded inputs\n",
                           d.issue_id, d.fallback_draws);
    }
  }
  if (!notes.empty()) out += "\n" + notes;
  for (const std::string& warning : r.warnings) out += fmt::format("warning: {}\n", warning);
  if (!r.sensitivity.empty()) {
    out +=
        "\nWhat moves each outcome most (input at its 5% / 95% point, others as coded; S1 = share "
        "of variance):\n";
    for (const IssueSensitivity& s : r.sensitivity) {
      out += fmt::format("{}:\n", s.issue_id);
      if (s.effects.empty()) out += "  (no uncertain input moves it)\n";
      for (std::size_t e = 0; e < std::min<std::size_t>(5, s.effects.size()); ++e) {
        const InputEffect& x = s.effects[e];
        out += fmt::format("  {:<16} {:<10} {:>6} -> {:>6}   outcome {:>6} -> {:>6}   S1 {:.2f}\n",
                           x.actor + (x.input_issue == s.issue_id ? "" : "@" + x.input_issue),
                           StanceFieldName(x.field), FormatFixed(x.low, 2), FormatFixed(x.high, 2),
                           FormatFixed(x.outcome_low, 1), FormatFixed(x.outcome_high, 1),
                           x.first_order);
      }
    }
  }
  return out;
}

nlohmann::ordered_json SimulationJson(const Scenario& scenario, const SimulationResult& r) {
  using J = nlohmann::ordered_json;
  J issues = J::array();
  for (std::size_t k = 0; k < r.issues.size(); ++k) {
    const IssueDistribution& d = r.issues[k];
    J hist = J::array();
    for (const HistogramBin& b : d.histogram)
      hist.push_back({{"lo", b.lo}, {"hi", b.hi}, {"count", b.count}});
    J thresholds = J::array();
    for (const ThresholdResult& t : d.thresholds) {
      thresholds.push_back({{"value", t.value}, {"p_ge", t.p_ge}, {"p_le", t.p_le}});
    }
    J vetoes = J::array();
    for (const VetoShare& v : d.vetoes) vetoes.push_back({{"actor", v.actor}, {"share", v.share}});
    J issue = {{"id", d.issue_id}, {"name", scenario.issues[k].name}};
    if (!scenario.groups.empty()) {
      const std::string group = GroupIdOf(scenario, d.issue_id);
      issue["group"] = group.empty() ? J() : J(group);
    }
    issue.update(
        J{{"point", d.point},
          {"mean", d.mean},
          {"sd", d.sd},
          {"min", d.min},
          {"max", d.max},
          {"quantiles",
           {{"p05", d.p05}, {"p25", d.p25}, {"p50", d.p50}, {"p75", d.p75}, {"p95", d.p95}}},
          {"p_status_quo", d.p_status_quo ? J(*d.p_status_quo) : J()},
          {"thresholds", thresholds},
          {"binding_vetoes", vetoes},
          {"fallback_draws", d.fallback_draws},
          {"histogram", hist}});
    issues.push_back(std::move(issue));
  }
  J out = {{"scenario", scenario.meta.title},
           {"model", r.model},
           {"draws", r.draws_requested},
           {"draws_done", r.draws_done},
           {"interrupted", r.interrupted},
           {"seed", r.seed},
           {"noise_percent", r.noise_percent},
           {"uncertain_inputs", r.uncertain_inputs},
           {"warnings", r.warnings}};
  if (!scenario.groups.empty()) out["groups"] = GroupsJson(scenario);
  out["issues"] = std::move(issues);
  if (!r.sensitivity.empty()) {
    J sens = J::array();
    for (const IssueSensitivity& s : r.sensitivity) {
      J effects = J::array();
      for (const InputEffect& e : s.effects) {
        effects.push_back({{"actor", e.actor},
                           {"issue", e.input_issue},
                           {"field", StanceFieldName(e.field)},
                           {"low", e.low},
                           {"high", e.high},
                           {"outcome_low", e.outcome_low},
                           {"outcome_high", e.outcome_high},
                           {"first_order", e.first_order}});
      }
      sens.push_back({{"issue", s.issue_id}, {"inputs", effects}});
    }
    out["sensitivity"] = sens;
  }
  return out;
}

}  // namespace entente
