// `entente serve`: one dashboard re-forecast of the flagship, end to end inside the server
// (parse the JSON body, read and validate the scenario, run the models, cohesion, write the
// JSON answer), without the HTTP hop. The target is < 100 ms for compromise + eu.
#include <benchmark/benchmark.h>

#include "api.hpp"
#include "bench_support.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "error_json.hpp"

namespace {

std::string Body(const std::vector<std::string>& models) {
  nlohmann::json body{{"scenario", nlohmann::json::parse(
                                       entente::ScenarioToJson(entente::bench::Flagship()).dump())},
                      {"models", models},
                      {"events", false}};
  return body.dump();
}

void Reforecast(benchmark::State& state, const std::vector<std::string>& models) {
  const entente::server::Api api{entente::server::ApiConfig{}};
  const std::string body = Body(models);
  for (auto _ : state) {
    const entente::server::ApiResponse r = api.PostForecast(body);
    if (r.status != 200) state.SkipWithError(r.body.c_str());
    benchmark::DoNotOptimize(r.body.data());
  }
  state.SetLabel(std::to_string(body.size()) + " B request");
}

void BM_ServeReforecastCompromiseEu(benchmark::State& state) {
  Reforecast(state, {"compromise", "eu"});
}
BENCHMARK(BM_ServeReforecastCompromiseEu)->Unit(benchmark::kMillisecond);

void BM_ServeReforecastCompromise(benchmark::State& state) {
  Reforecast(state, {"compromise"});
}
BENCHMARK(BM_ServeReforecastCompromise)->Unit(benchmark::kMillisecond);

// The request body alone: JSON parse, scenario conversion and validation.
void BM_ServeValidate(benchmark::State& state) {
  const entente::server::Api api{entente::server::ApiConfig{}};
  const std::string body = Body({"compromise"});
  for (auto _ : state) benchmark::DoNotOptimize(api.PostValidate(body).status);
}
BENCHMARK(BM_ServeValidate)->Unit(benchmark::kMillisecond);

}  // namespace
