// Proper scores of probabilistic forecasts.
//   CRPS(F, y) = int (F(x) - 1{x >= y})^2 dx = E|X - y| - (1/2) E|X - X'|       (1)
// Gneiting & Raftery (2007), "Strictly proper scoring rules, prediction, and estimation",
// JASA 102(477):359-378, eq. (20)-(21). For the empirical distribution of x_1..x_N, (1) is
//   mean_i |x_i - y| - (1 / 2N^2) sum_ij |x_i - x_j|,  sum_ij |x_i - x_j| = 2 sum_i (2i - N - 1)
//   x_(i)
// with x_(i) sorted ascending (1-based): exact, O(N) on a sorted sample. The fair version
// divides the pair sum by 2N(N - 1) instead (Ferro 2014, "Fair scores for ensemble forecasts",
// QJRMS 140:1917-1923). For N(mu, sigma^2):
//   CRPS = sigma [z (2 Phi(z) - 1) + 2 phi(z) - 1/sqrt(pi)],  z = (y - mu) / sigma.
// Interval score of the central (1 - alpha) interval [l, u] (Gneiting & Raftery 2007, eq. 43):
//   IS = (u - l) + (2/alpha)(l - y) 1{y < l} + (2/alpha)(y - u) 1{y > u}.
// PIT: Dawid (1984); the mid-rank version for distributions with atoms follows Czado, Gneiting
// & Held (2009), Biometrics 65:1254-1261 (the mean of their randomized PIT).
#include "entente/analysis/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "entente/core/assert.hpp"

namespace entente {
namespace {

// sum_i |x_i - y| and sum_ij |x_i - x_j| of a sorted sample.
void Sums(std::span<const double> sorted, double y, double& to_y, double& pairs) {
  ENTENTE_ASSERT(!sorted.empty(), "CRPS of an empty sample");
  const double n = static_cast<double>(sorted.size());
  to_y = 0;
  pairs = 0;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    to_y += std::abs(sorted[i] - y);
    pairs += (2.0 * static_cast<double>(i + 1) - n - 1) * sorted[i];
  }
  pairs *= 2;
}

}  // namespace

double CrpsSample(std::span<const double> sorted, double y) {
  double to_y = 0;
  double pairs = 0;
  Sums(sorted, y, to_y, pairs);
  const double n = static_cast<double>(sorted.size());
  return to_y / n - pairs / (2 * n * n);
}

double CrpsFair(std::span<const double> sorted, double y) {
  double to_y = 0;
  double pairs = 0;
  Sums(sorted, y, to_y, pairs);
  const double n = static_cast<double>(sorted.size());
  if (sorted.size() == 1) return to_y;
  return to_y / n - pairs / (2 * n * (n - 1));
}

double CrpsNormal(double mu, double sigma, double y) {
  if (sigma <= 0) return std::abs(y - mu);
  const double z = (y - mu) / sigma;
  const double pdf = std::exp(-z * z / 2) / std::sqrt(2 * std::numbers::pi);
  const double cdf = 0.5 * std::erfc(-z / std::numbers::sqrt2);
  return sigma * (z * (2 * cdf - 1) + 2 * pdf - 1 / std::sqrt(std::numbers::pi));
}

double MidPit(std::span<const double> sorted, double y) {
  ENTENTE_ASSERT(!sorted.empty(), "PIT of an empty sample");
  const auto below = std::lower_bound(sorted.begin(), sorted.end(), y) - sorted.begin();
  const auto at_or_below = std::upper_bound(sorted.begin(), sorted.end(), y) - sorted.begin();
  const double n = static_cast<double>(sorted.size());
  return (static_cast<double>(below) + static_cast<double>(at_or_below)) / (2 * n);
}

double SampleQuantile(std::span<const double> sorted, double p) {
  ENTENTE_ASSERT(!sorted.empty(), "quantile of an empty sample");
  const double h = (static_cast<double>(sorted.size()) - 1) * std::clamp(p, 0.0, 1.0);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

double IntervalScore(double lo, double hi, double y, double alpha) {
  double s = hi - lo;
  if (y < lo) s += 2 / alpha * (lo - y);
  if (y > hi) s += 2 / alpha * (y - hi);
  return s;
}

}  // namespace entente
