#pragma once
/// \file
/// The native scenario format: YAML, documented in docs/scenario-format.md.

#include <string>
#include <string_view>

#include "entente/core/outcome.hpp"
#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// Parses a YAML scenario with its outcomes (`outcome:` per issue); `file` names it in
/// messages. Reports every structural problem with its line. Does not validate ranges.
[[nodiscard]] Result<ScenarioDocument> ParseYamlDocument(std::string_view text,
                                                         const std::string& file);

/// ParseYamlDocument without the outcomes: what models may see. Reports every structural problem
/// (unknown keys, wrong types, bad numbers) with its line. Does not validate ranges.
[[nodiscard]] Result<Scenario> ParseYamlScenario(std::string_view text, const std::string& file);

/// Writes `scenario` as YAML that ParseYamlScenario reads back to an equal scenario.
[[nodiscard]] std::string WriteYamlScenario(const Scenario& scenario);

/// Writes the scenario with each issue's outcome, read back by ParseYamlDocument to an equal
/// document.
[[nodiscard]] std::string WriteYamlDocument(const ScenarioDocument& document);

}  // namespace entente
