// `entente calibrate` on DEU I (171 issues of 69 proposals) with every model, 5-fold grouped
// cross-validation with nested 5-fold choices (target: up to 100 option sets in under 60 s on
// the 2-core machine). Needs ../shared; skipped when it is absent.
#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>

#include "entente/analysis/calibrate.hpp"
#include "entente/formats/scenario_io.hpp"

namespace {

const std::string kDeu =
    std::string(ENTENTE_SHARED_DIR) + "/validation/deu-i/deu_proposals_1996_2001.tsv";

// `sets` option sets in all: the eu grid q x offer_choice x mu x aggregate (up to 3 x 3 x 2 x 2
// = 36), ktab-smp victory x voting (up to 5 x 6 = 30), exchange arithmetic x tie, the rest
// default: 1 + 1 + 36 + 4 + 30 + ... trimmed to the first `sets`.
entente::CalibrationSettings Settings(int eu_sets) {
  entente::CalibrationSettings s;
  s.models = {"compromise", "median", "eu", "exchange", "ktab-smp"};
  s.features = {"status_quo", "setter", "mean"};
  s.setter = "com";
  if (eu_sets >= 2) s.grid["eu"]["q"] = {"1", "0.5"};
  if (eu_sets >= 6) s.grid["eu"]["offer_choice"] = {"least_move", "highest_eu", "by_type"};
  if (eu_sets >= 12) s.grid["eu"]["mu"] = {"median", "mean"};
  if (eu_sets >= 24) s.grid["eu"]["aggregate"] = {"median", "mean"};
  if (eu_sets >= 48) s.grid["eu"]["votes"] = {"linear", "risk"};
  if (eu_sets >= 96) s.grid["eu"]["view"] = {"own", "actual"};
  return s;
}

void BM_CalibrateDeu(benchmark::State& state) {
  if (!std::filesystem::exists(kDeu)) {
    state.SkipWithError("../shared/validation/deu-i is absent");
    return;
  }
  const entente::ScenarioDocument doc = entente::LoadDocument(kDeu).ValueOrThrow();
  const std::vector<entente::TrainingInput> in = {{"deu", "-", &doc}};
  const entente::CalibrationSettings s = Settings(static_cast<int>(state.range(0)));
  int columns = 0;
  for (auto _ : state) {
    const entente::CalibrationRecord r = entente::Calibrate(in, s, "bench");
    benchmark::DoNotOptimize(r.scores.size());
  }
  columns = static_cast<int>(entente::CalibrationColumns(s).size());
  state.counters["option_sets"] = columns - 3;  // model columns (features excluded)
}
BENCHMARK(BM_CalibrateDeu)
    ->Arg(1)
    ->Arg(12)
    ->Arg(96)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

}  // namespace
