#include "entente/report/histogram_chart.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "entente/core/text.hpp"
#include "entente/report/axis.hpp"
#include "entente/report/svg.hpp"

namespace entente::report {
namespace {

constexpr double kWidth = 760;
constexpr double kHeight = 230;
constexpr double kLeft = 120;
constexpr double kRight = 730;
constexpr double kTop = 34;
constexpr double kBottom = 170;
constexpr double kMassWidth = 4;  // a point mass: a narrow bar centred on its value

}  // namespace

std::string HistogramChart(const IssueDistribution& dist, const Scale& scale,
                           std::string_view title) {
  Svg svg(kWidth, kHeight, title);
  std::int64_t total = 0;
  std::int64_t tallest = 0;
  for (const HistogramBin& b : dist.histogram) {
    total += b.count;
    tallest = std::max(tallest, b.count);
  }
  const LinearScale x{scale.min, scale.max, kLeft, kRight};
  const std::string unit = scale.unit.empty() ? "scale units" : scale.unit;
  if (total == 0) {
    svg.Text({kWidth / 2, kHeight / 2}, "no Monte Carlo draws", "note", "middle");
    return std::move(svg).Finish();
  }
  const double top_share = 100.0 * static_cast<double>(tallest) / static_cast<double>(total);
  const std::vector<double> ticks = NiceTicks(0, top_share, 4);
  const double y_max = std::max(top_share, ticks.empty() ? top_share : ticks.back());
  const LinearScale y{0, y_max, kBottom, kTop};
  svg.Rect(x(dist.p05), kTop, x(dist.p95) - x(dist.p05), kBottom - kTop, "band");
  const HistogramBin* mass = nullptr;
  for (const HistogramBin& b : dist.histogram) {
    const double share = 100.0 * static_cast<double>(b.count) / static_cast<double>(total);
    if (b.count == 0) continue;
    if (b.hi == b.lo) {
      // A point mass (the status quo under a binding veto) stands on its value: a bar
      // [q, q + width) would show outcomes beyond q that no draw had.
      svg.Rect(x(b.lo) - kMassWidth / 2, y(share), kMassWidth, kBottom - y(share), "mass");
      mass = &b;
      continue;
    }
    svg.Rect(x(b.lo) + 0.5, y(share), x(b.hi) - x(b.lo) - 1, kBottom - y(share), "bar");
  }
  svg.Line({x(dist.p50), kTop}, {x(dist.p50), kBottom}, "median");
  svg.Line({x(dist.point), kTop}, {x(dist.point), kBottom}, "point", "4 3");
  HorizontalAxis(svg, x, kBottom, fmt::format("outcome ({})", unit), 10);
  VerticalAxis(svg, y, kLeft, "share of draws (%)", 4);
  const double ly = 14;
  svg.Rect(kLeft, ly - 9, 14, 10, "band");
  svg.Text(
      {kLeft + 18, ly},
      fmt::format("90% of draws: {} to {}", FormatFixed(dist.p05, 1), FormatFixed(dist.p95, 1)),
      "note");
  svg.Line({kLeft + 220, ly - 4}, {kLeft + 238, ly - 4}, "median");
  svg.Text({kLeft + 242, ly}, fmt::format("median {}", FormatFixed(dist.p50, 1)), "note");
  svg.Line({kLeft + 340, ly - 4}, {kLeft + 358, ly - 4}, "point", "4 3");
  svg.Text({kLeft + 362, ly}, fmt::format("point forecast {}", FormatFixed(dist.point, 1)), "note");
  if (mass != nullptr) {
    svg.Rect(kLeft + 478, ly - 9, kMassWidth, 10, "mass");
    svg.Text(
        {kLeft + 486, ly},
        fmt::format(
            "status quo {}: {}% of draws", FormatFixed(mass->lo, 1),
            FormatFixed(100.0 * static_cast<double>(mass->count) / static_cast<double>(total), 0)),
        "note");
  }
  return std::move(svg).Finish();
}

}  // namespace entente::report
