#pragma once
/// \file
/// Position trajectories over a dynamic model's bargaining rounds.

#include <string>

#include "entente/core/issue.hpp"
#include "entente/models/forecast.hpp"

namespace entente::report {

/// The SVG chart of every actor's position by round (x: round; y: position in the scale's
/// unit), with the weighted median in bold. A forecast without rounds gives a chart that says
/// the model is static.
[[nodiscard]] std::string TrajectoryChart(const Issue& issue, const IssueForecast& forecast,
                                          std::string_view model);

}  // namespace entente::report
