#pragma once
/// \file
/// The Monte Carlo chart: the outcome's histogram over the issue's scale, the 5-95% band,
/// the median and the point forecast.

#include <string>

#include "entente/analysis/monte_carlo.hpp"
#include "entente/core/issue.hpp"

namespace entente::report {

/// The SVG histogram of `dist` on `scale` (x: outcome in the scale's unit; y: share of draws
/// in %). A bin of zero width (the status quo's point mass) is drawn as a narrow bar centred on
/// its value. A distribution without draws gives a chart that says so.
[[nodiscard]] std::string HistogramChart(const IssueDistribution& dist, const Scale& scale,
                                         std::string_view title);

}  // namespace entente::report
