#include "entente/models/decision_rule.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

TEST(decision_rule, interior_forecast_stands) {
  // Veto players at 30 and 50 with q = 10: W = (10, min(50, 90)) = (10, 50).
  const VetoResult r = ApplyUnanimity(40, 10, std::vector<double>{30, 50});
  EXPECT_DOUBLE_EQ(r.outcome, 40);
  EXPECT_FALSE(r.binding.has_value());
  EXPECT_FALSE(r.win_set_empty);
}

TEST(decision_rule, clipped_at_the_nearest_veto_players_bound) {
  // Bounds 2*30-10 = 50 and 2*50-10 = 90: the player at 30 binds at 50.
  const VetoResult r = ApplyUnanimity(70, 10, std::vector<double>{50, 30});
  EXPECT_DOUBLE_EQ(r.outcome, 50);
  ASSERT_TRUE(r.binding.has_value());
  EXPECT_EQ(*r.binding, 1u);
}

TEST(decision_rule, clipped_below_the_status_quo) {
  // All veto players above q = 10, forecast 5 below it: closure starts at q.
  const VetoResult r = ApplyUnanimity(5, 10, std::vector<double>{30, 50});
  EXPECT_DOUBLE_EQ(r.outcome, 10);
  ASSERT_TRUE(r.binding.has_value());
  EXPECT_EQ(*r.binding, 0u);
}

TEST(decision_rule, mirrored_when_veto_players_are_below) {
  // Veto players at 70 and 60 with q = 90: W = (max(50, 30), 90) = (50, 90).
  const VetoResult r = ApplyUnanimity(20, 90, std::vector<double>{70, 60});
  EXPECT_DOUBLE_EQ(r.outcome, 50);
  EXPECT_EQ(*r.binding, 0u);
}

TEST(decision_rule, empty_win_set_keeps_status_quo_and_names_far_side_player) {
  // q = 25 between the players at 15 and 55: nothing beats q for both.
  const VetoResult r = ApplyUnanimity(46, 25, std::vector<double>{55, 15, 80});
  EXPECT_TRUE(r.win_set_empty);
  EXPECT_DOUBLE_EQ(r.outcome, 25);
  ASSERT_TRUE(r.binding.has_value());
  EXPECT_EQ(*r.binding, 1u);  // the player at 15 is on the far side of q from 46
}

TEST(decision_rule, veto_player_at_the_status_quo_blocks_every_move) {
  const VetoResult r = ApplyUnanimity(30, 5, std::vector<double>{5});
  EXPECT_TRUE(r.win_set_empty);
  EXPECT_DOUBLE_EQ(r.outcome, 5);
  EXPECT_EQ(*r.binding, 0u);
}

TEST(decision_rule, empty_win_set_with_forecast_at_status_quo_binds_nobody) {
  const VetoResult r = ApplyUnanimity(25, 25, std::vector<double>{55, 15});
  EXPECT_DOUBLE_EQ(r.outcome, 25);
  EXPECT_FALSE(r.binding.has_value());
}

TEST(decision_rule, no_rule_leaves_the_forecast_alone) {
  Scenario s = test::OneIssue({0, 100}, {1, 1}, {1, 3});
  const Forecast f = RunForecast(s, "compromise", {});
  EXPECT_DOUBLE_EQ(f.issues[0].outcome, 75);
  EXPECT_DOUBLE_EQ(f.issues[0].unconstrained, 75);
  EXPECT_FALSE(f.issues[0].binding_veto.has_value());
}

TEST(decision_rule, applied_after_the_model_with_actor_ids) {
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
