#pragma once
/// \file
/// CSV of the results that commands print as tables (simulate, cohesion, advise, compare),
/// built from the same JSON the commands write with `--format json`, so the three formats carry
/// the same numbers. One row per natural unit (issue, alliance member, move, variant x issue);
/// numbers in their shortest exact spelling, missing values empty.

#include <string>

#include <nlohmann/json.hpp>

namespace entente {

/// SimulationJson as one row per issue: id, name, point, mean, sd, min, max, p05 ... p95,
/// p_status_quo, fallback_draws, then p_ge_V and p_le_V for each threshold V asked for.
[[nodiscard]] std::string SimulationCsv(const nlohmann::ordered_json& simulation);

/// CohesionJson as one row per alliance, issue and member: alliance, issue, strain, gap_before,
/// gap_after, outcome, actor, position, salience, loss.
[[nodiscard]] std::string CohesionCsv(const nlohmann::ordered_json& cohesion);

/// AdviceJson as one row per move that suffices (kind own_position, own_salience, other or
/// best_pair), or one row with empty move cells when none does: actor, issue, outcome, target,
/// already, kind, mover, lever, from, to, size, outcome_after, method, summary.
[[nodiscard]] std::string AdviceCsv(const nlohmann::ordered_json& advice);

/// ComparisonJson as one row per variant and issue: variant, moves (joined with '+'), issue,
/// outcome, change, unconstrained, unconstrained_change, binding_veto, and with draws mean,
/// mean_change, p05, p95, p_status_quo (empty without).
[[nodiscard]] std::string ComparisonCsv(const nlohmann::ordered_json& comparison);

/// One CSV cell of a JSON value: numbers in their shortest exact spelling, null as empty, true
/// and false as words, text as is (CsvLine quotes it when needed).
[[nodiscard]] std::string CsvCell(const nlohmann::ordered_json& value);

}  // namespace entente
