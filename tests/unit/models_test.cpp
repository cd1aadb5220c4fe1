#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

TEST(Models, CompromiseByHand) {
  // Weights c*s: 0.5*10 = 5 at 0, 1*5 = 5 at 60, 0.5*20 = 10 at 90 -> (0 + 300 + 900)/20 = 60.
  const Scenario s = test::OneIssue({0, 60, 90}, {0.5, 1, 0.5}, {10, 5, 20});
  EXPECT_DOUBLE_EQ(RunForecast(s, "compromise", {}).issues[0].outcome, 60);
}

TEST(Models, MedianByHand) {
  // Same inputs: weights 5, 5, 10 of 20; cumulative 5, 10 reaches half at 60 exactly, so the
  // tie rule gives the midpoint of 60 and 90.
  const Scenario s = test::OneIssue({0, 60, 90}, {0.5, 1, 0.5}, {10, 5, 20});
  EXPECT_DOUBLE_EQ(RunForecast(s, "median", {}).issues[0].outcome, 75);
}

TEST(Models, ActorWithoutSalienceHasNoSay) {
  const Scenario s = test::OneIssue({0, 100}, {0, 1}, {1000, 1});
  EXPECT_DOUBLE_EQ(RunForecast(s, "compromise", {}).issues[0].outcome, 100);
  EXPECT_DOUBLE_EQ(RunForecast(s, "median", {}).issues[0].outcome, 100);
}

TEST(Models, UnknownModelListsTheKnownOnes) {
  const Scenario s = test::OneIssue({0}, {1}, {1});
  try {
    (void)RunForecast(s, "nash", {});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown model 'nash'"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("compromise"), std::string::npos);
  }
}

TEST(Models, StaticModelsRejectOptions) {
  const Scenario s = test::OneIssue({0}, {1}, {1});
  ModelOptions o;
  o.Set("rounds", "3");
  EXPECT_THROW((void)RunForecast(s, "median", o), InputError);
}

TEST(Models, InvalidScenarioIsRefusedWithEveryProblem) {
  Scenario s = test::OneIssue({0, 200}, {2, 1}, {1, 1});
  try {
    (void)RunForecast(s, "median", {});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.errors().size(), 2u);  // salience 2 and position 200
  }
}

// Bueno de Mesquita (1994) EC car-emission standards, round 0 (Scholz et al. 2011, Table 1).
TEST(Models, Bdm1994Round0MedianAndCompromise) {
  ENTENTE_SHARED_OR_SKIP(path, "validation/bdm1994-ec-emissions/bdm1994_ec_emission_standards.csv");
  std::ifstream lines(path);
  std::vector<double> x, s, c;
  std::string line;
  std::getline(lines, line);  // header: Actor,Capability,Position,Salience
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    std::stringstream cells(line);
    std::string name, cap, pos, sal;
    std::getline(cells, name, ',');
    std::getline(cells, cap, ',');
    std::getline(cells, pos, ',');
    std::getline(cells, sal, ',');
    c.push_back(std::stod(cap));
    x.push_back(std::stod(pos));
    s.push_back(std::stod(sal));
  }
  ASSERT_EQ(x.size(), 10u);
  Scenario sc = test::OneIssue(x, s, c);
  sc.issues[0].scale = Scale{0, 12, "years", {}};
  EXPECT_DOUBLE_EQ(RunForecast(sc, "median", {}).issues[0].outcome, 7.0);
  EXPECT_NEAR(RunForecast(sc, "compromise", {}).issues[0].outcome, 7.389956, 1e-6);
}

}  // namespace
}  // namespace entente
