// Monte Carlo throughput on the flagship with 10% noise on every input (192 uncertain inputs),
// by model and thread count. Draws/s is reported as a counter.
#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "entente/analysis/monte_carlo.hpp"

namespace {

void RunFlagship(benchmark::State& state, const char* model, std::int64_t draws) {
  const entente::Scenario s = entente::bench::Flagship();
  entente::SimulationOptions o;
  o.model = model;
  o.draws = draws;
  o.noise_percent = 10;
  o.threads = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(entente::Simulate(s, o));
  state.counters["draws/s"] = benchmark::Counter(static_cast<double>(draws) * state.iterations(),
                                                 benchmark::Counter::kIsRate);
}

void BM_SimulateCompromise(benchmark::State& state) {
  RunFlagship(state, "compromise", 1000000);
}
BENCHMARK(BM_SimulateCompromise)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SimulateMedian(benchmark::State& state) {
  RunFlagship(state, "median", 1000000);
}
BENCHMARK(BM_SimulateMedian)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Dynamic model: every draw runs the full bargaining (up to 100 rounds per issue).
void BM_SimulateEu(benchmark::State& state) {
  RunFlagship(state, "eu", 4000);
}
BENCHMARK(BM_SimulateEu)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
