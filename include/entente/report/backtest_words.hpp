#pragma once
/// \file
/// The backtest in words for the report: which model to trust on these outcomes, and the
/// worst misses.

#include <string>
#include <vector>

#include "entente/analysis/backtest.hpp"
#include "entente/core/scenario.hpp"

namespace entente::report {

/// "Lowest MAE: compromise (23.97 points). eu is worse than compromise by 6.1 points of MAE
/// (95% interval 3.2 to 9.0)." One sentence per model after the first.
[[nodiscard]] std::string BacktestVerdict(const BacktestResult& result);

/// "eu is worse than compromise by 4.08 points (95% interval 0.97 to 7.30)." or, when the
/// interval includes 0, "... is not clearly apart from compromise: 0.69 points worse (...)".
[[nodiscard]] std::string CompareToCompromise(const std::string& model, const Estimate& difference);

/// The `count` issues `model` (an index into result.models) missed most, largest first, as
/// sentences: "documents, issue 2 (d00032i2): median forecast 50.0, outcome 0.0, a miss of
/// 50.0; compromise came closest (53.2)."
[[nodiscard]] std::vector<std::string> WorstMisses(const BacktestResult& result,
                                                   const Scenario& scenario, std::size_t model,
                                                   std::size_t count);

}  // namespace entente::report
