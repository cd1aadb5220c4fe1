// How much the expected utility model's forecast depends on when its rounds stop: runs eu on
// the point inputs and on Monte Carlo draws of a scenario under several stopping rules and
// compares each issue's forecast with a long reference run (stop=converge, 1,000 rounds).
// The numbers behind the default stop=forecast, patience=10 (docs/models/expected-utility.md).
//   eu_stopping SCENARIO [DRAWS=30] [SEED=1] [NOISE_PERCENT=10]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "entente/analysis/sampler.hpp"
#include "entente/core/draw_stream.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"

namespace {

struct Rule {
  const char* name;
  std::vector<std::pair<std::string, std::string>> options;
  long rounds = 0, changed = 0, big = 0;
  double sum = 0, worst = 0;
};

entente::Forecast Run(const entente::Scenario& s,
                      const std::vector<std::pair<std::string, std::string>>& kv) {
  entente::ModelOptions o;
  for (const auto& [k, v] : kv) o.Set(k, v);
  return entente::RunForecast(s, "eu", o);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: eu_stopping SCENARIO [DRAWS] [SEED] [NOISE_PERCENT]\n");
    return 2;
  }
  const auto loaded = entente::LoadScenario(argv[1]);
  if (!loaded) {
    std::fprintf(stderr, "eu_stopping: cannot read %s\n", argv[1]);
    return 2;
  }
  const entente::Scenario& base = loaded.value();
  const int draws = argc > 2 ? std::atoi(argv[2]) : 30;
  const auto seed = static_cast<std::uint64_t>(argc > 3 ? std::atoll(argv[3]) : 1);
  const double noise = argc > 4 ? std::atof(argv[4]) / 100 : 0.10;
  const std::vector<std::pair<std::string, std::string>> reference = {{"stop", "converge"},
                                                                      {"rounds", "1000"}};
  std::vector<Rule> rules = {
      {"converge, 100 rounds (before)", {{"stop", "converge"}}},
      {"converge, 200 rounds", {{"stop", "converge"}, {"rounds", "200"}}},
      {"forecast, patience 5", {{"patience", "5"}}},
      {"forecast, patience 10 (default)", {}},
      {"forecast, patience 20", {{"patience", "20"}}},
  };
  const entente::Sampler sampler(base, entente::Noise{noise});
  std::vector<double> flat = sampler.Flatten(), values;
  std::vector<std::uint8_t> fell_back;
  long runs = 0, reference_rounds = 0;
  for (int d = 0; d <= draws; ++d) {  // d = 0: the point inputs
    entente::Scenario work = base;
    if (d > 0) {
      entente::DrawStream rng(seed, static_cast<std::uint64_t>(d));
      sampler.Draw(rng, flat, values, fell_back);
      sampler.WriteBack(flat, work);
    }
    const entente::Forecast ref = Run(work, reference);
    for (const entente::IssueForecast& i : ref.issues) reference_rounds += i.rounds.size() - 1;
    runs += static_cast<long>(ref.issues.size());
    for (Rule& rule : rules) {
      const entente::Forecast f = Run(work, rule.options);
      for (std::size_t k = 0; k < f.issues.size(); ++k) {
        rule.rounds += static_cast<long>(f.issues[k].rounds.size()) - 1;
        const double diff = std::abs(f.issues[k].unconstrained - ref.issues[k].unconstrained) /
                            work.issues[k].scale.Range();
        rule.changed += diff > 1e-9;
        rule.big += diff > 0.01;
        rule.sum += diff;
        rule.worst = std::max(rule.worst, diff);
      }
    }
  }
  std::printf("%s: point inputs and %d draws at %.0f%% noise, seed %llu: %ld issue runs\n", argv[1],
              draws, noise * 100, static_cast<unsigned long long>(seed), runs);
  std::printf("reference: stop=converge, 1,000 rounds (%ld rounds in all)\n\n", reference_rounds);
  std::printf("%-32s %10s %16s %14s %12s %10s\n", "rule", "rounds", "differ", "by > 1% range",
              "mean |diff|", "largest");
  for (const Rule& r : rules) {
    std::printf("%-32s %10ld %8ld (%4.1f%%) %14ld %11.4f%% %9.1f%%\n", r.name, r.rounds, r.changed,
                100.0 * static_cast<double>(r.changed) / static_cast<double>(runs), r.big,
                100 * r.sum / static_cast<double>(runs), 100 * r.worst);
  }
  return 0;
}
