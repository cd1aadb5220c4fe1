#include "entente/report/axis.hpp"

#include <cmath>
#include <string>

#include "entente/core/text.hpp"

namespace entente::report {
namespace {

constexpr double kBoldCharWidth = 6.8;  // average glyph width of the 11px bold caption

}  // namespace

double LinearScale::operator()(double v) const {
  if (d1 == d0) return (r0 + r1) / 2;
  return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
}

std::vector<double> NiceTicks(double lo, double hi, int count) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || hi < lo || count < 1) return {};
  if (hi == lo) return {lo};
  // Heckbert's "nice numbers" (Graphics Gems, 1990): a step of 1, 2 or 5 times a power of 10.
  const double raw = (hi - lo) / count;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / magnitude;
  const double step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
  std::vector<double> ticks;
  const double first = std::ceil(lo / step - 1e-9);
  for (double k = first; k * step <= hi + step * 1e-9; k += 1) {
    const double v = k * step;
    ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
  }
  return ticks;
}

std::string TickLabel(double v) {
  if (std::abs(v - std::round(v)) < 1e-9) return FormatFixed(std::round(v), 0);
  std::string s = FormatFixed(v, 2);
  while (s.back() == '0') s.pop_back();
  return s;
}

void HorizontalAxis(Svg& svg, const LinearScale& scale, double y, std::string_view label,
                    int ticks) {
  svg.Line({scale.r0, y}, {scale.r1, y}, "axis");
  const double lo = std::min(scale.d0, scale.d1);
  const double hi = std::max(scale.d0, scale.d1);
  for (const double t : NiceTicks(lo, hi, ticks)) {
    const double x = scale(t);
    svg.Line({x, y}, {x, y + 4}, "axis");
    svg.Text({x, y + 15}, TickLabel(t), "tick", "middle");
  }
  // A long unit is cut to the axis' width; the full caption stays as a tooltip.
  const auto fit = static_cast<std::size_t>(std::abs(scale.r1 - scale.r0) / kBoldCharWidth);
  svg.TextWithTitle({(scale.r0 + scale.r1) / 2, y + 30}, Truncate(label, fit), label, "label",
                    "middle");
}

void VerticalAxis(Svg& svg, const LinearScale& scale, double x, std::string_view label, int ticks) {
  svg.Line({x, scale.r0}, {x, scale.r1}, "axis");
  const double lo = std::min(scale.d0, scale.d1);
  const double hi = std::max(scale.d0, scale.d1);
  for (const double t : NiceTicks(lo, hi, ticks)) {
    const double y = scale(t);
    svg.Line({x - 4, y}, {x, y}, "axis");
    svg.Text({x - 6, y + 3.5}, TickLabel(t), "tick", "end");
  }
  svg.TextWithTitle({x - 36, std::min(scale.r0, scale.r1) - 10}, Truncate(label, 90), label,
                    "label", "start");
}

}  // namespace entente::report
