// One round of the exchange model (Stokman & Van Oosten 1994; the Decide exchange model's
// equal-gain procedure), on positions rescaled to 0-100:
//   1. O_d = sum_i c_id s_id x_id / sum_i c_id s_id for every issue d (start positions).
//   2. For every issue pair (p, q), p before q: group A = right of O on both, B = left on p
//      only, C = left on q only, D = left on both; A trades with D and B with C.
//   3. Roles: i gives way on p when s_ip / s_iq < s_jp / s_jq (compared cross-multiplied),
//      else on q. Sizing and gains: exchange_pair.cpp.
//   4. Realize greedily: the highest gain first (ties: options.tie); then every remaining
//      exchange that shares an actor-issue cell with it is sized again against the new
//      positions and outcomes, and dropped when no longer valid or when it would move an
//      actor back against a move it already made this round (one direction per cell and
//      round, as in Decide).
//   (view=decide, Decide's own bookkeeping, is exchange_decide.cpp.)
// Externalities: when an exchange shifts O_p and O_q, every other actor k with a stance there
// gains s_kd (|O_d - x_kd| - |O_d' - x_kd|), x_kd its start position (Dijkstra et al. 2018).
#include "entente/models/exchange/exchange_round.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "entente/core/random.hpp"
#include "entente/models/exchange/exchange_pair.hpp"

namespace entente::detail {
namespace {

constexpr double kTieTolerance = 1e-12;
constexpr double kDead = -1.0;             // rank of realized or dropped candidates (gains are > 0)
constexpr std::size_t kCompactAbove = 32;  // fewer candidates: never compacted (short lists)

// True when a outranks b under the id rule: pair of actor ranks, then issue ranks.
bool IdBefore(const ExchangeBoard& b, const ExchangeCandidate& x, const ExchangeCandidate& y) {
  const auto key = [&b](const ExchangeCandidate& c) {
    const std::size_t ra = b.actor_rank[c.actor_p], rb = b.actor_rank[c.actor_q];
    return std::array<std::size_t, 4>{std::min(ra, rb), std::max(ra, rb), b.issue_rank[c.p],
                                      b.issue_rank[c.q]};
  };
  return key(x) < key(y);
}

// `fresh`: the candidate's first sizing this round, which also fixes its rate.
void Size(const ExchangeBoard& b, const std::vector<double>& start,
          const std::vector<double>& voting, const std::vector<double>& outcome,
          ExchangeCandidate& c, bool fresh = false) {
  const std::size_t pp = b.Cell(c.p, c.actor_p), pq = b.Cell(c.q, c.actor_p);
  const std::size_t qp = b.Cell(c.p, c.actor_q), qq = b.Cell(c.q, c.actor_q);
  ExchangeInputs in;
  in.p_from = voting[pp];
  in.p_target = start[qp];  // the demander's own position, as it stood at the round's start
  in.p_outcome = outcome[c.p];
  in.p_weight = b.weight[pp];
  in.p_total = b.total[c.p];
  in.q_from = voting[qq];
  in.q_target = start[pq];
  in.q_outcome = outcome[c.q];
  in.q_weight = b.weight[qq];
  in.q_total = b.total[c.q];
  in.s_pp = b.salience[pp];
  in.s_pq = b.salience[pq];
  in.s_qp = b.salience[qp];
  in.s_qq = b.salience[qq];
  in.rate_draw = c.draw;
  if (fresh) c.rate = ExchangeRate(in);
  const ExchangeSizing s = SizeExchangeAt(in, c.rate);
  c.alive = s.valid;
  c.move_p = s.move_p;
  c.move_q = s.move_q;
  c.shift_p = s.shift_p;
  c.shift_q = s.shift_q;
  c.gain_p = s.gain_p;
  c.gain_q = s.gain_q;
  c.gain = std::min(s.gain_p, s.gain_q);
}

// The first k >= from with rank[k] > floor, or rank.size(). Four gains per branch (their
// comparisons joined by |): with one branch per gain this scan was a sixth of exchange's
// samples on a DEU I draw, and g++ leaves a loop that can exit early unvectorised.
std::size_t NextAbove(const std::vector<double>& rank, std::size_t from, double floor) {
  const double* const g = rank.data();
  const std::size_t n = rank.size();
  std::size_t k = from;
  for (; k + 4 <= n; k += 4) {
    if ((g[k] > floor) | (g[k + 1] > floor) | (g[k + 2] > floor) | (g[k + 3] > floor)) break;
  }
  for (; k < n; ++k) {
    if (g[k] > floor) return k;
  }
  return n;
}

// Adds to every actor outside `r` with a stance on r's issues what r's shifts of the outcomes
// are worth to it (its start position is its ideal), before the outcomes take the shifts.
void AddExternalities(const ExchangeBoard& b, const ExchangeCandidate& r,
                      const std::vector<double>& start, const std::vector<double>& outcome,
                      std::vector<double>& externality) {
  for (std::size_t k = 0; k < b.actors; ++k) {
    if (k == r.actor_p || k == r.actor_q) continue;
    for (const auto& [d, shift] : {std::pair{r.p, r.shift_p}, std::pair{r.q, r.shift_q}}) {
      const std::size_t cell = b.Cell(d, k);
      if (b.stance[cell] < 0) continue;
      externality[k] += b.salience[cell] * (std::abs(outcome[d] - start[cell]) -
                                            std::abs(outcome[d] + shift - start[cell]));
    }
  }
}

// An actor may not move back this round against a move it already made on the same issue.
bool SameDirection(double so_far, double move) {
  return (so_far == 0) | ((so_far > 0) == (move > 0));
}

// The four actor-issue cells an exchange involves.
std::array<std::size_t, 4> CellsOf(const ExchangeBoard& b, const ExchangeCandidate& c) {
  return {b.Cell(c.p, c.actor_p), b.Cell(c.q, c.actor_p), b.Cell(c.p, c.actor_q),
          b.Cell(c.q, c.actor_q)};
}

}  // namespace

void IndexCandidatesByCell(const ExchangeBoard& b, ExchangeScratch& sc) {
  const std::size_t cells = b.actors * b.issues;
  sc.cell_start.assign(cells + 1, 0);
  for (const ExchangeCandidate& c : sc.candidates) {
    for (const std::size_t cell : CellsOf(b, c)) ++sc.cell_start[cell + 1];
  }
  for (std::size_t i = 0; i < cells; ++i) sc.cell_start[i + 1] += sc.cell_start[i];
  sc.cell_items.resize(sc.cell_start[cells]);
  std::vector<std::uint32_t>& fill = sc.fill;
  fill.assign(sc.cell_start.begin(), sc.cell_start.end() - 1);
  for (std::uint32_t k = 0; k < sc.candidates.size(); ++k) {
    for (const std::size_t cell : CellsOf(b, sc.candidates[k])) sc.cell_items[fill[cell]++] = k;
  }
}

namespace {

void Enumerate(const ExchangeBoard& b, const ExchangeOptions& o, int round, ExchangeScratch& sc) {
  sc.candidates.clear();
  auto& groups = sc.groups;
  for (std::size_t p = 0; p < b.issues; ++p) {
    for (std::size_t q = p + 1; q < b.issues; ++q) {
      for (auto& g : groups) g.clear();
      for (std::size_t a = 0; a < b.actors; ++a) {
        if (b.stance[b.Cell(p, a)] < 0 || b.stance[b.Cell(q, a)] < 0) continue;
        groups[sc.side[b.Cell(p, a)] | (sc.side[b.Cell(q, a)] << 1)].push_back(
            static_cast<std::uint32_t>(a));
      }
      for (int g = 0; g < 2; ++g) {  // A (0) with D (3), then B (1) with C (2)
        for (std::uint32_t i : groups[g]) {
          for (std::uint32_t j : groups[3 - g]) {
            ExchangeCandidate c;
            c.p = static_cast<std::uint32_t>(p);
            c.q = static_cast<std::uint32_t>(q);
            const bool i_gives_p = b.salience[b.Cell(p, i)] * b.salience[b.Cell(q, j)] <
                                   b.salience[b.Cell(p, j)] * b.salience[b.Cell(q, i)];
            c.actor_p = i_gives_p ? i : j;
            c.actor_q = i_gives_p ? j : i;
            c.order = static_cast<std::uint32_t>(sc.candidates.size());
            if (o.variant == ExchangeVariant::kRandomRate) {
              Rng rng(o.seed, (static_cast<std::uint64_t>(round) << 32) | c.order);
              c.draw = Uniform01(rng);
            }
            sc.candidates.push_back(c);
          }
        }
      }
    }
  }
}

}  // namespace

void ExchangeRound(const ExchangeBoard& b, const ExchangeOptions& o, int round,
                   const std::vector<double>& start, std::vector<double>& voting,
                   std::vector<double>& outcome, std::vector<RealizedExchange>& realized,
                   std::vector<double>* externality, ExchangeScratch& sc) {
  voting = start;
  outcome.assign(b.issues, 0);
  for (std::size_t d = 0; d < b.issues; ++d) {
    double sum = 0;
    for (std::size_t a = 0; a < b.actors; ++a) sum += b.weight[b.Cell(d, a)] * start[b.Cell(d, a)];
    outcome[d] = b.total[d] > 0 ? sum / b.total[d] : 0;
  }
  sc.side.assign(start.size(), 0);
  for (std::size_t d = 0; d < b.issues; ++d) {
    for (std::size_t a = 0; a < b.actors; ++a) {
      sc.side[b.Cell(d, a)] = start[b.Cell(d, a)] < outcome[d] ? 1 : 0;
    }
  }
  sc.moved.assign(start.size(), 0);
  Enumerate(b, o, round, sc);
  std::vector<ExchangeCandidate>& cs = sc.candidates;
  for (ExchangeCandidate& c : cs) Size(b, start, voting, outcome, c, true);
  // An exchange invalid at the round's start is never sized again (only live ones are), so it
  // can never be chosen: drop it. Order is kept, and with it every tie the scan below decides.
  std::erase_if(cs, [](const ExchangeCandidate& c) { return !c.alive; });
  IndexCandidatesByCell(b, sc);
  std::vector<double>& rank = sc.rank;  // contiguous gains keep the scan for the best cheap
  rank.resize(cs.size());
  for (std::size_t k = 0; k < cs.size(); ++k) rank[k] = cs[k].alive ? cs[k].gain : kDead;
  sc.stamp.assign(cs.size(), 0);
  std::uint32_t stamp = 0;
  std::size_t gone = 0;  // candidates realized or dropped since the last compaction
  for (;;) {
    // Most candidates die during a round; once they are three quarters of the lists, drop
    // them from the candidates, the gains and the cell lists, so neither the scan nor the
    // re-sizing passes walk over them (at half, compacting cost about what it saved). Order
    // is kept, and with it every tie the scan decides.
    if (gone > 3 * (cs.size() - gone) && cs.size() > kCompactAbove) {
      std::erase_if(cs, [](const ExchangeCandidate& c) { return !c.alive; });
      IndexCandidatesByCell(b, sc);
      rank.resize(cs.size());
      for (std::size_t k = 0; k < cs.size(); ++k) rank[k] = cs[k].gain;
      sc.stamp.assign(cs.size(), 0);
      gone = 0;
    }
    std::size_t best = cs.size();
    double best_gain = kDead;
    // The gains the scan must look at are those above max(best_gain - tolerance, kDead): live
    // gains are > 0 and a gone one is exactly kDead. Few are (the best so far rises quickly),
    // so NextAbove skips the rest four at a time and the loop below sees only those.
    for (std::size_t k = 0;; ++k) {
      k = NextAbove(rank, k, std::max(best_gain - kTieTolerance, kDead));
      if (k == rank.size()) break;
      const double g = rank[k];
      // Within the tolerance of the best so far, the tie rule decides.
      const bool wins = best == cs.size() || g > best_gain + kTieTolerance ||
                        (o.tie == ExchangeTie::kOrder ? cs[k].order < cs[best].order
                                                      : IdBefore(b, cs[k], cs[best]));
      if (wins) {
        best = k;
        best_gain = g;
      }
    }
    if (best == cs.size()) break;
    const ExchangeCandidate r = cs[best];
    cs[best].alive = false;
    rank[best] = kDead;
    ++gone;
    const std::size_t pp = b.Cell(r.p, r.actor_p), qq = b.Cell(r.q, r.actor_q);
    realized.push_back(RealizedExchange{r.p, r.q, r.actor_p, r.actor_q, voting[pp],
                                        voting[pp] + r.move_p, voting[qq], voting[qq] + r.move_q,
                                        r.shift_p, r.shift_q, r.gain_p, r.gain_q});
    if (externality != nullptr) AddExternalities(b, r, start, outcome, *externality);
    voting[pp] += r.move_p;
    voting[qq] += r.move_q;
    sc.moved[pp] += r.move_p;
    sc.moved[qq] += r.move_q;
    outcome[r.p] += r.shift_p;
    outcome[r.q] += r.shift_q;
    // Size again every exchange that shares an actor-issue cell with the realized one. The
    // live ones are listed first without a branch: whether a listed candidate is gone (69% of
    // them on DEU I) or was already listed depends on the data, and testing it in branches
    // cost about as much as the sizing. The order of the sizing does not matter: each reads
    // only this state, not another candidate.
    ++stamp;
    std::size_t todo = 0;
    for (const std::size_t cell : CellsOf(b, r)) {
      const std::uint32_t from = sc.cell_start[cell], to = sc.cell_start[cell + 1];
      if (sc.todo.size() < todo + (to - from)) sc.todo.resize(2 * (todo + (to - from)));
      for (std::uint32_t i = from; i < to; ++i) {
        const std::uint32_t k = sc.cell_items[i];
        sc.todo[todo] = k;
        todo += static_cast<std::size_t>((sc.stamp[k] != stamp) & (rank[k] != kDead));
        sc.stamp[k] = stamp;
      }
    }
    for (std::size_t t = 0; t < todo; ++t) {
      const std::uint32_t k = sc.todo[t];
      ExchangeCandidate& c = cs[k];
      Size(b, start, voting, outcome, c);
      // & rather than &&: an invalid sizing has no moves, so the tests are harmless, and
      // branch-free they cost less than mispredicting.
      c.alive = c.alive & SameDirection(sc.moved[b.Cell(c.p, c.actor_p)], c.move_p) &
                SameDirection(sc.moved[b.Cell(c.q, c.actor_q)], c.move_q);
      rank[k] = c.alive ? c.gain : kDead;
      gone += c.alive ? 0 : 1;
    }
  }
}

ExchangeActors IndexExchangeActors(const Scenario& s) {
  ExchangeActors a;
  std::vector<std::size_t> order(s.actors.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&s](std::size_t x, std::size_t y) { return s.actors[x].id < s.actors[y].id; });
  a.rank.assign(s.actors.size(), 0);
  for (std::size_t r = 0; r < order.size(); ++r) a.rank[order[r]] = r;
  for (std::size_t i = 0; i < s.actors.size(); ++i) a.index.emplace(s.actors[i].id, i);
  return a;
}

ExchangeBoard MakeExchangeBoard(const Scenario& s, std::span<const std::size_t> members,
                                const ExchangeActors& actors, std::vector<double>& start) {
  ExchangeBoard b;
  b.actors = s.actors.size();
  b.issues = members.size();
  const std::size_t cells = b.actors * b.issues;
  b.stance.assign(cells, -1);
  b.salience.assign(cells, 0);
  b.weight.assign(cells, 0);
  b.total.assign(b.issues, 0);
  start.assign(cells, 0);
  b.actor_rank = actors.rank;
  std::vector<std::size_t> order(b.issues);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return s.issues[members[x]].id < s.issues[members[y]].id;
  });
  b.issue_rank.assign(b.issues, 0);
  for (std::size_t r = 0; r < order.size(); ++r) b.issue_rank[order[r]] = r;
  const auto& index = actors.index;
  for (std::size_t d = 0; d < b.issues; ++d) {
    const Issue& issue = s.issues[members[d]];
    b.lo.push_back(issue.scale.min);
    b.span.push_back(issue.scale.Range() / 100.0);
    for (std::size_t k = 0; k < issue.stances.size(); ++k) {
      const Stance& st = issue.stances[k];
      const auto it = index.find(st.actor);
      if (it == index.end()) continue;
      const std::size_t cell = b.Cell(d, it->second);
      b.stance[cell] = static_cast<int>(k);
      b.salience[cell] = st.salience;
      b.weight[cell] = st.Weight();
      b.total[d] += st.Weight();
      start[cell] = b.span[d] > 0 ? (st.position - b.lo[d]) / b.span[d] : 0;
    }
  }
  return b;
}

}  // namespace entente::detail
