// KTAB's Spatial Model of Politics (Wise, Lester & Efird 2015; "Multidimensional bargaining
// using KTAB", KAPSARC 2016), written from the math and defaults as read from the public KTAB
// project's sources (no code copied) and checked against KTAB's 2017 reference logs
// (tests/unit/ktab_reference_test.cpp).
//
// Distance   d_k(y) = sqrt(sum_d (s_kd (ideal_kd - y_d))^2 / sum_d s_kd^2)
// Utility    u = (1 - d)(1 + d R) for d <= 1, else (1 - d)(1 + R)
// Risk       PCE over the positions with R = 0 and capability weights gives p; R_i is p_i
//            mapped linearly onto the risk range ([-1/2, 1] for "mid"); estimator h sees
//            r^h_i = b r_i + (1 - b) r_h (b = 1/3 for "one-third").
// Challenge  i against j as seen by h, weights W_k = c_k sum_d s_kd:
//            principals vote W f(u_ii - u_ij) and W f(u_jj - u_ji); third party k first
//            judges a small contest (i's and j's votes plus its own) P_k, then votes
//            W_k f(EU(join i) - EU(join j)), semi-commit: EU(join i) = P_k (2u_ki + u_kk) +
//            (1 - P_k) 3u_kj, EU(join j) = (1 - P_k)(2u_kj + u_kk) + P_k 3u_ki.
//            P = g(C_ij) / (g(C_ij) + g(C_ji)); gain to i = (1 - S_j) 2u_ii + S_j (2P u_ii +
//            2(1 - P) u_ij) - (u_ii + u_ij). Each actor challenges its best target (gain > 1e-5).
// Bargain    per dimension, weights w = (s P)^2: ((w_i + 1e-6) x_i + w_j x_j) / (...), 4 dp.
// Choice     each actor's queue (status quo + its bargains) is scored by every actor as the
//            mean utility of all positions with the bargain applied; a capability-weighted PCE
//            picks one (argmax, or a draw); the actor adopts its side of it.
// Stop       after max_turns, or from turn 2 when sum_i |dx_i| < stop x (first turn's + 1e-4).
#include "entente/models/ktab/ktab_smp.hpp"

#include <algorithm>
#include <cmath>

#include <tbb/parallel_for.h>

#include "entente/core/assert.hpp"
#include "entente/core/random.hpp"
#include "entente/core/round_half_away.hpp"
#include "entente/core/vector_clones.hpp"
#include "entente/models/ktab/ktab_pce.hpp"

namespace entente {
namespace {

constexpr double kMinGain = 1e-5;
constexpr double kBargainEps = 1e-6;
constexpr double kStopFloor = 1e-4;

// sum_a (sal[a] (ideal[a] - y[a]))^2 over a < d, in four interleaved partial sums: with one
// running sum each add waited for the last (173 in a row per distance on DEU I; a DEU I
// backtest draw now costs about a quarter less). The order is fixed here, not left to the
// compiler, so every thread count and machine gives the same bits; against one running sum
// the forecasts differ in the last bits (at most 7e-13 on DEU I's 0-100 scales). The four
// sums are the four lanes of one AVX2 register where the CPU has it (the same operations
// lane by lane, so the same bits).
ENTENTE_VECTOR_CLONES
double WeightedSquares(const double* sal, const double* ideal, const double* y, std::size_t d) {
  double s[4] = {0, 0, 0, 0};
  std::size_t a = 0;
  for (; a + 4 <= d; a += 4) {
    for (std::size_t l = 0; l < 4; ++l) {
      const double t = sal[a + l] * (ideal[a + l] - y[a + l]);
      s[l] += t * t;
    }
  }
  for (; a < d; ++a) {
    const double t = sal[a] * (ideal[a] - y[a]);
    s[0] += t * t;
  }
  return (s[0] + s[1]) + (s[2] + s[3]);
}

// Interpolate's positions on every dimension a < d for one pair, from the weights wi, wj of
// i and j there: positions ti, tj, results rounded to 4 decimals. Loops of their own, arrays
// unaliased, one per weighting rule, so g++ runs them four dimensions at a time with AVX2 (the
// same operations lane by lane; Interpolate was a sixth of a DEU I ktab-smp draw).
template <typename Weights>
inline void BargainLanes(const double* __restrict ti, const double* __restrict tj,
                         double* __restrict xi, double* __restrict xj, std::size_t d,
                         Weights weights) {
  for (std::size_t a = 0; a < d; ++a) {
    const auto [wi, wj] = weights(a);
    xi[a] =
        RoundHalfAway(((wi + kBargainEps) * ti[a] + wj * tj[a]) / (wi + kBargainEps + wj) * 1e4) /
        1e4;
    xj[a] =
        RoundHalfAway((wi * ti[a] + (wj + kBargainEps) * tj[a]) / (wi + wj + kBargainEps) * 1e4) /
        1e4;
  }
}

// BargainLanes with the weights of `interp` from the saliences si, sj and P(i wins) = p.
ENTENTE_VECTOR_CLONES
void BargainPositions(const double* __restrict si, const double* __restrict sj,
                      const double* __restrict ti, const double* __restrict tj, double p,
                      SmpInterp interp, double* __restrict xi, double* __restrict xj,
                      std::size_t d) {
  switch (interp) {
    case SmpInterp::kS2P2:
      BargainLanes(ti, tj, xi, xj, d, [&](std::size_t a) {
        return std::pair(si[a] * si[a] * p * p, sj[a] * sj[a] * (1 - p) * (1 - p));
      });
      break;
    case SmpInterp::kS1P1:
      BargainLanes(ti, tj, xi, xj, d,
                   [&](std::size_t a) { return std::pair(si[a] * p, sj[a] * (1 - p)); });
      break;
    case SmpInterp::kS2PMax: {
      const double top = std::max(p, 1 - p);
      BargainLanes(ti, tj, xi, xj, d, [&](std::size_t a) {
        return std::pair(si[a] * si[a] * p / top, sj[a] * sj[a] * (1 - p) / top);
      });
      break;
    }
  }
}

double Utility(double d, double r) {
  return d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
}

// Weight of an actor's true risk attitude in another actor's estimate of it.
double TrueShare(SmpRiskAdjust a) {
  switch (a) {
    case SmpRiskAdjust::kNone: return 0.0;
    case SmpRiskAdjust::kHalf: return 0.5;
    case SmpRiskAdjust::kOneThird: return 1.0 / 3.0;
    case SmpRiskAdjust::kTwoThirds: return 2.0 / 3.0;
    case SmpRiskAdjust::kFull: return 1.0;
  }
  return 1.0 / 3.0;
}

// Everything derived from one state that the turn and the report need.
struct Evaluation {
  std::vector<double> dist;    // n x n: dist[k * n + j] = d_k(x_j)
  std::vector<double> dist_t;  // transposed: dist_t[j * n + k] = d_k(x_j)
  std::vector<double> risk;    // n
  std::vector<double> util;    // n x n objective: util[k * n + j] = u_k(x_j) with R_k
  std::vector<double> win;     // n
};

class Smp {
 public:
  Smp(const SmpInput& in, const SmpOptions& o)
      : in_(in),
        o_(o),
        n_(in.actors),
        d_(in.dims),
        ideal_(in.position),
        sum_s_(n_),
        norm_(n_),
        weight_(n_) {
    for (std::size_t k = 0; k < n_; ++k) {
      double s = 0, s2 = 0;
      for (std::size_t a = 0; a < d_; ++a) {
        s += Sal(k, a);
        s2 += Sal(k, a) * Sal(k, a);
      }
      sum_s_[k] = s;
      norm_[k] = s2 > 0 ? 1.0 / s2 : 0.0;
      weight_[k] = in_.capability[k] * s;
    }
  }

  std::vector<SmpChallenge> FirstChallenges() const {
    const Evaluation ev = Evaluate(in_.position);
    std::vector<std::ptrdiff_t> target;
    std::vector<double> prob;
    Targets(ev, target, prob);
    std::vector<SmpChallenge> out(n_);
    for (std::size_t i = 0; i < n_; ++i) out[i] = {target[i], prob[i]};
    return out;
  }

  SmpResult Run() {
    SmpResult result;
    std::vector<double> x = in_.position;
    Evaluation ev = Evaluate(x);
    result.states.push_back({x, ev.win});
    double first = 0;
    Rng rng(o_.seed, 0x6b746162);  // "ktab"
    for (int turn = 1; turn <= o_.max_turns; ++turn) {
      ThrowIfCancelled(o_.cancel);
      std::vector<double> next = Turn(x, ev, rng);
      double moved = 0;
      for (std::size_t i = 0; i < n_; ++i) {
        double s = 0;
        for (std::size_t a = 0; a < d_; ++a) s += std::pow(next[i * d_ + a] - x[i * d_ + a], 2);
        moved += std::sqrt(s);
      }
      if (turn == 1) first = moved;
      UpdateIdeals(next);
      x = std::move(next);
      ev = Evaluate(x);
      if (o_.trail || turn == o_.max_turns) result.states.push_back({x, ev.win});
      result.turns = turn;
      if (turn >= 2 && moved / (first + kStopFloor) < o_.stop_fraction) {
        result.converged = true;
        if (!o_.trail) result.states.push_back({x, ev.win});
        break;
      }
    }
    return result;
  }

 private:
  double Sal(std::size_t k, std::size_t a) const { return in_.salience[k * d_ + a]; }

  // d_k(y) from k's ideal (WeightedSquares).
  double Distance(std::size_t k, const double* y) const {
    return std::sqrt(WeightedSquares(in_.salience.data() + k * d_, ideal_.data() + k * d_, y, d_) *
                     norm_[k]);
  }

  std::vector<std::size_t> Groups(const std::vector<double>& x,
                                  std::vector<std::size_t>& reps) const {
    std::vector<std::size_t> group = SmpGroups(x, n_, d_, o_.merge_tolerance);
    reps.clear();
    for (std::size_t i = 0; i < n_; ++i) {
      if (group[i] == reps.size()) reps.push_back(i);
    }
    return group;
  }

  // PCE over the distinct positions with utility `u` (n x n), capability weights.
  std::vector<double> PositionPce(const std::vector<double>& u,
                                  const std::vector<std::size_t>& group,
                                  const std::vector<std::size_t>& reps) const {
    const std::size_t m = reps.size();
    std::vector<double> table(n_ * m);
    for (std::size_t k = 0; k < n_; ++k) {
      for (std::size_t g = 0; g < m; ++g) table[k * m + g] = u[k * n_ + reps[g]];
    }
    const std::vector<double> pg = SmpPceProbabilities({table, in_.capability, m}, o_);
    std::vector<double> p(n_);
    for (std::size_t i = 0; i < n_; ++i) p[i] = pg[group[i]];
    return p;
  }

  Evaluation Evaluate(const std::vector<double>& x) const {
    Evaluation ev;
    ev.dist.resize(n_ * n_);
    tbb::parallel_for(std::size_t{0}, n_, [&](std::size_t k) {
      for (std::size_t j = 0; j < n_; ++j) ev.dist[k * n_ + j] = Distance(k, &x[j * d_]);
    });
    ev.dist_t.resize(n_ * n_);
    for (std::size_t k = 0; k < n_; ++k) {
      for (std::size_t j = 0; j < n_; ++j) ev.dist_t[j * n_ + k] = ev.dist[k * n_ + j];
    }
    std::vector<std::size_t> reps;
    const std::vector<std::size_t> group = Groups(x, reps);
    std::vector<double> neutral(n_ * n_);
    for (std::size_t e = 0; e < n_ * n_; ++e) neutral[e] = 1 - ev.dist[e];
    // KTAB infers risk attitudes from a PCE over every actor's position, unmerged (its
    // reference logs show near-equal positions with different attitudes).
    std::vector<std::size_t> all(n_);
    for (std::size_t i = 0; i < n_; ++i) all[i] = i;
    const std::vector<double> p = PositionPce(neutral, all, all);
    const auto [lo_it, hi_it] = std::minmax_element(p.begin(), p.end());
    const double lo = *lo_it, hi = *hi_it;
    double r_lo = -0.5, r_hi = 1.0;
    if (o_.risk_range == SmpRiskRange::kMin) r_lo = 0.0;
    if (o_.risk_range == SmpRiskRange::kMax) r_lo = -1.0;
    ev.risk.resize(n_);
    for (std::size_t i = 0; i < n_; ++i) {
      ev.risk[i] = hi - lo > 0 ? r_lo + (r_hi - r_lo) * (p[i] - lo) / (hi - lo) : 0.0;
    }
    ev.util.resize(n_ * n_);
    for (std::size_t k = 0; k < n_; ++k) {
      for (std::size_t j = 0; j < n_; ++j) {
        ev.util[k * n_ + j] = Utility(ev.dist[k * n_ + j], ev.risk[k]);
      }
    }
    ev.win = PositionPce(ev.util, group, reps);
    return ev;
  }

  // h's view of every actor k: its risk attitude and its utilities for i's and its own
  // position; filled once per (h, i), reused for every target j.
  struct View {
    std::vector<double> risk, uki, ukk, ukj;
  };

  void FillView(const Evaluation& ev, std::size_t h, std::size_t i, View& v) const {
    const double share = TrueShare(o_.risk_adjust);
    v.risk.resize(n_);
    v.uki.resize(n_);
    v.ukk.resize(n_);
    v.ukj.resize(n_);
    for (std::size_t k = 0; k < n_; ++k) {
      v.risk[k] = share * ev.risk[k] + (1 - share) * ev.risk[h];
      v.uki[k] = Utility(ev.dist_t[i * n_ + k], v.risk[k]);
      v.ukk[k] = Utility(ev.dist[k * n_ + k], v.risk[k]);
    }
  }

  // Probability, in view `v` (of estimator h, challenger i), that i beats j.
  double ChallengeProbability(const Evaluation& ev, View& v, std::size_t i, std::size_t j) const {
    const double* dj = &ev.dist_t[j * n_];
    for (std::size_t k = 0; k < n_; ++k) v.ukj[k] = Utility(dj[k], v.risk[k]);
    const SmpVoting rule = o_.voting;
    const double bi = SmpVote(rule, weight_[i], v.uki[i] - v.ukj[i]);
    const double bj = SmpVote(rule, weight_[j], v.uki[j] - v.ukk[j]);
    const double base_i = std::max(bi, 0.0) + std::max(bj, 0.0);
    const double base_j = std::max(-bi, 0.0) + std::max(-bj, 0.0);
    double ci = base_i, cj = base_j;
    const bool fast = rule == SmpVoting::kProp && o_.victory == SmpVictory::kLinear &&
                      o_.third_party == SmpThirdParty::kSemiCommit;
    auto third_parties = [&](std::size_t from, std::size_t to) {
      if (fast) {
        // The defaults, with EU(join i) - EU(join j) simplified to
        // P_k (u_kk - u_ki) + (1 - P_k)(u_kj - u_kk); a loop the compiler vectorises.
        for (std::size_t k = from; k < to; ++k) {
          const double own = weight_[k] * (v.uki[k] - v.ukj[k]);
          const double si = 1e-8 + base_i + (own > 0 ? own : 0.0);
          const double sj = 1e-8 + base_j + (own < 0 ? -own : 0.0);
          const double pk = si / (si + sj);
          const double vote =
              weight_[k] * (pk * (v.ukk[k] - v.uki[k]) + (1 - pk) * (v.ukj[k] - v.ukk[k]));
          ci += vote > 0 ? vote : 0.0;
          cj += vote < 0 ? -vote : 0.0;
        }
        return;
      }
      for (std::size_t k = from; k < to; ++k) {
        const double uki = v.uki[k], ukj = v.ukj[k], ukk = v.ukk[k];
        const double own = SmpVote(rule, weight_[k], uki - ukj);
        const double pk = SmpVictoryProbability(o_.victory, 1e-8 + base_i + std::max(own, 0.0),
                                                1e-8 + base_j + std::max(-own, 0.0));
        double eu_i = 0, eu_j = 0;
        switch (o_.third_party) {
          case SmpThirdParty::kSemiCommit:
            eu_i = pk * (2 * uki + ukk) + (1 - pk) * 3 * ukj;
            eu_j = (1 - pk) * (2 * ukj + ukk) + pk * 3 * uki;
            break;
          case SmpThirdParty::kFullCommit:
            eu_i = pk * 3 * uki + (1 - pk) * 3 * ukj;
            eu_j = (1 - pk) * 3 * ukj + pk * 3 * uki;
            break;
          case SmpThirdParty::kNoCommit:
            eu_i = pk * (2 * uki + ukk) + (1 - pk) * (2 * ukj + ukk);
            eu_j = (1 - pk) * (2 * ukj + ukk) + pk * (2 * uki + ukk);
            break;
        }
        const double vote = SmpVote(rule, weight_[k], eu_i - eu_j);
        (vote > 0 ? ci : cj) += std::abs(vote);
      }
    };
    const std::size_t lo = std::min(i, j), hi = std::max(i, j);
    third_parties(0, lo);
    third_parties(lo + 1, hi);
    third_parties(hi + 1, n_);
    return SmpVictoryProbability(o_.victory, 1e-8 + ci, 1e-8 + cj);
  }

  struct Bargain {
    std::size_t i = 0, j = 0;
    std::vector<double> xi, xj;  // new positions of i and j
  };

  // Interpolated positions of i and j when i beats j with probability p.
  void Interpolate(const std::vector<double>& x, std::size_t i, std::size_t j, double p,
                   std::vector<double>& xi, std::vector<double>& xj) const {
    xi.resize(d_);
    xj.resize(d_);
    BargainPositions(&in_.salience[i * d_], &in_.salience[j * d_], &x[i * d_], &x[j * d_], p,
                     o_.interp, xi.data(), xj.data(), d_);
  }

  // Each actor's best target (-1: none worth challenging) and its estimate that it wins.
  void Targets(const Evaluation& ev, std::vector<std::ptrdiff_t>& target,
               std::vector<double>& prob) const {
    target.assign(n_, -1);
    prob.assign(n_, 0.0);
    tbb::parallel_for(std::size_t{0}, n_, [&](std::size_t i) {
      const double uii = ev.util[i * n_ + i];
      auto gain_at = [&](std::size_t j, double p) {
        const double uij = ev.util[i * n_ + j];
        const double contest = 2 * p * uii + 2 * (1 - p) * uij;
        return (1 - sum_s_[j]) * 2 * uii + sum_s_[j] * contest - (uii + uij);
      };
      // The gain is linear in P, so its values at P = 0 and 1 bound it: estimate P (O(n)
      // each) only for targets whose bound can still beat the best found. Same answer as
      // trying every target, ties going to the lowest index.
      std::vector<std::pair<double, std::size_t>> order;
      for (std::size_t j = 0; j < n_; ++j) {
        const double bound = j == i ? 0.0 : std::max(gain_at(j, 0.0), gain_at(j, 1.0));
        if (bound > kMinGain) order.emplace_back(bound, j);
      }
      std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      });
      double best = kMinGain;
      View view;
      if (!order.empty()) FillView(ev, i, i, view);
      for (const auto& [bound, j] : order) {
        if (bound + 1e-12 < best) break;
        const double p = ChallengeProbability(ev, view, i, j);
        const double gain = gain_at(j, p);
        if (gain > best ||
            (gain == best && target[i] >= 0 && j < static_cast<std::size_t>(target[i]))) {
          best = gain;
          target[i] = static_cast<std::ptrdiff_t>(j);
          prob[i] = p;
        }
      }
    });
  }

  std::vector<Bargain> Bargains(const std::vector<double>& x, const Evaluation& ev) const {
    std::vector<std::ptrdiff_t> target;
    std::vector<double> prob;
    Targets(ev, target, prob);
    std::vector<Bargain> out;
    for (std::size_t i = 0; i < n_; ++i) {
      if (target[i] < 0) continue;
      Bargain b;
      b.i = i;
      b.j = static_cast<std::size_t>(target[i]);
      if (o_.bargain == SmpBargain::kInitiator) {
        Interpolate(x, b.i, b.j, prob[i], b.xi, b.xj);
      } else {
        View view;
        FillView(ev, b.j, b.i, view);
        const double pj = ChallengeProbability(ev, view, b.i, b.j);
        if (o_.bargain == SmpBargain::kReceiver) {
          Interpolate(x, b.i, b.j, pj, b.xi, b.xj);
        } else {
          std::vector<double> ai, aj, ri, rj;
          Interpolate(x, b.i, b.j, prob[i], ai, aj);
          Interpolate(x, b.i, b.j, pj, ri, rj);
          const double wi = weight_[b.i], wj = weight_[b.j];
          b.xi.resize(d_);
          b.xj.resize(d_);
          for (std::size_t a = 0; a < d_; ++a) {
            b.xi[a] = (wi * ai[a] + wj * ri[a]) / (wi + wj);
            b.xj[a] = (wi * aj[a] + wj * rj[a]) / (wi + wj);
          }
        }
      }
      out.push_back(std::move(b));
    }
    return out;
  }

  std::vector<double> Turn(const std::vector<double>& x, const Evaluation& ev, Rng& rng) const {
    const std::vector<Bargain> bargains = Bargains(x, ev);
    const std::size_t nb = bargains.size();
    const double inv_n = 1.0 / static_cast<double>(n_);
    // value[m * n + a]: actor a's mean utility over all positions with bargain m applied.
    std::vector<double> row_sum(n_, 0.0);
    for (std::size_t a = 0; a < n_; ++a) {
      for (std::size_t k = 0; k < n_; ++k) row_sum[a] += ev.util[a * n_ + k];
    }
    std::vector<double> value(nb * n_);
    tbb::parallel_for(std::size_t{0}, nb, [&](std::size_t m) {
      const Bargain& b = bargains[m];
      for (std::size_t a = 0; a < n_; ++a) {
        const double r = ev.risk[a];
        value[m * n_ + a] =
            (row_sum[a] - ev.util[a * n_ + b.i] - ev.util[a * n_ + b.j] +
             Utility(Distance(a, b.xi.data()), r) + Utility(Distance(a, b.xj.data()), r)) *
            inv_n;
      }
    });
    std::vector<std::vector<std::size_t>> queue(n_);
    for (std::size_t m = 0; m < nb; ++m) {
      queue[bargains[m].i].push_back(m);
      queue[bargains[m].j].push_back(m);
    }
    std::vector<double> next = x;
    std::vector<double> table;
    for (std::size_t k = 0; k < n_; ++k) {
      if (queue[k].empty()) continue;
      const std::size_t q = queue[k].size() + 1;
      table.assign(n_ * q, 0.0);
      for (std::size_t a = 0; a < n_; ++a) {
        table[a * q] = row_sum[a] * inv_n;
        for (std::size_t c = 1; c < q; ++c) table[a * q + c] = value[queue[k][c - 1] * n_ + a];
      }
      const std::vector<double> p = SmpPceProbabilities({table, in_.capability, q}, o_);
      std::size_t pick = 0;
      if (o_.transition == SmpTransition::kDeterministic) {
        pick = static_cast<std::size_t>(std::max_element(p.begin(), p.end()) - p.begin());
      } else {
        double u = Uniform01(rng);
        while (pick + 1 < q && u >= p[pick]) u -= p[pick++];
      }
      if (pick == 0) continue;
      const Bargain& b = bargains[queue[k][pick - 1]];
      const std::vector<double>& mine = b.i == k ? b.xi : b.xj;
      std::copy(mine.begin(), mine.end(), next.begin() + static_cast<std::ptrdiff_t>(k * d_));
    }
    return next;
  }

  void UpdateIdeals(const std::vector<double>& x) {
    if (in_.affinity.empty()) {
      ideal_ = x;
      return;
    }
    std::vector<double> next(n_ * d_);
    for (std::size_t i = 0; i < n_; ++i) {
      double total = 0;
      for (std::size_t j = 0; j < n_; ++j) total += in_.affinity[i * n_ + j];
      for (std::size_t a = 0; a < d_; ++a) {
        double s = (1 - total) * ideal_[i * d_ + a];
        for (std::size_t j = 0; j < n_; ++j) s += in_.affinity[i * n_ + j] * x[j * d_ + a];
        next[i * d_ + a] = s;
      }
    }
    ideal_ = std::move(next);
  }

  const SmpInput& in_;
  const SmpOptions& o_;
  std::size_t n_, d_;
  std::vector<double> ideal_;
  std::vector<double> sum_s_;   // S_k = sum of saliences
  std::vector<double> norm_;    // 1 / sum of squared saliences
  std::vector<double> weight_;  // c_k S_k
};

}  // namespace

std::vector<std::size_t> SmpGroups(const std::vector<double>& x, std::size_t n, std::size_t d,
                                   double tolerance) {
  std::vector<std::size_t> group(n);
  std::size_t groups = 0;
  // The sum only grows, so once it reaches 4 tolerance^2 the distance is at least twice the
  // tolerance whatever the remaining dimensions add: the pair is apart, and the rest of the
  // sum (173 dimensions on DEU I, for every pair and turn) can be skipped.
  const double apart = 4 * tolerance * tolerance;
  for (std::size_t i = 0; i < n; ++i) {
    group[i] = groups;
    for (std::size_t j = 0; j < i; ++j) {
      double s = 0;
      for (std::size_t a = 0; a < d && s < apart; ++a) {
        s += std::pow(x[i * d + a] - x[j * d + a], 2);
      }
      if (std::sqrt(s) < tolerance) {
        group[i] = group[j];
        break;
      }
    }
    if (group[i] == groups) ++groups;
  }
  return group;
}

std::vector<SmpChallenge> SmpFirstChallenges(const SmpInput& input, const SmpOptions& options) {
  if (input.actors == 0) return {};
  return Smp(input, options).FirstChallenges();
}

SmpResult RunSmp(const SmpInput& input, const SmpOptions& options) {
  ENTENTE_ASSERT(input.capability.size() == input.actors &&
                     input.position.size() == input.actors * input.dims &&
                     input.salience.size() == input.actors * input.dims,
                 "SmpInput arrays must match actors x dims");
  ENTENTE_ASSERT(input.affinity.empty() || input.affinity.size() == input.actors * input.actors,
                 "SmpInput affinity must be empty or actors x actors");
  if (input.actors == 0) return {};
  return Smp(input, options).Run();
}

}  // namespace entente
