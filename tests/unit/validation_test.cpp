#include "entente/core/validation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "test_support.hpp"

namespace entente {
namespace {

Scenario Good() {
  Scenario s = test::OneIssue({10, 90}, {0.5, 0.8}, {10, 20});
  s.issues[0].status_quo = 50;
  s.issues[0].rule = DecisionRule{DecisionKind::kUnanimity, {"a0", "a1"}};
  return s;
}

std::vector<std::string> Messages(const Scenario& s) {
  std::vector<std::string> out;
  for (const Error& e : Validate(s)) out.push_back(e.message);
  return out;
}

TEST(Validation, GoodScenarioHasNoProblems) {
  EXPECT_TRUE(Validate(Good()).empty());
}

TEST(Validation, CollectsEveryProblemNotJustTheFirst) {
  Scenario s = Good();
  s.issues[0].stances[0].salience = 1.5;
  s.issues[0].stances[0].position = 120;
  s.issues[0].stances[1].capability = -1;
  s.issues[0].status_quo = -5;
  EXPECT_EQ(Messages(s), (std::vector<std::string>{
                             "issue 'issue': status quo -5 is outside the scale [0, 100]",
                             "position 120 is outside the scale [0, 100] of issue 'issue'",
                             "salience 1.5 is outside [0, 1]", "capability -1 is negative"}));
}

TEST(Validation, IdsUnknownAndDuplicate) {
  Scenario s = Good();
  s.actors.push_back(s.actors[0]);
  s.issues[0].stances.push_back(s.issues[0].stances[0]);
  s.issues[0].stances.push_back(Stance{"ghost", 1, 1, 1, Basis::kUnstated, "", {}});
  s.issues.push_back(s.issues[0]);
  const auto m = Messages(s);
  EXPECT_NE(std::find(m.begin(), m.end(), "duplicate actor id 'a0'"), m.end());
  EXPECT_NE(std::find(m.begin(), m.end(), "duplicate issue id 'issue'"), m.end());
  EXPECT_NE(std::find(m.begin(), m.end(), "actor 'a0' has two stances on issue 'issue'"), m.end());
  EXPECT_NE(std::find(m.begin(), m.end(), "unknown actor 'ghost' in a stance on issue 'issue'"),
            m.end());
}

TEST(Validation, NonFiniteNumbers) {
  Scenario s = Good();
  s.issues[0].stances[0].position = std::numeric_limits<double>::quiet_NaN();
  s.issues[0].stances[1].capability = std::numeric_limits<double>::infinity();
  s.issues[0].stances[1].salience = std::numeric_limits<double>::quiet_NaN();
  const auto m = Messages(s);
  EXPECT_EQ(m[0], "position is not a finite number");
  EXPECT_EQ(m[1], "salience nan is outside [0, 1]");
  EXPECT_EQ(m[2], "capability is not a finite number");
}

TEST(Validation, VetoPlayersNeedStancesAndAStatusQuo) {
  Scenario s = Good();
  s.actors.push_back(Actor{"outsider", "Outsider", "", {}});
  s.issues[0].rule.veto_players = {"a0", "outsider", "nobody", "a0"};
  s.issues[0].status_quo.reset();
  EXPECT_EQ(Messages(s), (std::vector<std::string>{
                             "issue 'issue' has a unanimity rule but no status quo",
                             "issue 'issue': veto player 'outsider' has no stance on this issue",
                             "issue 'issue': unknown veto player 'nobody'",
                             "issue 'issue' lists veto player 'a0' twice"}));
}

TEST(Validation, VetoPlayersWithoutUnanimityRule) {
  Scenario s = Good();
  s.issues[0].rule.kind = DecisionKind::kNone;
  EXPECT_EQ(Messages(s), (std::vector<std::string>{
                             "issue 'issue' lists veto players but its decision rule is 'none'"}));
}

TEST(Validation, ScaleMustBeOrderedAndAnchorsInside) {
  Scenario s = Good();
  s.issues[0].scale.min = 100;
  s.issues[0].scale.max = 0;
  s.issues[0].status_quo.reset();
  s.issues[0].rule = {};
  s.issues[0].stances.resize(1);
  s.issues[0].stances[0].position = 100;
  const auto m = Messages(s);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0], "issue 'issue': scale minimum 100 is not below its maximum 0");
}

TEST(Validation, SpreadsStayInsideTheValidRange) {
  Scenario s = Good();
  Stance& a = s.issues[0].stances[0];  // position 10, salience 0.5
  a.position_spread = Spread::Normal(-1);
  a.salience_spread = Spread::Triangular(0.6, 0.9);
  a.capability_spread = Spread::Uniform(-5, 5);
  s.issues[0].stances[1].position_spread = Spread::Uniform(50, 40);
  EXPECT_EQ(Messages(s),
            (std::vector<std::string>{"position sd -1 is not a number >= 0",
                                      "salience 0.5 is outside its own range [0.6, 0.9]",
                                      "capability range [-5, 5] reaches outside [0, 1000000000000]",
                                      "position range [50, 40] is empty"}));
}

TEST(Validation, ProblemsCarryLocationFieldAndFix) {
  Scenario s = Good();
  s.issues[0].stances[1].origin = Location{"stances.csv", 14};
  s.issues[0].stances[1].salience = 1.5;
  const Errors e = Validate(s);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].ToString(),
            "stances.csv:14: salience 1.5 is outside [0, 1] (field 'salience'); fix: give a value "
            "between 0 and 1");
}

}  // namespace
}  // namespace entente
