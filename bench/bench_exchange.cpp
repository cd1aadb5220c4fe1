// Exchange model ("exchange"): the CoP21 case (15 actors x 13 issues, 10 rounds; Decide takes
// about 30 s on this machine, target < 20 ms) and synthetic cases of 15 to 60 actors on 13
// issues, and Decide's two other reference cases (sample_data, Copenhagen) with
// preset=decide. Candidates grow as n^2 per issue pair, and each realized exchange rescans them.
#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "entente/models/exchange/exchange.hpp"
#include "entente/models/registry.hpp"

namespace {

// Decide's reference cases with preset=decide (28-digit decimal arithmetic), read from
// ../shared/validation at run time.
void DecideCase(benchmark::State& state, const char* file) {
  const std::string path =
      std::string(ENTENTE_SOURCE_DIR) + "/../shared/validation/decide-exchange/" + file;
  if (!std::filesystem::exists(path)) {
    state.SkipWithError(
        ("../shared/validation/decide-exchange/" + std::string(file) + " is absent").c_str());
    return;
  }
  const entente::Scenario s = entente::LoadScenario(path).ValueOrThrow();
  entente::ModelOptions o;
  o.Set("preset", "decide");
  std::size_t exchanges = 0;
  for (auto _ : state) {
    const entente::Forecast f = entente::RunForecast(s, "exchange", o);
    exchanges = f.exchanges.size();
    benchmark::DoNotOptimize(f);
  }
  state.counters["exchanges"] = static_cast<double>(exchanges);
}

void BM_ExchangeCop21(benchmark::State& state) {
  DecideCase(state, "cop21.csv");
}
BENCHMARK(BM_ExchangeCop21)->Unit(benchmark::kMillisecond);

void BM_ExchangeDecideSampleData(benchmark::State& state) {
  DecideCase(state, "sample_data.txt");
}
BENCHMARK(BM_ExchangeDecideSampleData)->Unit(benchmark::kMillisecond);

void BM_ExchangeDecideCopenhagen(benchmark::State& state) {
  DecideCase(state, "copenhagen.csv");
}
BENCHMARK(BM_ExchangeDecideCopenhagen)->Unit(benchmark::kMillisecond);

void BM_ExchangeSynthetic(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Synthetic(static_cast<int>(state.range(0)), 13);
  std::size_t exchanges = 0;
  for (auto _ : state) {
    const entente::Forecast f = entente::ExchangeModel(s, {});
    exchanges = f.exchanges.size();
    benchmark::DoNotOptimize(f);
  }
  state.counters["exchanges"] = static_cast<double>(exchanges);
}
BENCHMARK(BM_ExchangeSynthetic)->Arg(15)->Arg(30)->Arg(60)->Unit(benchmark::kMillisecond);

}  // namespace
