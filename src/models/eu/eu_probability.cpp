// Probability that i beats j (Scholz, Calbert & Smith 2011, eq. 31; BDM 1994 eq. 28 without
// its factor 2):
//   P_i = sum_{k: |x_k-x_j| > |x_k-x_i|} c_k s_k (|x_k-x_j| - |x_k-x_i|)
//         / sum_k c_k s_k | |x_k-x_j| - |x_k-x_i| |
// Linear votes, a = x_i < b = x_j, in rank order: voters at or below a give (b - a); voters
// at or above b give (b - a) to j; voters strictly between give a + b - 2 x_k, to i below the
// midpoint and to j above it. So each numerator is a few prefix-sum differences, and the
// midpoint index only moves forward as b grows: O(n) per row, O(n^2) per round.
// Linear numerators and the linear triples denominator are in scale units (P is a ratio);
// risk votes are in utility units (d / R)^r on both sides.
// kTriples replaces the denominator by the sum over every ordered pair (a, b) and voter k of
// c_k s_k |u_k(x_a) - u_k(x_b)|; per voter that is sum |d_a - d_b| over sorted distances.
// kRisk scores positions by u_k(x) = -(|x_k - x| / R)^r_k; this breaks the prefix sums, so it
// costs O(n) per pair (O(n^3) per round) and is meant for small published cases.
#include "entente/models/eu/eu_probability.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "entente/core/assert.hpp"

namespace entente {

EuProbabilities::EuProbabilities(std::span<const double> x, std::span<const double> w, double range,
                                 EuProbability mode, EuVotes votes, std::span<const double> risk) {
  Reset(x, w, range, mode, votes, risk);
}

void EuProbabilities::Reset(std::span<const double> x, std::span<const double> w, double range,
                            EuProbability mode, EuVotes votes, std::span<const double> risk) {
  mode_ = mode;
  votes_ = votes;
  range_ = range;
  triples_ = 0;
  const std::size_t n = x.size();
  ENTENTE_ASSERT(w.size() == n && range > 0, "vote shares need weights per actor and R > 0");
  order_.resize(n);
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  const auto before = [&x](std::size_t a, std::size_t b) { return x[a] < x[b]; };
  if (n <= 32) {
    // Insertion sort: stable like stable_sort, and free of its temporary buffer.
    for (std::size_t i = 1; i < n; ++i) {
      const std::size_t v = order_[i];
      std::size_t j = i;
      for (; j > 0 && before(v, order_[j - 1]); --j) order_[j] = order_[j - 1];
      order_[j] = v;
    }
  } else {
    std::stable_sort(order_.begin(), order_.end(), before);
  }
  xs_.resize(n);
  ws_.resize(n);
  cum_w_.assign(n + 1, 0);
  cum_wx_.assign(n + 1, 0);
  for (std::size_t p = 0; p < n; ++p) {
    xs_[p] = x[order_[p]];
    ws_[p] = w[order_[p]];
    cum_w_[p + 1] = cum_w_[p] + ws_[p];
    cum_wx_[p + 1] = cum_wx_[p] + ws_[p] * xs_[p];
  }
  lower_.resize(n);
  upper_.resize(n);
  for (std::size_t p = 0; p < n; ++p) {
    lower_[p] = (p > 0 && xs_[p - 1] == xs_[p]) ? lower_[p - 1] : p;
  }
  for (std::size_t p = n; p-- > 0;) {
    upper_[p] = (p + 1 < n && xs_[p + 1] == xs_[p]) ? upper_[p + 1] : p + 1;
  }
  if (votes_ == EuVotes::kRisk) {
    ENTENTE_ASSERT(risk.size() == n, "risk votes need one exponent per actor");
    utility_loss_.resize(n * n);
    for (std::size_t k = 0; k < n; ++k) {
      const double r = risk[order_[k]];
      for (std::size_t t = 0; t < n; ++t) {
        utility_loss_[k * n + t] = std::pow(std::abs(xs_[k] - xs_[t]) / range_, r);
      }
    }
  }
  if (mode_ == EuProbability::kTriples) triples_ = TriplesDenominator();
}

double EuProbabilities::TriplesDenominator() const {
  const std::size_t n = xs_.size();
  std::vector<double> d;
  d.reserve(n);
  double total = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (ws_[k] == 0) continue;
    // Distances from voter k in ascending order: merge the left side (walking down) with
    // the right side (walking up), then sum |d_a - d_b| over ordered pairs in one pass.
    d.assign(1, 0.0);  // the voter's own position
    std::size_t l = k, r = k + 1;
    while (l > 0 || r < n) {
      const double dl = l > 0 ? xs_[k] - xs_[l - 1] : INFINITY;
      const double dr = r < n ? xs_[r] - xs_[k] : INFINITY;
      if (dl <= dr) {
        d.push_back(votes_ == EuVotes::kRisk ? utility_loss_[k * n + (l - 1)] : dl);
        --l;
      } else {
        d.push_back(votes_ == EuVotes::kRisk ? utility_loss_[k * n + r] : dr);
        ++r;
      }
    }
    double s = 0;
    const double m = static_cast<double>(d.size()) - 1;
    for (std::size_t t = 0; t < d.size(); ++t) s += d[t] * (2 * static_cast<double>(t) - m);
    total += ws_[k] * 2 * s;
  }
  return total;
}

inline void EuProbabilities::Share(double n_p, double n_q, double& win, double& loss) const {
  n_p = std::max(n_p, 0.0);  // prefix-sum differences can round just below zero
  n_q = std::max(n_q, 0.0);
  const double den = mode_ == EuProbability::kTriples ? triples_ : n_p + n_q;
  if (den > 0) {
    const double inv = 1 / den;
    win = n_p * inv;
    loss = n_q * inv;
  } else {
    win = loss = 0.5;  // nobody with weight prefers either: an even chance (documented tie)
  }
}

void EuProbabilities::Row(std::size_t p, double* wins, double* losses) const {
  ENTENTE_ASSERT(p < xs_.size(), "row of an actor that does not exist");
  if (votes_ == EuVotes::kRisk) {
    RiskRow(p, wins, losses);
  } else {
    LinearRow(p, wins, losses);
  }
}

void EuProbabilities::LinearRow(std::size_t p, double* wins, double* losses) const {
  const std::size_t n = xs_.size();
  const double a = xs_[p];
  const std::size_t ua = upper_[p];
  for (std::size_t q = p + 1; q < ua && q < n; ++q) wins[q - p - 1] = losses[q - p - 1] = 0.5;
  // Locals, so the stores to wins/losses cannot force reloads of the prefix sums.
  const double* const xs = xs_.data();
  const double* const cw = cum_w_.data();
  const double* const cwx = cum_wx_.data();
  const std::size_t* const lower = lower_.data();
  const double w_below = cw[ua], w_all = cw[n], wx_below = cwx[ua];
  std::size_t mid = ua;
  for (std::size_t q = ua; q < n; ++q) {
    const double b = xs[q];
    const std::size_t lb = lower[q];
    while (mid < lb && xs[mid] < (a + b) / 2) ++mid;
    const double w_near_a = cw[mid] - w_below, wx_near_a = cwx[mid] - wx_below;
    const double w_near_b = cw[lb] - cw[mid], wx_near_b = cwx[lb] - cwx[mid];
    const double n_a = (b - a) * w_below + (a + b) * w_near_a - 2 * wx_near_a;
    const double n_b = (b - a) * (w_all - cw[lb]) + 2 * wx_near_b - (a + b) * w_near_b;
    Share(n_a, n_b, wins[q - p - 1], losses[q - p - 1]);
  }
}

void EuProbabilities::RiskRow(std::size_t p, double* wins, double* losses) const {
  const std::size_t n = xs_.size();
  for (std::size_t q = p + 1; q < n; ++q) {
    if (xs_[q] == xs_[p]) {
      wins[q - p - 1] = losses[q - p - 1] = 0.5;
      continue;
    }
    double n_p = 0, n_q = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const double diff = utility_loss_[k * n + q] - utility_loss_[k * n + p];
      if (diff > 0) {
        n_p += ws_[k] * diff;
      } else {
        n_q -= ws_[k] * diff;
      }
    }
    Share(n_p, n_q, wins[q - p - 1], losses[q - p - 1]);
  }
}

}  // namespace entente
