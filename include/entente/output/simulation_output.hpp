#pragma once
/// \file
/// A Monte Carlo result as an analyst reads it (table) and as programs read it (JSON).

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "entente/analysis/monte_carlo.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// Per issue: point forecast, mean, quantiles, P(status quo holds), binding vetoes; then
/// thresholds and, when computed, the inputs that move each outcome most.
[[nodiscard]] std::string SimulationTable(const Scenario& scenario, const SimulationResult& result);

/// Every number of the result; no timings, so the same seed gives the same bytes.
[[nodiscard]] nlohmann::ordered_json SimulationJson(const Scenario& scenario,
                                                    const SimulationResult& result);

}  // namespace entente
