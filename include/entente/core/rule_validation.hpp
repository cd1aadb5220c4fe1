#pragma once
/// \file
/// Checks of an issue's decision rule: known kinds, presets, members, weights, shares, veto
/// players and chambers, each located with its fix.

#include "entente/core/error.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// Appends every problem of `issue`'s decision rule to `errors` (the status quo's range is
/// checked with the scale, in validation.cpp).
void CheckDecisionRule(const Scenario& scenario, const Issue& issue, Errors& errors);

}  // namespace entente
