#pragma once
/// \file
/// What changed between two scenarios, in words (for `entente runs diff`).

#include <string>
#include <vector>

#include "entente/core/scenario.hpp"

namespace entente {

/// One line per difference, e.g. "US on opcon_transfer: salience 0.45 -> 0.8", "actor JAPAN
/// added", "issue sanctions_relief: status quo 25 -> 30". Empty when the inputs are the same
/// (metadata, alliances and moves included).
[[nodiscard]] std::vector<std::string> DiffScenarios(const Scenario& before, const Scenario& after);

}  // namespace entente
