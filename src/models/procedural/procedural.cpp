// Procedural model: an agenda setter facing a voting rule on one dimension.
//   Romer, T. & Rosenthal, H. (1978). Political resource allocation, controlled agendas, and
//     the status quo. Public Choice 33(4): 27-43. A setter with ideal s proposes a take-it-or-
//     leave-it offer against the reversion point q; it passes iff it lies in the win-set W(q).
//   Tsebelis, G. (2002). Veto Players. Princeton UP, ch. 1-2 and 11: W(q) under unanimity,
//     qualified majority and several chambers; the setter picks its favourite point of W(q).
//   Steunenberg, B. (1994). Decision making under different institutional arrangements:
//     legislation by the European Community. J. Institutional and Theoretical Economics
//     150(4): 642-669. Crombez, C. (1996). Legislative procedures in the European Community.
//     British J. Political Science 26(2): 199-228. The Commission as setter under consultation
//     and codecision; the Council can amend by unanimity, so the proposal must also lie in the
//     Council's Pareto set [min x_i, max x_i].
// With u_i(y) = -|y - x_i| and the feasible interval [lo, hi] = closure(W(q)) U {q} (see
// win_set.cpp):
//   y* = argmax_{y in [lo, hi]} -|y - s| = clamp(s, lo, hi)                    (setter outcome)
//   amendment = pareto:  P = [lo, hi] n [min_i x_i, max_i x_i];
//                        y* = clamp(s, P) if P is non-empty and |clamp(s, P) - s| < |q - s|,
//                        else q (the setter keeps the status quo: gatekeeping).
// Issues without a setter fall back to the weighted median (Black 1948), the compromise, or
// the status quo (option without_setter). The decision-rule step that follows every model
// then leaves y* where it is (it is already in [lo, hi]).
#include "entente/models/procedural/procedural.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "entente/models/aggregate.hpp"
#include "entente/models/decision_rule.hpp"

namespace entente {
namespace {

enum class Fallback { kMedian, kCompromise, kStatusQuo };

double FallbackPoint(const Issue& issue, Fallback how) {
  if (how == Fallback::kStatusQuo && issue.status_quo) return *issue.status_quo;
  std::vector<double> x;
  std::vector<double> w;
  for (const Stance& s : issue.stances) {
    x.push_back(s.position);
    w.push_back(s.Weight());
  }
  return how == Fallback::kCompromise ? WeightedMean(x, w) : WeightedMedian(x, w);
}

constexpr std::string_view kWithoutSetter[] = {"median", "compromise", "status_quo"};
constexpr std::string_view kAmendment[] = {"none", "pareto"};
constexpr std::array kSpecs = {
    OptionSpec{"amendment", OptionType::kChoice, "none", 0, 0, kAmendment,
               "pareto: the proposal must also lie within the range of the first chamber's "
               "members' positions (amendment by unanimity)"},
    OptionSpec{"without_setter", OptionType::kChoice, "median", 0, 0, kWithoutSetter,
               "the forecast on issues whose rule names no agenda setter (or whose setter takes "
               "no stance there)"},
};

}  // namespace

std::span<const OptionSpec> ProceduralOptionSpecs() {
  return kSpecs;
}

Forecast ProceduralModel(const Scenario& scenario, const ModelOptions& options) {
  const OptionReader r(options, kSpecs, "procedural");
  const auto fallback =
      r.Enum("without_setter", {Fallback::kMedian, Fallback::kCompromise, Fallback::kStatusQuo});
  const bool pareto = r.Choice("amendment") == "pareto";
  Forecast f;
  f.model = "procedural";
  for (const Issue& issue : scenario.issues) {
    IssueForecast out;
    out.issue_id = issue.id;
    std::vector<double> positions;
    std::vector<double> capabilities;
    for (const Stance& s : issue.stances) {
      positions.push_back(s.position);
      capabilities.push_back(s.capability);
      out.final_positions.push_back(s.position);
    }
    const Stance* setter =
        issue.rule.agenda_setter.empty() ? nullptr : issue.FindStance(issue.rule.agenda_setter);
    if (setter == nullptr || !issue.status_quo || issue.rule.kind == DecisionKind::kNone) {
      out.unconstrained = FallbackPoint(issue, fallback);
      f.issues.push_back(std::move(out));
      continue;
    }
    const double q = *issue.status_quo;
    const RuleLayout layout = LayoutRule(scenario.actors, issue);
    const RuleApplication a = ApplyRule(layout, q, q, positions, capabilities);
    std::optional<std::pair<double, double>> range;
    if (pareto) {
      const std::vector<Chamber> chambers = FillChambers(layout, positions, capabilities);
      for (const Voter& v : chambers.front().voters) {
        if (!v.position) continue;
        if (!range) range = std::pair{*v.position, *v.position};
        range->first = std::min(range->first, *v.position);
        range->second = std::max(range->second, *v.position);
      }
    }
    out.unconstrained = SetterOutcome(setter->position, q, a.win_set, range);
    out.proposer = setter->actor;
    f.issues.push_back(std::move(out));
  }
  return f;
}

}  // namespace entente
