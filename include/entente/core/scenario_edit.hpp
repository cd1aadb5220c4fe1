#pragma once
/// \file
/// What-if edits: `ACTOR.ISSUE.FIELD=VALUE`, `ACTOR.FIELD=VALUE` or `ISSUE.FIELD=VALUE`
/// changes to a scenario, applied to a copy before a run so an analyst can ask "what if the
/// U.S. cared more about OPCON?" without editing the file. Every front end takes the same text
/// (the CLI's --set, the server's and the runs database's "set", Python's set=), and the edited
/// scenario passes the same validation a file does.

#include <string>
#include <string_view>
#include <vector>

#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// The numbers and rule parts an edit can change.
enum class EditField {
  kPosition,      ///< a stance's position (ACTOR.ISSUE only: scales differ between issues)
  kSalience,      ///< a stance's salience; ACTOR.salience sets it on every issue of the actor
  kCapability,    ///< a stance's capability; ACTOR.capability likewise
  kStatusQuo,     ///< ISSUE.status_quo
  kDecisionRule,  ///< ISSUE.decision_rule: none, unanimity, majority, qualified_majority
  kThreshold,     ///< ISSUE.threshold: the share a qualified majority needs
  kVetoPlayers,   ///< ISSUE.veto_players: actor ids separated by '+' (empty: none)
};

/// The field's name as files spell it ("position", "status_quo", ...).
[[nodiscard]] std::string_view EditFieldName(EditField field);

/// One edit as typed: `target` is everything before the last '.' of the left-hand side (an
/// actor id, an issue id, or ACTOR.ISSUE), resolved against the scenario when applied, so ids
/// that contain dots still work.
struct ScenarioEdit {
  std::string target;                      ///< e.g. "US.opcon_transfer", "US" or "opcon_transfer"
  EditField field = EditField::kPosition;  ///< what to change
  std::string value;                       ///< the right-hand side as typed, e.g. "0.8"

  /// The canonical text `TARGET.FIELD=VALUE`; ParseEdit reads it back.
  [[nodiscard]] std::string ToString() const;
  friend bool operator==(const ScenarioEdit&, const ScenarioEdit&) = default;
};

/// Reads `TARGET.FIELD=VALUE`. An error (field "set") names the edit and, for an unknown
/// field, the fields there are; the value's type is checked here, its range when applied.
[[nodiscard]] Result<ScenarioEdit> ParseEdit(std::string_view text);

/// ParseEdit of each text, every problem at once.
[[nodiscard]] Result<std::vector<ScenarioEdit>> ParseEdits(const std::vector<std::string>& texts);

/// A copy of `scenario` with the edits applied in order (a later edit of the same number
/// wins). InputError (field "set") naming the edit for an unknown actor or issue (with the
/// ids the scenario has), an actor without a stance on the issue, a field that does not fit
/// the target, or a value the scenario's validation refuses (with validation's message).
[[nodiscard]] Scenario WithEdits(const Scenario& scenario, const std::vector<ScenarioEdit>& edits);

}  // namespace entente
