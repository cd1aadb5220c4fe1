// A round of the exchange model's Decide view: realization and revision as the Decide
// exchange model does them (Stokman & Van Oosten 1994's greedy realization by gain):
//  - The candidate with the largest gain is realized; the list of candidates is sorted by
//    gain, stably, before every pick, so equal gains keep their previous order (enumeration
//    order at first).
//  - After an exchange E is realized, a remaining candidate X is revised when it shares a
//    supply cell (actor giving way on an issue) or a demand cell with E. A side whose supply
//    cell E moved takes E's y as its x; the history of a side that was not moved loses its
//    last entry. For a demand cell shared with E, X records E's supplier on that issue: its y,
//    or, when already recorded, the recorded value or y, whichever is nearer the supplier's
//    round-start side (min when it started at or left of the record, else max). X is then
//    sized again, which appends one move to each history.
//  - Voting positions are the last y of each realized cell; the next start position is
//    x' = (1 - s) w_s y + w_f y + (1 - (1 - s) w_s - w_f) x.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "entente/models/exchange/tournament.hpp"
#include "exchange_decide_engine.hpp"

namespace entente::detail::decide {

// Revises candidate c after e was realized; false when c is not affected.
template <class N>
bool Engine<N>::Revise(Candidate& c, const Candidate& e) const {
  std::array<bool, 2> moved{false, false};
  for (std::size_t k = 0; k < 2; ++k) {
    for (const Side& es : e.side) {
      if (c.side[k].actor == es.actor && c.side[k].sup == es.sup) {
        c.side[k].x = es.y;
        c.side[k].x_d = F::Approx(es.y);
        moved[k] = true;
        break;
      }
    }
  }
  bool again = moved[0] || moved[1];
  if (again) {
    for (std::size_t k = 0; k < 2; ++k) {
      if (!moved[k] && !c.side[k].history.empty()) c.side[k].history.pop_back();
    }
  }
  // Each side of e demanded the other side's supply issue.
  for (const auto& [demander, supplier] :
       {std::pair{&e.side[1], &e.side[0]}, std::pair{&e.side[0], &e.side[1]}}) {
    const bool shared = std::any_of(c.side.begin(), c.side.end(), [d = demander](const Side& s) {
      return s.actor == d->actor && s.dem == d->dem;
    });
    if (!shared) continue;
    Record* old = FindRecord(c, demander->dem, supplier->actor);
    if (old == nullptr) {
      c.records.push_back(
          Record{demander->dem, supplier->actor, supplier->y, F::Approx(supplier->y)});
    } else if (X0(*supplier) <= old->position) {
      if (!(old->position < supplier->y)) {
        old->position = supplier->y;
        old->approx = F::Approx(supplier->y);
      }
    } else if (!(old->position > supplier->y)) {
      old->position = supplier->y;
      old->approx = F::Approx(supplier->y);
    }
    if (!again) {
      // A lazy sizing keeps its entries: Size re-tests only its caps (see there).
      if (!c.lazy) {
        for (Side& s : c.side) {
          if (!s.history.empty()) s.history.pop_back();
        }
      }
      again = true;
    }
  }
  if (again) Size(c, !moved[0] && !moved[1]);
  return again;
}

// c's place in Round's order, with bounds of its gain.
template <class N>
typename Engine<N>::Entry Engine<N>::MakeEntry(const Candidate& c, std::uint32_t id) const {
  Entry x;
  x.id = id;
  x.label = c.label;
  if (c.lazy) {
    x.exact = false;
    x.lo = c.gain_est.v - c.gain_est.e;
    x.hi = c.gain_est.v + c.gain_est.e;
  } else {
    x.key = c.key;
    const Estimate g = Exact(F::Approx(c.gain));
    x.lo = g.v - g.e;
    x.hi = g.v + g.e;
  }
  return x;
}

// Decide sorts its list of candidates by gain before every pick, stably, so equal gains keep
// their order in the previous list. The same order without re-sorting: a tournament tree by
// (gain, label), where labels order each group of equal gains as the previous list did. A
// revised candidate whose gain is unchanged keeps its label; one whose gain fell was, in the
// previous list, ahead of every candidate that has its new gain, so it takes a label below
// all (in the previous list's order when several do); one whose gain rose was behind them
// all and takes a label above all.
template <class N>
void Engine<N>::Round(int round, std::vector<double>& voting,
                      std::vector<RealizedExchange>& realized, std::vector<double>& externality) {
  const ExchangeBoard& b = board_;
  Enumerate(round);
  for (Candidate& c : cands_) Size(c);
  // Candidates by supply cell (a side's actor giving way on an issue) and by demand cell (the
  // side's actor on the issue it demands), as compressed rows: a realized exchange revises
  // exactly those listed under its two supply cells in the one and its two demand cells in
  // the other.
  const std::size_t ncells = start_.size();
  std::array<std::vector<std::uint32_t>, 2> row_start, row_end, items;
  for (std::size_t role = 0; role < 2; ++role) {
    std::vector<std::uint32_t>& start = row_start[role];
    start.assign(ncells + 1, 0);
    for (const Candidate& c : cands_) {
      for (const Side& sd : c.side) ++start[(role == 0 ? sd.sup_cell : sd.dem_cell) + 1];
    }
    for (std::size_t n = 0; n < ncells; ++n) start[n + 1] += start[n];
    row_end[role].assign(start.begin(), start.end() - 1);
    items[role].assign(start.back(), 0);
    for (std::uint32_t k = 0; k < cands_.size(); ++k) {
      for (const Side& sd : cands_[k].side) {
        items[role][row_end[role][role == 0 ? sd.sup_cell : sd.dem_cell]++] = k;
      }
    }
  }
  std::vector<Entry> rank(cands_.size());
  std::vector<bool> in_play(cands_.size());
  for (std::uint32_t k = 0; k < cands_.size(); ++k) {
    const Candidate& c = cands_[k];
    if (c.valid) rank[k] = MakeEntry(c, k);
    in_play[k] = c.valid;
  }
  // Gains known as estimates are compared by their bounds; where the bounds overlap, both
  // candidates are sized exactly (which changes no order, only how it is known).
  const auto exact = [this, &rank](std::uint32_t k) {
    if (rank[k].exact) return;
    Materialize(cands_[k]);
    rank[k] = MakeEntry(cands_[k], k);
  };
  const auto close = [&rank, &exact ](std::uint32_t x, std::uint32_t y) __attribute__((noinline)) {
    exact(x);
    exact(y);
    return Before(rank[x], rank[y]);
  };
  const auto before = [&rank, &close](std::uint32_t x, std::uint32_t y) {
    const Entry& ex = rank[x];
    const Entry& ey = rank[y];
    // (In doubles, gains within one 1e-12 step rank equal: only the keys tell.)
    if constexpr (!F::kExact) return Before(ex, ey);
    if (ex.lo > ey.hi) return true;  // bounds apart: exact or not, the order is known
    if (ey.lo > ex.hi) return false;
    if (ex.exact && ey.exact) return Before(ex, ey);
    return close(x, y);
  };
  Tournament<decltype(before)> best_of(in_play, before);
  std::int64_t low = -1, high = static_cast<std::int64_t>(cands_.size());
  struct Changed {
    Entry old;             // key (or bounds) and label before the revision
    N old_xi{}, old_xj{};  // a lazy sizing's positions and branch, to form its exact key
    bool old_swap = false, old_uncut = false;
    N old_full{};       // an uncut sizing's position of the side moving all the way
    bool same = false;  // the same lazy sizing again: the same gain
  };
  std::vector<Changed> changed;
  std::vector<std::uint32_t> by_old;
  std::vector<int> direction;
  // The exact key of a revised candidate's sizing before the revision.
  const auto old_exact = [this](Changed& x) {
    if (x.old.exact) return;
    Candidate& c = cands_[x.old.id];
    const Sizing z = Uncapped(c, x.old_xi, x.old_xj, x.old_swap);
    const N gain = F::Abs(z.dq * Ssup(c.side[0]) - z.dp * Sdem(c.side[0]));
    x.old.key = F::Rank(gain);
    x.old.exact = true;
  };
  // -1, 0, 1 as the candidate's gain now is below, equal to or above its gain before.
  const auto moved_by = [&](Changed& x) {
    if (x.same) return 0;
    const std::uint32_t k = x.old.id;
    if (!x.old.exact || !rank[k].exact) {
      if (rank[k].lo > x.old.hi) return 1;
      if (rank[k].hi < x.old.lo) return -1;
      old_exact(x);
      exact(k);
    }
    return rank[k].key < x.old.key ? -1 : (x.old.key < rank[k].key ? 1 : 0);
  };
  // Per candidate: the last pass that revised it, or kGone once realized or invalid (a compact
  // array, so that the gone are skipped without touching their records).
  constexpr std::uint32_t kGone = ~std::uint32_t{0};
  std::vector<std::uint32_t> stamp(cands_.size(), 0);
  for (std::uint32_t k = 0; k < cands_.size(); ++k) {
    if (!cands_[k].valid) stamp[k] = kGone;
  }
  std::uint32_t pass = 0;
  std::vector<double> outcome(b.issues, 0), start(start_.size(), 0);
  for (std::size_t cell = 0; cell < start.size(); ++cell) start[cell] = F::ToDouble(start_[cell]);
  for (std::size_t d = 0; d < b.issues; ++d) {
    double sum = 0;
    for (std::size_t a = 0; a < b.actors; ++a) sum += b.weight[Cell(d, a)] * start[Cell(d, a)];
    outcome[d] = b.total[d] > 0 ? sum / b.total[d] : 0;
  }
  std::vector<N> vote = start_;
  std::vector<std::uint32_t> done;
  while (best_of.Best() != best_of.kNone) {
    const std::uint32_t best = best_of.Best();
    Candidate& e = cands_[best];
    Materialize(e);
    e.valid = false;
    stamp[best] = kGone;
    best_of.Update(best, false);
    done.push_back(best);
    const Side& i = e.side[0];
    const Side& j = e.side[1];
    RealizedExchange r;
    r.p = e.p;
    r.q = e.q;
    r.actor_p = j.actor;
    r.actor_q = i.actor;
    r.from_p = F::ToDouble(j.x);
    r.to_p = F::ToDouble(j.y);
    r.from_q = F::ToDouble(i.x);
    r.to_q = F::ToDouble(i.y);
    r.shift_p = F::ToDouble(j.move) * b.weight[Cell(e.p, j.actor)] / b.total[e.p];
    r.shift_q = F::ToDouble(i.move) * b.weight[Cell(e.q, i.actor)] / b.total[e.q];
    r.gain_p = F::ToDouble(e.gain_j);
    r.gain_q = F::ToDouble(e.gain_i);
    realized.push_back(r);
    for (std::size_t k = 0; k < b.actors; ++k) {
      if (k == r.actor_p || k == r.actor_q) continue;
      for (const auto& [d, shift] : {std::pair{r.p, r.shift_p}, std::pair{r.q, r.shift_q}}) {
        const std::size_t cell = Cell(d, k);
        if (b.stance[cell] < 0) continue;
        externality[k] += b.salience[cell] * (std::abs(outcome[d] - start[cell]) -
                                              std::abs(outcome[d] + shift - start[cell]));
      }
    }
    outcome[r.p] += r.shift_p;
    outcome[r.q] += r.shift_q;
    vote[Cell(e.p, j.actor)] = j.y;
    vote[Cell(e.q, i.actor)] = i.y;
    // Revise the candidates that share a supply or a demand cell with e; the rest keep their
    // place and gain.
    ++pass;
    changed.clear();
    for (const auto& [role, cell] : {std::pair{0, i.sup_cell}, std::pair{0, j.sup_cell},
                                     std::pair{1, i.dem_cell}, std::pair{1, j.dem_cell}}) {
      // The gone leave the row as it is read (most candidates go during a round).
      std::vector<std::uint32_t>& row = items[static_cast<std::size_t>(role)];
      std::uint32_t& end = row_end[static_cast<std::size_t>(role)][cell];
      std::uint32_t kept = row_start[static_cast<std::size_t>(role)][cell];
      for (std::uint32_t n = kept; n < end; ++n) {
        const std::uint32_t k = row[n];
        if (stamp[k] == kGone) continue;
        row[kept++] = k;
        if (stamp[k] == pass) continue;
        Candidate& c = cands_[k];
        Changed x;
        x.old = rank[k];
        if (c.lazy) {
          x.old_xi = c.side[0].x;
          x.old_xj = c.side[1].x;
        }
        x.old_swap = c.lazy_swap;
        x.old_uncut = c.uncut;
        if (c.uncut) x.old_full = c.side[c.lazy_swap ? 0 : 1].x;
        if (!Revise(c, e)) continue;
        stamp[k] = c.valid ? pass : kGone;
        if (c.valid) {
          rank[k] = MakeEntry(c, k);
          // Uncut before and after, the same branch, the side moving all the way where it
          // was: the same shifts, so the same gain.
          x.same = x.old_uncut && c.uncut && c.lazy_swap == x.old_swap &&
                   c.side[c.lazy_swap ? 0 : 1].x == x.old_full;
          changed.push_back(x);
        } else {
          best_of.Update(k, false);
        }
      }
      end = kept;
    }
    // Labels for the revised, in their order in the previous list (see above).
    // (Sorted by index, as the comparison may form exact keys in place.)
    by_old.resize(changed.size());
    for (std::uint32_t n = 0; n < by_old.size(); ++n) by_old[n] = n;
    std::sort(by_old.begin(), by_old.end(), [&](std::uint32_t u, std::uint32_t v) {
      Changed& x = changed[u];
      Changed& y = changed[v];
      if (!x.old.exact || !y.old.exact) {
        if (x.old.lo > y.old.hi) return true;
        if (y.old.lo > x.old.hi) return false;
        old_exact(x);
        old_exact(y);
      }
      return Before(x.old, y.old);
    });
    direction.resize(changed.size());
    for (std::uint32_t n = 0; n < changed.size(); ++n) direction[n] = moved_by(changed[n]);
    for (const std::uint32_t n : by_old) {
      if (direction[n] > 0) cands_[changed[n].old.id].label = ++high;
    }
    for (auto it = by_old.rbegin(); it != by_old.rend(); ++it) {
      if (direction[*it] < 0) cands_[changed[*it].old.id].label = --low;
    }
    for (const Changed& x : changed) {
      rank[x.old.id].label = cands_[x.old.id].label;
      best_of.Update(x.old.id, true);
    }
  }
  voting.assign(start_.size(), 0);
  for (std::size_t cell = 0; cell < vote.size(); ++cell) voting[cell] = F::ToDouble(vote[cell]);
  // Decide's start-position rule, evaluated in its order of operations; a cell may move in
  // several exchanges, each from the round's start.
  const std::vector<N> round_start = start_;
  for (const std::uint32_t k : done) {
    for (const Side& s : cands_[k].side) {
      const N a = one_ - Ssup(s);
      const N moved = a * w_s_ * s.y + w_f_ * s.y;
      start_[s.sup_cell] = moved + (one_ - a * w_s_ - w_f_) * round_start[s.sup_cell];
    }
  }
}

// The members defined here, for both arithmetics.
template bool Engine<double>::Revise(Candidate&, const Candidate&) const;
template Engine<double>::Entry Engine<double>::MakeEntry(const Candidate&, std::uint32_t) const;
template void Engine<double>::Round(int, std::vector<double>&, std::vector<RealizedExchange>&,
                                    std::vector<double>&);
template bool Engine<Decimal28>::Revise(Candidate&, const Candidate&) const;
template Engine<Decimal28>::Entry Engine<Decimal28>::MakeEntry(const Candidate&,
                                                               std::uint32_t) const;
template void Engine<Decimal28>::Round(int, std::vector<double>&, std::vector<RealizedExchange>&,
                                       std::vector<double>&);

}  // namespace entente::detail::decide
