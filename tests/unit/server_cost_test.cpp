// Work and memory estimates of `entente serve` (cost.hpp), and the 422 they lead to.
// Regression (issue #16, item 8): 20,000 stances with eu were within the size limits, took
// 21.7 s, answered 351 MB and peaked at 4.6 GB.
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "api.hpp"
#include "cost.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente::server {
namespace {

// `actors` actors on each of `issues` issues (or on `per_issue` of them, in turn).
Scenario Grid(int actors, int issues, int per_issue = -1) {
  Scenario s;
  for (int a = 0; a < actors; ++a) {
    const std::string id = "a" + std::to_string(a);
    s.actors.push_back(Actor{id, id, "", {}});
  }
  for (int k = 0; k < issues; ++k) {
    Issue issue;
    issue.id = "i" + std::to_string(k);
    issue.name = issue.id;
    issue.scale = Scale{0, 100, "index", {}};
    const int n = per_issue < 0 ? actors : per_issue;
    for (int j = 0; j < n; ++j) {
      const int a = (k * n + j) % actors;
      issue.stances.push_back(Stance{"a" + std::to_string(a),
                                     static_cast<double>((a * 37 + k) % 101),
                                     0.5,
                                     0.5,
                                     Basis::kUnstated,
                                     "",
                                     {}});
    }
    s.issues.push_back(issue);
  }
  return s;
}

Scenario Flagship() {
  return LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
}

TEST(ServerCost, EuGrowsWithTheSquareOfTheActorsAndWithTheRounds) {
  const double base = ForecastCost(Grid(100, 2), "eu", {}, Keep::kOutcomes).work;
  EXPECT_DOUBLE_EQ(ForecastCost(Grid(200, 2), "eu", {}, Keep::kOutcomes).work, 4 * base);
  EXPECT_DOUBLE_EQ(ForecastCost(Grid(100, 4), "eu", {}, Keep::kOutcomes).work, 2 * base);
  ModelOptions ten;
  ten.Set("rounds", "10");
  EXPECT_DOUBLE_EQ(ForecastCost(Grid(100, 2), "eu", ten, Keep::kOutcomes).work, base / 10);
  ModelOptions risk;
  risk.Set("votes", "risk");
  EXPECT_DOUBLE_EQ(ForecastCost(Grid(100, 2), "eu", risk, Keep::kOutcomes).work, 100 * base);
}

TEST(ServerCost, ExchangeCountsItsCandidatesExactlyWhenEveryActorIsOnEveryIssue) {
  // m issues, A actors on each: every issue pair has A^2 / 4 candidates.
  const Cost c = ForecastCost(Grid(40, 5), "exchange", {}, Keep::kOutcomes);
  const double candidates = 5.0 * 4 / 2 * 40 * 40 / 4;
  EXPECT_NE(c.what.find(fmt::format("{:.0f} candidate exchanges", candidates)), std::string::npos)
      << c.what;
  // No actor on two issues: nothing to trade, whatever the size.
  EXPECT_EQ(ForecastCost(Grid(400, 400, 1), "exchange", {}, Keep::kOutcomes).work, 0);
}

TEST(ServerCost, KtabSmpGrowsWithTheCubeOfTheActors) {
  const double base = ForecastCost(Grid(50, 1), "ktab-smp", {}, Keep::kOutcomes).work;
  const double twice = ForecastCost(Grid(100, 1), "ktab-smp", {}, Keep::kOutcomes).work;
  EXPECT_NEAR(twice / base, 8, 0.2);
}

TEST(ServerCost, AnswersWithoutEventsOrTrailsNeedLessMemory) {
  const Scenario s = Grid(300, 3);
  const double events = ForecastCost(s, "eu", {}, Keep::kRoundsAndEvents).bytes;
  const double rounds = ForecastCost(s, "eu", {}, Keep::kRounds).bytes;
  const double outcomes = ForecastCost(s, "eu", {}, Keep::kOutcomes).bytes;
  EXPECT_GT(events, 2 * rounds);
  EXPECT_GT(rounds, outcomes);
}

TEST(ServerCost, UnknownModelsAndBadOptionsAreInputErrors) {
  EXPECT_THROW((void)ForecastCost(Grid(3, 1), "nash", {}, Keep::kOutcomes), InputError);
  ModelOptions bad;
  bad.Set("rounds", "many");
  EXPECT_THROW((void)ForecastCost(Grid(3, 1), "eu", bad, Keep::kOutcomes), InputError);
}

// What the dashboard asks for the flagship: every model's forecast and report, the advisor
// with each model it offers, 2,000 compromise draws (and the most any model may have).
TEST(ServerCost, TheFlagshipIsWithinTheDefaultLimits) {
  const Scenario s = Flagship();
  const CostLimits limits;
  std::vector<std::string> all;
  for (const ModelInfo& m : Models()) all.emplace_back(m.name);
  for (const std::string& m : all) {
    // The ensemble needs weights: those of the shipped DEU calibration.
    ModelOptions o;
    if (m == "ensemble") o.Set("weights", "mean:0.68,exchange:0.27,setter:0.05");
    const Cost f = ForecastCost(s, m, o, Keep::kRoundsAndEvents);
    EXPECT_LT(f.work, limits.max_work / 20) << f.what;
    const Forecast pilot = RunForecast(s, m, o);
    EXPECT_FALSE(OverLimit(SimulationCost(s, m, o, 2000, pilot), limits)) << m;
  }
  for (const std::string m : {"compromise", "median", "eu"}) {
    const Forecast pilot = RunForecast(s, m, {});
    const Cost advice = AdviceCost(s, m, {}, "US", "", pilot);
    EXPECT_FALSE(OverLimit(advice, limits)) << advice.what << ": " << advice.work;
  }
  // The most draws a request may ask for: fine for the static models; eu's 50,000 draws
  // (about 8.5 s of CPU, 3.4 s per 20,000 measured with the CLI) are over the default limit.
  for (const std::string m : {"compromise", "median"}) {
    EXPECT_FALSE(OverLimit(SimulationCost(s, m, {}, 50000, RunForecast(s, m, {})), limits)) << m;
  }
  const Cost eu = SimulationCost(s, "eu", {}, 50000, RunForecast(s, "eu", {}));
  EXPECT_TRUE(OverLimit(eu, limits)) << eu.what;
  EXPECT_LT(eu.work, 20 * limits.max_work) << eu.what;
  EXPECT_FALSE(OverLimit(ReportCost(s, all, {}), limits));
}

TEST(ServerCost, RepeatedRunsAreCountedAtThePilotsRounds) {
  const Scenario s = Grid(20, 1);
  const Forecast pilot = RunForecast(s, "eu", {});
  const std::size_t rounds = pilot.issues[0].rounds.size() - 1;
  ASSERT_LT(rounds, 100u);  // settled before the limit
  const Cost draws = SimulationCost(s, "eu", {}, 100, pilot);
  const Cost at_limit = ForecastCost(s, "eu", {}, Keep::kOutcomes);
  EXPECT_LT(draws.work, 100 * at_limit.work);
  EXPECT_GT(draws.work, 100 * at_limit.work * static_cast<double>(rounds) / 100);
  EXPECT_NE(draws.what.find(fmt::format("up to {} rounds", rounds)), std::string::npos)
      << draws.what;
}

TEST(ServerCost, OverTheLimitNamesTheLimitTheFlagAndTheEstimate) {
  Cost c;
  c.work = 3e10;
  c.what = "eu: 100 rounds x 4e+06 actor pairs";
  const std::optional<Error> e = OverLimit(c, CostLimits{5e9, 1e9});
  ASSERT_TRUE(e);
  EXPECT_NE(e->message.find("3e+10"), std::string::npos) << e->message;
  EXPECT_NE(e->message.find("5e+09"), std::string::npos) << e->message;
  EXPECT_NE(e->message.find("--max-work"), std::string::npos) << e->message;
  EXPECT_NE(e->message.find(c.what), std::string::npos) << e->message;
  c.work = 1;
  c.bytes = 2e9;
  const std::optional<Error> m = OverLimit(c, CostLimits{5e9, 1e9});
  ASSERT_TRUE(m);
  EXPECT_NE(m->message.find("2000 MB"), std::string::npos) << m->message;
  EXPECT_NE(m->message.find("--max-memory"), std::string::npos) << m->message;
}

TEST(ServerCost, RegressionTwentyThousandStancesWithEuAre422BeforeAnyWork) {
  ApiConfig config;
  const Api api(std::move(config));
  const nlohmann::json body{
      {"scenario", nlohmann::json::parse(ScenarioToJson(Grid(2000, 10)).dump())},
      {"models", {"eu"}}};
  const ApiResponse r = api.PostForecast(body.dump());  // refused on its shape, not run
  EXPECT_EQ(r.status, 422) << r.body.substr(0, 300);
  const nlohmann::json e = nlohmann::json::parse(r.body)["errors"][0];
  EXPECT_NE(e["message"].get<std::string>().find("--max-work"), std::string::npos);
  EXPECT_NE(e["message"].get<std::string>().find("eu: 100 rounds"), std::string::npos);
}

TEST(ServerCost, ALimitSetHigherLetsTheSameRequestThrough) {
  ApiConfig config;
  config.limits.cost.max_work = 1e12;
  config.limits.cost.max_bytes = 1e12;
  const Api api(std::move(config));
  const nlohmann::json body{{"scenario", nlohmann::json::parse(ScenarioToJson(Grid(60, 2)).dump())},
                            {"models", {"eu"}}};
  EXPECT_EQ(api.PostForecast(body.dump()).status, 200);
  ApiConfig tight;
  tight.limits.cost.max_work = 1000;
  EXPECT_EQ(Api(std::move(tight)).PostForecast(body.dump()).status, 422);
}

}  // namespace
}  // namespace entente::server
