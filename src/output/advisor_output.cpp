#include "entente/output/advisor_output.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/grouped_issues.hpp"
#include "entente/core/text.hpp"
#include "entente/output/group_output.hpp"

namespace entente {
namespace {

using J = nlohmann::ordered_json;

J MoveJson(const LeverMove& m) {
  return {{"actor", m.actor},
          {"lever", LeverName(m.lever)},
          {"from", m.from},
          {"to", m.to},
          {"size", m.size},
          {"outcome", m.outcome},
          {"method", SearchMethodName(m.method)}};
}

std::string MoveLine(const LeverMove& m) {
  return fmt::format("  {:<16} {:<9} {:>7} -> {:>7}   ({:.0f}% of its range, {})\n", m.actor,
                     LeverName(m.lever), FormatFixed(m.from, 2), FormatFixed(m.to, 2), 100 * m.size,
                     SearchMethodName(m.method));
}

double TotalStrain(const AllianceCohesion& a) {
  double t = 0;
  for (const IssueCohesion& i : a.issues) t += i.strain;
  return t;
}

}  // namespace

std::string CohesionTable(const Scenario& scenario, const std::string& model,
                          const std::vector<AllianceCohesion>& cohesion) {
  if (cohesion.empty()) return "The scenario declares no alliances (add 'alliances:' to it).\n";
  std::string out;
  for (const AllianceCohesion& a : cohesion) {
    out += fmt::format("Alliance {} (model: {}), issues from most to least strained\n",
                       a.alliance_id, model);
    std::size_t w = 5;
    for (const IssueCohesion& i : a.issues) w = std::max(w, i.issue_id.size());
    out +=
        fmt::format("{:<{}}  {:>6}  {:>10}  {:>9}  {:>7}  {}\n", "issue", w, "strain", "gap before",
                    "gap after", "outcome", "allies' losses (salience x distance)");
    for (const IssueCohesion& i : a.issues) {
      std::string losses;
      for (const MemberLoss& l : i.members) {
        losses += fmt::format("{}{} {:.2f} (at {})", losses.empty() ? "" : ", ", l.actor, l.loss,
                              FormatNumber(l.position));
      }
      out += fmt::format("{:<{}}  {:>6.2f}  {:>10.2f}  {:>9.2f}  {:>7}  {}\n", i.issue_id, w,
                         i.strain, i.gap_before, i.gap_after, FormatFixed(i.outcome, 1), losses);
    }
    if (!a.issues.empty()) {
      const IssueCohesion& top = a.issues.front();
      const auto worst = std::max_element(
          top.members.begin(), top.members.end(),
          [](const MemberLoss& x, const MemberLoss& y) { return x.loss < y.loss; });
      out += fmt::format("Most strained: {}, where {} loses most from the forecast {}.\n\n",
                         top.issue_id, worst->actor, FormatFixed(top.outcome, 1));
    }
  }
  (void)scenario;
  out.pop_back();
  return out;
}

J CohesionJson(const std::string& model, const std::vector<AllianceCohesion>& cohesion) {
  J alliances = J::array();
  for (const AllianceCohesion& a : cohesion) {
    J issues = J::array();
    for (const IssueCohesion& i : a.issues) {
      J members = J::array();
      for (const MemberLoss& l : i.members) {
        members.push_back({{"actor", l.actor},
                           {"position", l.position},
                           {"salience", l.salience},
                           {"loss", l.loss}});
      }
      issues.push_back({{"issue", i.issue_id},
                        {"strain", i.strain},
                        {"gap_before", i.gap_before},
                        {"gap_after", i.gap_after},
                        {"outcome", i.outcome},
                        {"members", members}});
    }
    alliances.push_back(
        {{"alliance", a.alliance_id}, {"total_strain", TotalStrain(a)}, {"issues", issues}});
  }
  return {{"model", model}, {"alliances", alliances}};
}

std::string AdviceTable(const std::string& actor, const std::string& model,
                        const std::vector<IssueAdvice>& advice) {
  std::string out = fmt::format("Advice for {} (model: {})\n", actor, model);
  for (const IssueAdvice& a : advice) {
    out += fmt::format("\n{}: forecast {}, target {}\n", a.issue_id, FormatFixed(a.outcome, 1),
                       FormatFixed(a.target, 1));
    out += a.summary + "\n";
    if (a.already) continue;
    if (a.own_position || a.own_salience) out += "Own moves:\n";
    if (a.own_position) out += MoveLine(*a.own_position);
    if (a.own_salience) out += MoveLine(*a.own_salience);
    if (!a.others.empty()) out += "Other actors, smallest move first:\n";
    for (std::size_t i = 0; i < std::min<std::size_t>(8, a.others.size()); ++i)
      out += MoveLine(a.others[i]);
    if (a.best_pair) {
      out += "Best pair:\n" + MoveLine(a.best_pair->first) + MoveLine(a.best_pair->second);
    }
  }
  return out;
}

J AdviceJson(const std::string& actor, const std::string& model,
             const std::vector<IssueAdvice>& advice) {
  J issues = J::array();
  for (const IssueAdvice& a : advice) {
    J others = J::array();
    for (const LeverMove& m : a.others) others.push_back(MoveJson(m));
    J blockers = J::array();
    for (const Blocker& b : a.blockers) {
      blockers.push_back(
          {{"actor", b.actor}, {"position", b.position}, {"threshold", b.threshold}});
    }
    issues.push_back(
        {{"issue", a.issue_id},
         {"outcome", a.outcome},
         {"target", a.target},
         {"already", a.already},
         {"own_position", a.own_position ? MoveJson(*a.own_position) : J()},
         {"own_salience", a.own_salience ? MoveJson(*a.own_salience) : J()},
         {"others", others},
         {"best_pair",
          a.best_pair ? J{MoveJson(a.best_pair->first), MoveJson(a.best_pair->second)} : J()},
         {"blockers", blockers},
         {"stability", a.stability ? J{{"flag", a.stability->knife_edge ? "knife-edge" : "stable"},
                                       {"range", {a.stability->lo, a.stability->hi}}}
                                   : J()},
         {"summary", a.summary}});
  }
  return {{"actor", actor}, {"model", model}, {"issues", issues}};
}

std::string ComparisonTable(const Scenario& scenario, const std::vector<Variant>& variants) {
  std::string out =
      fmt::format("Strategy comparison (model: {})\n", variants.front().forecast.model);
  const bool uncertain = variants.front().simulation.has_value();
  for (std::size_t v = 1; v < variants.size(); ++v) {
    out += fmt::format("  {}: {}\n", v, VariantLabel(variants[v]));
  }
  std::size_t w = 5;
  for (const Issue& i : scenario.issues) w = std::max(w, i.id.size());
  out += fmt::format("\n{:<{}}  {:>8}", "issue", w, "baseline");
  for (std::size_t v = 1; v < variants.size(); ++v)
    out += fmt::format("  {:>13}", fmt::format("[{}]", v));
  out += uncertain ? "\n(mean outcome over the draws; change from the baseline in brackets)\n"
                   : "\n(outcome after the decision rule; change from the baseline in brackets)\n";
  const auto row = [&](std::size_t k, const auto& value) {
    const double base = value(variants.front());
    out += fmt::format("{:<{}}  {:>8}", scenario.issues[k].id, w, FormatFixed(base, 1));
    for (std::size_t v = 1; v < variants.size(); ++v) {
      const double y = value(variants[v]);
      const double d = y - base;
      out += fmt::format("  {:>13}", std::abs(d) < 0.05
                                         ? FormatFixed(y, 1)
                                         : fmt::format("{} ({}{})", FormatFixed(y, 1),
                                                       d > 0 ? "+" : "", FormatFixed(d, 1)));
    }
    out += '\n';
  };
  // A grouped scenario's rows go by group, each under a heading line.
  const std::vector<GroupedIssues> sections = IssuesByGroup(scenario);
  for (const GroupedIssues& section : sections) {
    if (!scenario.groups.empty()) out += GroupHeading(section) + "\n";
    for (const std::size_t k : section.issues) {
      row(k, [&](const Variant& var) {
        return uncertain ? var.simulation->issues[k].mean : var.forecast.issues[k].outcome;
      });
    }
  }
  // Where vetoes pin the outcome, the pressure a move creates shows in the model's own forecast.
  out += "\nThe model's forecast before the decision rule (the pressure each move creates):\n";
  for (const GroupedIssues& section : sections) {
    if (!scenario.groups.empty()) out += GroupHeading(section) + "\n";
    for (const std::size_t k : section.issues) {
      row(k, [&](const Variant& var) { return var.forecast.issues[k].unconstrained; });
    }
  }
  out += "\nAlliance strain (sum over issues; higher is worse):\n";
  for (std::size_t a = 0; a < variants.front().cohesion.size(); ++a) {
    out += fmt::format("{:<{}}  {:>8.2f}", "strain " + variants.front().cohesion[a].alliance_id, w,
                       TotalStrain(variants.front().cohesion[a]));
    for (std::size_t v = 1; v < variants.size(); ++v) {
      out += fmt::format("  {:>13.2f}", TotalStrain(variants[v].cohesion[a]));
    }
    out += '\n';
  }
  return out;
}

J ComparisonJson(const Scenario& scenario, const std::vector<Variant>& variants) {
  J list = J::array();
  const Variant& base = variants.front();
  for (const Variant& v : variants) {
    J issues = J::array();
    for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
      const IssueForecast& f = v.forecast.issues[k];
      J issue = {{"id", f.issue_id}};
      if (!scenario.groups.empty()) {
        const std::string group = GroupIdOf(scenario, f.issue_id);
        issue["group"] = group.empty() ? J() : J(group);
      }
      issue.update(
          J{{"outcome", f.outcome},
            {"change", f.outcome - base.forecast.issues[k].outcome},
            {"unconstrained", f.unconstrained},
            {"unconstrained_change", f.unconstrained - base.forecast.issues[k].unconstrained},
            {"binding_veto", f.binding_veto ? J(*f.binding_veto) : J()}});
      if (v.simulation) {
        const IssueDistribution& d = v.simulation->issues[k];
        issue["mean"] = d.mean;
        issue["mean_change"] = d.mean - base.simulation->issues[k].mean;
        issue["p05"] = d.p05;
        issue["p95"] = d.p95;
        issue["p_status_quo"] = d.p_status_quo ? J(*d.p_status_quo) : J();
      }
      issues.push_back(issue);
    }
    J strain = J::array();
    for (std::size_t a = 0; a < v.cohesion.size(); ++a) {
      strain.push_back({{"alliance", v.cohesion[a].alliance_id},
                        {"total_strain", TotalStrain(v.cohesion[a])},
                        {"change", TotalStrain(v.cohesion[a]) - TotalStrain(base.cohesion[a])}});
    }
    list.push_back({{"variant", VariantLabel(v)},
                    {"moves", v.moves},
                    {"issues", issues},
                    {"cohesion", strain}});
  }
  J out = {{"model", base.forecast.model}};
  if (!scenario.groups.empty()) out["groups"] = GroupsJson(scenario);
  out["variants"] = std::move(list);
  return out;
}

}  // namespace entente
