#pragma once
/// \file
/// Linear axes for the report's charts: mapping data to SVG units, round tick values, and
/// drawing a labelled horizontal or vertical axis.

#include <string_view>
#include <vector>

#include "entente/report/svg.hpp"

namespace entente::report {

/// Maps the data interval [d0, d1] linearly onto the drawing interval [r0, r1].
struct LinearScale {
  double d0 = 0;  ///< data start
  double d1 = 1;  ///< data end
  double r0 = 0;  ///< drawing start (SVG units)
  double r1 = 1;  ///< drawing end

  /// The drawing coordinate of data value `v` (no clamping). A degenerate data interval maps
  /// everything to the middle of the drawing interval.
  [[nodiscard]] double operator()(double v) const;
};

/// About `count` round tick values (steps of 1, 2 or 5 x 10^k) inside [lo, hi], ascending.
/// Returns {lo} when lo == hi, and nothing when the interval is not finite or reversed.
[[nodiscard]] std::vector<double> NiceTicks(double lo, double hi, int count);

/// Tick text: integers without decimals, others with up to two ("12.5", "0.25").
[[nodiscard]] std::string TickLabel(double v);

/// Draws a horizontal axis at height `y` with ticks from `scale` and the caption `label`
/// (which should name the unit) centred below.
void HorizontalAxis(Svg& svg, const LinearScale& scale, double y, std::string_view label,
                    int ticks);

/// Draws a vertical axis at `x` with ticks and the caption `label` above its top end.
void VerticalAxis(Svg& svg, const LinearScale& scale, double x, std::string_view label, int ticks);

}  // namespace entente::report
