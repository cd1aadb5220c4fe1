// The "relres" predictive distribution (a normalized split-conformal predictive distribution:
// Papadopoulos, Vovk & Gammerman 2011 for normalized nonconformity scores; Vovk et al. 2017,
// "Nonparametric predictive distributions based on conformal prediction").
//
//   S_i     = sqrt( sum_a c_a s_a (x_a - m_i)^2 / sum_a c_a s_a ),  m_i = the compromise
//   sigma_i = max(S_i, phi (max_i - min_i))                          phi = 0.05 by default
//   z_j     = (y_j - f_j) / sigma_j        over the training issues j, with f_j the point
//                                          model's cross-validated (out-of-fold) forecast
//   F_i     = (1/J) sum_j delta( clip(f_i + sigma_i z_j, min_i, max_i) )
//
// Quantiles are the inverse of F_i's step CDF. On DEU I (research note, 5-fold grouped CV by
// proposal) this gives CRPS 16.65 against the compromise MAE 23.97 and 50/80/90% interval
// coverage 0.50/0.80/0.90; scaling by S beats unscaled residuals by 0.5 CRPS (paired interval
// excluding 0), and a fitted scale a + b S fits a = 0, hence no fitted parameter here. The
// floor phi = 5 points on a 0-100 scale was fixed before looking at the data (it is inactive on
// DEU I, where S >= 8).
#include "entente/analysis/predictive.hpp"

#include <algorithm>
#include <cmath>

#include "entente/core/error.hpp"

namespace entente {

double PositionSpread(const Issue& issue) {
  double total = 0;
  double sum = 0;
  for (const Stance& s : issue.stances) {
    total += s.Weight();
    sum += s.Weight() * s.position;
  }
  if (!(total > 0)) return 0;
  const double mean = sum / total;
  double var = 0;
  for (const Stance& s : issue.stances) {
    const double d = s.position - mean;
    var += s.Weight() * d * d;
  }
  return std::sqrt(var / total);
}

double ErrorScale(const Issue& issue, double floor_fraction) {
  return std::max(PositionSpread(issue), floor_fraction * issue.scale.Range());
}

std::vector<double> PredictiveAtoms(double forecast, double sigma, std::span<const double> z,
                                    double lo, double hi) {
  std::vector<double> atoms;
  atoms.reserve(z.size());
  for (double zj : z) atoms.push_back(std::clamp(forecast + sigma * zj, lo, hi));
  std::sort(atoms.begin(), atoms.end());
  return atoms;
}

double AtomQuantile(std::span<const double> sorted, double q) {
  if (sorted.empty()) throw InternalError("quantile of no atoms");
  const double n = static_cast<double>(sorted.size());
  // Smallest k (1-based) with k / n >= q; the small slack keeps q = 0.5 of 10 atoms at the
  // 5th, not the 6th, when q n is 5 - 1e-15.
  auto k = static_cast<std::size_t>(std::ceil(q * n - 1e-9));
  k = std::clamp<std::size_t>(k, 1, sorted.size());
  return sorted[k - 1];
}

std::array<double, 7> AtomQuantiles(std::span<const double> sorted) {
  std::array<double, 7> out{};
  for (std::size_t i = 0; i < kQuantileLevels.size(); ++i) {
    out[i] = AtomQuantile(sorted, kQuantileLevels[i]);
  }
  return out;
}

}  // namespace entente
