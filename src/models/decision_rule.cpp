// Veto players on one dimension (Tsebelis, Veto Players: How Political Institutions Work,
// Princeton UP 2002, ch. 1-2):
//   v accepts y  <=>  |y - x_v| < |q - x_v|       (strict preference over the status quo q)
//   W(q) = intersection over v of (x_v - |q - x_v|, x_v + |q - x_v|)
//   W(q) is non-empty iff every x_v lies strictly on the same side of q; then, for x_v > q,
//   W(q) = (q, min_v (2 x_v - q)) and for x_v < q, W(q) = (max_v (2 x_v - q), q).
//   outcome = q if W empty, else argmin_{y in closure(W)} |y - u|.
#include "entente/models/decision_rule.hpp"

#include <algorithm>
#include <vector>

#include "entente/core/assert.hpp"

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

void ApplyDecisionRules(const Scenario& scenario, Forecast& forecast) {
  ENTENTE_ASSERT(forecast.issues.size() == scenario.issues.size(),
                 "forecast and scenario disagree on the number of issues");
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    IssueForecast& f = forecast.issues[k];
    f.status_quo = issue.status_quo;
    f.outcome = f.unconstrained;
    f.binding_veto.reset();
    f.win_set_empty = false;
    if (issue.rule.kind != DecisionKind::kUnanimity) continue;
    ENTENTE_ASSERT(issue.status_quo.has_value(), "unanimity without a status quo");
    std::vector<double> veto;
    veto.reserve(issue.rule.veto_players.size());
    for (const std::string& id : issue.rule.veto_players) {
      std::size_t idx = issue.stances.size();
      for (std::size_t s = 0; s < issue.stances.size(); ++s) {
        if (issue.stances[s].actor == id) idx = s;
      }
      ENTENTE_ASSERT(idx < issue.stances.size(), "veto player without a stance");
      veto.push_back(f.final_positions.empty() ? issue.stances[idx].position
                                               : f.final_positions[idx]);
    }
    const VetoResult r = ApplyUnanimity(f.unconstrained, *issue.status_quo, veto);
    f.outcome = r.outcome;
    f.win_set_empty = r.win_set_empty;
    if (r.binding) f.binding_veto = issue.rule.veto_players[*r.binding];
  }
}

}  // namespace entente
