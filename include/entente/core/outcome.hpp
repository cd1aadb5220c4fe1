#pragma once
/// \file
/// What really happened on an issue, and a scenario file as read: the scenario models see plus
/// the outcomes only backtests see. Models take a `Scenario`, which has no outcome field, so no
/// model can read an outcome: front ends hand outcomes to analysis/backtest alone.

#include <string>
#include <string_view>
#include <vector>

#include "entente/core/error.hpp"
#include "entente/core/location.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// The observed outcome of one issue, e.g. `{value: 13.9, date: 2021-04-08, source: "..."}`.
struct Outcome {
  std::string issue;   ///< Issue::id
  double value = 0;    ///< on the issue's scale
  std::string date;    ///< when it was settled (ISO 8601 recommended); may be empty
  std::string source;  ///< where the value comes from; may be empty
  Location origin;     ///< where the reader found it

  /// Equality ignores `origin`.
  friend bool operator==(const Outcome& a, const Outcome& b) {
    return a.issue == b.issue && a.value == b.value && a.date == b.date && a.source == b.source;
  }
};

/// A scenario file's whole content. `notes` are remarks a reader makes that are not errors
/// (e.g. "issue d00032i2 has no reference point: its status quo is left unknown"); `validate`
/// prints them.
struct ScenarioDocument {
  Scenario scenario;              ///< what models see
  std::vector<Outcome> outcomes;  ///< observed outcomes, in issue order of the input
  Errors notes;                   ///< reader remarks, located

  /// The outcome of `issue_id`, or nullptr.
  [[nodiscard]] const Outcome* FindOutcome(std::string_view issue_id) const;

  /// Equality ignores notes.
  friend bool operator==(const ScenarioDocument& a, const ScenarioDocument& b) {
    return a.scenario == b.scenario && a.outcomes == b.outcomes;
  }
};

/// Checks outcomes against `scenario`: issue known, at most one outcome per issue, value
/// finite and inside the issue's scale. Every problem, located.
[[nodiscard]] Errors ValidateOutcomes(const Scenario& scenario,
                                      const std::vector<Outcome>& outcomes);

}  // namespace entente
