#pragma once
/// \file
/// Bueno de Mesquita's expected utility model ("eu"), as clarified by Scholz, Calbert & Smith
/// (2011): actors challenge, compromise and capitulate round by round on each issue.

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// Bargains every issue separately (one dimension each) for up to `rounds` rounds and
/// forecasts the weighted median (option aggregate) of the final positions. Fills rounds
/// (round 0 = inputs), final_positions and events; warns when the round limit stops an issue
/// that had not settled. Options: see EuOptionSpecs() and docs/models/expected-utility.md.
/// Throws InputError for bad options or an issue where no actor has weight c s > 0.
[[nodiscard]] Forecast ExpectedUtilityModel(const Scenario& scenario, const ModelOptions& options);

}  // namespace entente
