#pragma once
/// \file
/// The scenario format's one reader and one writer of its shape (docs/scenario-format.md),
/// from and to a tree: a YAML file, a JSON request to `entente serve`, a Python dict. Every
/// problem is located three ways: the file and line (YAML), the path in the tree
/// (`issues[4].stances[0]`, field `salience`) and the names it concerns (`ROK on
/// opcon_transfer`), so a message reads the same whichever front end shows it.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "entente/core/outcome.hpp"
#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"
#include "entente/formats/tree.hpp"

namespace entente {

/// Reads a scenario tree; `file` (a path, or a label such as "scenario") starts every location.
/// Reports every structural problem (unknown keys, wrong types, bad numbers); does not validate
/// ranges (call Validate, whose messages carry the same locations).
[[nodiscard]] Result<Scenario> ReadScenarioTree(const TreeNode& root, const std::string& file);

/// ReadScenarioTree keeping what the scenario says beside its inputs: each issue's observed
/// `outcome` (models never see them; a backtest scores them).
[[nodiscard]] Result<ScenarioDocument> ReadScenarioDocumentTree(const TreeNode& root,
                                                                const std::string& file);

/// ReadScenarioTree of a JSON value.
///
/// Example:
/// ```
/// Result<Scenario> s = ScenarioFromJson(body["scenario"], "scenario");
/// // "scenario.issues[0].stances[1] (ROK on sma_2021_increase): salience 'x' is not a number"
/// ```
[[nodiscard]] Result<Scenario> ScenarioFromJson(const nlohmann::json& json,
                                                const std::string& label);

/// The scenario in the YAML format's shape as JSON: what ReadScenarioTree reads back to an
/// equal scenario, and what WriteYamlScenario writes as text. Empty texts and lists are left
/// out; a number with a spread is `{value, sd}`, `{low, high}` or `{value, low, high}`.
[[nodiscard]] nlohmann::ordered_json ScenarioToJson(const Scenario& scenario);

/// ScenarioToJson with each issue's `outcome`: what ReadScenarioDocumentTree reads back to an
/// equal document.
[[nodiscard]] nlohmann::ordered_json ScenarioDocumentToJson(const ScenarioDocument& document);

}  // namespace entente
