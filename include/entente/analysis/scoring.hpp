#pragma once
/// \file
/// Scores of a forecast against what happened: the continuous ranked probability score of a
/// sample (exact for its empirical distribution, and the "fair" version), the probability
/// integral transform, central intervals and the interval score. Formulas and sources in
/// scoring.cpp.

#include <span>

namespace entente {

/// CRPS of the empirical distribution of `sorted` (ascending, non-empty) at outcome `y`:
/// mean |x_i - y| - (1 / 2N^2) sum_ij |x_i - x_j|. Exact for that step distribution; for one
/// sample (a point forecast) it is |x - y|.
[[nodiscard]] double CrpsSample(std::span<const double> sorted, double y);

/// The "fair" CRPS (Ferro 2014): the pair term divided by 2N(N-1) instead of 2N^2, an unbiased
/// estimate of the CRPS of the distribution the N draws come from. Equals CrpsSample for N = 1.
[[nodiscard]] double CrpsFair(std::span<const double> sorted, double y);

/// CRPS of a normal forecast N(mu, sigma^2) at y, in closed form (Gneiting & Raftery 2007,
/// eq. 21): sigma [z (2 Phi(z) - 1) + 2 phi(z) - 1/sqrt(pi)], z = (y - mu) / sigma.
[[nodiscard]] double CrpsNormal(double mu, double sigma, double y);

/// The mid-rank probability integral transform of y under the sample: F(y-) + (F(y) - F(y-)) / 2,
/// so point masses at the outcome (clipped scales, binding status quo) give their midpoint
/// rather than a random draw. Uniform on [0, 1] for a calibrated continuous forecast.
[[nodiscard]] double MidPit(std::span<const double> sorted, double y);

/// The p-quantile of a sorted sample, linear between order statistics (Hyndman & Fan type 7,
/// as OutcomeSketch::Quantile and numpy).
[[nodiscard]] double SampleQuantile(std::span<const double> sorted, double p);

/// The interval score of the central (1 - alpha) interval [lo, hi] at y (Gneiting & Raftery
/// 2007, eq. 43): (hi - lo) + (2 / alpha)(lo - y) if y < lo, + (2 / alpha)(y - hi) if y > hi.
[[nodiscard]] double IntervalScore(double lo, double hi, double y, double alpha);

}  // namespace entente
