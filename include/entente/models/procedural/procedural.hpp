#pragma once
/// \file
/// The procedural (agenda-setter) model: on each issue the rule's agenda setter proposes its
/// favourite point among those that pass, and it passes (Romer & Rosenthal 1978; Tsebelis
/// 2002; Steunenberg 1994; Crombez 1996).

#include <span>

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/option_spec.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// The options "procedural" takes (without_setter, amendment).
[[nodiscard]] std::span<const OptionSpec> ProceduralOptionSpecs();

/// Options: `without_setter` = median (default) | compromise | status_quo, the forecast on
/// issues whose rule names no agenda setter (or whose setter takes no stance there);
/// `amendment` = none (default) | pareto, whether the proposal must also lie within the range of
/// the first chamber's members' positions (amendment by unanimity).
[[nodiscard]] Forecast ProceduralModel(const Scenario& scenario, const ModelOptions& options);

}  // namespace entente
