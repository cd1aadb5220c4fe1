#pragma once
/// \file
/// Horizontal bar charts: the tornado (what moves an outcome) and the allies' gap.

#include <string>
#include <vector>

#include "entente/core/issue.hpp"

namespace entente::report {

/// One input of a tornado: the outcome with that input at its 5% and 95% points.
struct TornadoBar {
  std::string label;        ///< e.g. "US position (0 to 29.4)"
  double outcome_low = 0;   ///< outcome with the input at its 5% point
  double outcome_high = 0;  ///< outcome with the input at its 95% point
};

/// The tornado chart around the point forecast `point` on `scale`, bars in the given order
/// (largest swing first). No bars gives a chart that says nothing moved the outcome.
[[nodiscard]] std::string TornadoChart(const std::vector<TornadoBar>& bars, double point,
                                       const Scale& scale, std::string_view title);

/// One alliance's gap on an issue, before and after the forecast.
struct GapBar {
  std::string label;  ///< alliance name
  double before = 0;  ///< gap between the allies' input positions, in [0, 1]
  double after = 0;   ///< gap between their positions after the model ran
};

/// Paired bars on [0, 1] per alliance. No bars gives a chart that says no alliance takes part.
[[nodiscard]] std::string GapChart(const std::vector<GapBar>& bars, std::string_view title);

}  // namespace entente::report
