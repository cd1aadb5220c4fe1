#pragma once
/// \file
/// Scenario validation: every problem at once, each located and with a fix.

#include "entente/core/error.hpp"
#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// Checks ids, ranges, finiteness, decision rules and that every issue has some weight.
/// Returns every problem found (empty when the scenario is usable), in input order.
[[nodiscard]] Errors Validate(const Scenario& scenario);

/// The scenario itself when valid, otherwise all its problems.
[[nodiscard]] Result<Scenario> Validated(Scenario scenario);

/// Throws InputError when `scenario` is invalid; models call it at their entry point.
void RequireValid(const Scenario& scenario);

}  // namespace entente
