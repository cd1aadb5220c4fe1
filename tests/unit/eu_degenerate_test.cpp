// The expected utility model on inputs where bargaining degenerates, on options, and on the
// guarantees every model gives (determinism, no NaN, warnings, JSON rounds).
#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/eu/expected_utility.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/forecast_output.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

void ExpectFinite(const Forecast& f) {
  for (const IssueForecast& i : f.issues) {
    EXPECT_TRUE(std::isfinite(i.unconstrained));
    for (const Round& r : i.rounds) {
      EXPECT_TRUE(std::isfinite(r.median) && std::isfinite(r.mean));
      for (double x : r.positions) EXPECT_TRUE(std::isfinite(x));
    }
    for (const BargainEvent& e : i.events) {
      EXPECT_TRUE(std::isfinite(e.a) && std::isfinite(e.b) && std::isfinite(e.to));
    }
  }
}

TEST(EuDegenerate, OneActorKeepsItsPosition) {
  const Forecast f = RunForecast(test::OneIssue({37}, {0.5}, {2}), "eu", {});
  EXPECT_EQ(f.issues[0].unconstrained, 37);
  EXPECT_EQ(f.issues[0].rounds.size(), 1u);
  EXPECT_TRUE(f.issues[0].events.empty());
  EXPECT_TRUE(f.warnings.empty());
}

TEST(EuDegenerate, AllAtOnePositionStaysThere) {
  const Scenario s = test::OneIssue({30, 30, 30}, {0.2, 0.9, 0.5}, {1, 3, 2});
  const Forecast f = RunForecast(s, "eu", {});
  EXPECT_EQ(f.issues[0].unconstrained, 30);
  EXPECT_EQ(f.issues[0].final_positions, (std::vector<double>{30, 30, 30}));
  EXPECT_TRUE(f.warnings.empty());
  EXPECT_EQ(f.issues[0].rounds.size(), 1u);  // nothing to bargain over: round 0 only
  // R taken from the scale does not change that.
  const Forecast g = RunForecast(s, "eu", test::Options({{"range", "scale"}}));
  EXPECT_EQ(g.issues[0].rounds.size(), 1u);
  EXPECT_EQ(g.issues[0].unconstrained, 30);
}

TEST(EuDegenerate, ZeroSalienceEverywhereIsAnInputError) {
  const Scenario s = test::OneIssue({10, 90}, {0, 0}, {1, 1});
  EXPECT_THROW((void)ExpectedUtilityModel(s, {}), InputError);
  EXPECT_THROW((void)RunForecast(s, "eu", {}), InputError);
}

TEST(EuDegenerate, TwoActorsExactlyTiedStayPutAndTheMedianIsTheMidpoint) {
  const Forecast f = RunForecast(test::OneIssue({20, 80}, {0.6, 0.6}, {5, 5}), "eu", {});
  ExpectFinite(f);
  EXPECT_EQ(f.issues[0].final_positions, (std::vector<double>{20, 80}));
  EXPECT_EQ(f.issues[0].unconstrained, 50);
  EXPECT_TRUE(f.issues[0].events.empty());
  EXPECT_EQ(f.issues[0].rounds.size(), 2u);  // settled after one round without a move
  EXPECT_TRUE(f.warnings.empty());
}

TEST(EuDegenerate, ZeroWeightActorsAreMovedButDoNotVote) {
  const Scenario s = test::OneIssue({0, 50, 100, 60}, {0.9, 0.5, 0.7, 0}, {3, 2, 1, 4});
  const Forecast f = RunForecast(s, "eu", {});
  ExpectFinite(f);
}

TEST(EuModel, DeterministicAndFinite) {
  const Scenario s = test::OneIssue({1, 9, 22, 22, 40, 41, 63, 70, 88, 100},
                                    {0.3, 0.9, 0.5, 0.5, 0.1, 1, 0.7, 0.4, 0.8, 0.6},
                                    {10, 1, 4, 4, 7, 2, 9, 3, 5, 6});
  for (const char* preset : {"none", "scholz2011"}) {
    const Forecast a = RunForecast(s, "eu", test::Options({{"preset", preset}}));
    const Forecast b = RunForecast(s, "eu", test::Options({{"preset", preset}}));
    ExpectFinite(a);
    EXPECT_EQ(a.issues[0].final_positions, b.issues[0].final_positions);
    EXPECT_EQ(a.issues[0].events, b.issues[0].events);
    EXPECT_FALSE(a.issues[0].events.empty());
  }
}

TEST(EuModel, RoundLimitWithoutConvergenceWarns) {
  const Scenario s = test::OneIssue({0, 30, 100}, {0.9, 0.2, 0.6}, {1, 1, 1});
  const Forecast f = RunForecast(s, "eu", test::Options({{"rounds", "1"}, {"tolerance", "0"}}));
  ASSERT_EQ(f.warnings.size(), 1u);
  EXPECT_NE(f.warnings[0].find("'issue'"), std::string::npos);
  const Forecast g = RunForecast(s, "eu", test::Options({{"rounds", "1"}, {"stop", "fixed"}}));
  EXPECT_TRUE(g.warnings.empty());
  EXPECT_EQ(g.issues[0].rounds.size(), 2u);
}

TEST(EuModel, EveryOptionValueRuns) {
  const Scenario s = test::OneIssue({0, 30, 45, 100}, {0.9, 0.2, 0.5, 0.6}, {1, 2, 1, 3});
  for (const auto& [k, v] :
       std::vector<std::pair<std::string, std::string>>{{"q", "0.5"},
                                                        {"q", "0"},
                                                        {"probability", "triples"},
                                                        {"votes", "risk"},
                                                        {"view", "actual"},
                                                        {"security", "targets"},
                                                        {"offer_choice", "highest_eu"},
                                                        {"offer_choice", "by_type"},
                                                        {"mu", "mean"},
                                                        {"aggregate", "mean"}}) {
    ExpectFinite(RunForecast(s, "eu", test::Options({{k, v}})));
  }
}

TEST(EuModel, BadOptionsAreInputErrors) {
  const Scenario s = test::OneIssue({0, 100}, {0.5, 0.5}, {1, 2});
  EXPECT_THROW((void)RunForecast(s, "eu", test::Options({{"colour", "red"}})), InputError);
  EXPECT_THROW((void)RunForecast(s, "eu", test::Options({{"q", "1.5"}})), InputError);
  EXPECT_THROW((void)RunForecast(s, "eu", test::Options({{"preset", "bdm2002"}})), InputError);
  EXPECT_THROW((void)RunForecast(s, "eu", test::Options({{"rounds", "-1"}})), InputError);
}

TEST(EuModel, RiskVotesRefuseIssuesTooLargeForTheirTable) {
  const std::size_t n = 4097;
  const Scenario s = test::OneIssue(std::vector<double>(n, 50), std::vector<double>(n, 0.5),
                                    std::vector<double>(n, 1));
  EXPECT_THROW((void)ExpectedUtilityModel(s, test::Options({{"votes", "risk"}})), InputError);
  EXPECT_NO_THROW((void)ExpectedUtilityModel(s, {}));  // all at one position: nothing to do
}

TEST(EuModel, JsonCarriesEveryRound) {
  const Scenario s = test::OneIssue({0, 30, 100}, {0.9, 0.2, 0.6}, {1, 1, 1});
  const Forecast f = RunForecast(s, "eu", test::Options({{"rounds", "3"}, {"stop", "fixed"}}));
  const nlohmann::json j = ForecastJson(s, f);
  ASSERT_EQ(j["issues"][0]["rounds"].size(), 4u);
  EXPECT_EQ(j["issues"][0]["rounds"][3]["positions"]["a1"].get<double>(),
            f.issues[0].rounds[3].positions[1]);
  ASSERT_EQ(j["issues"][0]["events"].size(), f.issues[0].events.size());
  ASSERT_FALSE(f.issues[0].events.empty());
  const BargainEvent& e = f.issues[0].events[0];
  EXPECT_EQ(j["issues"][0]["events"][0]["actor"], s.issues[0].stances[e.actor].actor);
  EXPECT_EQ(j["issues"][0]["events"][0]["kind"], std::string(MoveKindName(e.kind)));
  EXPECT_EQ(j["issues"][0]["events"][0]["b"].get<double>(), e.b);
}

}  // namespace
}  // namespace entente

namespace entente {
namespace {

// Monte Carlo runs the model with trail recording off; the outcomes and final positions must be
// bit-identical to a full run, or simulate would disagree with forecast at zero noise.
TEST(EuTrail, OffGivesTheSameOutcomesWithoutRoundsOrEvents) {
  const Scenario s = LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  ModelOptions quiet;
  quiet.set_trail(false);
  const Forecast full = RunForecast(s, "eu", {});
  const Forecast lean = RunForecast(s, "eu", quiet);
  ASSERT_EQ(full.issues.size(), lean.issues.size());
  for (std::size_t k = 0; k < full.issues.size(); ++k) {
    EXPECT_EQ(full.issues[k].outcome, lean.issues[k].outcome);
    EXPECT_EQ(full.issues[k].final_positions, lean.issues[k].final_positions);
    EXPECT_FALSE(full.issues[k].rounds.empty());
    EXPECT_TRUE(lean.issues[k].rounds.empty());
    EXPECT_TRUE(lean.issues[k].events.empty());
  }
  EXPECT_EQ(full.warnings, lean.warnings);
}

}  // namespace
}  // namespace entente
