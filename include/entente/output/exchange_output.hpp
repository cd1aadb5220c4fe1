#pragma once
/// \file
/// The exchange model's trail as people and programs read it: realized exchanges, balances.

#include <cstddef>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"

namespace entente {

/// `[{"round", "first": {"actor", "issue", "from", "to", "gain"}, "second": {...}, "gain",
/// "shift_first", "shift_second"}]`, in the order the exchanges were realized.
[[nodiscard]] nlohmann::ordered_json ExchangesJson(const Scenario& scenario,
                                                   const Forecast& forecast);

/// `[{"actor", "exchanges", "own_gain", "externality", "total"}]`, one per actor.
[[nodiscard]] nlohmann::ordered_json BalancesJson(const Scenario& scenario,
                                                  const Forecast& forecast);

/// The `top` exchanges with the largest gains, in words ("USA gives way on eaa (100 -> 0) to
/// China for finance_vol (100 -> 10.8); gain 2.19"), then each actor's balance; empty when the
/// forecast has no balances.
[[nodiscard]] std::string ExchangesTable(const Scenario& scenario, const Forecast& forecast,
                                         std::size_t top);

}  // namespace entente
