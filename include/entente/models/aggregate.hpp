#pragma once
/// \file
/// Weighted mean and weighted median of positions: the building blocks of most models.

#include <span>

namespace entente {

/// sum(w x) / sum(w). Requires sum(w) > 0 (InternalError otherwise).
[[nodiscard]] double WeightedMean(std::span<const double> x, std::span<const double> w);

/// The weighted median: the position where the cumulative weight, in position order, first
/// reaches half the total. Tie rule: when the cumulative weight equals exactly half the total
/// at a position (within 1e-12 relative), every point up to the next position with weight is a
/// median; we return the midpoint of the two, so the result does not depend on which end of
/// the scale is called "low". Zero weights are ignored. Requires sum(w) > 0.
[[nodiscard]] double WeightedMedian(std::span<const double> x, std::span<const double> w);

/// The lower weighted median: the smallest position where the cumulative weight reaches half
/// the total (within 1e-12 relative), with no midpoint on an exact half; the rule of the DEU
/// reference computation (the median model's `tie=lower`). Requires sum(w) > 0.
[[nodiscard]] double WeightedMedianLower(std::span<const double> x, std::span<const double> w);

}  // namespace entente

#include <string>

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"

namespace entente {

/// A static model's forecast: `aggregate(positions, c x s weights)` on every issue, with the
/// inputs as final positions. Shared by the compromise and median models.
[[nodiscard]] Forecast AggregateEachIssue(const Scenario& scenario, std::string model,
                                          double (*aggregate)(std::span<const double>,
                                                              std::span<const double>));

}  // namespace entente
