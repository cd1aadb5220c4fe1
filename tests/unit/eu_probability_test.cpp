// Prefix-sum probabilities (eq. 31, triples, risk votes) against the O(n^3) definition.
#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "entente/models/eu/eu_probability.hpp"

namespace entente {
namespace {

// Direct sum over voters; `u(k, y)` is voter k's loss from position y.
template <class Loss>
void BruteForce(const std::vector<double>& x, const std::vector<double>& w, bool triples, Loss loss,
                std::size_t i, std::size_t j, double& p_ij, double& p_ji) {
  double n_i = 0, n_j = 0, den = 0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double d = loss(k, x[j]) - loss(k, x[i]);
    (d > 0 ? n_i : n_j) += w[k] * std::abs(d);
  }
  if (triples) {
    for (std::size_t a = 0; a < x.size(); ++a)
      for (std::size_t b = 0; b < x.size(); ++b)
        for (std::size_t k = 0; k < x.size(); ++k)
          den += w[k] * std::abs(loss(k, x[a]) - loss(k, x[b]));
  } else {
    den = n_i + n_j;
  }
  p_ij = den > 0 ? n_i / den : 0.5;
  p_ji = den > 0 ? n_j / den : 0.5;
}

TEST(EuProbability, RowsMatchTheDefinition) {
  std::uint64_t state = 7;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  const std::size_t n = 23;
  std::vector<double> x(n), w(n), r(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = std::floor(next() * 12);  // integer positions: many ties and exact midpoints
    w[i] = i % 7 == 3 ? 0 : next();
    r[i] = 0.5 + 1.5 * next();
  }
  const double range = 11;
  for (EuProbability mode : {EuProbability::kEq31, EuProbability::kTriples}) {
    for (EuVotes votes : {EuVotes::kLinear, EuVotes::kRisk}) {
      const auto loss = [&](std::size_t k, double y) {
        const double d = std::abs(x[k] - y) / range;
        return votes == EuVotes::kRisk ? std::pow(d, r[k]) : d;
      };
      const EuProbabilities probs(x, w, range, mode, votes, r);
      std::vector<double> wins(n), losses(n);
      for (std::size_t p = 0; p < n; ++p) {
        probs.Row(p, wins.data(), losses.data());
        for (std::size_t q = p + 1; q < n; ++q) {
          const std::size_t i = probs.order()[p], j = probs.order()[q];
          if (x[i] == x[j]) continue;
          double p_ij = 0, p_ji = 0;
          BruteForce(x, w, mode == EuProbability::kTriples, loss, i, j, p_ij, p_ji);
          EXPECT_NEAR(wins[q - p - 1], p_ij, 1e-12) << i << " over " << j;
          EXPECT_NEAR(losses[q - p - 1], p_ji, 1e-12) << j << " over " << i;
        }
      }
    }
  }
}

}  // namespace
}  // namespace entente
