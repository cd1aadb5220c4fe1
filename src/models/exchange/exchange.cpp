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
//   groups (option groups=within, the default): when the scenario groups its issues (a
//            proposal, a package deal), each group is a negotiation of its own: the rounds above
//            run on the group's issues alone, so an exchange never links issues of two
//            groups; an issue in no group trades with nothing. The DEU studies apply the model
//            per proposal this way (Stokman & Thomson 2004, "Winners and losers in the European
//            Union", European Union Politics 5(1), pp. 5-23).
#include "entente/models/exchange/exchange.hpp"

#include <algorithm>
#include <memory>
#include <numeric>
#include <span>

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

// Board issue d is `issue`.
Round MakeRound(const Issue& issue, const ExchangeBoard& b, std::size_t d, int number,
                const std::vector<double>& cells) {
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

// The exchange model on the issues `members` of `scenario` (indices, in board order), its
// actors indexed in `actors`; `scratch` holds buffers reused from part to part.
Forecast RunExchange(const Scenario& scenario, std::span<const std::size_t> members,
                     const detail::ExchangeActors& actors, detail::ExchangeScratch& scratch,
                     const ExchangeOptions& o) {
  std::vector<double> start;
  const ExchangeBoard b = detail::MakeExchangeBoard(scenario, members, actors, start);
  const auto issue_of = [&](std::size_t d) -> const Issue& { return scenario.issues[members[d]]; };
  Forecast out;
  out.model = "exchange";
  out.issues.resize(b.issues);
  for (std::size_t d = 0; d < b.issues; ++d) {
    out.issues[d].issue_id = issue_of(d).id;
    if (o.trail) out.issues[d].rounds.push_back(MakeRound(issue_of(d), b, d, 0, start));
  }
  std::vector<double> voting = start, outcome, externality(b.actors, 0);
  std::vector<detail::RealizedExchange> realized;
  // view=decide: Decide's bookkeeping, which carries its own numbers from round to round.
  const std::unique_ptr<detail::DecideExchange> decide =
      o.view == ExchangeView::kDecide ? detail::MakeDecideExchange(scenario, b, o) : nullptr;
  // Balances are part of the trail: a run without one (Monte Carlo draws) never reads them.
  if (o.trail) out.balances.resize(b.actors);
  for (std::size_t a = 0; a < out.balances.size(); ++a) out.balances[a].actor = a;
  for (int t = 1; t <= o.rounds; ++t) {
    ThrowIfCancelled(o.cancel);
    realized.clear();
    if (decide) {
      decide->Round(t, voting, realized, externality);
    } else {
      detail::ExchangeRound(b, o, t, start, voting, outcome, realized,
                            o.trail ? &externality : nullptr, scratch);
    }
    if (o.trail) {
      for (const detail::RealizedExchange& r : realized) {
        out.balances[r.actor_p].exchanges += 1;
        out.balances[r.actor_p].own_gain += r.gain_p;
        out.balances[r.actor_q].exchanges += 1;
        out.balances[r.actor_q].own_gain += r.gain_q;
        out.exchanges.push_back(ToRecord(b, t, r));
      }
      for (std::size_t d = 0; d < b.issues; ++d) {
        out.issues[d].rounds.push_back(MakeRound(issue_of(d), b, d, t, voting));
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
          out.issues[d].rounds.push_back(MakeRound(issue_of(d), b, d, later, voting));
        }
      }
      break;
    }
  }
  for (std::size_t a = 0; a < out.balances.size(); ++a)
    out.balances[a].externality = externality[a];
  for (std::size_t d = 0; d < b.issues; ++d) {
    const Round last = MakeRound(issue_of(d), b, d, o.rounds, voting);
    out.issues[d].final_positions = last.positions;
    out.issues[d].unconstrained = last.mean;
  }
  return out;
}

// The issues of each group, in scenario order; an issue in no group is a part of its own.
std::vector<std::vector<std::size_t>> Parts(const Scenario& s) {
  std::vector<std::vector<std::size_t>> parts;
  std::vector<int> part_of(s.issues.size(), -1);
  for (const IssueGroup& g : s.groups) {
    std::vector<std::size_t> members;
    for (std::size_t d = 0; d < s.issues.size(); ++d) {
      if (part_of[d] < 0 &&
          std::find(g.issues.begin(), g.issues.end(), s.issues[d].id) != g.issues.end()) {
        part_of[d] = static_cast<int>(parts.size());
        members.push_back(d);
      }
    }
    if (!members.empty()) parts.push_back(std::move(members));
  }
  for (std::size_t d = 0; d < s.issues.size(); ++d) {
    if (part_of[d] < 0) parts.push_back({d});
  }
  return parts;
}

// Every issue of `s`, in order.
std::vector<std::size_t> AllIssues(const Scenario& s) {
  std::vector<std::size_t> all(s.issues.size());
  std::iota(all.begin(), all.end(), 0);
  return all;
}

}  // namespace

Forecast ExchangeModel(const Scenario& scenario, const ModelOptions& options) {
  const ExchangeOptions o = ParseExchangeOptions(options);
  detail::ExchangeScratch scratch;
  if (!o.within_groups || scenario.groups.empty()) {
    return RunExchange(scenario, AllIssues(scenario), detail::IndexExchangeActors(scenario),
                       scratch, o);
  }
  const std::vector<std::vector<std::size_t>> parts = Parts(scenario);
  if (parts.size() == 1) {
    return RunExchange(scenario, AllIssues(scenario), detail::IndexExchangeActors(scenario),
                       scratch, o);
  }
  Forecast out;
  out.model = "exchange";
  out.issues.resize(scenario.issues.size());
  if (o.trail) out.balances.resize(scenario.actors.size());
  for (std::size_t a = 0; a < out.balances.size(); ++a) out.balances[a].actor = a;
  const detail::ExchangeActors actors = detail::IndexExchangeActors(scenario);
  // view=decide reads the scenario itself: it gets a copy holding the part's issues only.
  // The other views read the part's issues where they are (copying DEU I's issues, with their
  // metadata, for every group of every draw cost a few percent of exchange's time).
  Scenario part;
  if (o.view == ExchangeView::kDecide) {
    part.meta = scenario.meta;
    part.actors = scenario.actors;  // the same actor indices in every part
    part.model_options = scenario.model_options;
  }
  for (const std::vector<std::size_t>& members : parts) {
    Forecast f;
    if (o.view == ExchangeView::kDecide) {
      part.issues.clear();
      for (std::size_t d : members) part.issues.push_back(scenario.issues[d]);
      f = RunExchange(part, AllIssues(part), actors, scratch, o);
    } else {
      f = RunExchange(scenario, members, actors, scratch, o);
    }
    for (std::size_t k = 0; k < members.size(); ++k)
      out.issues[members[k]] = std::move(f.issues[k]);
    for (ExchangeRecord& r : f.exchanges) {
      r.first.issue = members[r.first.issue];
      r.second.issue = members[r.second.issue];
      out.exchanges.push_back(r);
    }
    for (const ActorBalance& b : f.balances) {
      out.balances[b.actor].exchanges += b.exchanges;
      out.balances[b.actor].own_gain += b.own_gain;
      out.balances[b.actor].externality += b.externality;
    }
    for (std::string& w : f.warnings) {
      if (std::find(out.warnings.begin(), out.warnings.end(), w) == out.warnings.end())
        out.warnings.push_back(std::move(w));
    }
  }
  // One trail in round order, as a run over every issue lists it (parts in scenario order).
  std::stable_sort(
      out.exchanges.begin(), out.exchanges.end(),
      [](const ExchangeRecord& a, const ExchangeRecord& b) { return a.round < b.round; });
  return out;
}

}  // namespace entente
