#pragma once
/// \file
/// Applying named moves to a scenario.

#include <string>
#include <vector>

#include "entente/core/scenario.hpp"

namespace entente {

/// A copy of `scenario` with the moves' stance changes applied in order (later moves win
/// where two change the same number). The moves must come from a validated scenario.
[[nodiscard]] Scenario WithMoves(const Scenario& scenario, const std::vector<const Move*>& moves);

/// The moves named in `ids`, in that order; InputError naming an unknown id and the known ones.
[[nodiscard]] std::vector<const Move*> FindMoves(const Scenario& scenario,
                                                 const std::vector<std::string>& ids);

}  // namespace entente
