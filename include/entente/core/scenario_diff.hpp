#pragma once
/// \file
/// What changed between two scenarios: as structured changes (for `entente diff`'s JSON and
/// CSV) and in words (for tables and `entente runs diff`).

#include <string>
#include <vector>

#include "entente/core/scenario.hpp"

namespace entente {

/// One difference between two scenarios. Fields that do not apply are empty, e.g. an added
/// actor has only `actor` and `change` ("added").
struct ScenarioChange {
  std::string actor;   ///< actor id, when an actor or a stance changed
  std::string issue;   ///< issue id, when an issue or a stance changed
  std::string field;   ///< position, salience, capability, status_quo, decision_rule, ...
  std::string change;  ///< added, removed or changed
  std::string before;  ///< the old value in words ("0.45", "unanimity of US, ROK"); may be empty
  std::string after;   ///< the new value in words; may be empty
  std::string text;    ///< the whole change in one line, e.g. "US on opcon: salience 0.45 -> 0.8"
  friend bool operator==(const ScenarioChange&, const ScenarioChange&) = default;
};

/// Every difference, in the order: metadata, actors, issues (with their stances), alliances,
/// moves. Empty when the inputs are the same.
[[nodiscard]] std::vector<ScenarioChange> ScenarioChanges(const Scenario& before,
                                                          const Scenario& after);

/// One line per difference (ScenarioChanges' texts), e.g. "US on opcon_transfer: salience
/// 0.45 -> 0.8", "actor JAPAN added", "issue sanctions_relief: status quo 25 -> 30". Empty
/// when the inputs are the same (metadata, alliances and moves included).
[[nodiscard]] std::vector<std::string> DiffScenarios(const Scenario& before, const Scenario& after);

}  // namespace entente
