// Compromise and median models: the flagship and synthetic scenarios of growing size.
#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "entente/core/validation.hpp"
#include "entente/models/decision_rule.hpp"
#include "entente/models/registry.hpp"

namespace {

void BM_FlagshipCompromise(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Flagship();
  for (auto _ : state) benchmark::DoNotOptimize(entente::RunForecast(s, "compromise", {}));
}
BENCHMARK(BM_FlagshipCompromise);

void BM_FlagshipMedian(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Flagship();
  for (auto _ : state) benchmark::DoNotOptimize(entente::RunForecast(s, "median", {}));
}
BENCHMARK(BM_FlagshipMedian);

// The three parts of BM_FlagshipCompromise, so that a change in it can be placed: checking the
// scenario, the model itself, and the decision rules with their explanation in words.
void BM_FlagshipValidate(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Flagship();
  for (auto _ : state) benchmark::DoNotOptimize(entente::Validate(s));
}
BENCHMARK(BM_FlagshipValidate);

void BM_FlagshipCompromiseModelOnly(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Flagship();
  const entente::ModelInfo& m = *entente::FindModel("compromise");
  for (auto _ : state) benchmark::DoNotOptimize(m.run(s, {}));
}
BENCHMARK(BM_FlagshipCompromiseModelOnly);

void BM_FlagshipDecisionRules(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Flagship();
  const entente::ModelInfo& m = *entente::FindModel("compromise");
  entente::Forecast f = m.run(s, {});
  for (auto _ : state) {
    entente::ApplyDecisionRules(s, f);
    benchmark::DoNotOptimize(f);
  }
}
BENCHMARK(BM_FlagshipDecisionRules);

// What Monte Carlo draws and searches pay for the rules: outcomes without the words.
void BM_FlagshipDecisionRulesOutcomesOnly(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Flagship();
  const entente::ModelInfo& m = *entente::FindModel("compromise");
  entente::Forecast f = m.run(s, {});
  for (auto _ : state) {
    entente::ApplyDecisionRules(s, f, /*explain=*/false);
    benchmark::DoNotOptimize(f);
  }
}
BENCHMARK(BM_FlagshipDecisionRulesOutcomesOnly);

void BM_MedianActors(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Synthetic(static_cast<int>(state.range(0)), 1);
  for (auto _ : state) benchmark::DoNotOptimize(entente::RunForecast(s, "median", {}));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_MedianActors)->RangeMultiplier(10)->Range(10, 100000)->Complexity();

}  // namespace
