#pragma once
/// \file
/// Which model to run and with which options, and the one rule that merges them with the
/// options a scenario carries for that model.

#include <string>

#include "entente/core/defaults.hpp"
#include "entente/core/scenario.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// A model by name and the options the caller gave it (as typed: text values).
struct ModelChoice {
  std::string name{defaults::kModel};  ///< a registered model, e.g. "eu"
  ModelOptions options;                ///< the caller's options, before the scenario's
};

/// The options model `choice.name` runs with on `scenario`: those the scenario carries for it
/// (Scenario::model_options), each overridden by the caller's option of the same key. Every
/// entry point that runs a model (RunForecast, Simulate, Advise, Compare, the report) resolves
/// through this, so a KTAB XML file's parameters apply in every command, the server and Python.
[[nodiscard]] ModelOptions ResolveOptions(const Scenario& scenario, const ModelChoice& choice);

}  // namespace entente
