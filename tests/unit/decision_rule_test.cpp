#include "entente/models/decision_rule.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

TEST(DecisionRule, InteriorForecastStands) {
  // Veto players at 30 and 50 with q = 10: W = (10, min(50, 90)) = (10, 50).
  const VetoResult r = ApplyUnanimity(40, 10, std::vector<double>{30, 50});
  EXPECT_DOUBLE_EQ(r.outcome, 40);
  EXPECT_FALSE(r.binding.has_value());
  EXPECT_FALSE(r.win_set_empty);
}

TEST(DecisionRule, ClippedAtTheNearestVetoPlayersBound) {
  // Bounds 2*30-10 = 50 and 2*50-10 = 90: the player at 30 binds at 50.
  const VetoResult r = ApplyUnanimity(70, 10, std::vector<double>{50, 30});
  EXPECT_DOUBLE_EQ(r.outcome, 50);
  ASSERT_TRUE(r.binding.has_value());
  EXPECT_EQ(*r.binding, 1u);
}

TEST(DecisionRule, ClippedBelowTheStatusQuo) {
  // All veto players above q = 10, forecast 5 below it: closure starts at q.
  const VetoResult r = ApplyUnanimity(5, 10, std::vector<double>{30, 50});
  EXPECT_DOUBLE_EQ(r.outcome, 10);
  ASSERT_TRUE(r.binding.has_value());
  EXPECT_EQ(*r.binding, 0u);
}

TEST(DecisionRule, MirroredWhenVetoPlayersAreBelow) {
  // Veto players at 70 and 60 with q = 90: W = (max(50, 30), 90) = (50, 90).
  const VetoResult r = ApplyUnanimity(20, 90, std::vector<double>{70, 60});
  EXPECT_DOUBLE_EQ(r.outcome, 50);
  EXPECT_EQ(*r.binding, 0u);
}

TEST(DecisionRule, EmptyWinSetKeepsStatusQuoAndNamesFarSidePlayer) {
  // q = 25 between the players at 15 and 55: nothing beats q for both.
  const VetoResult r = ApplyUnanimity(46, 25, std::vector<double>{55, 15, 80});
  EXPECT_TRUE(r.win_set_empty);
  EXPECT_DOUBLE_EQ(r.outcome, 25);
  ASSERT_TRUE(r.binding.has_value());
  EXPECT_EQ(*r.binding, 1u);  // the player at 15 is on the far side of q from 46
}

TEST(DecisionRule, VetoPlayerAtTheStatusQuoBlocksEveryMove) {
  const VetoResult r = ApplyUnanimity(30, 5, std::vector<double>{5});
  EXPECT_TRUE(r.win_set_empty);
  EXPECT_DOUBLE_EQ(r.outcome, 5);
  EXPECT_EQ(*r.binding, 0u);
}

TEST(DecisionRule, EmptyWinSetWithForecastAtStatusQuoBindsNobody) {
  const VetoResult r = ApplyUnanimity(25, 25, std::vector<double>{55, 15});
  EXPECT_DOUBLE_EQ(r.outcome, 25);
  EXPECT_FALSE(r.binding.has_value());
}

TEST(DecisionRule, NoRuleLeavesTheForecastAlone) {
  Scenario s = test::OneIssue({0, 100}, {1, 1}, {1, 3});
  const Forecast f = RunForecast(s, "compromise", {});
  EXPECT_DOUBLE_EQ(f.issues[0].outcome, 75);
  EXPECT_DOUBLE_EQ(f.issues[0].unconstrained, 75);
  EXPECT_FALSE(f.issues[0].binding_veto.has_value());
}

TEST(DecisionRule, AppliedAfterTheModelWithActorIds) {
  Scenario s = test::OneIssue({20, 80}, {1, 1}, {1, 3});
  s.issues[0].status_quo = 0;
  s.issues[0].rule = DecisionRule{DecisionKind::kUnanimity, {"a1", "a0"}};
  const Forecast f = RunForecast(s, "compromise", {});
  EXPECT_DOUBLE_EQ(f.issues[0].unconstrained, 65);
  EXPECT_DOUBLE_EQ(f.issues[0].outcome, 40);  // a0 at 20 accepts at most 2*20 - 0
  EXPECT_EQ(f.issues[0].binding_veto, "a0");
}

}  // namespace
}  // namespace entente
