// One round of Bueno de Mesquita's expected utility model as set out by Scholz, Calbert &
// Smith (2011), "Unravelling Bueno de Mesquita's group decision model", J. Theoretical
// Politics 23(4) / ICAART 2011 pp. 18-30, appendix steps 2-12. With d = |x_i - x_j| / R,
// m = |x_i - mu| / R and r the viewer's risk exponent:
//   U_s  = 2 - 4 (0.5 - 0.5 d)^r             (eq. 15)   U_f = 2 - 4 (0.5 + 0.5 d)^r (eq. 16)
//   U_b  = 2 - 4 (0.5 - 0.25 (m + d))^r      (eq. 22)   U_w = 2 - 4 (0.5 + 0.25 (m + d))^r (23)
//   U_sq = 2 - 4 (0.5)^r                     (eq. 24)
//   E(U_ij) = s_j [P_i U_s + (1 - P_i) U_f] + (1 - s_j) U_s - Q U_sq
//             - (1 - Q) [T U_b + (1 - T) U_w]                          (eqs. 5-7, 25a)
//   T = 1 if |x_i - mu| < |x_i - x_j| (j's drift toward mu helps i), else 0.
// Security and risk (eqs. 32-34), from every E at r = 1:
//   Sec_i = sum_{j != i} E(U_ji);  R_i = (2 Sec_i - max Sec - min Sec) / (max Sec - min Sec)
//   r_i = (1 - R_i / 3) / (1 + R_i / 3)   (all r_i = 1 when every Sec_i is equal)
// Offers, seen by the mover i with a = E_i(U_ij), b = E_i(U_ji) (or E_j(U_ji), option view):
//   a > 0, b > a        lost conflict: i moves to x_j
//   a < 0 < b, b > |a|  compromise:    i moves by (x_j - x_i) |a / b|       (eqs. 35-36)
//   a < 0 < b, b <= |a| capitulation:  i moves to x_j
//   otherwise (i wins, or a stalemate a, b < 0, or a tie a == b) i does not move on j's account.
// Each actor accepts one offer (option offer_choice); ties go to the lower stance index.
#include "entente/models/eu/eu_round.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

#include "entente/core/assert.hpp"
#include "entente/core/select.hpp"
#include "entente/core/vector_clones.hpp"
#include "entente/models/aggregate.hpp"
#include "entente/models/eu/eu_kernels.hpp"
#include "entente/models/eu/eu_offer.hpp"
#include "entente/models/eu/eu_probability.hpp"
#include "entente/models/eu/eu_utility.hpp"

namespace entente {
namespace {

// Pairs priced per kernel call in steps 7-12: 17 arrays of this many doubles (139 KB) stay
// in cache, and issues of up to 45 actors take one call per round.
constexpr std::size_t kPairBlock = 1024;

// d[k] /= by: the same IEEE quotients in every lane, four at a time with AVX2 (a tenth of
// EuRound's samples waited on SSE2's two-lane divisions here).
ENTENTE_VECTOR_CLONES
void DivideRow(double* d, double by, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) d[k] /= by;
}

// ClassifyOffer for a block of pairs, seen by the movers at `from` facing challengers at
// `toward`: where each would move (`to`), the kind (MoveKind as a double, -1 for none) and the
// ranking key of offer_choice=least_move, the move's length, or NaN for no offer (also when
// both stand at one position) so that no comparison prefers it. The same operations as
// ClassifyOffer lane by lane; without branches, four pairs at a time with AVX2: whether a pair
// makes an offer depends on the data (42% of them do on DEU I), and classifying them pair by
// pair with branches was 9% slower on a DEU I draw.
ENTENTE_VECTOR_CLONES
void ClassifyOffers(const double* __restrict from, const double* __restrict toward,
                    const double* __restrict a, const double* __restrict b, double* __restrict to,
                    double* __restrict kind, double* __restrict key, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const bool lost = (a[k] > 0) & (b[k] > a[k]);
    const bool yields = (a[k] < 0) & (b[k] > 0);
    const bool compromise = yields & (b[k] > -a[k]);
    const double part = from[k] + (toward[k] - from[k]) * (-a[k] / b[k]);
    const double dest = SelectBits(compromise, part, toward[k]);
    to[k] = dest;
    kind[k] = lost         ? static_cast<double>(MoveKind::kLostConflict)
              : compromise ? static_cast<double>(MoveKind::kCompromise)
              : yields     ? static_cast<double>(MoveKind::kCapitulation)
                           : -1.0;
    key[k] = SelectBits((lost | yields) & (from[k] != toward[k]), std::abs(dest - from[k]),
                        std::numeric_limits<double>::quiet_NaN());
  }
}

}  // namespace

EuRoundResult EuRound(std::span<const double> x, const EuActors& actors, const EuOptions& o,
                      int round) {
  EuScratch scratch;
  return EuRound(x, actors, o, round, scratch);
}

EuRoundResult EuRound(std::span<const double> x, const EuActors& actors, const EuOptions& o,
                      int round, EuScratch& scratch) {
  EuRoundResult out;
  EuRound(x, actors, o, round, scratch, out);
  return out;
}

void EuRound(std::span<const double> x, const EuActors& actors, const EuOptions& o, int round,
             EuScratch& scratch, EuRoundResult& out) {
  const std::size_t n = x.size();
  const double range = actors.range;
  ENTENTE_ASSERT(actors.weight.size() == n && actors.salience.size() == n && range > 0,
                 "EU round needs a weight and salience per actor and a positive range");
  const double mu = !std::isnan(actors.mu)      ? actors.mu
                    : o.mu == EuCentre::kMedian ? WeightedMedian(x, actors.weight)
                                                : WeightedMean(x, actors.weight);
  out.events.clear();
  out.positions.assign(x.begin(), x.end());
  out.security.assign(n, 0);
  out.risk.assign(n, 1);
  EuProbabilities& linear = scratch.linear;
  linear.Reset(x, actors.weight, range, o.probability, EuVotes::kLinear, {});
  const std::vector<std::size_t>& order = linear.order();

  // Rank-ordered copies so the pair loops read memory in sequence.
  scratch.by_rank.assign(6 * n, 0);
  double* const xr = scratch.by_rank.data();
  double* const sr = xr + n;
  double* const mr = sr + n;
  double* const sec = mr + n;
  double* const rr = sec + n;
  double* const usq = rr + n;
  for (std::size_t t = 0; t < n; ++t) {
    xr[t] = x[order[t]];
    sr[t] = actors.salience[order[t]];
    mr[t] = std::abs(xr[t] - mu);
  }
  scratch.wins.resize(n);
  scratch.losses.resize(n);
  // Linear-vote probabilities do not depend on r: keep pass 1's rows for pass 2 when they fit
  // (triangular, 8 n^2 bytes: 32 MB at 2,000 actors); larger issues recompute them.
  const bool reuse = o.votes == EuVotes::kLinear && n <= 2000;
  if (reuse) {
    scratch.kept_wins.resize(n * (n - 1) / 2);
    scratch.kept_losses.resize(n * (n - 1) / 2);
  }
  const auto row = [&](std::size_t p, bool write) {
    const std::size_t at = p * n - p * (p + 1) / 2;
    double* win = reuse ? scratch.kept_wins.data() + at : scratch.wins.data();
    double* loss = reuse ? scratch.kept_losses.data() + at : scratch.losses.data();
    if (write) linear.Row(p, win, loss);
    return std::pair<const double*, const double*>(win, loss);
  };

  scratch.rows.resize(n);
  double* const d = scratch.rows.data();  // one row of pair distances over R

  // Steps 2-6 at r = 1: U_s = 2d, U_f = -2d, U_sq = 0; with Q = 1, E = 2d (1 - 2 s_b (1 - P)).
  const bool challengers = o.security == EuSecurity::kChallengers;
  for (std::size_t p = 0; p + 1 < n; ++p) {
    const auto [win, loss] = row(p, true);
    const std::size_t m = n - p - 1;
    if (o.q == 1) {
      EuDistanceRow(xr + p + 1, xr[p], range, d, m);
      sec[p] += EuSecurityRow(d, win, loss, sr + p + 1, sr[p], challengers, sec + p + 1, m);
      continue;
    }
    double sec_p = 0;
    for (std::size_t q = p + 1, k = 0; q < n; ++q, ++k) {
      const double dist = xr[q] - xr[p];
      const Pricing u{2 * dist / range, -2 * dist / range, 0};
      const double e_pq = Expected(u, win[k], sr[q], StatusQuoTerm(u, o.q, mr[p], dist, 1, range));
      const double e_qp = Expected(u, loss[k], sr[p], StatusQuoTerm(u, o.q, mr[q], dist, 1, range));
      sec_p += challengers ? e_qp : e_pq;
      sec[q] += challengers ? e_pq : e_qp;
    }
    sec[p] += sec_p;
  }
  const auto [lo, hi] = std::minmax_element(sec, sec + n);
  const double smin = *lo, smax = *hi;
  const bool spread = smax - smin > 1e-12 * std::max(1.0, std::abs(smax) + std::abs(smin));
  for (std::size_t t = 0; t < n; ++t) {
    // Clamped so rounding cannot push r_i outside [0.5, 2] at the extremes.
    const double big_r =
        spread ? std::clamp((2 * sec[t] - smax - smin) / (smax - smin), -1.0, 1.0) : 0.0;
    rr[t] = (3 - big_r) / (3 + big_r);   // = (1 - R/3) / (1 + R/3), exact at R = +-1
    usq[t] = 2 - 4 * std::exp2(-rr[t]);  // 0.5^r; exp2 costs a fraction of pow
    out.security[order[t]] = sec[t];
    out.risk[order[t]] = rr[t];
  }

  // Steps 7-12 with the risk exponents.
  std::optional<EuProbabilities> risky;
  if (o.votes == EuVotes::kRisk) {
    risky.emplace(x, actors.weight, range, o.probability, EuVotes::kRisk, out.risk);
  }
  std::vector<Offer>& best = scratch.best;  // by rank; kNoOffer while the actor has none
  best.assign(n, Offer{});
  const auto consider = [&](std::size_t mover, std::size_t other, double a, double b) {
    const Offer offer = ClassifyOffer(xr[mover], xr[other], order[other], a, b);
    if (offer.kind != kNoOffer && BetterOffer(offer, best[mover], o.offer_choice)) {
      best[mover] = offer;
    }
  };
  const bool own = o.view == EuView::kOwn;
  // Pairs (p, q), p < q, are priced in blocks of whole rows, laid out as the triangular cache:
  // a small issue fits in one block, so each vector kernel runs once per round rather than
  // once per row (the flagship's 7-actor issues have 21 pairs in 6 rows).
  const std::size_t cap = std::max(std::min(kPairBlock, n * (n - 1) / 2), n);
  scratch.pairs.resize(25 * cap);
  double* next = scratch.pairs.data();
  const auto take = [&next, cap] { return std::exchange(next, next + cap); };
  double* const dist = take();
  double* const log_s = take();
  double* const log_f = take();
  double* const us_p = take();
  double* const uf_p = take();
  double* const us_q = take();
  double* const uf_q = take();
  double* const e_row[4] = {take(), take(), take(), take()};
  double* const r_p = take();
  double* const r_q = take();
  double* const usq_p = take();
  double* const usq_q = take();
  double* const s_p = take();
  double* const s_q = take();
  double* const x_p = take();
  double* const x_q = take();
  double* const offer_to[2] = {take(), take()};  // mover p (facing q), mover q (facing p)
  double* const offer_kind[2] = {take(), take()};
  double* const offer_key[2] = {take(), take()};
  // offer_choice=least_move ranks the offers by (move, -b, challenger): a total order, so the
  // best of each mover is the same whatever order its offers are met in, and the offers of a
  // block are classified at once (ClassifyOffers) before each mover keeps its best.
  const bool least_move =
      o.q == 1 && o.offer_choice == EuOfferChoice::kLeastMove && !scratch.pairwise_offers;
  const auto keep = [&](std::size_t mover, std::size_t other, double a, double b, int side,
                        std::size_t k) {
    const double move = offer_key[side][k];
    Offer& have = best[mover];
    // NaN (no offer) fails every comparison; a mover without an offer has move +inf.
    if (!(move <= have.move)) return;
    // A tie on the move goes to the higher b, then the lower challenger (BetterOffer's order).
    if (move == have.move && !(-b != -have.b ? -b < -have.b : order[other] < have.other)) {
      return;
    }
    have =
        Offer{static_cast<int>(offer_kind[side][k]), order[other], offer_to[side][k], a, b, move};
  };
  if (least_move) {
    for (Offer& none : best) none.move = std::numeric_limits<double>::infinity();
  }
  scratch.wins.resize(cap);
  scratch.losses.resize(cap);
  for (std::size_t p0 = 0, p1 = 0; p0 + 1 < n; p0 = p1) {
    std::size_t pairs = 0;  // rows [p0, p1) hold `pairs` pairs, at most kPairBlock unless one row
    do pairs += n - ++p1;
    while (p1 + 1 < n && pairs + (n - p1 - 1) <= kPairBlock);
    const double* win = scratch.wins.data();
    const double* loss = scratch.losses.data();
    if (reuse && !risky) {
      const std::size_t at = p0 * n - p0 * (p0 + 1) / 2;
      win = scratch.kept_wins.data() + at;
      loss = scratch.kept_losses.data() + at;
    }
    for (std::size_t p = p0, k = 0; p < p1; ++p) {
      if (risky) {
        risky->Row(p, scratch.wins.data() + k, scratch.losses.data() + k);
      } else if (!reuse) {
        linear.Row(p, scratch.wins.data() + k, scratch.losses.data() + k);
      }
      for (std::size_t q = p + 1; q < n; ++q, ++k) {
        dist[k] = xr[q] - xr[p];  // divided by R below, where the divisions vectorise
        x_p[k] = xr[p];
        x_q[k] = xr[q];
        r_p[k] = rr[p];
        r_q[k] = rr[q];
        usq_p[k] = usq[p];
        usq_q[k] = usq[q];
        s_p[k] = sr[p];
        s_q[k] = sr[q];
      }
    }
    // The same quotients as (xr[q] - xr[p]) / range pair by pair (IEEE division rounds each
    // lane on its own), 2-4 lanes at a time: one scalar division per pair stalled the loop
    // above (perf: 15% of EuRound's own samples on DEU I).
    DivideRow(dist, range, pairs);
    EuLogBases(dist, log_s, log_f, pairs);
    EuUtilityRowEach(log_s, r_p, us_p, pairs);
    EuUtilityRowEach(log_f, r_p, uf_p, pairs);
    EuUtilityRowEach(log_s, r_q, us_q, pairs);
    EuUtilityRowEach(log_f, r_q, uf_q, pairs);
    if (o.q == 1) {
      EuExpectedRow(EuRowPrices{us_p, uf_p, usq_p, us_q, uf_q, usq_q}, win, loss, s_q, s_p, e_row,
                    pairs);
    }
    if (least_move) {
      ClassifyOffers(x_p, x_q, e_row[0], own ? e_row[1] : e_row[2], offer_to[0], offer_kind[0],
                     offer_key[0], pairs);
      ClassifyOffers(x_q, x_p, e_row[2], own ? e_row[3] : e_row[0], offer_to[1], offer_kind[1],
                     offer_key[1], pairs);
      for (std::size_t p = p0, k = 0; p < p1; ++p) {
        for (std::size_t q = p + 1; q < n; ++q, ++k) {
          keep(p, q, e_row[0][k], own ? e_row[1][k] : e_row[2][k], 0, k);
          keep(q, p, e_row[2][k], own ? e_row[3][k] : e_row[0][k], 1, k);
        }
      }
      continue;
    }
    for (std::size_t p = p0, k = 0; p < p1; ++p) {
      const double xp = xr[p], sp = sr[p], rp = rr[p];
      for (std::size_t q = p + 1; q < n; ++q, ++k) {
        if (xr[q] == xp) continue;  // nothing to move toward
        const double sq = sr[q];
        double ep_pq = 0, ep_qp = 0, eq_qp = 0, eq_pq = 0;  // E_v(U_ab), priced with v's exponent
        if (o.q == 1) {
          ep_pq = e_row[0][k];
          ep_qp = e_row[1][k];
          eq_qp = e_row[2][k];
          eq_pq = e_row[3][k];
        } else {
          const Pricing up{us_p[k], uf_p[k], usq[p]}, uq{us_q[k], uf_q[k], usq[q]};
          const double gap = xr[q] - xp;
          ep_pq = Expected(up, win[k], sq, StatusQuoTerm(up, o.q, mr[p], gap, rp, range));
          ep_qp = Expected(up, loss[k], sp, StatusQuoTerm(up, o.q, mr[q], gap, rp, range));
          eq_qp = Expected(uq, loss[k], sp, StatusQuoTerm(uq, o.q, mr[q], gap, rr[q], range));
          eq_pq = Expected(uq, win[k], sq, StatusQuoTerm(uq, o.q, mr[p], gap, rr[q], range));
        }
        // Every move needs b > 0 (the other side expects to gain); most pairs stop here.
        if (const double b = own ? ep_qp : eq_qp; b > 0) consider(p, q, ep_pq, b);
        if (const double b = own ? eq_pq : ep_pq; b > 0) consider(q, p, eq_qp, b);
      }
    }
  }
  for (std::size_t t = 0; t < n; ++t) {
    if (best[t].kind == kNoOffer) continue;
    const Offer& b = best[t];
    const std::size_t i = order[t];
    out.positions[i] = b.to;
    if (!o.trail) continue;
    out.events.push_back(
        BargainEvent{round, i, b.other, static_cast<MoveKind>(b.kind), x[i], b.to, b.a, b.b});
  }
  std::sort(out.events.begin(), out.events.end(),
            [](const BargainEvent& l, const BargainEvent& r) { return l.actor < r.actor; });
}

}  // namespace entente
