#include "entente/analysis/advisor.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "entente/analysis/cohesion.hpp"
#include "entente/analysis/compare.hpp"
#include "entente/analysis/lever_search.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

TEST(LeverSearch, MonotoneBisectionFindsTheNearestPointInTheBand) {
  const auto f = [](double x) { return 2 * x; };
  const auto s = SolveLever(f, 10, 0, 100, 50, 0.01, true);
  ASSERT_TRUE(s.has_value());
  EXPECT_NEAR(s->value, 24.995, 1e-6);  // the band edge nearest the start
  EXPECT_FALSE(SolveLever(f, 10, 0, 20, 50, 0.01, true).has_value()) << "out of range";
}

TEST(LeverSearch, MonotoneFunctionThatJumpsOverTheTargetIsUnreachable) {
  const auto step = [](double x) { return x < 50 ? 0.0 : 100.0; };
  EXPECT_FALSE(SolveLever(step, 10, 0, 100, 40, 0.5, true).has_value());
}

TEST(LeverSearch, GridSearchHandlesNonMonotoneOutcomes) {
  const auto bump = [](double x) { return 100 - std::abs(x - 50) * 2; };  // peak 100 at 50
  const auto s = SolveLever(bump, 0, 0, 100, 80, 0.01, false);
  ASSERT_TRUE(s.has_value());
  EXPECT_NEAR(s->value, 40, 0.01);  // the nearer of the two solutions (40 and 60)
}

// Compromise, no rule: weights 5 (a0 at 0), 5 (a1 at 60), 10 (a2 at 90); outcome 60.
Scenario ThreeActors() {
  return test::OneIssue({0, 60, 90}, {0.5, 1, 0.5}, {10, 5, 20});
}

TEST(Advisor, CompromisePositionMoveIsAnalytic) {
  AdviceRequest r;
  r.actor = "a0";
  r.target = 50;
  r.model = "compromise";
  const auto advice = Advise(ThreeActors(), r);
  ASSERT_EQ(advice.size(), 1u);
  const IssueAdvice& a = advice[0];
  EXPECT_DOUBLE_EQ(a.outcome, 60);
  // a0 must take the outcome down by 10 with weight 5 of 20: move by -40, from 0: impossible.
  EXPECT_FALSE(a.own_position.has_value());
  // a2 (weight 10): 90 - 10 * 20 / 10 = 70; a1 (weight 5): 60 - 40 = 20.
  ASSERT_GE(a.others.size(), 2u);
  EXPECT_EQ(a.others[0].actor, "a2");
  EXPECT_EQ(a.others[0].lever, Lever::kPosition);
  EXPECT_DOUBLE_EQ(a.others[0].to, 70);
  EXPECT_EQ(a.others[0].method, SearchMethod::kAnalytic);
}

TEST(Advisor, CompromiseSalienceMoveIsAnalytic) {
  // a0's salience s (capability 10, at 0): (300 + 900) / (10 s + 15) = 50  =>  s = 0.9.
  AdviceRequest r;
  r.actor = "a0";
  r.target = 50;
  r.model = "compromise";
  const IssueAdvice a = Advise(ThreeActors(), r)[0];
  ASSERT_TRUE(a.own_salience.has_value());
  EXPECT_NEAR(a.own_salience->to, 0.9, 1e-12);
  EXPECT_EQ(a.own_salience->method, SearchMethod::kAnalytic);
  // a1's salience would have to be -3: not offered. a2's: (300 + 1800 s) / (10 + 20 s) = 50.
  for (const LeverMove& m : a.others) EXPECT_FALSE(m.actor == "a1" && m.lever == Lever::kSalience);
  EXPECT_EQ(a.others[1].actor, "a2");
  EXPECT_NEAR(a.others[1].to, 0.25, 1e-12);
}

TEST(Advisor, VetoPlayerThatBlocksIsNamedWithItsThreshold) {
  Scenario s = test::OneIssue({20, 80}, {1, 1}, {1, 1});
  s.issues[0].status_quo = 30;
  s.issues[0].rule = DecisionRule{DecisionKind::kUnanimity, {"a0", "a1"}};
  AdviceRequest r;
  r.actor = "a1";
  r.model = "median";
  const IssueAdvice a = Advise(s, r)[0];
  EXPECT_DOUBLE_EQ(a.outcome, 30);  // a0 below q, a1 above: the status quo holds
  ASSERT_EQ(a.blockers.size(), 1u);
  EXPECT_EQ(a.blockers[0].actor, "a0");
  EXPECT_DOUBLE_EQ(a.blockers[0].threshold, 55);  // (80 + 30) / 2
  EXPECT_NE(a.summary.find("a0 (veto) prefers the status quo"), std::string::npos);
}

TEST(Advisor, UnknownActorOrIssueIsAnInputError) {
  AdviceRequest r;
  r.actor = "nobody";
  EXPECT_THROW((void)Advise(ThreeActors(), r), InputError);
  r.actor = "a0";
  r.issue = "other";
  EXPECT_THROW((void)Advise(ThreeActors(), r), InputError);
  r.issue.reset();
  r.target = 500;
  EXPECT_THROW((void)Advise(ThreeActors(), r), InputError);
}

TEST(Cohesion, GapAndStrainByHand) {
  // Allies at 10 (s 0.7) and 95 (s 0.45) on 0-100: gap = sqrt(0.315) * 0.85.
  EXPECT_NEAR(AlliesGap({10, 95}, {0.7, 0.45}, 100), std::sqrt(0.315) * 0.85, 1e-12);
  Scenario s = test::OneIssue({10, 95}, {0.7, 0.45}, {40, 55});
  s.alliances.push_back(Alliance{"pair", "", {"a0", "a1"}, {}});
  const Forecast f = RunForecast(s, "median", {});  // weight 28 of 52.75 at 10: median 10
  const auto c = Cohesion(s, f);
  ASSERT_EQ(c.size(), 1u);
  const IssueCohesion& i = c[0].issues[0];
  EXPECT_DOUBLE_EQ(f.issues[0].outcome, 10);
  EXPECT_NEAR(i.strain, std::sqrt(0.315) * 0.85 + 0.45 * 0.85, 1e-12);  // a1 loses 0.45 x 0.85
}

TEST(Compare, EveryCombinationAgainstTheBaseline) {
  const Scenario s = LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  CompareRequest r;
  r.moves = {"press-opcon", "counsel-caution"};
  r.model = "compromise";
  const auto v = Compare(s, r);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(VariantLabel(v[0]), "baseline");
  EXPECT_EQ(VariantLabel(v[3]), "press-opcon+counsel-caution");
  // Raising the U.S. salience on OPCON from 0.45 to 0.8 pulls the compromise towards 95.
  EXPECT_GT(v[1].forecast.issues[1].unconstrained, v[0].forecast.issues[1].unconstrained);
  r.moves = {"no-such-move"};
  EXPECT_THROW((void)Compare(s, r), InputError);
}

}  // namespace
}  // namespace entente
