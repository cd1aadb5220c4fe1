#include "entente/report/scale_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "entente/core/text.hpp"
#include "entente/report/axis.hpp"
#include "entente/report/svg.hpp"

namespace entente::report {
namespace {

constexpr double kWidth = 760;
constexpr double kLeft = 120;  // room for model names
constexpr double kRight = 730;
constexpr double kRowHeight = 50;
constexpr double kMaxRadius = 17;
constexpr double kMinRadius = 3;
constexpr double kCharWidth = 6.2;          // average glyph width at the 10px label size
constexpr std::size_t kWordsPerLine = 118;  // characters of the closing words per line
constexpr double kLineHeight = 13;

struct Placed {
  const Stance* stance;
  double x;
  double r;
  int row;
  bool label_left;  // near the right edge the label goes left of the marker
};

double LabelWidth(const Placed& p) {
  return static_cast<double>(p.stance->actor.size()) * kCharWidth;
}

double Radius(double weight, double max_weight) {
  if (max_weight <= 0 || weight <= 0) return kMinRadius;
  // Area, not radius, proportional to weight, so big actors do not dominate visually.
  return kMinRadius + (kMaxRadius - kMinRadius) * std::sqrt(weight / max_weight);
}

// Greedy row packing: each marker goes in the first row where it clears the previous one's
// marker and label.
std::vector<Placed> Pack(const Issue& issue, const LinearScale& x) {
  double max_weight = 0;
  for (const Stance& s : issue.stances) max_weight = std::max(max_weight, s.Weight());
  std::vector<Placed> placed;
  for (const Stance& s : issue.stances) {
    Placed p{&s, x(s.position), Radius(s.Weight(), max_weight), 0, false};
    p.label_left = p.x + p.r + 2 + LabelWidth(p) > kWidth - 2;
    placed.push_back(p);
  }
  std::stable_sort(placed.begin(), placed.end(),
                   [](const Placed& a, const Placed& b) { return a.x < b.x; });
  std::vector<const Placed*> last;  // last marker of each row
  for (Placed& p : placed) {
    int row = 0;
    for (; row < static_cast<int>(last.size()); ++row) {
      const Placed& q = *last[static_cast<std::size_t>(row)];
      // p's marker (and its label when on the left) must clear q's marker and right label.
      const double clear = q.r + (q.label_left ? 0 : 2 + LabelWidth(q)) + 4 + p.r +
                           (p.label_left ? 2 + LabelWidth(p) : 0);
      if (p.x - q.x >= clear) break;
    }
    p.row = row;
    if (row == static_cast<int>(last.size()))
      last.push_back(&p);
    else
      last[static_cast<std::size_t>(row)] = &p;
  }
  return placed;
}

// The closing words of a chart under a decision rule: the first ruled model's win-set of the
// status quo, then what the rule did to its point (pivots, blocking coalition). The explanation
// opens with "Under <rule>"; the rule is named up front only when it does not.
std::vector<std::string> RuleWords(const Issue& issue, const ModelMark* ruled) {
  if (ruled == nullptr || ruled->rule.empty()) return {};
  const bool named = ruled->explanation.rfind("Under " + ruled->rule, 0) == 0;
  std::string first = named ? std::string() : fmt::format("Decision rule: {}. ", ruled->rule);
  if (ruled->win_set_empty) {
    first += fmt::format("Win-set of the status quo ({} model): empty, only the status quo {}.",
                         ruled->model,
                         issue.status_quo ? FormatFixed(*issue.status_quo, 1) : std::string("-"));
  } else {
    first +=
        fmt::format("Win-set of the status quo ({} model, shaded): {} to {}.", ruled->model,
                    FormatFixed(ruled->win_set->first, 1), FormatFixed(ruled->win_set->second, 1));
  }
  return WrapWords(first + " " + ruled->explanation, kWordsPerLine);
}

}  // namespace

ModelMark MarkOf(const std::string& model, const IssueForecast& forecast) {
  ModelMark mark{model, forecast.unconstrained, forecast.outcome, std::nullopt};
  if (forecast.procedure) {
    mark.win_set = std::pair{forecast.procedure->lo, forecast.procedure->hi};
    mark.rule = forecast.procedure->rule;
    mark.win_set_empty = forecast.win_set_empty;
    mark.explanation = forecast.procedure->explanation;
  }
  return mark;
}

std::string ScaleChart(const Issue& issue, const std::vector<ModelMark>& models) {
  const LinearScale x{issue.scale.min, issue.scale.max, kLeft, kRight};
  const std::vector<Placed> placed = Pack(issue, x);
  int rows = 1;
  for (const Placed& p : placed) rows = std::max(rows, p.row + 1);
  const double top = 22;
  const double axis_y = top + rows * kRowHeight + 6;
  const double anchors_y = axis_y + 58;
  const double models_y = anchors_y + 30;
  const ModelMark* ruled = nullptr;
  for (const ModelMark& m : models) {
    if (m.win_set) {
      ruled = &m;
      break;
    }
  }
  const std::vector<std::string> words = RuleWords(issue, ruled);
  const double legend_y = models_y + static_cast<double>(models.size()) * 22 + 26;
  const double height =
      legend_y + 8 + static_cast<double>(words.size()) * kLineHeight + (words.empty() ? 0.0 : 6.0);
  Svg svg(kWidth, height, fmt::format("Positions, status quo and forecasts on {}", issue.name));

  if (ruled != nullptr) {
    // The win-set as a band behind the actors: who stands inside it would vote the move through.
    const double lo = x(std::clamp(ruled->win_set->first, issue.scale.min, issue.scale.max));
    const double hi = x(std::clamp(ruled->win_set->second, issue.scale.min, issue.scale.max));
    svg.Rect(lo - 1.5, top - 4, std::max(hi, lo) - lo + 3, axis_y - top + 4, "winset-band");
  }

  if (issue.status_quo) {
    const double sx = x(*issue.status_quo);
    svg.Line({sx, top - 6}, {sx, models_y + models.size() * 22.0}, "sq", "5 3");
    svg.Text({sx, top - 10}, fmt::format("status quo {}", FormatFixed(*issue.status_quo, 1)),
             "note", "middle");
  }
  for (const Placed& p : placed) {
    const double cy = top + p.row * kRowHeight + kMaxRadius + 2;
    const bool veto = std::find(issue.rule.veto_players.begin(), issue.rule.veto_players.end(),
                                p.stance->actor) != issue.rule.veto_players.end();
    if (veto) {
      svg.Rect(p.x - p.r, cy - p.r, 2 * p.r, 2 * p.r, "veto");
    } else {
      svg.Circle({p.x, cy}, p.r, "actor");
    }
    svg.Line({p.x, cy + p.r}, {p.x, axis_y}, "stem");
    if (p.label_left) {
      svg.Text({p.x - p.r - 2, cy - p.r + 8}, p.stance->actor, "actor-label", "end");
    } else {
      svg.Text({p.x + p.r + 2, cy - p.r + 8}, p.stance->actor, "actor-label", "start");
    }
  }
  HorizontalAxis(
      svg, x, axis_y,
      fmt::format("position ({})", issue.scale.unit.empty() ? "scale units" : issue.scale.unit),
      10);

  // Anchors: a diamond on the axis and a numbered key; the words are listed under the chart.
  for (std::size_t i = 0; i < issue.scale.anchors.size(); ++i) {
    const Anchor& a = issue.scale.anchors[i];
    const double ax = x(a.value);
    svg.Polygon({{ax, axis_y - 5}, {ax + 5, axis_y}, {ax, axis_y + 5}, {ax - 5, axis_y}}, "anchor");
    // Labels near the right end are right-aligned so they stay inside the drawing.
    const bool right = ax > kRight - 60;
    svg.TextWithTitle({right ? ax + 5 : ax, anchors_y - static_cast<double>(i % 2) * 11},
                      fmt::format("A{} {}", i + 1, Truncate(a.label, 18)),
                      fmt::format("{} = {}", FormatNumber(a.value), a.label), "anchor-label",
                      right ? "end" : "middle");
  }

  svg.Text({4, models_y - 8}, "forecast", "label", "start");
  for (std::size_t i = 0; i < models.size(); ++i) {
    const ModelMark& m = models[i];
    const double y = models_y + static_cast<double>(i) * 22 + 8;
    svg.Text({4, y + 4}, m.model, "model-name", "start");
    svg.Line({kLeft, y}, {kRight, y}, "grid");
    if (m.win_set) {
      const double lo = x(std::clamp(m.win_set->first, issue.scale.min, issue.scale.max));
      const double hi = x(std::clamp(m.win_set->second, issue.scale.min, issue.scale.max));
      svg.Line({lo - 2, y}, {std::max(hi, lo) + 2, y}, "winset");
    }
    const double ox = x(m.outcome);
    if (std::abs(m.unconstrained - m.outcome) > 1e-9) {
      const double ux = x(m.unconstrained);
      svg.Line({ux, y}, {ox, y}, "veto-pull", "3 2");
      svg.Polygon({{ux, y - 6}, {ux + 5, y + 4}, {ux - 5, y + 4}}, "model-raw");
    }
    svg.Polygon({{ox, y - 6}, {ox + 5, y + 4}, {ox - 5, y + 4}}, "model-out");
    svg.Text({ox + 8, y + 4}, FormatFixed(m.outcome, 1), "value", "start");
  }
  svg.Rect(4, legend_y - 8, 8, 8, "veto");
  svg.Text({16, legend_y}, "veto player", "note");
  svg.Circle({92, legend_y - 4}, 4, "actor");
  svg.Text({100, legend_y}, "actor (area \u221d capability \u00d7 salience)", "note");
  svg.Polygon({{330, legend_y - 9}, {335, legend_y + 1}, {325, legend_y + 1}}, "model-out");
  svg.Text({340, legend_y}, "outcome after the rule", "note");
  svg.Polygon({{470, legend_y - 9}, {475, legend_y + 1}, {465, legend_y + 1}}, "model-raw");
  svg.Text({480, legend_y}, "model before the rule", "note");
  svg.Line({608, legend_y - 4}, {626, legend_y - 4}, "winset");
  svg.Text({632, legend_y}, "win-set of the rule", "note");
  for (std::size_t i = 0; i < words.size(); ++i) {
    svg.Text({4, legend_y + 6 + kLineHeight * static_cast<double>(i + 1)}, words[i], "rule-words");
  }
  return std::move(svg).Finish();
}

}  // namespace entente::report
