#pragma once
/// \file
/// Scenarios as the dashboard exchanges them: a JSON object shaped like the YAML format, with
/// every structural problem located by its JSON path (`scenario.issues[2].stances[1]`).

#include <nlohmann/json.hpp>

#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"

namespace entente::server {

/// The JSON form of `scenario`: metadata, actors, issues (scale, status quo, rule, stances
/// with spreads when set), alliances, moves and issue groups. ScenarioFromJson reads it back to an
/// equal scenario.
[[nodiscard]] nlohmann::ordered_json ScenarioToJson(const Scenario& scenario);

/// Parses the JSON form; `label` (e.g. "scenario") starts every location. Reports every
/// unknown key, wrong type and missing field; does not validate ranges (call Validate).
///
/// Example:
/// ```
/// Result<Scenario> s = ScenarioFromJson(body["scenario"], "scenario");
/// // error: "scenario.issues[0].stances[1]: 'salience' must be a number (field 'salience')"
/// ```
[[nodiscard]] Result<Scenario> ScenarioFromJson(const nlohmann::json& json,
                                                const std::string& label);

/// One error as JSON: `{"where", "line", "field", "message", "hint", "text"}`.
[[nodiscard]] nlohmann::ordered_json ErrorJson(const Error& error);

/// `{"errors": [ErrorJson...]}`.
[[nodiscard]] nlohmann::ordered_json ErrorsJson(const Errors& errors);

}  // namespace entente::server
