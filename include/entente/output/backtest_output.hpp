#pragma once
/// \file
/// A backtest as an analyst reads it (table: scores with intervals, then the issues, worst
/// misses first) and as programs read it (JSON; CSV of issue x model rows).

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "entente/analysis/backtest.hpp"
#include "entente/output/forecast_output.hpp"

namespace entente {

/// `{"scenario", "n", "unscored", "groups", "draws", "noise", "seed", "bootstrap",
/// "models": [{"model", "n", "mae", "mae_ci": [lo, hi], "rmse", "median_ae", "bias",
/// "within5", "within10", "within20" (each with "_ci"), "pct": {the same in % of range},
/// "crps", "crps_ci", "crps_fair", "coverage": {"50", "80", "90"}, "interval_score", "pit",
/// "vs_compromise": {"mae", "mae_ci", "crps", "crps_ci"}}], "issues": [{"id", "group",
/// "outcome", "forecasts": {model: x}, "errors": {model: e}, "crps", "pit", "closest"}],
/// "by", "subsets", "warnings"}`. Without draws `crps` equals `mae` and `coverage` is null.
[[nodiscard]] nlohmann::ordered_json BacktestJson(const BacktestResult& result);

/// Scores per model with 95% intervals, the paired difference to the compromise model, the
/// probabilistic scores when there are draws, the subsets, then one row per issue sorted by
/// the first model's absolute error, largest first, naming the closest model (and each issue's
/// group when the scenario has groups).
[[nodiscard]] std::string BacktestTable(const BacktestResult& result);

/// One row per issue and model: issue, group, outcome, model, forecast, error, abs_error,
/// crps, pit (empty without draws), closest.
[[nodiscard]] std::string BacktestCsv(const BacktestResult& result);

/// The backtest in `format`, ending with a newline.
[[nodiscard]] std::string FormatBacktest(const BacktestResult& result, OutputFormat format);

}  // namespace entente
