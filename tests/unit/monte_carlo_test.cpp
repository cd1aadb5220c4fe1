#include "entente/analysis/monte_carlo.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/simulation_output.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

Scenario Flagship() {
  return LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
}

std::string JsonFor(const Scenario& s, SimulationOptions o, int threads) {
  o.threads = threads;
  return SimulationJson(s, Simulate(s, o)).dump();
}

TEST(MonteCarlo, SameSeedSameBytesWhateverTheThreadCount) {
  const Scenario s = Flagship();
  SimulationOptions o;
  o.model = "median";
  o.draws = 20000;
  o.seed = 7;
  o.noise_percent = 10;
  o.sensitivity = true;
  o.thresholds = {{"sanctions_relief", 30}};
  const std::string one = JsonFor(s, o, 1);
  EXPECT_EQ(one, JsonFor(s, o, 2));
  EXPECT_EQ(one, JsonFor(s, o, 3));
  o.seed = 8;
  EXPECT_NE(one, JsonFor(s, o, 2)) << "a different seed must give different draws";
}

TEST(MonteCarlo, ZeroNoiseGivesThePointForecastExactly) {
  const Scenario s = Flagship();
  for (const char* model : {"compromise", "median"}) {
    SimulationOptions o;
    o.model = model;
    o.draws = 1000;
    o.noise_percent = 0;
    const SimulationResult r = Simulate(s, o);
    const Forecast point = RunForecast(s, model, {});
    ASSERT_EQ(r.uncertain_inputs, 0u);
    ASSERT_EQ(r.warnings.size(), 1u) << "10,000 identical draws deserve a warning";
    EXPECT_NE(r.warnings[0].find("no input is uncertain"), std::string::npos);
    for (std::size_t k = 0; k < s.issues.size(); ++k) {
      const IssueDistribution& d = r.issues[k];
      EXPECT_EQ(d.mean, point.issues[k].outcome) << model << " " << d.issue_id;
      EXPECT_EQ(d.p05, point.issues[k].outcome);
      EXPECT_EQ(d.p50, point.issues[k].outcome);
      EXPECT_EQ(d.p95, point.issues[k].outcome);
      EXPECT_EQ(d.sd, 0.0);
    }
  }
}

// Compromise with one uncertain position X_j: Y = (sum_{i != j} w_i x_i + w_j X_j) / W, so
// E[Y] = point forecast and Var(Y) = (w_j / W)^2 Var(X_j). Fixed seed: the test cannot flake;
// the bounds (5 standard errors for the mean, 2% for the sd) hold for this seed and would
// catch a biased sampler or a wrong weight.
TEST(MonteCarlo, CompromiseWithOneUniformPositionMatchesClosedForm) {
  Scenario s = test::OneIssue({20, 60, 90}, {1, 0.5, 1}, {10, 20, 10});  // W = 30
  s.issues[0].stances[1].position_spread = Spread::Uniform(40, 80);      // midpoint 60
  SimulationOptions o;
  o.model = "compromise";
  o.draws = 200000;
  o.seed = 2026;
  o.noise_percent = 0;  // only the stated spreads
  const SimulationResult r = Simulate(s, o);
  const double share = 10.0 / 30.0;
  const double expected_sd = share * 40 / std::sqrt(12.0);
  const IssueDistribution& d = r.issues[0];
  EXPECT_DOUBLE_EQ(d.point, (200 + 600 + 900) / 30.0);
  EXPECT_NEAR(d.mean, d.point, 5 * expected_sd / std::sqrt(200000.0));
  EXPECT_NEAR(d.sd / expected_sd, 1.0, 0.02);
  // Y is uniform on point +- share * 20: its quantiles are linear.
  EXPECT_NEAR(d.p05, d.point + share * (-20 + 0.05 * 40), 0.1);
  EXPECT_NEAR(d.p95, d.point + share * (-20 + 0.95 * 40), 0.1);
  EXPECT_DOUBLE_EQ(d.min >= d.point - share * 20 ? 1 : 0, 1);
}

TEST(MonteCarlo, CompromiseWithOneNormalPositionMatchesClosedForm) {
  Scenario s = test::OneIssue({20, 50, 90}, {1, 0.5, 1}, {10, 20, 10});
  s.issues[0].stances[1].position_spread = Spread::Normal(5);  // clipping at 0/100 is 10 sd away
  SimulationOptions o;
  o.model = "compromise";
  o.draws = 200000;
  o.seed = 99;
  o.noise_percent = 0;  // only the stated spreads
  const IssueDistribution d = Simulate(s, o).issues[0];
  const double expected_sd = (10.0 / 30.0) * 5;
  EXPECT_NEAR(d.mean, d.point, 5 * expected_sd / std::sqrt(200000.0));
  EXPECT_NEAR(d.sd / expected_sd, 1.0, 0.02);
  EXPECT_NEAR(d.p50, d.point, 0.05);
  EXPECT_NEAR((d.p95 - d.p05) / (2 * 1.6448536 * expected_sd), 1.0, 0.02);
}

TEST(MonteCarlo, FirstOrderIndicesSplitTheVariance) {
  // Two independent uniform positions with weights 1 and 2 (equal widths): variance shares
  // 1/5 and 4/5; the indices must find that within 0.02.
  Scenario s = test::OneIssue({30, 70}, {1, 1}, {1, 2});
  s.issues[0].stances[0].position_spread = Spread::Uniform(20, 40);
  s.issues[0].stances[1].position_spread = Spread::Uniform(60, 80);
  SimulationOptions o;
  o.model = "compromise";
  o.draws = 100000;
  o.sensitivity = true;
  o.noise_percent = 0;  // only the stated spreads
  const SimulationResult r = Simulate(s, o);
  ASSERT_EQ(r.sensitivity.size(), 1u);
  const auto& effects = r.sensitivity[0].effects;
  ASSERT_EQ(effects.size(), 2u);
  EXPECT_EQ(effects[0].actor, "a1");  // the larger swing first
  EXPECT_NEAR(effects[0].first_order, 0.8, 0.02);
  EXPECT_NEAR(effects[1].first_order, 0.2, 0.02);
  // Tornado: a1 at its 5% point (61) and 95% point (79), a0 at 30: (30 + 2x) / 3.
  EXPECT_DOUBLE_EQ(effects[0].outcome_low, (30 + 2 * 61.0) / 3);
  EXPECT_DOUBLE_EQ(effects[0].outcome_high, (30 + 2 * 79.0) / 3);
}

TEST(MonteCarlo, VetoSharesStatusQuoAndThresholdsAreCounted) {
  // Veto players straddle the status quo half the time: a0 at 40 +- 20, a1 at 80, q = 50.
  Scenario s = test::OneIssue({40, 80}, {1, 1}, {1, 1});
  s.issues[0].status_quo = 50;
  s.issues[0].rule = DecisionRule{DecisionKind::kUnanimity, {"a0", "a1"}};
  s.issues[0].stances[0].position_spread = Spread::Uniform(20, 60);
  SimulationOptions o;
  o.model = "compromise";
  o.draws = 40000;
  o.thresholds = {{"issue", 50}};
  o.noise_percent = 0;  // only the stated spreads
  const IssueDistribution d = Simulate(s, o).issues[0];
  // a0 < 50 (prob 3/4): empty win-set, the status quo holds and a0 binds. a0 > 50: the
  // win-set ends at 2 a0 - 50 < (a0 + 80) / 2, so a0 binds again; a1 never does.
  ASSERT_TRUE(d.p_status_quo.has_value());
  EXPECT_NEAR(*d.p_status_quo, 0.75, 0.01);
  EXPECT_EQ(d.vetoes[0].share, 1.0);
  EXPECT_EQ(d.vetoes[1].share, 0.0);
  EXPECT_NEAR(d.thresholds[0].p_ge, 1.0, 1e-12);  // never below q: vetoes block it
}

TEST(MonteCarlo, CancelStopsEarlyAndReportsWhatWasDone) {
  const Scenario s = Flagship();
  std::atomic<bool> cancel{false};
  SimulationOptions o;
  o.model = "compromise";
  o.draws = 2000000;
  o.noise_percent = 10;
  o.cancel = &cancel;
  o.progress = [&cancel](std::int64_t done, std::int64_t) {
    if (done > 0) cancel = true;
  };
  const SimulationResult r = Simulate(s, o);
  EXPECT_TRUE(r.interrupted);
  EXPECT_LT(r.draws_done, o.draws);
  EXPECT_GT(r.draws_done, 0);
}

TEST(MonteCarlo, KeptOutcomesAreTheDrawsBehindTheSummary) {
  const Scenario s = Flagship();
  SimulationOptions o;
  o.model = "median";
  o.draws = 3000;
  o.seed = 5;
  o.noise_percent = 10;
  o.keep_outcomes = true;
  o.threads = 1;
  const SimulationResult one = Simulate(s, o);
  o.threads = 3;
  const SimulationResult three = Simulate(s, o);
  const std::size_t n = s.issues.size();
  ASSERT_EQ(one.outcomes.size(), 3000 * n);
  EXPECT_EQ(one.outcomes, three.outcomes) << "draw d must land in row d whatever the threads";
  for (std::size_t k = 0; k < n; ++k) {
    double sum = 0;
    double lo = one.outcomes[k];
    for (std::int64_t d = 0; d < o.draws; ++d) {
      const double y = one.outcomes[static_cast<std::size_t>(d) * n + k];
      sum += y;
      lo = std::min(lo, y);
    }
    EXPECT_NEAR(sum / 3000, one.issues[k].mean, 1e-6) << s.issues[k].id;
    EXPECT_EQ(lo, one.issues[k].min) << s.issues[k].id;
  }
  o.keep_outcomes = false;
  EXPECT_TRUE(Simulate(s, o).outcomes.empty());
}

TEST(MonteCarlo, BadRequestsAreInputErrors) {
  const Scenario s = Flagship();
  SimulationOptions o;
  o.thresholds = {{"no_such_issue", 1}};
  EXPECT_THROW((void)Simulate(s, o), InputError);
  o.thresholds = {{"opcon_transfer", 500}};
  EXPECT_THROW((void)Simulate(s, o), InputError);
  o.thresholds.clear();
  o.draws = 0;
  EXPECT_THROW((void)Simulate(s, o), InputError);
  o.draws = 10;
  o.noise_percent = -1;
  EXPECT_THROW((void)Simulate(s, o), InputError);
}

TEST(monte_carlo, the_default_noise_makes_every_input_uncertain) {
  SimulationOptions o;
  o.draws = 10;
  const SimulationResult r = Simulate(Flagship(), o);
  EXPECT_EQ(r.noise_percent, defaults::kNoisePercent);
  EXPECT_EQ(r.uncertain_inputs, 192u);  // 64 stances x 3 numbers
  EXPECT_TRUE(r.warnings.empty());
}

TEST(MonteCarlo, SpreadsSampleTheirDistributions) {
  // Triangular(0, 30, 90): mean (0 + 30 + 90) / 3 = 40.
  Rng rng = DrawRng(5, 0);
  double sum = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) sum += SampleSpread(rng, Spread::Triangular(0, 90), 30, 0, 100);
  EXPECT_NEAR(sum / n, 40, 0.2);
  EXPECT_NEAR(
      SpreadQuantile(Spread::Triangular(0, 90), 30, SpreadCdf(Spread::Triangular(0, 90), 30, 70)),
      70, 1e-9);
  EXPECT_NEAR(SpreadQuantile(Spread::Normal(2), 10, 0.95), 10 + 2 * 1.6448536, 1e-6);
}

}  // namespace
}  // namespace entente
