#pragma once
/// \file
/// `entente diff A B` as a table, JSON or CSV.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "entente/analysis/scenario_pair.hpp"
#include "entente/output/forecast_output.hpp"

namespace entente {

/// "Inputs changed" (one line each, or "identical") then "Outcomes (MODEL)": per issue the two
/// forecasts, the move and the binding vetoes; then warnings. `first` and `second` name the
/// two scenarios (their paths).
[[nodiscard]] std::string DiffTable(const ScenarioPair& pair, const std::string& first,
                                    const std::string& second);

/// `{"first", "second", "model", "inputs": [{"actor", "issue", "field", "change", "before",
/// "after", "text"}], "outcomes": [{"issue", "name", "before", "after", "move", "veto_before",
/// "veto_after"}], "warnings"}`; absent values are null.
[[nodiscard]] nlohmann::ordered_json DiffJson(const ScenarioPair& pair, const std::string& first,
                                              const std::string& second);

/// One table: `section` (input or outcome), actor, issue, field, change, before, after, move,
/// text; an outcome row has field "outcome" and its binding vetoes in `text`.
[[nodiscard]] std::string DiffCsv(const ScenarioPair& pair);

/// The diff in `format`, ending with a newline.
[[nodiscard]] std::string FormatDiff(const ScenarioPair& pair, const std::string& first,
                                     const std::string& second, OutputFormat format);

}  // namespace entente
