#include "entente/report/bar_charts.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "entente/core/text.hpp"
#include "entente/report/axis.hpp"
#include "entente/report/svg.hpp"

namespace entente::report {
namespace {

constexpr double kWidth = 760;
constexpr double kLabelRight = 290;  // labels end here, bars start after
constexpr double kRight = 730;
constexpr double kTop = 30;
constexpr double kRow = 22;

}  // namespace

std::string TornadoChart(const std::vector<TornadoBar>& bars, double point, const Scale& scale,
                         std::string_view title) {
  const double bottom = kTop + std::max<double>(1, static_cast<double>(bars.size())) * kRow + 6;
  Svg svg(kWidth, bottom + 40, title);
  const LinearScale x{scale.min, scale.max, kLabelRight + 10, kRight};
  if (bars.empty()) {
    svg.Text({kWidth / 2, kTop + 14}, "no uncertain input moves this outcome", "note", "middle");
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const TornadoBar& b = bars[i];
    const double y = kTop + static_cast<double>(i) * kRow;
    svg.Text({kLabelRight, y + 14}, Truncate(b.label, 46), "tick", "end");
    svg.Rect(x(point), y + 4, x(b.outcome_low) - x(point), 7, "bar-low");
    svg.Rect(x(point), y + 11, x(b.outcome_high) - x(point), 7, "bar-high");
  }
  svg.Line({x(point), kTop - 4}, {x(point), bottom}, "point");
  HorizontalAxis(svg, x, bottom,
                 fmt::format("outcome ({})", scale.unit.empty() ? "scale units" : scale.unit), 8);
  const double ly = 14;
  svg.Rect(kLabelRight + 10, ly - 8, 14, 8, "bar-low");
  svg.Text({kLabelRight + 28, ly}, "input at its 5% point", "note");
  svg.Rect(kLabelRight + 170, ly - 8, 14, 8, "bar-high");
  svg.Text({kLabelRight + 188, ly}, "input at its 95% point", "note");
  svg.Text({kLabelRight + 330, ly}, fmt::format("| point {}", FormatFixed(point, 1)), "note");
  return std::move(svg).Finish();
}

std::string GapChart(const std::vector<GapBar>& bars, std::string_view title) {
  const double bottom = kTop + std::max<double>(1, static_cast<double>(bars.size())) * kRow + 6;
  Svg svg(kWidth, bottom + 40, title);
  const LinearScale x{0, 1, kLabelRight + 10, kRight};
  if (bars.empty()) {
    svg.Text({kWidth / 2, kTop + 14}, "no alliance has two members on this issue", "note",
             "middle");
  }
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const GapBar& b = bars[i];
    const double y = kTop + static_cast<double>(i) * kRow;
    svg.Text({kLabelRight, y + 14}, Truncate(b.label, 46), "tick", "end");
    svg.Rect(x(0), y + 4, x(b.before) - x(0), 7, "bar-low");
    svg.Rect(x(0), y + 11, x(b.after) - x(0), 7, "bar-high");
    svg.Text({x(std::max(b.before, b.after)) + 4, y + 15},
             fmt::format("{} \u2192 {}", FormatFixed(b.before, 2), FormatFixed(b.after, 2)),
             "value");
  }
  HorizontalAxis(svg, x, bottom, "allies' gap (0 aligned; 1 = opposite ends, full salience)", 5);
  const double ly = 14;
  svg.Rect(kLabelRight + 10, ly - 8, 14, 8, "bar-low");
  svg.Text({kLabelRight + 28, ly}, "input positions", "note");
  svg.Rect(kLabelRight + 170, ly - 8, 14, 8, "bar-high");
  svg.Text({kLabelRight + 188, ly}, "after the model's bargaining", "note");
  return std::move(svg).Finish();
}

}  // namespace entente::report
