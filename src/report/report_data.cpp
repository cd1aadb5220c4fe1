#include "entente/report/report_data.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "entente/analysis/stability.hpp"
#include "entente/core/error.hpp"
#include "entente/core/validation.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

// The primary model first, then the requested ones in order, each once.
std::vector<std::string> ModelList(const ReportOptions& options) {
  std::vector<std::string> requested = options.models;
  if (requested.empty()) {
    for (const ModelInfo& m : Models()) {
      if (!m.calibrated) requested.emplace_back(m.name);
    }
  }
  std::vector<std::string> out{options.model};
  for (const std::string& m : requested) {
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  }
  for (const std::string& m : out) (void)RequireModel(m);  // names every unknown model up front
  return out;
}

}  // namespace

ReportData GatherReport(const Scenario& scenario, const ReportOptions& options) {
  RequireValid(scenario);
  if (!(options.noise >= 0 && options.noise <= 10)) {
    throw InputError(
        fmt::format("noise {} is not a fraction in [0, 10]; give e.g. 0.1 for 10%", options.noise));
  }
  RequireThreadCount(options.threads);
  if (options.draws < 0) {
    throw InputError(
        fmt::format("draws {} is negative; give 0 (no Monte Carlo) or more", options.draws));
  }
  ReportData data{scenario, options, {}, std::nullopt, {}, std::nullopt, std::nullopt};
  data.options.models = ModelList(options);
  // The other models run on their defaults, stopped by the same cancel flag as the primary.
  ModelOptions others;
  others.set_cancel(options.model_options.cancel());
  for (std::size_t i = 0; i < data.options.models.size(); ++i) {
    data.forecasts.push_back(
        RunForecast(scenario, data.options.models[i], i == 0 ? options.model_options : others));
  }
  if (options.stability > 0) {
    StabilityOptions st;
    st.perturbations = options.stability;
    AddStability(scenario, data.forecasts.front(), options.model, options.model_options, st);
  }
  if (options.draws > 0) {
    SimulationOptions sim;
    sim.model = options.model;
    sim.model_options = options.model_options;
    sim.draws = options.draws;
    sim.seed = options.seed;
    sim.threads = options.threads;
    sim.noise.fraction = options.noise;
    sim.sensitivity = true;
    sim.cancel = options.model_options.cancel();
    data.simulation = Simulate(scenario, sim);
    ThrowIfCancelled(sim.cancel);  // a static model's draws stop early instead of throwing
  }
  data.cohesion = Cohesion(scenario, data.forecasts.front());
  if (!options.outcomes.empty()) {
    BacktestOptions b;
    b.models = data.options.models;
    b.model_options[options.model] = options.model_options;
    b.seed = options.seed;
    b.threads = options.threads;
    data.backtest = RunBacktest(scenario, options.outcomes, b);
    if (options.draws > 0) {
      b.models = {options.model};
      b.draws = options.draws;
      b.noise.fraction = options.noise;
      data.calibration = RunBacktest(scenario, options.outcomes, b);
    }
  }
  return data;
}

const Forecast* TrajectoryForecast(const ReportData& data) {
  for (const Forecast& f : data.forecasts) {
    for (const IssueForecast& i : f.issues) {
      if (!i.rounds.empty()) return &f;
    }
  }
  return nullptr;
}

const IssueSensitivity* SensitivityOf(const ReportData& data, std::size_t k) {
  if (!data.simulation || k >= data.simulation->sensitivity.size()) return nullptr;
  return &data.simulation->sensitivity[k];
}

}  // namespace entente
