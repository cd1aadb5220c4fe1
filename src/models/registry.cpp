#include "entente/models/registry.hpp"

#include <array>

#include <fmt/format.h>

#include "entente/core/error.hpp"
#include "entente/core/validation.hpp"
#include "entente/models/aggregate.hpp"
#include "entente/models/decision_rule.hpp"
#include "entente/models/ensemble/ensemble.hpp"
#include "entente/models/eu/eu_options.hpp"
#include "entente/models/eu/expected_utility.hpp"
#include "entente/models/exchange/exchange.hpp"
#include "entente/models/exchange/exchange_options.hpp"
#include "entente/models/ktab/ktab_options.hpp"
#include "entente/models/ktab/ktab_smp.hpp"
#include "entente/models/model_choice.hpp"
#include "entente/models/procedural/procedural.hpp"
#include "entente/models/static/compromise.hpp"
#include "entente/models/static/median.hpp"

namespace entente {
namespace {

constexpr std::array kModels = {
    ModelInfo{"compromise", "capability x salience weighted mean of positions",
              "van den Bos 1991; Achen 2006", &CompromiseModel, &WeightedMean},
    ModelInfo{"median", "capability x salience weighted median (Condorcet winner)", "Black 1948",
              &MedianModel, &WeightedMedian, false, false, &MedianOptionSpecs},
    ModelInfo{"eu", "expected utility bargaining: challenges, compromises, capitulations by round",
              "Bueno de Mesquita 1994; Scholz, Calbert & Smith 2011", &ExpectedUtilityModel,
              nullptr, false, false, &EuOptionSpecs},
    ModelInfo{"exchange", "vote trading across issues: equal-gain exchanges realized by gain",
              "Stokman & Van Oosten 1994; Decide exchange model", &ExchangeModel, nullptr, true,
              false, &ExchangeOptionSpecs},
    ModelInfo{"ktab-smp",
              "KTAB spatial model of politics: multi-dimensional challenges, bargains, PCE by turn",
              "Wise, Lester & Efird 2015 (KTAB); KAPSARC 2016", &KtabSmpModel, nullptr, true, false,
              &SmpOptionSpecs},
    ModelInfo{"procedural",
              "agenda setter proposes its favourite point that the decision rule lets pass",
              "Romer & Rosenthal 1978; Tsebelis 2002; Steunenberg 1994; Crombez 1996",
              &ProceduralModel, nullptr, false, false, &ProceduralOptionSpecs},
    ModelInfo{"ensemble",
              "convex combination of models and issue features, weights from `entente calibrate`",
              "Bates & Granger 1969; fitted by least absolute deviations", &EnsembleModel, nullptr,
              true, true, &EnsembleOptionSpecs},
};

}  // namespace

std::span<const ModelInfo> Models() {
  return kModels;
}

const ModelInfo* FindModel(std::string_view name) {
  for (const ModelInfo& m : kModels) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

const ModelInfo& RequireModel(std::string_view name) {
  const ModelInfo* model = FindModel(name);
  if (model == nullptr) {
    std::string known;
    for (const ModelInfo& m : kModels) known += (known.empty() ? "" : ", ") + std::string(m.name);
    throw InputError(fmt::format("unknown model '{}'; choose one of: {}", name, known));
  }
  return *model;
}

Forecast RunForecast(const Scenario& scenario, std::string_view name, const ModelOptions& options) {
  return RunForecast(scenario, ModelChoice{std::string(name), options});
}

Forecast RunForecast(const Scenario& scenario, const ModelChoice& choice) {
  const ModelInfo& model = RequireModel(choice.name);
  RequireValid(scenario);
  return RunForecastTrusted(scenario, model, ResolveOptions(scenario, choice));
}

Forecast RunForecastTrusted(const Scenario& scenario, const ModelInfo& model,
                            const ModelOptions& options) {
  Forecast forecast = model.run(scenario, options);
  ApplyDecisionRules(scenario, forecast, options.trail());
  return forecast;
}

}  // namespace entente
