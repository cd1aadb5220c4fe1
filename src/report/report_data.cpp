#include "entente/report/report_data.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "entente/analysis/coders.hpp"
#include "entente/analysis/stability.hpp"
#include "entente/core/error.hpp"
#include "entente/core/validation.hpp"
#include "entente/models/model_choice.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

// The primary model first, then the requested ones in order, each once.
std::vector<std::string> ModelList(const RunParameters& run) {
  std::vector<std::string> requested = run.models;
  if (requested.empty()) {
    for (const ModelInfo& m : Models()) {
      if (!m.calibrated) requested.emplace_back(m.name);
    }
  }
  std::vector<std::string> out{run.model.name};
  for (const std::string& m : requested) {
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  }
  for (const std::string& m : out) (void)RequireModel(m);  // names every unknown model up front
  return out;
}

}  // namespace

ReportData GatherReport(const Scenario& scenario, const ReportOptions& options) {
  RequireValid(scenario);
  const RunParameters& run = options.run;
  run.Check(RunKind::kReport);
  RequireThreadCount(run.threads);
  ReportData data{scenario, options,      {},           std::nullopt,
                  {},       std::nullopt, std::nullopt, std::nullopt};
  data.options.run.models = ModelList(run);
  // The other models run on their defaults, stopped by the same cancel flag as the primary.
  ModelChoice other;
  other.options.set_cancel(run.model.options.cancel());
  for (std::size_t i = 0; i < data.options.run.models.size(); ++i) {
    const std::string& name = data.options.run.models[i];
    other.name = name;
    data.forecasts.push_back(RunForecast(scenario, i == 0 ? run.model : other));
  }
  if (run.stability > 0) {
    StabilityOptions st;
    st.perturbations = run.stability;
    AddStability(scenario, data.forecasts.front(), run.model.name,
                 ResolveOptions(scenario, run.model), st);
  }
  if (run.draws > 0) {
    SimulationOptions sim = ToSimulation(run);
    sim.thresholds.clear();
    sim.sensitivity = true;
    sim.cancel = run.model.options.cancel();
    data.simulation = Simulate(scenario, sim);
    ThrowIfCancelled(sim.cancel);  // a static model's draws stop early instead of throwing
  }
  data.cohesion = Cohesion(scenario, data.forecasts.front());
  if (!scenario.codings.empty())
    data.coders = AnalyseCoders(scenario, run.model, std::string(PoolRuleName(run.pool)));
  if (!options.outcomes.empty()) {
    BacktestOptions b;
    b.models = data.options.run.models;
    b.model_options[run.model.name] = run.model.options;
    b.seed = run.seed;
    b.threads = run.threads;
    data.backtest = RunBacktest(scenario, options.outcomes, b);
    if (run.draws > 0) {
      b.models = {run.model.name};
      b.draws = run.draws;
      b.noise_percent = run.noise_percent;
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
