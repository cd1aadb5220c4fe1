#pragma once
/// \file
/// A forecast as an analyst reads it (table), and as programs read it (JSON, CSV).

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"

namespace entente {

/// Output formats for `entente forecast`.
enum class OutputFormat { kTable, kJson, kCsv };

/// Parses "table", "json" or "csv".
[[nodiscard]] Result<OutputFormat> ParseOutputFormat(std::string_view text);

/// Fixed-width table: issue, model forecast, outcome, nearest anchor in words, status quo,
/// binding veto; then notes on vetoes that changed the outcome and any warnings. A scenario
/// with groups lists its issues by group, each under a heading line ("group p1: First
/// package"), the issues of no group last (IssuesByGroup).
[[nodiscard]] std::string ForecastTable(const Scenario& scenario, const Forecast& forecast);

/// `{"scenario", "model", "issues": [{"id", "name", "outcome", "unconstrained", "status_quo",
/// "binding_veto", ...}], "warnings"}`; rounds are included when the model produced them.
/// A scenario with groups adds `"groups": [{"id", "name", "issues"}]` before the issues and a
/// `"group"` (id or null) to each issue; the issues keep the scenario's order.
[[nodiscard]] nlohmann::ordered_json ForecastJson(const Scenario& scenario,
                                                  const Forecast& forecast);

/// One row per issue with the same fields as the JSON (rounds left out); a scenario with groups
/// gets a `group` column after `issue` (empty for an issue of no group).
[[nodiscard]] std::string ForecastCsv(const Scenario& scenario, const Forecast& forecast);

/// The forecast in `format`, ending with a newline.
[[nodiscard]] std::string FormatForecast(const Scenario& scenario, const Forecast& forecast,
                                         OutputFormat format);

}  // namespace entente
