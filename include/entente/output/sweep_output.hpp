#pragma once
/// \file
/// A sweep's rows (one per point, model and issue) as a table, JSON and CSV. The JSON is the
/// source of the CSV, so both carry the same numbers; the table rounds for reading.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entente/analysis/sweep.hpp"

namespace entente {

/// {"draws": D, "rows": [{point, label, model, issue, outcome[, mean, p05, p50, p95]}]}; the
/// point is numbered from 1, the Monte Carlo fields present when draws > 0.
[[nodiscard]] nlohmann::ordered_json SweepJson(const std::vector<SweepRow>& rows,
                                               std::int64_t draws);

/// SweepJson as CSV: point, label, model, issue, outcome, mean, p05, p50, p95 (the last four
/// empty without draws).
[[nodiscard]] std::string SweepCsv(const nlohmann::ordered_json& sweep);

/// The points' labels, then one line per row with the outcome (and mean and 90% band with
/// draws) to one decimal.
[[nodiscard]] std::string SweepTable(const std::vector<SweepRow>& rows, std::int64_t draws);

}  // namespace entente
