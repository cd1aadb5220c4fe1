#pragma once
/// \file
/// `entente coders`: the coders' numbers per stance and the outcome with each coder alone, as a
/// table, JSON and CSV (the CSV is made from the JSON, so the formats carry the same numbers).

#include <string>

#include <nlohmann/json.hpp>

#include "entente/analysis/coders.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// {"model", "pool", "coders", "issues": [{issue, pooled, by_coder: {coder: outcome}, range,
/// range_share, coded_stances, ask_again: [{actor, swing}]}], "stances": [{issue, actor,
/// codings: [{coder, position, salience, capability}], pooled: {position, salience,
/// capability}, position_range, salience_range, capability_range, swing, swing_share}]}.
[[nodiscard]] nlohmann::ordered_json CodersJson(const CodersAnalysis& analysis);

/// One row per coded stance and coder: issue, actor, coder, position, salience, capability,
/// pooled_position, pooled_salience, pooled_capability, position_range, swing, and the issue's
/// outcome with that coder alone (outcome_coder_alone) and pooled (outcome_pooled).
[[nodiscard]] std::string CodersCsv(const nlohmann::ordered_json& coders);

/// Two tables: per issue the outcome pooled and with each coder alone, with the stances to ask
/// about again; then per coded stance each coder's numbers, their position range and swing.
[[nodiscard]] std::string CodersTable(const Scenario& scenario, const CodersAnalysis& analysis);

}  // namespace entente
