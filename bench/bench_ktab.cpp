// ktab-smp speed: KTAB's synthetic dummyData cases (read from ../shared when present) and a
// scaling sweep on synthetic scenarios. KTAB itself (smpc, -O2, minimal logging, this
// machine): 40 actors 5.6-7.4 s, 80 actors 66 s, 160 actors over an hour.
#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "entente/models/ktab/ktab_smp.hpp"

namespace entente {
namespace {

void RunCase(benchmark::State& state, const SmpInput& in, const SmpOptions& o = {}) {
  SmpResult r;
  for (auto _ : state) {
    r = RunSmp(in, o);
    benchmark::DoNotOptimize(r.states.data());
  }
  state.counters["actors"] = static_cast<double>(in.actors);
  state.counters["turns"] = r.turns;
}

void BM_KtabDummyData(benchmark::State& state, const char* file) {
  const std::string path =
      std::string(ENTENTE_SOURCE_DIR) + "/../shared/validation/ktab-smp/" + file;
  if (!std::filesystem::exists(path)) {
    state.SkipWithError(("reference case " + path + " is absent").c_str());
    return;
  }
  RunCase(state, SmpInputFromScenario(LoadScenario(path).ValueOrThrow()));
}
BENCHMARK_CAPTURE(BM_KtabDummyData, a040, "dummyData-a040.csv")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_KtabDummyData, a080, "dummyData-a080.csv")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_KtabDummyData, a160, "dummyData-a160.csv")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// n actors on `dims` dimensions (bench::Synthetic; saliences rescaled to sum to at most 1).
void BM_KtabScaling(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const int dims = static_cast<int>(state.range(1));
  RunCase(state, SmpInputFromScenario(bench::Synthetic(n, dims)));
}
BENCHMARK(BM_KtabScaling)
    ->ArgsProduct({{10, 40, 80, 160, 320}, {1, 3}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
// Whole runs at the top of the 10 -> 1,000 scaling table; minutes each (skip them with
// --benchmark_filter=-KtabScaling/640|KtabScaling/1000 when in a hurry).
BENCHMARK(BM_KtabScaling)->Args({640, 1})->Args({1000, 1})->Unit(benchmark::kSecond)->Iterations(1);

// Two turns (three evaluated states), for the per-turn cost at sizes where whole runs take
// dozens of turns.
void BM_KtabTwoTurns(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  SmpOptions o;
  o.max_turns = 2;
  o.trail = false;
  RunCase(state, SmpInputFromScenario(bench::Synthetic(n, 2)), o);
}
BENCHMARK(BM_KtabTwoTurns)
    ->Arg(100)
    ->Arg(250)
    ->Arg(500)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace entente
