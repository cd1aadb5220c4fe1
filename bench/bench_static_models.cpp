// Compromise and median models: the flagship and synthetic scenarios of growing size.
#include <benchmark/benchmark.h>

#include "bench_support.hpp"
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

void BM_MedianActors(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Synthetic(static_cast<int>(state.range(0)), 1);
  for (auto _ : state) benchmark::DoNotOptimize(entente::RunForecast(s, "median", {}));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_MedianActors)->RangeMultiplier(10)->Range(10, 100000)->Complexity();

}  // namespace
