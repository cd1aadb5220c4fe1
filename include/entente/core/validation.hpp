#pragma once
/// \file
/// Scenario validation: every problem at once, each located and with a fix.

#include "entente/core/error.hpp"
#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// Largest capability and largest |scale end| a scenario may give. Every model uses
/// capability only relative to other actors' (weights c s / sum c s, vote ratios, c s / W),
/// so any coding can be rescaled below it; what it buys is room: c x s x position stays below
/// 1e24 and a sum over a million actors below 1e30, far from double's 1.8e308 and inside
/// Decimal28's 7.9e28 where the exchange model sums c x s on Decide's 0-100 scale.
inline constexpr double kMaxMagnitude = 1e12;

/// A scale must be at least this fraction of max(1, |min|, |max|) wide: positions on it then
/// differ in at least the ninth significant digit (doubles hold about sixteen), and
/// 2^32 / width, the Monte Carlo outcome sketch's fixed-point step, stays finite.
inline constexpr double kMinScaleWidth = 1e-9;

/// Checks ids, ranges, finiteness, decision rules and that every issue has some weight.
/// Returns every problem found (empty when the scenario is usable), in input order.
[[nodiscard]] Errors Validate(const Scenario& scenario);

/// The scenario itself when valid, otherwise all its problems.
[[nodiscard]] Result<Scenario> Validated(Scenario scenario);

/// Throws InputError when `scenario` is invalid; models call it at their entry point.
void RequireValid(const Scenario& scenario);

}  // namespace entente
