// The procedural (agenda-setter) model on hand-computed cases.
#include "entente/models/procedural/procedural.hpp"

#include <gtest/gtest.h>

#include "entente/core/error.hpp"
#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

// T1 of the procedures research as a scenario: members a0..a3 at 10, 30, 60, -20 with 4, 3, 2
// and 1 votes (capability), 60% needed, q = 0, so W = [0, 20]; a4 is the agenda setter (no
// vote: it is not a member).
Scenario SetterScenario(double setter) {
  Scenario s = test::OneIssue({10, 30, 60, -20, setter}, {1, 1, 1, 1, 1}, {4, 3, 2, 1, 1});
  Issue& i = s.issues[0];
  i.scale = Scale{-50, 100, "", {}};
  i.status_quo = 0;
  i.rule.kind = DecisionKind::kQualifiedMajority;
  i.rule.threshold = 0.6;
  i.rule.members = {"a0", "a1", "a2", "a3"};
  i.rule.agenda_setter = "a4";
  return s;
}

double Outcome(const Scenario& s, const ModelOptions& o = {}) {
  return RunForecast(s, "procedural", o).issues[0].outcome;
}

TEST(procedural, setter_gets_its_favourite_point_that_passes) {
  EXPECT_DOUBLE_EQ(Outcome(SetterScenario(60)), 20);  // beyond the win-set: its far end
  EXPECT_DOUBLE_EQ(Outcome(SetterScenario(15)), 15);  // inside: its ideal
  EXPECT_DOUBLE_EQ(Outcome(SetterScenario(-20)), 0);  // the empty side: it keeps q
  const Forecast f = RunForecast(SetterScenario(60), "procedural", {});
  EXPECT_EQ(f.issues[0].proposer, "a4");
  EXPECT_DOUBLE_EQ(f.issues[0].unconstrained, 20);
  ASSERT_TRUE(f.issues[0].procedure.has_value());
  EXPECT_EQ(f.issues[0].procedure->explanation,
            "Under qualified majority (60% of the capability), a4, the agenda setter (ideal "
            "60.0), proposes 20.0, the farthest point up that passes: a0 is pivotal (the share of "
            "the vote binds), and beyond 20.0 a0 and a3 (50% of the capability) say no.");
  const Forecast g = RunForecast(SetterScenario(-20), "procedural", {});
  EXPECT_EQ(g.issues[0].procedure->explanation,
            "Under qualified majority (60% of the capability), no move down from the status quo "
            "0.0 wins: a blocking minority of a0, a1 and a2 holds 90% of the capability and "
            "prefers the status quo; only a3 (10% of the capability) wants the move. a4, the "
            "agenda setter (ideal -20.0), keeps the status quo.");
}

TEST(procedural, amendment_keeps_the_proposal_in_the_members_range) {
  // T8: five members at 40..60, 3 of 5: W = [0, 100]. Setter at 100: 100; with amendment by
  // unanimity the proposal must lie in [40, 60]: 60.
  Scenario s = test::OneIssue({40, 45, 50, 55, 60, 100}, {1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1});
  Issue& i = s.issues[0];
  i.status_quo = 0;
  i.rule.kind = DecisionKind::kQualifiedMajority;
  i.rule.threshold = 0.6;
  i.rule.members = {"a0", "a1", "a2", "a3", "a4"};
  i.rule.agenda_setter = "a5";
  EXPECT_DOUBLE_EQ(Outcome(s), 100);
  ModelOptions pareto;
  pareto.Set("amendment", "pareto");
  EXPECT_DOUBLE_EQ(Outcome(s, pareto), 60);
  i.stances[5].position = 10;  // prefers q = 0 to 40, the nearest amendable point
  EXPECT_DOUBLE_EQ(Outcome(s, pareto), 0);
}

TEST(procedural, issues_without_a_setter_fall_back) {
  // Positions 10, 30, 60 with weights 1, 1, 2: median 45 (tie at half: midpoint of 30 and 60),
  // compromise (10 + 30 + 120) / 4 = 40, status quo 20. A majority of the capability (more
  // than 2 of 4): 60 alone holds 2, with 30 it holds 3, so 30 is the pivot and W = [20, 40].
  Scenario s = test::OneIssue({10, 30, 60}, {1, 1, 1}, {1, 1, 2});
  s.issues[0].status_quo = 20;
  s.issues[0].rule.kind = DecisionKind::kMajority;
  ModelOptions o;
  EXPECT_DOUBLE_EQ(RunForecast(s, "procedural", o).issues[0].unconstrained, 45);
  EXPECT_DOUBLE_EQ(Outcome(s, o), 40);  // the rule step clamps the median to W
  o.Set("without_setter", "compromise");
  EXPECT_DOUBLE_EQ(Outcome(s, o), 40);
  o.Set("without_setter", "status_quo");
  EXPECT_DOUBLE_EQ(Outcome(s, o), 20);
}

TEST(procedural, options_are_checked) {
  ModelOptions o;
  o.Set("amendment", "unanimity");
  EXPECT_THROW((void)RunForecast(SetterScenario(60), "procedural", o), InputError);
  ModelOptions p;
  p.Set("setter", "a0");
  EXPECT_THROW((void)RunForecast(SetterScenario(60), "procedural", p), InputError);
}

TEST(procedural, on_empty_model_keeps_the_setters_gatekeeping) {
  // Unanimity of a0 (10) and a3 (-20) around q = 0 is empty; the setter keeps q whatever
  // on_empty says, since the status quo is its own proposal.
  Scenario s = SetterScenario(60);
  s.issues[0].rule = DecisionRule{};
  s.issues[0].rule.kind = DecisionKind::kUnanimity;
  s.issues[0].rule.veto_players = {"a0", "a3"};
  s.issues[0].rule.agenda_setter = "a4";
  s.issues[0].rule.on_empty = OnEmpty::kModel;
  const Forecast f = RunForecast(s, "procedural", {});
  EXPECT_DOUBLE_EQ(f.issues[0].outcome, 0);
  EXPECT_TRUE(f.issues[0].win_set_empty);
}

}  // namespace
}  // namespace entente
