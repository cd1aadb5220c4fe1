// Expected utility model ("eu"): the flagship scenario, 1,000 actors x 100 rounds (target
// < 2 s single-threaded), and the cost of one round from 10 to 10,000 actors (O(n^2)).
#include <string>

#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "entente/models/eu/expected_utility.hpp"
#include "entente/models/registry.hpp"

namespace {

entente::ModelOptions FixedRounds(int rounds) {
  entente::ModelOptions o;
  o.Set("rounds", std::to_string(rounds));
  o.Set("stop", "fixed");  // time the rounds asked for, not an early convergence
  return o;
}

void BM_FlagshipEu(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Flagship();
  for (auto _ : state) benchmark::DoNotOptimize(entente::RunForecast(s, "eu", {}));
}
BENCHMARK(BM_FlagshipEu)->Unit(benchmark::kMicrosecond);

void BM_Eu1000Actors100Rounds(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Synthetic(1000, 1);
  const entente::ModelOptions o = FixedRounds(100);
  for (auto _ : state) benchmark::DoNotOptimize(entente::RunForecast(s, "eu", o));
}
BENCHMARK(BM_Eu1000Actors100Rounds)->Unit(benchmark::kMillisecond)->Iterations(3);

// The model alone (RunForecast's scenario validation is itself O(n^2) in actor-id lookups).
void BM_EuOneRound(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Synthetic(static_cast<int>(state.range(0)), 1);
  const entente::ModelOptions o = FixedRounds(1);
  for (auto _ : state) benchmark::DoNotOptimize(entente::ExpectedUtilityModel(s, o));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_EuOneRound)
    ->RangeMultiplier(10)
    ->Range(10, 10000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oNSquared);

void BM_EuScholzPreset(benchmark::State& state) {
  // Risk votes are O(n^3) per round: meant for small published cases like this size.
  const entente::Scenario s = entente::bench::Synthetic(static_cast<int>(state.range(0)), 1);
  entente::ModelOptions o;
  o.Set("preset", "scholz2011");
  for (auto _ : state) benchmark::DoNotOptimize(entente::RunForecast(s, "eu", o));
}
BENCHMARK(BM_EuScholzPreset)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
