// Exchange model: Stokman & Van Oosten (1994), "The exchange of voting positions: an
// object-oriented model of policy networks", in Bueno de Mesquita & Stokman (eds.), European
// Community Decision Making, Yale UP, pp. 105-127; the equal-gain variant and round structure
// of the Decide exchange model (Stokman et al.; docs/models/exchange.md). Positions are
// rescaled to 0-100 on each issue's scale.
//   round t: ExchangeRound (exchange_round.cpp) realizes exchanges greedily by gain and
//            returns voting positions y; the round's outcome is O_d = sum c s y / sum c s.
//   between rounds, an actor that moved on issue d starts the next round from
//            x' = x + (w_s (1 - s) + w_f) (y - x),  w_s = 0.4, w_f = 0.1   (Decide's rule)
//            (an actor that did not move keeps x).
//   forecast: the last round's voting positions and their weighted mean.
#include "entente/models/exchange/exchange.hpp"

#include <memory>

#include "entente/models/aggregate.hpp"
#include "entente/models/exchange/exchange_decide.hpp"
#include "entente/models/exchange/exchange_options.hpp"
#include "entente/models/exchange/exchange_round.hpp"

namespace entente {
namespace {

using detail::ExchangeBoard;

double ToScale(const ExchangeBoard& b, std::size_t issue, double u) {
  return b.lo[issue] + u * b.span[issue];
}

Round MakeRound(const Scenario& s, const ExchangeBoard& b, std::size_t d, int number,
                const std::vector<double>& cells) {
  const Issue& issue = s.issues[d];
  std::vector<double> x(issue.stances.size()), w(issue.stances.size());
  for (std::size_t a = 0; a < b.actors; ++a) {
    const int k = b.stance[b.Cell(d, a)];
    if (k < 0) continue;
    x[static_cast<std::size_t>(k)] = ToScale(b, d, cells[b.Cell(d, a)]);
  }
  for (std::size_t k = 0; k < x.size(); ++k) w[k] = issue.stances[k].Weight();
  return Round{number, WeightedMedian(x, w), WeightedMean(x, w), std::move(x)};
}

ExchangeRecord ToRecord(const ExchangeBoard& b, int round, const detail::RealizedExchange& r) {
  ExchangeRecord e;
  e.round = round;
  e.first =
      ExchangeMove{r.actor_q, r.q, ToScale(b, r.q, r.from_q), ToScale(b, r.q, r.to_q), r.gain_q};
  e.second =
      ExchangeMove{r.actor_p, r.p, ToScale(b, r.p, r.from_p), ToScale(b, r.p, r.to_p), r.gain_p};
  e.gain = std::min(r.gain_p, r.gain_q);
  e.shift_first = r.shift_q * b.span[r.q];
  e.shift_second = r.shift_p * b.span[r.p];
  return e;
}

}  // namespace

Forecast ExchangeModel(const Scenario& scenario, const ModelOptions& options) {
  const ExchangeOptions o = ParseExchangeOptions(options);
  std::vector<double> start;
  const ExchangeBoard b = detail::MakeExchangeBoard(scenario, start);
  Forecast out;
  out.model = "exchange";
  out.issues.resize(b.issues);
  for (std::size_t d = 0; d < b.issues; ++d) {
    out.issues[d].issue_id = scenario.issues[d].id;
    if (o.trail) out.issues[d].rounds.push_back(MakeRound(scenario, b, d, 0, start));
  }
  std::vector<double> voting = start, outcome, externality(b.actors, 0);
  std::vector<detail::RealizedExchange> realized;
  detail::ExchangeScratch scratch;
  // view=decide: Decide's bookkeeping, which carries its own numbers from round to round.
  const std::unique_ptr<detail::DecideExchange> decide =
      o.view == ExchangeView::kDecide ? detail::MakeDecideExchange(scenario, b, o) : nullptr;
  out.balances.resize(b.actors);
  for (std::size_t a = 0; a < b.actors; ++a) out.balances[a].actor = a;
  for (int t = 1; t <= o.rounds; ++t) {
    ThrowIfCancelled(o.cancel);
    realized.clear();
    if (decide) {
      decide->Round(t, voting, realized, externality);
    } else {
      detail::ExchangeRound(b, o, t, start, voting, outcome, realized, externality, scratch);
    }
    for (const detail::RealizedExchange& r : realized) {
      out.balances[r.actor_p].exchanges += 1;
      out.balances[r.actor_p].own_gain += r.gain_p;
      out.balances[r.actor_q].exchanges += 1;
      out.balances[r.actor_q].own_gain += r.gain_q;
      if (o.trail) out.exchanges.push_back(ToRecord(b, t, r));
    }
    if (o.trail) {
      for (std::size_t d = 0; d < b.issues; ++d) {
        out.issues[d].rounds.push_back(MakeRound(scenario, b, d, t, voting));
      }
    }
    if (decide) {
      start = decide->Start();
    }
    for (std::size_t cell = 0; !decide && cell < start.size(); ++cell) {
      if (voting[cell] == start[cell]) continue;
      const double s = b.salience[cell];
      start[cell] += (o.salience_weight * (1 - s) + o.fixed_weight) * (voting[cell] - start[cell]);
    }
    if (realized.empty()) {
      // Nothing left to trade: later rounds would repeat this one exactly.
      for (int later = t + 1; o.trail && later <= o.rounds; ++later) {
        for (std::size_t d = 0; d < b.issues; ++d) {
          out.issues[d].rounds.push_back(MakeRound(scenario, b, d, later, voting));
        }
      }
      break;
    }
  }
  for (std::size_t a = 0; a < b.actors; ++a) out.balances[a].externality = externality[a];
  for (std::size_t d = 0; d < b.issues; ++d) {
    const Round last = MakeRound(scenario, b, d, o.rounds, voting);
    out.issues[d].final_positions = last.positions;
    out.issues[d].unconstrained = last.mean;
  }
  return out;
}

}  // namespace entente
