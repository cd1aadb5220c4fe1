#pragma once
/// \file
/// The issue chart: the scale with its anchors, every actor as a marker sized by capability x
/// salience (veto players square), the status quo, and each model's forecast on its own row
/// with the win-set of its decision rule; under a rule, the rule and who decides in words.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "entente/core/issue.hpp"
#include "entente/models/forecast.hpp"

namespace entente::report {

/// One model's forecast for the issue.
struct ModelMark {
  std::string model;         ///< model name, printed at the row's start
  double unconstrained = 0;  ///< the model's own forecast (hollow triangle when it differs)
  double outcome = 0;        ///< after the decision rule (filled triangle)
  /// The points the decision rule lets pass (a green bar on the row; lo == hi: only the status
  /// quo); nullopt when the issue has no rule.
  std::optional<std::pair<double, double>> win_set;
  std::string rule;            ///< the decision rule in words; empty without a rule
  bool win_set_empty = false;  ///< no point beats the status quo (the win-set is the status quo)
  /// What the rule did to the model's point, in words: the pivotal members and the blocking
  /// coalition with its share of the vote (ProcedureResult::explanation).
  std::string explanation;
};

/// The row of `model`'s forecast of one issue: its points and, under a decision rule, the
/// win-set. One definition, so the report and Python's charts draw the same row.
[[nodiscard]] ModelMark MarkOf(const std::string& model, const IssueForecast& forecast);

/// The SVG chart of `issue` with one forecast row per entry of `models`. Actors without weight
/// are drawn as the smallest marker; an issue without stances still gets its scale. Under a
/// decision rule the first model with a win-set also gets it as a shaded band behind the
/// actors, and, when its `rule` is set, the chart ends with its win-set and explanation (which
/// names the rule) in words.
[[nodiscard]] std::string ScaleChart(const Issue& issue, const std::vector<ModelMark>& models);

}  // namespace entente::report
