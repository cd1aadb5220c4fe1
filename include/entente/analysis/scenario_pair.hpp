#pragma once
/// \file
/// Two scenarios side by side (`entente diff A B`): what changed in the inputs, and how each
/// issue's forecast moved when both are forecast with the same model.

#include <optional>
#include <string>
#include <vector>

#include "entente/core/scenario.hpp"
#include "entente/core/scenario_diff.hpp"
#include "entente/models/model_choice.hpp"

namespace entente {

/// One issue's forecast in both scenarios; an issue only one of them has is empty on the other.
struct OutcomeMove {
  std::string issue;             ///< Issue::id
  std::string name;              ///< the name it has in the second scenario, else the first
  std::optional<double> before;  ///< outcome in the first scenario
  std::optional<double> after;   ///< outcome in the second scenario
  std::optional<std::string> veto_before;  ///< binding veto player in the first, if any
  std::optional<std::string> veto_after;   ///< binding veto player in the second, if any

  /// after - before when both exist.
  [[nodiscard]] std::optional<double> Move() const;
};

/// The comparison of two scenarios under one model.
struct ScenarioPair {
  std::string model;                   ///< the model both were forecast with
  std::vector<ScenarioChange> inputs;  ///< ScenarioChanges(before, after)
  std::vector<OutcomeMove> outcomes;   ///< first scenario's issues in order, then new ones
  std::vector<std::string> warnings;   ///< the forecasts' warnings, each prefixed by its side
};

/// Forecasts both (each validated, as RunForecast does; options resolved per scenario) and
/// lines up their outcomes by issue id. InputError for an invalid scenario or a bad model.
[[nodiscard]] ScenarioPair CompareScenarios(const Scenario& before, const Scenario& after,
                                            const ModelChoice& model);

}  // namespace entente
