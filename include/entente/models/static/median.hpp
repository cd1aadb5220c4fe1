#pragma once
/// \file
/// The weighted median model: the Condorcet winner for single-peaked preferences.

#include <span>

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/option_spec.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// The options "median" takes (tie).
[[nodiscard]] std::span<const OptionSpec> MedianOptionSpecs();

/// The c x s weighted median per issue (tie rule in aggregate.hpp). Option `tie`: `midpoint`
/// (default) or `lower` (the smallest position reaching half the weight).
[[nodiscard]] Forecast MedianModel(const Scenario& scenario, const ModelOptions& options);

}  // namespace entente
