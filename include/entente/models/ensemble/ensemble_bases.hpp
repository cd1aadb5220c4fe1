#pragma once
/// \file
/// The forecasts an ensemble combines ("bases"): any registered model's outcome, and three
/// simple features of an issue that need no model: the status quo, the agenda setter's position
/// and the unweighted mean of the positions.

#include <string>
#include <string_view>
#include <vector>

#include "entente/core/scenario.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// The feature bases, in the order `entente calibrate` lists them.
inline constexpr std::string_view kFeatureBases[] = {"status_quo", "setter", "mean"};

/// True for "status_quo", "setter" and "mean".
[[nodiscard]] bool IsFeatureBase(std::string_view name);

/// One base's forecast of every issue of a validated `scenario`, in issue order:
/// - a model name: that model's outcome (after decision rules) under `options`;
/// - "status_quo": the status quo, or the compromise when it is unknown;
/// - "setter": the position of actor `setter` (e.g. the Commission in the EU), or the
///   compromise where that actor takes no part (or `setter` is empty);
/// - "mean": the unweighted mean position of the actors with salience > 0 (of all actors when
///   none has any).
/// The fallbacks keep every base defined on every issue, so one set of weights applies to all.
/// InputError for an unknown name.
[[nodiscard]] std::vector<double> BaseForecasts(const Scenario& scenario, std::string_view name,
                                                const ModelOptions& options,
                                                std::string_view setter);

}  // namespace entente
