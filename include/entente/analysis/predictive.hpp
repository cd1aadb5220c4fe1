#pragma once
/// \file
/// The predictive error model of a calibration ("relres"): a forecast's own error, learnt from
/// cross-validated residuals scaled by how spread out the actors are. Equations and the
/// argument for them in predictive.cpp and docs/calibration.md.

#include <array>
#include <span>
#include <vector>

#include "entente/core/issue.hpp"

namespace entente {

/// The quantile levels forecasts report, in the order of the JSON keys "0.05" ... "0.95".
inline constexpr std::array<double, 7> kQuantileLevels = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95};

/// The spread S of an issue: the capability x salience weighted standard deviation of the
/// positions around their weighted mean, sqrt(sum w (x - m)^2 / sum w). 0 when the total
/// weight is 0.
[[nodiscard]] double PositionSpread(const Issue& issue);

/// The error scale of a forecast on `issue`: sigma = max(S, floor x range), the floor keeping
/// a unanimous issue (S = 0) from getting a zero-width distribution.
[[nodiscard]] double ErrorScale(const Issue& issue, double floor_fraction);

/// The predictive distribution's atoms clip(f + sigma z_j, lo, hi), one per standardized
/// residual, equally weighted, sorted ascending. Clipping gives the scale's ends point masses.
[[nodiscard]] std::vector<double> PredictiveAtoms(double forecast, double sigma,
                                                  std::span<const double> z, double lo, double hi);

/// Q(q) of equally weighted sorted atoms: the smallest atom whose cumulative weight reaches q
/// (the inverse of the step CDF), so the central (1 - a) interval [Q(a/2), Q(1 - a/2)] is a
/// pair of atoms and its coverage is what the calibration reports. q in (0, 1].
[[nodiscard]] double AtomQuantile(std::span<const double> sorted, double q);

/// The seven kQuantileLevels quantiles of the atoms.
[[nodiscard]] std::array<double, 7> AtomQuantiles(std::span<const double> sorted);

}  // namespace entente
