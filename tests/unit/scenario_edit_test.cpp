// What-if edits (issue #21): parsed once, resolved against the scenario, refused with the edit
// named and the valid choices listed, and checked by the same validation as a file.
#include "entente/core/scenario_edit.hpp"

#include <gtest/gtest.h>

#include "entente/analysis/run_parameters.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

Scenario Flagship() {
  return LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
}

ScenarioEdit Edit(const std::string& text) {
  return ParseEdit(text).ValueOrThrow();
}

// The message of the first error WithEdits throws ("" if it throws nothing).
std::string Refusal(const Scenario& s, const std::vector<std::string>& edits) {
  try {
    (void)WithEdits(s, ParseEdits(edits).ValueOrThrow());
  } catch (const InputError& e) {
    EXPECT_EQ(e.errors().front().where.field, "set");
    return e.errors().front().ToString();
  }
  return "";
}

TEST(ScenarioEdit, ParsesTargetFieldAndValue) {
  const ScenarioEdit e = Edit("US.opcon_transfer.salience=0.80");
  EXPECT_EQ(e.target, "US.opcon_transfer");
  EXPECT_EQ(e.field, EditField::kSalience);
  EXPECT_EQ(e.value, "0.8") << "numbers get one spelling, so stored runs compare";
  EXPECT_EQ(e.ToString(), "US.opcon_transfer.salience=0.8");
  EXPECT_EQ(Edit(e.ToString()), e);
  EXPECT_EQ(Edit("opcon_transfer.status_quo=40").field, EditField::kStatusQuo);
}

TEST(ScenarioEdit, MalformedEditsNameTheEditAndTheChoices) {
  const auto message = [](const std::string& text) {
    Result<ScenarioEdit> r = ParseEdit(text);
    EXPECT_FALSE(r.ok()) << text;
    return r.ok() ? std::string() : r.errors().front().ToString();
  };
  EXPECT_NE(message("US.salience").find("is not TARGET.FIELD=VALUE"), std::string::npos);
  EXPECT_NE(message("salience=0.5").find("is not TARGET.FIELD=VALUE"), std::string::npos);
  const std::string field = message("US.opcon_transfer.weight=2");
  EXPECT_NE(field.find("unknown field 'weight'"), std::string::npos) << field;
  EXPECT_NE(field.find("status_quo"), std::string::npos) << "lists the fields: " << field;
  EXPECT_NE(message("US.opcon_transfer.salience=high").find("is not a number"), std::string::npos);
  EXPECT_NE(message("x.decision_rule=bicameral").find("unanimity"), std::string::npos);
  // Every problem at once.
  Result<std::vector<ScenarioEdit>> both = ParseEdits({"a.b.weight=1", "c.position=x"});
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.errors().size(), 2U);
}

TEST(ScenarioEdit, SetsAStanceAnIssueAndEveryStanceOfAnActor) {
  const Scenario s = Flagship();
  const Scenario e =
      WithEdits(s, {Edit("US.opcon_transfer.salience=0.8"), Edit("opcon_transfer.status_quo=60"),
                    Edit("ROK.capability=70")});
  EXPECT_EQ(e.FindIssue("opcon_transfer")->FindStance("US")->salience, 0.8);
  EXPECT_EQ(e.FindIssue("opcon_transfer")->status_quo, 60);
  int rok = 0;
  for (const Issue& i : e.issues) {
    if (const Stance* st = i.FindStance("ROK")) {
      EXPECT_EQ(st->capability, 70) << i.id;
      ++rok;
    }
  }
  EXPECT_GT(rok, 1);
  // Nothing else moved, and the input is untouched.
  EXPECT_EQ(e.FindIssue("opcon_transfer")->FindStance("ROK")->salience,
            s.FindIssue("opcon_transfer")->FindStance("ROK")->salience);
  EXPECT_EQ(s.FindIssue("opcon_transfer")->FindStance("US")->salience, 0.45);
  // A later edit of the same number wins.
  const Scenario twice =
      WithEdits(s, {Edit("US.opcon_transfer.position=50"), Edit("US.opcon_transfer.position=60")});
  EXPECT_EQ(twice.FindIssue("opcon_transfer")->FindStance("US")->position, 60);
}

TEST(ScenarioEdit, RuleEdits) {
  const Scenario e = WithEdits(Flagship(), {Edit("opcon_transfer.decision_rule=majority"),
                                            Edit("opcon_transfer.veto_players=US")});
  const Issue& i = *e.FindIssue("opcon_transfer");
  EXPECT_EQ(i.rule.kind, DecisionKind::kMajority);
  EXPECT_EQ(i.rule.veto_players, std::vector<std::string>{"US"});
}

TEST(ScenarioEdit, EditsValidOnlyTogetherPass) {
  // A rule of 'none' with veto players is refused; with them removed too it is not.
  const Scenario s = Flagship();
  EXPECT_NE(Refusal(s, {"opcon_transfer.decision_rule=none"}).find("veto"), std::string::npos);
  const Scenario e = WithEdits(
      s, {Edit("opcon_transfer.decision_rule=none"), Edit("opcon_transfer.veto_players=")});
  EXPECT_EQ(e.FindIssue("opcon_transfer")->rule.kind, DecisionKind::kNone);
  // The problem is blamed on the edit that made it, not on the last.
  const std::string m =
      Refusal(s, {"US.opcon_transfer.salience=2", "opcon_transfer.status_quo=40"});
  EXPECT_NE(m.find("edit 'US.opcon_transfer.salience=2'"), std::string::npos) << m;
}

TEST(ScenarioEdit, UnknownIdsListTheScenariosIds) {
  const Scenario s = Flagship();
  std::string m = Refusal(s, {"USA.opcon_transfer.salience=0.5"});
  EXPECT_NE(m.find("unknown actor 'USA'"), std::string::npos) << m;
  EXPECT_NE(m.find("US_CONGRESS"), std::string::npos) << "lists the actors: " << m;
  EXPECT_NE(m.find("edit 'USA.opcon_transfer.salience=0.5'"), std::string::npos) << m;
  m = Refusal(s, {"US.opcon.salience=0.5"});
  EXPECT_NE(m.find("unknown issue 'opcon'"), std::string::npos) << m;
  EXPECT_NE(m.find("opcon_transfer"), std::string::npos) << "lists the issues: " << m;
  m = Refusal(s, {"opcon.status_quo=5"});
  EXPECT_NE(m.find("unknown issue 'opcon'"), std::string::npos) << m;
  m = Refusal(s, {"DPRK.opcon_transfer.salience=0.5"});
  EXPECT_NE(m.find("takes no part in issue 'opcon_transfer'"), std::string::npos) << m;
  m = Refusal(s, {"US.position=50"});
  EXPECT_NE(m.find("US.ISSUE.position"), std::string::npos) << m;
  m = Refusal(s, {"US.status_quo=50"});
  EXPECT_NE(m.find("is an actor"), std::string::npos) << m;
}

TEST(ScenarioEdit, ValuesAreCheckedByTheFilesValidation) {
  const Scenario s = Flagship();
  std::string m = Refusal(s, {"US.opcon_transfer.salience=1.5"});
  EXPECT_NE(m.find("edit 'US.opcon_transfer.salience=1.5'"), std::string::npos) << m;
  EXPECT_NE(m.find("1.5"), std::string::npos) << "validation's message: " << m;
  m = Refusal(s, {"opcon_transfer.status_quo=140"});
  EXPECT_NE(m.find("140"), std::string::npos) << m;
  m = Refusal(s, {"US.capability=-1"});
  EXPECT_NE(m.find("edit 'US.capability=-1'"), std::string::npos) << m;
  m = Refusal(s, {"opcon_transfer.veto_players=NOBODY"});
  EXPECT_NE(m.find("NOBODY"), std::string::npos) << m;
}

TEST(ScenarioEdit, IdsWithDotsResolve) {
  Scenario s = test::OneIssue({10, 90}, {1, 1}, {1, 1});
  s.actors[0].id = "eu.council";
  s.issues[0].stances[0].actor = "eu.council";
  s.issues[0].id = "budget.2021";
  s.issues[0].status_quo = 50;
  const Scenario e =
      WithEdits(s, {Edit("eu.council.budget.2021.position=30"), Edit("budget.2021.status_quo=20")});
  EXPECT_EQ(e.issues[0].stances[0].position, 30);
  EXPECT_EQ(e.issues[0].status_quo, 20);
}

TEST(ScenarioEdit, RunParametersCarryTheEditsAsSet) {
  RunParameters p;
  p.edits = {Edit("US.opcon_transfer.salience=0.8"), Edit("opcon_transfer.status_quo=60")};
  const auto j = p.ToJson(RunKind::kForecast);
  ASSERT_TRUE(j.contains("set"));
  EXPECT_EQ(j["set"][1], "opcon_transfer.status_quo=60");
  const RunParameters back =
      RunParameters::FromJson(nlohmann::json::parse(j.dump()), RunKind::kSimulate, "");
  EXPECT_EQ(back.edits, p.edits);
  // Runs without edits store what they stored before.
  EXPECT_FALSE(RunParameters{}.ToJson(RunKind::kForecast).contains("set"));
  // An object of targets and values, as Python's dict and the server take it.
  const RunParameters dict = RunParameters::FromJson(
      nlohmann::json::parse(R"({"set": {"US.capability": 70, "x.decision_rule": "majority"}})"),
      RunKind::kCompare, "");
  ASSERT_EQ(dict.edits.size(), 2U);
  EXPECT_EQ(dict.edits[0].ToString(), "US.capability=70");
  // A bad edit is an error at "set", naming it.
  try {
    (void)RunParameters::FromJson(nlohmann::json::parse(R"({"set": ["US.weight=1"]})"),
                                  RunKind::kForecast, "request body");
    ADD_FAILURE() << "accepted an unknown field";
  } catch (const InputError& e) {
    EXPECT_EQ(e.errors().front().where.file, "request body");
    EXPECT_NE(e.errors().front().message.find("US.weight=1"), std::string::npos);
  }
  EXPECT_EQ(EditedScenario(Flagship(), p).FindIssue("opcon_transfer")->status_quo, 60);
}

}  // namespace
}  // namespace entente
