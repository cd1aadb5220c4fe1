#pragma once
/// \file
/// The compromise model: the capability x salience weighted mean of positions.

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// x* = sum c s x / sum c s per issue, before decision rules. Takes no options.
[[nodiscard]] Forecast CompromiseModel(const Scenario& scenario, const ModelOptions& options);

}  // namespace entente
