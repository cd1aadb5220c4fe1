#pragma once
/// \file
/// The report's backtest charts: each model's errors with their intervals, and the PIT
/// histogram that shows whether a model's spread is honest.

#include <string>
#include <string_view>

#include "entente/analysis/backtest.hpp"

namespace entente::report {

/// One row per model: its MAE as a bar with the 95% bootstrap interval as a whisker, and its
/// CRPS as a diamond when the backtest has draws; the compromise model's MAE as a dashed line.
[[nodiscard]] std::string BacktestErrorChart(const BacktestResult& result, std::string_view title);

/// The PIT histogram of `score` (10 bars; a calibrated forecast fills the dashed line), with
/// the coverage of its central 50/80/90% intervals beside it. Needs draws (score.pit set).
[[nodiscard]] std::string PitChart(const ModelScore& score, std::string_view title);

}  // namespace entente::report
