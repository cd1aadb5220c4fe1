#pragma once
/// \file
/// The list of models, and the one call front ends use to run any of them.

#include <span>
#include <string>
#include <string_view>

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/model_choice.hpp"
#include "entente/models/option_spec.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// A model's entry point: pure, no I/O, no hidden randomness. Returns unconstrained forecasts
/// and final positions; decision rules are applied afterwards by RunForecast.
using ModelFn = Forecast (*)(const Scenario&, const ModelOptions&);

/// What `entente models` lists.
struct ModelInfo {
  std::string_view name;      ///< key used on the command line, e.g. "median"
  std::string_view summary;   ///< one line: what it computes
  std::string_view citation;  ///< where the equations come from
  ModelFn run;                ///< the model itself
  /// For static models only: the per-issue aggregate of positions and c x s weights, so
  /// Monte Carlo can skip building a Forecast per draw. nullptr for dynamic models.
  double (*aggregate)(std::span<const double>, std::span<const double>) = nullptr;
  /// True when the model bargains issues jointly (an issue's outcome depends on the others),
  /// false when each issue is forecast on its own, so analyses may run one issue at a time.
  bool joint = false;
  /// True when the model needs fitted parameters from a calibration file (the ensemble), so
  /// lists of "every model" (report, backtest --models all) leave it out.
  bool calibrated = false;
  /// The model's options, each declared once (name, type, default, range, help); nullptr for
  /// a model that takes none.
  std::span<const OptionSpec> (*options)() = nullptr;

  /// Its options (empty for a model that takes none).
  [[nodiscard]] std::span<const OptionSpec> Options() const {
    return options == nullptr ? std::span<const OptionSpec>{} : options();
  }
};

/// Every model Entente ships, in the order `entente models` lists them.
[[nodiscard]] std::span<const ModelInfo> Models();

/// The model called `name`, or nullptr.
[[nodiscard]] const ModelInfo* FindModel(std::string_view name);

/// Validates the scenario (InputError listing every problem), runs model `name` (InputError
/// when unknown) with `options` over those the scenario carries for it (ResolveOptions), then
/// applies each issue's decision rule to the model's final positions.
///
/// Example:
/// ```
/// Forecast f = RunForecast(scenario, "median", {});
/// double sanctions = f.issues[2].outcome;
/// ```
[[nodiscard]] Forecast RunForecast(const Scenario& scenario, std::string_view name,
                                   const ModelOptions& options);

/// RunForecast of a ModelChoice.
[[nodiscard]] Forecast RunForecast(const Scenario& scenario, const ModelChoice& choice);

/// The model called `name`; InputError naming the known models when there is none.
[[nodiscard]] const ModelInfo& RequireModel(std::string_view name);

/// RunForecast without validation and without ResolveOptions, for callers that validated the
/// scenario and resolved the options once and only vary numbers within their valid ranges
/// (Monte Carlo draws, sensitivity sweeps).
[[nodiscard]] Forecast RunForecastTrusted(const Scenario& scenario, const ModelInfo& model,
                                          const ModelOptions& options);

}  // namespace entente
