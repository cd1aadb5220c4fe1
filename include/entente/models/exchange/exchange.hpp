#pragma once
/// \file
/// The exchange model ("exchange"): actors trade voting positions across issues, giving way
/// where they care little for support where they care a lot (Stokman & Van Oosten 1994).

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// Runs `rounds` rounds of exchange over all issues jointly. Fills, per issue, rounds (round 0
/// = inputs; round t = voting positions after round t's exchanges, with their c s weighted
/// mean), final_positions (the last round's voting positions) and unconstrained (their mean);
/// on the forecast, every realized exchange and each actor's balance. Options: see
/// ExchangeOptionSpecs() and docs/models/exchange.md. Throws InputError for bad options.
///
/// Example:
/// ```
/// ModelOptions o;
/// o.Set("preset", "decide");
/// Forecast f = RunForecast(scenario, "exchange", o);  // f.exchanges[0]: the largest gain
/// ```
[[nodiscard]] Forecast ExchangeModel(const Scenario& scenario, const ModelOptions& options);

}  // namespace entente
