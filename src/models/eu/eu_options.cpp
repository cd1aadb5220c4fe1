// Options of the expected utility model, declared once. Sources of each default and
// alternative are in docs/models/expected-utility.md; `preset=scholz2011` is the combination
// whose trajectory agrees with Scholz, Calbert & Smith (2011) Table 2 (see that document for
// the one mismatch).
#include "entente/models/eu/eu_options.hpp"

#include <array>
#include <string_view>

namespace entente {
namespace {

using K = OptionType;
constexpr std::string_view kStop[] = {"converge", "fixed", "forecast"};
constexpr std::string_view kProbability[] = {"eq31", "triples"};
constexpr std::string_view kVotes[] = {"linear", "risk"};
constexpr std::string_view kView[] = {"own", "actual"};
constexpr std::string_view kSecurity[] = {"challengers", "targets"};
constexpr std::string_view kOfferChoice[] = {"least_move", "highest_eu", "by_type"};
constexpr std::string_view kCentre[] = {"median", "mean"};
constexpr std::string_view kRange[] = {"positions", "scale"};
constexpr std::string_view kPreset[] = {"none", "scholz2011"};
constexpr std::string_view kVetoBound[] = {"status_quo", "none"};

constexpr std::array kSpecs = {
    OptionSpec{"aggregate", K::kChoice, "median", 0, 0, kCentre,
               "forecast from the final positions: weighted median (BDM) or mean"},
    OptionSpec{"mu", K::kChoice, "median", 0, 0, kCentre,
               "centre mu of eqs. 22-23: median (Scholz step 2) or mean; matters only when q < 1"},
    OptionSpec{"offer_choice", K::kChoice, "least_move", 0, 0, kOfferChoice,
               "which received offer an actor accepts: least movement (Scholz step 8), highest "
               "expected utility b, or by type (lost conflicts, compromises, capitulations)"},
    OptionSpec{"patience", K::kInteger, "10", 1, 100000, {}, "stop=forecast: rounds it must hold"},
    OptionSpec{"preset", K::kChoice, "none", 0, 0, kPreset,
               "scholz2011 = probability=triples, votes=risk, offer_choice=by_type, stop=fixed, "
               "rounds=8 (Scholz et al. 2011 Table 2); given keys override it"},
    OptionSpec{"probability", K::kChoice, "eq31", 0, 0, kProbability,
               "denominator of P: eq. 31 as printed, or summed over every pair and voter "
               "(triples, an open replication)"},
    OptionSpec{
        "q", K::kNumber, "1", 0, 1, {}, "Q, the probability that the status quo holds (eq. 25a)"},
    OptionSpec{"range", K::kChoice, "positions", 0, 0, kRange,
               "range R distances are divided by: spread of the input positions, or the scale"},
    OptionSpec{"rounds", K::kInteger, "100", 0, 100000, {}, "round limit (8 with the preset)"},
    OptionSpec{"security", K::kChoice, "challengers", 0, 0, kSecurity,
               "which expected utilities sum to the security level (eq. 34): what others expect "
               "from challenging i, or what i expects from challenging them"},
    OptionSpec{"stop", K::kChoice, "forecast", 0, 0, kStop,
               "converge: stop when no position moves more than tolerance x R; fixed: run "
               "exactly `rounds`; forecast: as converge, or once the forecast has moved no more "
               "than tolerance x R for `patience` rounds in a row"},
    OptionSpec{
        "tolerance", K::kNumber, "1e-06", 0, 1, {}, "convergence threshold, as a fraction of R"},
    OptionSpec{"veto_bound", K::kChoice, "status_quo", 0, 0, kVetoBound,
               "status_quo: under unanimity a veto player concedes no further than it still "
               "prefers to the status quo; none: veto players bargain like every other actor"},
    OptionSpec{"view", K::kChoice, "own", 0, 0, kView,
               "whose risk exponent prices b: the mover's (Scholz step 3) or the challenger's"},
    OptionSpec{"votes", K::kChoice, "linear", 0, 0, kVotes,
               "how voter k scores a position in eq. 31: distance, or risk-adjusted utility"},
};

}  // namespace

std::span<const OptionSpec> EuOptionSpecs() {
  return kSpecs;
}

EuOptions ParseEuOptions(const ModelOptions& o) {
  OptionReader r(o, kSpecs, "eu");
  if (r.Choice("preset") == "scholz2011") {
    r.Preset("probability", "triples");
    r.Preset("votes", "risk");
    r.Preset("offer_choice", "by_type");
    r.Preset("stop", "fixed");
    r.Preset("rounds", "8");  // Scholz's Table 2 reports rounds 1-8
  }
  EuOptions e;
  e.q = r.Number("q");
  e.rounds = static_cast<int>(r.Integer("rounds"));
  e.tolerance = r.Number("tolerance");
  e.stop = r.Enum("stop", {EuStop::kConverge, EuStop::kFixed, EuStop::kForecast});
  e.patience = static_cast<int>(r.Integer("patience"));
  e.probability = r.Enum("probability", {EuProbability::kEq31, EuProbability::kTriples});
  e.votes = r.Enum("votes", {EuVotes::kLinear, EuVotes::kRisk});
  e.view = r.Enum("view", {EuView::kOwn, EuView::kActual});
  e.security = r.Enum("security", {EuSecurity::kChallengers, EuSecurity::kTargets});
  e.offer_choice = r.Enum("offer_choice", {EuOfferChoice::kLeastMove, EuOfferChoice::kHighestEu,
                                           EuOfferChoice::kByType});
  e.mu = r.Enum("mu", {EuCentre::kMedian, EuCentre::kMean});
  e.range = r.Enum("range", {EuRange::kPositions, EuRange::kScale});
  e.aggregate = r.Enum("aggregate", {EuCentre::kMedian, EuCentre::kMean});
  e.veto_bound = r.Enum("veto_bound", {EuVetoBound::kStatusQuo, EuVetoBound::kNone});
  e.trail = o.trail();
  e.cancel = o.cancel();
  return e;
}

}  // namespace entente
