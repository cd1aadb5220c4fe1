#pragma once
/// \file
/// Where the models disagree: every model's outcome per issue, flagged when the spread is
/// wide. On DEU I the models' errors differ by 5-10 points on average; a single model's number
/// on an issue where they span half the scale says more about the model than the issue.

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"

namespace entente {

/// Runs every registered model that needs no calibration on the validated `scenario` (default
/// options, no trails) and sets each issue's `disagreement` in `forecast`; `wide` when the
/// outcomes span more than `threshold` x the scale range.
void AddDisagreement(const Scenario& scenario, Forecast& forecast, double threshold = 0.25);

}  // namespace entente
