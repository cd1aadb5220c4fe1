// `entente backtest` of DEU I (173 issues, 17 actors, 171 outcomes) with 1,000 Monte Carlo
// draws per model at 10% noise: all five models together (the target: under 10 s on
// the 2-core machine), and each model alone to show where the time goes. Reads the data from
// ../shared at run time; skipped when it is absent. The point-forecast run (no draws) is the
// fixed part of each model's time: its forecast, the scores and 2,000 bootstrap resamples.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>

#include "entente/analysis/backtest.hpp"
#include "entente/formats/scenario_io.hpp"

namespace {

const char* const kModels[] = {"compromise", "median", "eu", "exchange", "ktab-smp"};

void Run(benchmark::State& state, std::vector<std::string> models, std::int64_t draws = 1000) {
  const std::string path =
      std::string(ENTENTE_SHARED_DIR) + "/validation/deu-i/deu_proposals_1996_2001.tsv";
  if (!std::filesystem::exists(path)) {
    state.SkipWithError("DEU I data absent (../shared not beside the checkout)");
    return;
  }
  const entente::ScenarioDocument doc = entente::LoadDocument(path).ValueOrThrow();
  entente::BacktestOptions o;
  o.models = std::move(models);
  o.draws = draws;
  o.noise_percent = 10;
  o.threads = 2;
  for (auto _ : state)
    benchmark::DoNotOptimize(entente::RunBacktest(doc.scenario, doc.outcomes, o));
}

void BM_BacktestDeuAllModels(benchmark::State& state) {
  Run(state, {std::begin(kModels), std::end(kModels)});
}
BENCHMARK(BM_BacktestDeuAllModels)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

void BM_BacktestDeuOneModel(benchmark::State& state) {
  state.SetLabel(kModels[state.range(0)]);
  Run(state, {kModels[state.range(0)]});
}
BENCHMARK(BM_BacktestDeuOneModel)
    ->DenseRange(0, 4)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

void BM_BacktestDeuPointForecasts(benchmark::State& state) {
  Run(state, {std::begin(kModels), std::end(kModels)}, 0);
}
BENCHMARK(BM_BacktestDeuPointForecasts)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
