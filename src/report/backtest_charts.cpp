#include "entente/report/backtest_charts.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "entente/core/text.hpp"
#include "entente/report/axis.hpp"
#include "entente/report/svg.hpp"

namespace entente::report {
namespace {

constexpr double kWidth = 760;
constexpr double kLabelRight = 150;
constexpr double kRight = 730;
constexpr double kTop = 34;
constexpr double kRow = 26;

}  // namespace

std::string BacktestErrorChart(const BacktestResult& r, std::string_view title) {
  const double bottom = kTop + std::max<double>(1, static_cast<double>(r.scores.size())) * kRow + 6;
  Svg svg(kWidth, bottom + 42, title);
  double top = 1;
  for (const ModelScore& s : r.scores) top = std::max({top, s.mae.hi, s.crps.value});
  const std::vector<double> ticks = NiceTicks(0, top * 1.05, 6);
  // The bars end 120 units short of the right edge: room for the value labels.
  const LinearScale x{0, std::max(top * 1.05, ticks.empty() ? top : ticks.back()), kLabelRight + 10,
                      kRight - 120};
  for (std::size_t i = 0; i < r.scores.size(); ++i) {
    const ModelScore& s = r.scores[i];
    const double y = kTop + static_cast<double>(i) * kRow;
    svg.Text({kLabelRight, y + 15}, s.model, "tick", "end");
    svg.Rect(x(0), y + 5, x(s.mae.value) - x(0), 12, "bar");
    svg.Line({x(s.mae.lo), y + 11}, {x(s.mae.hi), y + 11}, "median");
    svg.Line({x(s.mae.lo), y + 6}, {x(s.mae.lo), y + 16}, "median");
    svg.Line({x(s.mae.hi), y + 6}, {x(s.mae.hi), y + 16}, "median");
    if (!s.intervals.empty()) {
      const double cx = x(s.crps.value);
      svg.Polygon({{cx, y + 5}, {cx + 6, y + 11}, {cx, y + 17}, {cx - 6, y + 11}}, "model-raw");
    }
    svg.Text({x(s.mae.hi) + 8, y + 15},
             fmt::format("{} [{}, {}]", FormatFixed(s.mae.value, 1), FormatFixed(s.mae.lo, 1),
                         FormatFixed(s.mae.hi, 1)),
             "value");
    if (s.model == "compromise") {
      svg.Line({x(s.mae.value), kTop - 4}, {x(s.mae.value), bottom}, "point", "4 3");
    }
  }
  HorizontalAxis(svg, x, bottom, "mean absolute error (scale units)", 6);
  svg.Rect(kLabelRight + 10, 12, 14, 8, "bar");
  svg.Text({kLabelRight + 28, 20}, "MAE with its 95% bootstrap interval", "note");
  if (r.draws > 0) {
    svg.Polygon({{kLabelRight + 300, 10},
                 {kLabelRight + 305, 16},
                 {kLabelRight + 300, 22},
                 {kLabelRight + 295, 16}},
                "model-raw");
    svg.Text({kLabelRight + 312, 20}, "CRPS of the draws", "note");
  }
  return std::move(svg).Finish();
}

std::string PitChart(const ModelScore& s, std::string_view title) {
  constexpr double kLeft = 60;
  constexpr double kPlotRight = 500;
  constexpr double kBottom = 190;
  constexpr double kPlotTop = 30;
  Svg svg(kWidth, kBottom + 40, title);
  const int n = std::accumulate(s.pit.begin(), s.pit.end(), 0);
  const double expected = n / 10.0;
  double top = expected * 1.5;
  for (int b : s.pit) top = std::max(top, static_cast<double>(b));
  const LinearScale x{0, 1, kLeft, kPlotRight};
  const LinearScale y{0, top, kBottom, kPlotTop};
  for (std::size_t i = 0; i < s.pit.size(); ++i) {
    const double lo = static_cast<double>(i) / 10;
    svg.Rect(x(lo) + 1, y(s.pit[i]), x(lo + 0.1) - x(lo) - 2, y(0) - y(s.pit[i]), "bar");
  }
  svg.Line({x(0), y(expected)}, {x(1), y(expected)}, "point", "4 3");
  HorizontalAxis(svg, x, kBottom, "PIT: where the outcome fell in the forecast distribution", 5);
  VerticalAxis(svg, y, kLeft, "issues", 4);
  double ty = kPlotTop + 10;
  svg.Text({kPlotRight + 30, ty}, "central interval: outcomes inside", "label");
  for (const IntervalScores& iv : s.intervals) {
    ty += 20;
    svg.Text(
        {kPlotRight + 30, ty},
        fmt::format("{}%: {}% [{}, {}]", FormatFixed(iv.level * 100, 0),
                    FormatFixed(iv.coverage.value * 100, 0), FormatFixed(iv.coverage.lo * 100, 0),
                    FormatFixed(iv.coverage.hi * 100, 0)),
        "note");
  }
  svg.Text({kPlotRight + 30, ty + 28}, "dashed: a calibrated forecast", "note");
  return std::move(svg).Finish();
}

}  // namespace entente::report
