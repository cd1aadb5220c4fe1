// Several coders per stance: reading, writing, validating, pooling by hand-computed values and
// Monte Carlo mixtures reproducible at any thread count.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "entente/analysis/monte_carlo.hpp"
#include "entente/analysis/run_parameters.hpp"
#include "entente/core/coding.hpp"
#include "entente/core/validation.hpp"
#include "entente/formats/csv_bundle.hpp"
#include "entente/formats/yaml_scenario.hpp"

namespace entente {
namespace {

// Two issues, three actors; on `deal` A is coded by ann, bob and cy, B by ann and bob; C is
// coded once without a coder. `tax` has no coders at all.
constexpr const char* kYaml = R"(entente: 1
title: coded
actors:
  - {id: A, name: A}
  - {id: B, name: B}
  - {id: C, name: C}
issues:
  - id: deal
    name: Deal
    scale: {min: 0, max: 100}
    status_quo: 50
    decision_rule: none
    stances:
      - {actor: A, coder: ann, position: 10, salience: 0.2, capability: 10, basis: judgement, note: ann says}
      - {actor: B, coder: ann, position: 80, salience: 0.5, capability: 30}
      - {actor: A, coder: bob, position: 40, salience: 0.8, capability: 10, basis: judgement, note: bob says}
      - {actor: C, position: 60, salience: 1, capability: 20}
      - {actor: B, coder: bob, position: 90, salience: 0.5, capability: 50}
      - {actor: A, coder: cy, position: 100, salience: 0.5, capability: 10, basis: judgement}
  - id: tax
    name: Tax
    scale: {min: 0, max: 10}
    stances:
      - {actor: A, position: 2, salience: 0.5, capability: 1}
      - {actor: B, position: 8, salience: 0.5, capability: 1}
)";

Scenario Coded() {
  Result<Scenario> s = ParseYamlScenario(kYaml, "coded.yaml");
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : FormatErrors(s.errors()));
  return std::move(s).value();
}

TEST(Pooling, MeanMedianTrimmedByHand) {
  const std::vector<double> v = {10, 40, 100};
  EXPECT_DOUBLE_EQ(PoolValues(v, PoolRule::kMean), 50);
  EXPECT_DOUBLE_EQ(PoolValues(v, PoolRule::kMedian), 40);
  // Trimmed at 1/4 per end, n = 3: the extremes keep weight 1/3 - 1/4 = 1/12 each, the middle
  // 1/3: (10/12 + 40/3 + 100/12) / (1/2) = 10/6 + 80/3 + 100/6 = 45.
  EXPECT_DOUBLE_EQ(PoolValues(v, PoolRule::kTrimmed), 45);
  // n = 4: the two middle values only; n = 2: the mean; n = 1: the value.
  EXPECT_DOUBLE_EQ(PoolValues({1, 2, 4, 100}, PoolRule::kTrimmed), 3);
  EXPECT_DOUBLE_EQ(PoolValues({1, 2, 4, 100}, PoolRule::kMedian), 3);
  EXPECT_DOUBLE_EQ(PoolValues({2, 8}, PoolRule::kTrimmed), 5);
  EXPECT_DOUBLE_EQ(PoolValues({7}, PoolRule::kTrimmed), 7);
  // n = 5: weights 0, 1/5 - (1/4 - 1/5)... : [0, .15, .2, .15, 0] -> (0.15*2 + 0.2*3 + 0.15*4)/0.5
  EXPECT_DOUBLE_EQ(PoolValues({1, 2, 3, 4, 50}, PoolRule::kTrimmed), 3);
  // Weighted (performance): (1*10 + 3*40 + 0*100) / 4 = 32.5; all weights 0 fall back to the mean.
  EXPECT_DOUBLE_EQ(PoolValues(v, PoolRule::kPerformance, {1, 3, 0}), 32.5);
  EXPECT_DOUBLE_EQ(PoolValues(v, PoolRule::kPerformance, {0, 0, 0}), 50);
  // Mixtures pool by the mean for point forecasts.
  EXPECT_DOUBLE_EQ(PoolValues(v, PoolRule::kMixture), 50);
}

TEST(Pooling, PoolRuleNamesRoundTrip) {
  for (PoolRule r : {PoolRule::kMean, PoolRule::kMedian, PoolRule::kTrimmed, PoolRule::kMixture,
                     PoolRule::kMixtureCoder, PoolRule::kPerformance}) {
    EXPECT_EQ(ParsePoolRule(PoolRuleName(r)), r);
  }
  EXPECT_FALSE(ParsePoolRule("average").has_value());
}

TEST(Codings, ReaderPoolsByTheMeanInInputOrder) {
  const Scenario s = Coded();
  ASSERT_EQ(s.codings.size(), 5u);
  EXPECT_EQ(Coders(s), (std::vector<std::string>{"ann", "bob", "cy"}));
  const Issue& deal = s.issues[0];
  ASSERT_EQ(deal.stances.size(), 3u);
  EXPECT_EQ(deal.stances[0].actor, "A");
  EXPECT_EQ(deal.stances[1].actor, "B");
  EXPECT_EQ(deal.stances[2].actor, "C");
  EXPECT_DOUBLE_EQ(deal.stances[0].position, 50);
  EXPECT_DOUBLE_EQ(deal.stances[0].salience, 0.5);
  EXPECT_DOUBLE_EQ(deal.stances[1].position, 85);
  EXPECT_DOUBLE_EQ(deal.stances[1].capability, 40);
  EXPECT_EQ(deal.stances[0].basis, Basis::kJudgement);  // all coders say judgement
  EXPECT_EQ(deal.stances[0].note, "");                  // notes differ
  EXPECT_EQ(deal.stances[0].origin.line, 14);           // where its first coding is
  EXPECT_TRUE(Validate(s).empty()) << FormatErrors(Validate(s));
}

TEST(Codings, MedianAndTrimmedPoolEveryField) {
  Scenario s = Coded();
  PoolCodings(s, PoolRule::kMedian);
  EXPECT_DOUBLE_EQ(s.issues[0].stances[0].position, 40);
  EXPECT_DOUBLE_EQ(s.issues[0].stances[0].salience, 0.5);
  EXPECT_DOUBLE_EQ(s.issues[0].stances[1].capability, 40);
  EXPECT_DOUBLE_EQ(s.issues[0].stances[2].position, 60);  // not coded: unchanged
  PoolCodings(s, PoolRule::kTrimmed);
  EXPECT_DOUBLE_EQ(s.issues[0].stances[0].position, 45);
  // saliences 0.2, 0.5, 0.8: (0.2/12 + 0.5/3 + 0.8/12) * 2 = 0.5
  EXPECT_NEAR(s.issues[0].stances[0].salience, 0.5, 1e-15);
}

TEST(Codings, CoderScenarioTakesTheCodersOwnNumbers) {
  const Scenario s = Coded();
  const Scenario cy = CoderScenario(s, "cy");
  EXPECT_TRUE(cy.codings.empty());
  EXPECT_DOUBLE_EQ(cy.issues[0].stances[0].position, 100);  // cy's
  EXPECT_DOUBLE_EQ(cy.issues[0].stances[1].position, 85);   // cy skipped B: the pool
  EXPECT_DOUBLE_EQ(CoderScenario(s, "ann").issues[0].stances[1].position, 80);
}

TEST(Codings, YamlAndBundleRoundTripLosslessly) {
  const Scenario s = Coded();
  const std::string yaml = WriteYamlScenario(s);
  const Result<Scenario> back = ParseYamlScenario(yaml, "back.yaml");
  ASSERT_TRUE(back.ok()) << FormatErrors(back.errors());
  EXPECT_EQ(back.value(), s);
  EXPECT_EQ(WriteYamlScenario(back.value()), yaml);
  const Result<FileSet> files = WriteCsvBundle(s);
  ASSERT_TRUE(files.ok());
  EXPECT_NE(files.value().at("stances.csv").find("issue,actor,coder,position"), std::string::npos);
  const Result<Scenario> bundle = ParseCsvBundle(files.value(), "b");
  ASSERT_TRUE(bundle.ok()) << FormatErrors(bundle.errors());
  EXPECT_EQ(bundle.value(), s);
  EXPECT_EQ(WriteYamlScenario(bundle.value()), yaml);
}

TEST(Codings, SeedsRoundTripAndValidate) {
  Scenario s = Coded();
  s.seeds = {SeedAnswer{"ann", "s1", 1, 2, 3, 2.5, {}},
             SeedAnswer{"bob", "s1", 0.5, 2, 4, 2.5, {}}};
  const std::string yaml = WriteYamlScenario(s);
  EXPECT_NE(yaml.find("seeds:\n  - {coder: ann, question: s1, q05: 1, q50: 2, q95: 3, "
                      "realization: 2.5}"),
            std::string::npos)
      << yaml;
  const Result<Scenario> back = ParseYamlScenario(yaml, "back.yaml");
  ASSERT_TRUE(back.ok()) << FormatErrors(back.errors());
  EXPECT_EQ(back.value(), s);
  const Result<FileSet> files = WriteCsvBundle(s);
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(files.value().at("seeds.csv"),
            "coder,question,q05,q50,q95,realization\nann,s1,1,2,3,2.5\nbob,s1,0.5,2,4,2.5\n");
  const Result<Scenario> bundle = ParseCsvBundle(files.value(), "b");
  ASSERT_TRUE(bundle.ok()) << FormatErrors(bundle.errors());
  EXPECT_EQ(bundle.value(), s);
  s.seeds[1].realization = 3;
  const Errors errors = Validate(s);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message,
            "coder 'bob', seed question 's1': realization 3 differs from 2.5 given with another "
            "answer");
}

TEST(Codings, UncodedScenarioWritesNoCoderColumn) {
  Scenario s = Coded();
  s.codings.clear();
  const Result<FileSet> files = WriteCsvBundle(s);
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(files.value().at("stances.csv").find("coder"), std::string::npos);
  EXPECT_EQ(WriteYamlScenario(s).find("coder"), std::string::npos);
}

TEST(Codings, ValidationNamesCoderActorAndIssue) {
  std::string yaml = kYaml;
  yaml.replace(yaml.find("salience: 0.8"), 13, "salience: 1.8");
  Result<Scenario> s = ParseYamlScenario(yaml, "bad.yaml");
  ASSERT_TRUE(s.ok());
  const Errors errors = Validate(s.value());
  ASSERT_EQ(errors.size(), 1u) << FormatErrors(errors);
  EXPECT_EQ(errors[0].where.line, 16);
  EXPECT_EQ(errors[0].where.field, "salience");
  EXPECT_EQ(errors[0].message,
            "coder 'bob', actor 'A' on issue 'deal': salience 1.8 is outside [0, 1]");
}

TEST(Codings, ValidationFindsTwiceCodedAndMixedRows) {
  std::string yaml = kYaml;
  yaml.replace(yaml.find("coder: cy"), 9, "coder: ann");
  yaml.replace(yaml.find("{actor: C, position"), 19, "{actor: A, position");
  Result<Scenario> s = ParseYamlScenario(yaml, "bad.yaml");
  ASSERT_TRUE(s.ok());
  const std::string text = FormatErrors(Validate(s.value()));
  EXPECT_NE(text.find("coder 'ann', actor 'A' on issue 'deal': coded twice"), std::string::npos)
      << text;
  EXPECT_NE(text.find("actor 'A' on issue 'deal' has a stance without a coder beside coded ones"),
            std::string::npos)
      << text;
}

TEST(Codings, BundleReadsTheCoderColumn) {
  FileSet files;
  files["actors.csv"] = "actor,name\nA,A\nB,B\n";
  files["issues.csv"] = "issue,name,scale_min,scale_max\ni,I,0,10\n";
  files["stances.csv"] =
      "issue,actor,position,salience,capability,coder\n"
      "i,A,2,1,1,x\ni,A,4,1,1,y\ni,B,8,1,1,\n";
  const Result<Scenario> s = ParseCsvBundle(files, "f");
  ASSERT_TRUE(s.ok()) << FormatErrors(s.errors());
  EXPECT_EQ(s.value().codings.size(), 2u);
  EXPECT_DOUBLE_EQ(s.value().issues[0].stances[0].position, 3);
  EXPECT_EQ(s.value().issues[0].stances[0].origin.line, 2);
  EXPECT_EQ(s.value().codings[1].stance.origin.file, "f/stances.csv");
  EXPECT_EQ(s.value().codings[1].stance.origin.line, 3);
}

TEST(Codings, EditedScenarioPoolsBeforeEdits) {
  RunParameters p;
  p.pool = PoolRule::kMedian;
  const Scenario s = EditedScenario(Coded(), p);
  EXPECT_DOUBLE_EQ(s.issues[0].stances[0].position, 40);
  EXPECT_EQ(s.codings.size(), 5u);  // kept for mixtures
  EXPECT_EQ(p.ToJson(RunKind::kForecast)["pool"], "median");
  EXPECT_FALSE(RunParameters{}.ToJson(RunKind::kForecast).contains("pool"));
  const RunParameters q =
      RunParameters::FromJson(nlohmann::json{{"pool", "trimmed"}}, RunKind::kSimulate, "body");
  EXPECT_EQ(q.pool, PoolRule::kTrimmed);
  EXPECT_THROW(
      (void)RunParameters::FromJson(nlohmann::json{{"pool", "avg"}}, RunKind::kSimulate, "body"),
      InputError);
}

SimulationResult Mix(const Scenario& s, PoolRule pool, int threads, double noise = 0) {
  SimulationOptions o;
  o.model = "compromise";
  o.draws = 3000;
  o.seed = 7;
  o.threads = threads;
  o.noise_percent = noise;
  o.pool = pool;
  o.keep_outcomes = true;
  return Simulate(s, o);
}

TEST(CoderMixture, SameDrawsAtOneAndFourThreads) {
  const Scenario s = Coded();
  for (PoolRule pool : {PoolRule::kMixture, PoolRule::kMixtureCoder}) {
    for (double noise : {0.0, 10.0}) {
      const SimulationResult one = Mix(s, pool, 1, noise);
      const SimulationResult four = Mix(s, pool, 4, noise);
      EXPECT_EQ(one.outcomes, four.outcomes);
    }
  }
}

TEST(CoderMixture, DrawsOnlyTheCodersCombinations) {
  // Without noise, compromise on `deal` = sum(x w) / sum(w), w = salience x capability; the
  // outcome of each draw is one of the combinations of A's 3 and B's 2 codings.
  const Scenario s = Coded();
  std::vector<double> possible;
  for (const auto& a :
       std::vector<std::array<double, 3>>{{10, .2, 10}, {40, .8, 10}, {100, .5, 10}}) {
    for (const auto& b : std::vector<std::array<double, 3>>{{80, .5, 30}, {90, .5, 50}}) {
      const double wa = a[1] * a[2];
      const double wb = b[1] * b[2];
      possible.push_back((a[0] * wa + b[0] * wb + 60 * 20) / (wa + wb + 20));
    }
  }
  const SimulationResult r = Mix(s, PoolRule::kMixture, 2);
  ASSERT_EQ(r.outcomes.size(), 3000u * 2);
  std::vector<int> seen(possible.size(), 0);
  for (std::size_t d = 0; d < 3000; ++d) {
    const double y = r.outcomes[2 * d];
    bool found = false;
    for (std::size_t k = 0; k < possible.size(); ++k) {
      if (std::abs(y - possible[k]) < 1e-9) {
        ++seen[k];
        found = true;
      }
    }
    EXPECT_TRUE(found) << y;
    if (!found) break;
  }
  for (int n : seen) EXPECT_GT(n, 300);  // about 500 each
  // One coder per draw: ann's, bob's or cy's scenario (cy skipped B: B pooled at 85, 0.5, 40).
  const SimulationResult by_coder = Mix(s, PoolRule::kMixtureCoder, 2);
  const double cy = (100 * 5 + 85 * 20 + 60 * 20) / (5 + 20 + 20.0);
  bool cy_seen = false;
  for (std::size_t d = 0; d < 3000; ++d)
    cy_seen = cy_seen || std::abs(by_coder.outcomes[2 * d] - cy) < 1e-9;
  EXPECT_TRUE(cy_seen);
  // The mean pool draws nothing without noise: every draw is the point forecast.
  const SimulationResult mean = Mix(s, PoolRule::kMean, 2);
  EXPECT_DOUBLE_EQ(mean.outcomes[0], mean.outcomes[2 * 2999]);
}

}  // namespace
}  // namespace entente
