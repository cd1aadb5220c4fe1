// Expected utility model: Bueno de Mesquita (1994), "Political forecasting: an expected
// utility method", in Bueno de Mesquita & Stokman (eds.), European Community Decision Making,
// Yale UP, pp. 71-104; equations as clarified by Scholz, Calbert & Smith (2011),
// "Unravelling Bueno de Mesquita's group decision model", J. Theoretical Politics 23(4),
// appendix steps 1-13 (ICAART 2011, pp. 18-30). Per issue (one dimension each):
//   round 0: x_i given; R = max x - min x of the inputs (option range), r_i = 1
//   round t: EuRound (eu_round.cpp: eqs. 15-16, 22-24, 25a, 31-36) moves every actor at most
//            once; mu and the reported median are the c s weighted median (Condorcet winner
//            with linear single-peaked utilities, Black 1948).
//   stop after `rounds` rounds, or earlier when max_i |x_i(t) - x_i(t-1)| <= tolerance R
//   (stop=converge); stop=forecast (the default) also stops once the forecast F(t) has stayed
//   within tolerance R of F(t0) for `patience` rounds in a row, t = t0 + patience. BDM repeat
//   the rounds "until the issue is resolved" (BDM 1997 p. 238, as quoted by Scholz et al.
//   2011); ours is to read "resolved" as the forecast holding: on DEU I positions creep toward
//   a majority that never moves for hundreds of rounds (docs/models/expected-utility.md).
//   forecast F = weighted median (or mean) of the final positions, with weights c_i s_i.
// Veto bound (option veto_bound, default status_quo; ours, from the decision rule): under
// unanimity a veto player v with input position x_v can block any outcome it likes less than
// the status quo q, so it has no reason to accept an offer beyond
//   B_v = [x_v - |q - x_v|, x_v + |q - x_v|]        (the points v weakly prefers to q);
// after each round its position is clamped into B_v (it concedes up to its veto line, no
// further). Without the bound the U.S., vetoing OPCON transfer at 95 with q = 85, capitulated
// to 10 in round 1 of the flagship. Other actors are unbounded: they can be outvoted.
// Degenerate issues: one actor, or every actor at one position, leave nothing to bargain
// over; the forecast is that position, with round 0 only.
#include "entente/models/eu/expected_utility.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "entente/core/error.hpp"
#include "entente/models/aggregate.hpp"
#include "entente/models/eu/eu_options.hpp"
#include "entente/models/eu/eu_round.hpp"

namespace entente {
namespace {

// votes=risk stores (|x_k - x_t| / R)^r_k for every pair: 8 n^2 bytes, 128 MB at this size.
constexpr std::size_t kMaxRiskVoteActors = 4096;

Round MakeRound(int number, const std::vector<double>& x, const std::vector<double>& w) {
  return Round{number, WeightedMedian(x, w), WeightedMean(x, w), x};
}

// `scratch` and `r` are buffers reused across issues: a Monte Carlo draw bargains every issue
// of the scenario, and their vectors' allocations were paid once per issue.
IssueForecast BargainIssue(const Issue& issue, const EuOptions& o, EuScratch& scratch,
                           EuRoundResult& r, std::vector<std::string>& warnings) {
  IssueForecast f;
  f.issue_id = issue.id;
  std::vector<double> x, w, s;
  for (const Stance& st : issue.stances) {
    x.push_back(st.position);
    w.push_back(st.Weight());
    s.push_back(st.salience);
  }
  double total = 0;
  for (double v : w) total += v;
  if (!(total > 0) || !std::isfinite(total)) {
    throw InputError(fmt::format(
        "issue '{}': no actor has salience x capability > 0, so the expected utility model has "
        "no votes to count; give at least one actor positive salience and capability",
        issue.id));
  }
  if (o.votes == EuVotes::kRisk && x.size() > kMaxRiskVoteActors) {
    throw InputError(fmt::format(
        "issue '{}': votes=risk keeps an n x n table and costs O(n^3) per round; {} actors is "
        "more than its limit of {}; use votes=linear (the default)",
        issue.id, x.size(), kMaxRiskVoteActors));
  }
  if (o.trail) f.rounds.push_back(MakeRound(0, x, w));
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  const double range = o.range == EuRange::kScale ? issue.scale.Range() : *hi - *lo;
  const bool nothing_to_do = x.size() < 2 || *hi == *lo || !(range > 0);
  bool settled = nothing_to_do;
  double last_move = 0;
  // Per stance: the interval a veto player keeps to (empty when unbounded).
  std::vector<std::pair<double, double>> bound;
  if (o.veto_bound == EuVetoBound::kStatusQuo && issue.rule.kind == DecisionKind::kUnanimity &&
      issue.status_quo) {
    bound.assign(x.size(), {-HUGE_VAL, HUGE_VAL});
    for (std::size_t i = 0; i < x.size(); ++i) {
      const auto& vp = issue.rule.veto_players;
      if (std::find(vp.begin(), vp.end(), issue.stances[i].actor) == vp.end()) continue;
      const double reach = std::abs(*issue.status_quo - x[i]);
      bound[i] = {x[i] - reach, x[i] + reach};
    }
  }
  const auto forecast_of = [&](const std::vector<double>& p) {
    return o.aggregate == EuCentre::kMedian ? WeightedMedian(p, w) : WeightedMean(p, w);
  };
  const bool watch = o.stop == EuStop::kForecast;
  double held_at = watch && !nothing_to_do ? forecast_of(x) : 0;
  int held = 0;  // rounds in a row the forecast stayed within tolerance x R of held_at
  double last_forecast = held_at;
  // The forecast of the last round is the next round's mu when both are the same centre.
  const bool reuse_mu = watch && o.mu == o.aggregate;
  for (int t = 1; !nothing_to_do && t <= o.rounds; ++t) {
    ThrowIfCancelled(o.cancel);
    EuActors actors{w, s, range};
    if (reuse_mu) actors.mu = t == 1 ? held_at : last_forecast;
    EuRound(x, actors, o, t, scratch, r);
    if (!bound.empty()) {
      for (std::size_t i = 0; i < x.size(); ++i) {
        r.positions[i] = std::clamp(r.positions[i], bound[i].first, bound[i].second);
      }
      for (BargainEvent& e : r.events) e.to = r.positions[e.actor];
      // An offer the bound cancels entirely is no move.
      std::erase_if(r.events, [](const BargainEvent& e) { return e.to == e.from; });
    }
    last_move = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      last_move = std::max(last_move, std::abs(r.positions[i] - x[i]));
    }
    x.swap(r.positions);
    if (o.trail) {
      f.events.insert(f.events.end(), r.events.begin(), r.events.end());
      f.rounds.push_back(MakeRound(t, x, w));
    }
    if (o.stop != EuStop::kFixed && last_move <= o.tolerance * range) {
      settled = true;
      break;
    }
    if (watch) {
      const double now = forecast_of(x);
      last_forecast = now;
      if (std::abs(now - held_at) <= o.tolerance * range) {
        if (++held >= o.patience) {
          settled = true;
          break;
        }
      } else {
        held_at = now;
        held = 0;
      }
    }
  }
  if (!settled && o.stop != EuStop::kFixed && o.rounds > 0) {
    warnings.push_back(fmt::format(
        "eu: issue '{}' had not settled after {} rounds (last round moved a position by {:.4g}); "
        "the forecast uses the positions after the last round",
        issue.id, o.rounds, last_move));
  }
  f.final_positions = x;
  f.unconstrained = o.aggregate == EuCentre::kMedian ? WeightedMedian(x, w) : WeightedMean(x, w);
  return f;
}

}  // namespace

Forecast ExpectedUtilityModel(const Scenario& scenario, const ModelOptions& options) {
  const EuOptions o = ParseEuOptions(options);
  Forecast out;
  out.model = "eu";
  out.issues.reserve(scenario.issues.size());
  EuScratch scratch;
  EuRoundResult r;
  for (const Issue& issue : scenario.issues)
    out.issues.push_back(BargainIssue(issue, o, scratch, r, out.warnings));
  return out;
}

}  // namespace entente
