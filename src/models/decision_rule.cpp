// Veto players on one dimension (Tsebelis, Veto Players: How Political Institutions Work,
// Princeton UP 2002, ch. 1-2):
//   v accepts y  <=>  |y - x_v| < |q - x_v|       (strict preference over the status quo q)
//   W(q) = intersection over v of (x_v - |q - x_v|, x_v + |q - x_v|)
//   W(q) is non-empty iff every x_v lies strictly on the same side of q; then, for x_v > q,
//   W(q) = (q, min_v (2 x_v - q)) and for x_v < q, W(q) = (max_v (2 x_v - q), q).
//   outcome = q if W empty, else argmin_{y in closure(W)} |y - u|.
// Every other rule goes through the general win-set of win_set.cpp (majorities, qualified
// majorities, chambers); outcome = clamp(u, lo, hi), or u when W is empty and on_empty: model.
#include "entente/models/decision_rule.hpp"

#include <algorithm>
#include <vector>

#include "entente/core/assert.hpp"
#include "entente/models/rule_explain.hpp"

namespace entente {

VetoResult ApplyUnanimity(double u, double q, std::span<const double> veto) {
  ENTENTE_ASSERT(!veto.empty(), "unanimity without veto players (validation should catch it)");
  const bool all_above = std::all_of(veto.begin(), veto.end(), [q](double x) { return x > q; });
  const bool all_below = std::all_of(veto.begin(), veto.end(), [q](double x) { return x < q; });
  VetoResult r;
  if (!all_above && !all_below) {
    r.win_set_empty = true;
    r.outcome = q;
    if (u != q) {
      for (std::size_t i = 0; i < veto.size(); ++i) {
        if ((veto[i] - q) * (u - q) <= 0) {
          r.binding = i;
          break;
        }
      }
    }
    return r;
  }
  // Far bound of the closure and the veto player that sets it (the first listed on ties).
  std::size_t far_idx = 0;
  double far = 2 * veto[0] - q;
  for (std::size_t i = 1; i < veto.size(); ++i) {
    const double b = 2 * veto[i] - q;
    if (all_above ? b < far : b > far) {
      far = b;
      far_idx = i;
    }
  }
  const double lo = all_above ? q : far;
  const double hi = all_above ? far : q;
  r.outcome = std::clamp(u, lo, hi);
  if (r.outcome != u) {
    const bool at_q = (r.outcome == q);
    // Every veto player's interval ends at q, so the first listed is reported there.
    r.binding = at_q ? 0 : far_idx;
  }
  return r;
}

RuleApplication ApplyRule(const RuleLayout& layout, double u, double q,
                          std::span<const double> positions, std::span<const double> capabilities) {
  RuleScratch scratch;
  ApplyRuleInto(layout, u, q, positions, capabilities, scratch);
  return std::move(scratch.result);
}

void ApplyRuleInto(const RuleLayout& layout, double u, double q, std::span<const double> positions,
                   std::span<const double> capabilities, RuleScratch& scratch) {
  FillChambersInto(layout, positions, capabilities, scratch.chambers);
  RuleApplication& a = scratch.result;
  ComputeWinSetInto(scratch.chambers, q, a.win_set, scratch.order);
  a.direction = u > q ? 1 : (u < q ? -1 : 0);
  a.chamber = a.direction < 0 ? a.win_set.lo_chamber : a.win_set.hi_chamber;
  a.binds = false;
  a.model_kept = false;
  a.binding_veto.reset();
  if (a.win_set.Empty() && layout.on_empty == OnEmpty::kModel) {
    a.outcome = u;
    a.model_kept = u != q;
    return;
  }
  a.outcome = a.win_set.Clamp(u);
  a.binds = a.outcome != u;
  if (!a.binds) return;
  const ChamberLayout& c = layout.chambers[a.chamber];
  const ChamberWinSet& cw = a.win_set.chambers[a.chamber];
  const WinSide& side = a.direction > 0 ? cw.upper : cw.lower;
  if (side.binding != RuleTest::kVeto) return;
  // The first listed veto player among those who stop the move: at the pivot when the side
  // has one, else on the status quo's side of it.
  const std::vector<std::size_t>& who = side.pivot ? side.pivots : side.blocking;
  for (std::size_t v = 0; v < layout.veto_players.size() && !a.binding_veto; ++v) {
    for (std::size_t i : who) {
      const Seat& seat = c.seats[i];
      if (seat.veto && seat.stance >= 0 && seat.name == layout.veto_players[v]) a.binding_veto = v;
    }
  }
}

void ApplyDecisionRules(const Scenario& scenario, Forecast& forecast, bool explain) {
  ENTENTE_ASSERT(forecast.issues.size() == scenario.issues.size(),
                 "forecast and scenario disagree on the number of issues");
  std::vector<double> positions;
  std::vector<double> capabilities;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    IssueForecast& f = forecast.issues[k];
    f.status_quo = issue.status_quo;
    f.outcome = f.unconstrained;
    f.binding_veto.reset();
    f.win_set_empty = false;
    f.procedure.reset();
    if (issue.rule.kind == DecisionKind::kNone) continue;
    ENTENTE_ASSERT(issue.status_quo.has_value(), "a decision rule without a status quo");
    positions.clear();
    capabilities.clear();
    for (std::size_t s = 0; s < issue.stances.size(); ++s) {
      positions.push_back(f.final_positions.empty() ? issue.stances[s].position
                                                    : f.final_positions[s]);
      capabilities.push_back(issue.stances[s].capability);
    }
    const RuleLayout layout = LayoutRule(scenario.actors, issue);
    const RuleApplication a =
        ApplyRule(layout, f.unconstrained, *issue.status_quo, positions, capabilities);
    f.outcome = a.outcome;
    f.win_set_empty = a.win_set.Empty();
    if (a.binding_veto) f.binding_veto = layout.veto_players[*a.binding_veto];
    if (!explain) continue;
    f.procedure =
        ExplainRule(layout, issue, a, f.unconstrained, positions, capabilities, f.proposer);
  }
}

}  // namespace entente
