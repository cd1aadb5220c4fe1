// Options of the expected utility model. Sources of each default and alternative are in
// docs/models/expected-utility.md; `preset=scholz2011` is the combination whose trajectory
// agrees with Scholz, Calbert & Smith (2011) Table 2 (see that document for the one mismatch).
#include "entente/models/eu/eu_options.hpp"

#include <string_view>

namespace entente {
const std::vector<std::string>& EuOptionKeys() {
  static const std::vector<std::string> kKeys = {
      "aggregate", "mu",       "offer_choice", "preset",    "probability", "q",    "range",
      "rounds",    "security", "stop",         "tolerance", "veto_bound",  "view", "votes"};
  return kKeys;
}

EuOptions ParseEuOptions(const ModelOptions& o) {
  o.RequireKnown("eu", EuOptionKeys());
  EuOptions e;
  if (o.Choice("preset", "none", {"none", "scholz2011"}) == "scholz2011") {
    e.probability = EuProbability::kTriples;
    e.votes = EuVotes::kRisk;
    e.offer_choice = EuOfferChoice::kByType;
    e.stop = EuStop::kFixed;
    e.rounds = 8;  // Scholz's Table 2 reports rounds 1-8
  }
  e.q = o.Number("q", e.q, 0, 1);
  e.rounds = o.Integer("rounds", e.rounds, 0, 100000);
  e.tolerance = o.Number("tolerance", e.tolerance, 0, 1);
  e.stop = o.Enum("stop", e.stop, {"converge", "fixed"}, {EuStop::kConverge, EuStop::kFixed});
  e.probability = o.Enum("probability", e.probability, {"eq31", "triples"},
                         {EuProbability::kEq31, EuProbability::kTriples});
  e.votes = o.Enum("votes", e.votes, {"linear", "risk"}, {EuVotes::kLinear, EuVotes::kRisk});
  e.view = o.Enum("view", e.view, {"own", "actual"}, {EuView::kOwn, EuView::kActual});
  e.security = o.Enum("security", e.security, {"challengers", "targets"},
                      {EuSecurity::kChallengers, EuSecurity::kTargets});
  e.offer_choice =
      o.Enum("offer_choice", e.offer_choice, {"least_move", "highest_eu", "by_type"},
             {EuOfferChoice::kLeastMove, EuOfferChoice::kHighestEu, EuOfferChoice::kByType});
  e.mu = o.Enum("mu", e.mu, {"median", "mean"}, {EuCentre::kMedian, EuCentre::kMean});
  e.range =
      o.Enum("range", e.range, {"positions", "scale"}, {EuRange::kPositions, EuRange::kScale});
  e.aggregate =
      o.Enum("aggregate", e.aggregate, {"median", "mean"}, {EuCentre::kMedian, EuCentre::kMean});
  e.veto_bound = o.Enum("veto_bound", e.veto_bound, {"status_quo", "none"},
                        {EuVetoBound::kStatusQuo, EuVetoBound::kNone});
  e.trail = o.trail();
  e.cancel = o.cancel();
  return e;
}

}  // namespace entente
