#pragma once
/// \file
/// A scenario's issue groups as JSON, shared by the forecast, simulation and comparison outputs
/// so programs see one shape everywhere.

#include <nlohmann/json_fwd.hpp>

#include "entente/core/scenario.hpp"

namespace entente {

/// `[{"id", "name", "issues": [issue ids]}]` in the scenario's order; an empty array without
/// groups. Callers add it only when the scenario has groups, so ungrouped outputs keep their shape.
[[nodiscard]] nlohmann::ordered_json GroupsJson(const Scenario& scenario);

}  // namespace entente
