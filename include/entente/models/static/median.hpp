#pragma once
/// \file
/// The weighted median model: the Condorcet winner for single-peaked preferences.

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// The c x s weighted median per issue (tie rule in aggregate.hpp). Option `tie`: `midpoint`
/// (default) or `lower` (the smallest position reaching half the weight).
[[nodiscard]] Forecast MedianModel(const Scenario& scenario, const ModelOptions& options);

}  // namespace entente
