#include "entente/report/trajectory_chart.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "entente/report/axis.hpp"
#include "entente/report/svg.hpp"

namespace entente::report {
namespace {

constexpr double kWidth = 760;
constexpr double kHeight = 260;
constexpr double kLeft = 120;
constexpr double kRight = 610;  // room for actor labels at the end of the lines
constexpr double kTop = 30;
constexpr double kBottom = 210;
// Dash patterns tell lines apart without colour.
constexpr std::array<const char*, 5> kDashes = {"", "6 3", "2 2", "8 3 2 3", "1 3"};

}  // namespace

std::string TrajectoryChart(const Issue& issue, const IssueForecast& forecast,
                            std::string_view model) {
  Svg svg(kWidth, kHeight, fmt::format("Positions by round on {} ({} model)", issue.name, model));
  if (forecast.rounds.empty()) {
    svg.Text({kWidth / 2, kHeight / 2}, fmt::format("the {} model has no rounds", model), "note",
             "middle");
    return std::move(svg).Finish();
  }
  const int last = forecast.rounds.back().round;
  const LinearScale x{0, static_cast<double>(std::max(last, 1)), kLeft, kRight};
  const LinearScale y{issue.scale.min, issue.scale.max, kBottom, kTop};
  struct EndLabel {
    std::string text;
    double y;
    std::string dash;
    const char* cls;
  };
  std::vector<EndLabel> labels;
  for (std::size_t s = 0; s < issue.stances.size(); ++s) {
    std::vector<Point> line;
    for (const Round& r : forecast.rounds) {
      if (s < r.positions.size()) line.push_back({x(r.round), y(r.positions[s])});
    }
    if (line.empty()) continue;
    svg.Polyline(line, "traj", kDashes[s % kDashes.size()]);
    labels.push_back({issue.stances[s].actor, line.back().y, kDashes[s % kDashes.size()], "traj"});
  }
  std::vector<Point> median;
  for (const Round& r : forecast.rounds) median.push_back({x(r.round), y(r.median)});
  svg.Polyline(median, "median-line");
  labels.push_back({"median", median.back().y, "", "median-line"});
  // Spread end labels so none overlap (11px apart), keeping their order.
  std::stable_sort(labels.begin(), labels.end(),
                   [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
  for (std::size_t i = 1; i < labels.size(); ++i)
    labels[i].y = std::max(labels[i].y, labels[i - 1].y + 11);
  // Each label repeats its line's dash pattern, so lines are told apart without colour.
  for (const EndLabel& l : labels) {
    svg.Line({kRight + 8, l.y}, {kRight + 30, l.y}, l.cls, l.dash);
    svg.Text({kRight + 34, l.y + 3.5}, l.text, "actor-label");
  }
  HorizontalAxis(svg, x, kBottom, "bargaining round", std::min(std::max(last, 1), 10));
  VerticalAxis(
      svg, y, kLeft,
      fmt::format("position ({})", issue.scale.unit.empty() ? "scale units" : issue.scale.unit), 5);
  return std::move(svg).Finish();
}

}  // namespace entente::report
