#pragma once
/// \file
/// The ensemble model: a fixed convex combination of base forecasts, with weights fitted by
/// `entente calibrate` (equations in ensemble.cpp and docs/calibration.md).

#include <span>

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/option_spec.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// The options "ensemble" declares (weights, setter); besides them it takes MODEL.KEY, option
/// KEY of base MODEL, checked by that model.
[[nodiscard]] std::span<const OptionSpec> EnsembleOptionSpecs();

/// x* = sum_j w_j b_j per issue, the b_j from BaseForecasts. Options (front ends fill them from
/// a calibration file): `weights` = "name:w,name:w" (required; w >= 0 summing to 1 within
/// 1e-6), `setter` = actor id for the setter base, and `MODEL.KEY` = option KEY of base MODEL
/// (e.g. `eu.q=0.5`). Final positions are the inputs (a static combination).
[[nodiscard]] Forecast EnsembleModel(const Scenario& scenario, const ModelOptions& options);

}  // namespace entente
