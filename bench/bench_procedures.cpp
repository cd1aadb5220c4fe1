// Decision procedures: the win-set of a pre-Nice Council (15 members, QMV) with a Parliament
// chamber, per evaluation, and the procedural model on the flagship.
#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "entente/core/rule_presets.hpp"
#include "entente/models/decision_rule.hpp"
#include "entente/models/registry.hpp"

namespace {

entente::Scenario Codecision() {
  entente::Scenario s;
  entente::Issue issue;
  issue.id = "cod";
  issue.scale = entente::Scale{0, 100, "", {}};
  issue.status_quo = 0;
  issue.rule = entente::RuleForDeuProcedure("COD", "QMV", "pre_nice").value();
  const char* ids[] = {"com", "ep", "de", "fr", "it", "uk", "es", "be", "el",
                       "nl",  "pt", "at", "se", "dk", "fi", "ie", "lu"};
  double x = 7;
  for (const char* id : ids) {
    s.actors.push_back(entente::Actor{id, id, "", {}});
    x = x * 37 + 11;
    x -= 100 * static_cast<int>(x / 100);
    issue.stances.push_back(entente::Stance{id, x, 1, 1, entente::Basis::kUnstated, "", {}});
  }
  s.issues.push_back(std::move(issue));
  return s;
}

void BM_ApplyRuleCodecision(benchmark::State& state) {
  const entente::Scenario s = Codecision();
  const entente::Issue& issue = s.issues[0];
  const entente::RuleLayout layout = entente::LayoutRule(s.actors, issue);
  std::vector<double> x;
  std::vector<double> c;
  for (const entente::Stance& st : issue.stances) {
    x.push_back(st.position);
    c.push_back(st.capability);
  }
  for (auto _ : state) benchmark::DoNotOptimize(entente::ApplyRule(layout, 55, 0, x, c));
}
BENCHMARK(BM_ApplyRuleCodecision)->Unit(benchmark::kMicrosecond);

void BM_FlagshipProcedural(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Flagship();
  for (auto _ : state) benchmark::DoNotOptimize(entente::RunForecast(s, "procedural", {}));
}
BENCHMARK(BM_FlagshipProcedural)->Unit(benchmark::kMicrosecond);

}  // namespace
