// The one scenario reader and writer of the YAML shape: the same scenario from YAML text and
// from JSON, round trips, and errors located by line, path and names.
#include "entente/formats/scenario_tree.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "entente/core/validation.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

Scenario Load(const std::string& relative) {
  return LoadScenario(test::SourceDir() + "/" + relative).ValueOrThrow();
}

nlohmann::json AsJson(const Scenario& s) {
  return nlohmann::json::parse(ScenarioToJson(s).dump());
}

Scenario FromJson(const nlohmann::json& j) {
  Result<Scenario> back = ScenarioFromJson(j, "scenario");
  EXPECT_TRUE(back.ok()) << (back ? "" : FormatErrors(back.errors()));
  return back ? back.value() : Scenario{};
}

TEST(scenario_tree, flagship_and_spreads_round_trip_through_json) {
  for (const char* file : {"scenarios/us-rok-2021.yaml", "tests/data/uncertain.yaml"}) {
    const Scenario s = Load(file);
    EXPECT_EQ(FromJson(AsJson(s)), s) << file;
  }
}

// The JSON is the YAML file's shape: the YAML writer's text and the JSON tree read back equal.
TEST(scenario_tree, json_and_yaml_text_are_the_same_shape) {
  const Scenario s = Load("tests/data/uncertain.yaml");
  EXPECT_EQ(ParseYamlScenario(WriteYamlScenario(s), "x.yaml").ValueOrThrow(), s);
  // JSON is YAML: the tree's JSON text is a YAML file the YAML reader takes.
  EXPECT_EQ(ParseYamlScenario(ScenarioToJson(s).dump(1), "x.yaml").ValueOrThrow(), s);
  const nlohmann::json j = AsJson(s);
  EXPECT_EQ(j["issues"][0]["stances"][0]["position"], (nlohmann::json{{"value", 40}, {"sd", 10}}));
  EXPECT_EQ(j["issues"][0]["stances"][1]["position"], (nlohmann::json{{"low", 10}, {"high", 30}}));
  EXPECT_EQ(j["issues"][0]["stances"][2]["position"], 90);
}

TEST(scenario_tree, model_options_travel_with_the_scenario) {
  Scenario s = Load("scenarios/us-rok-2021.yaml");
  s.model_options["ktab-smp"] = {{"victory", "square"}, {"stop", "0.01"}};
  EXPECT_EQ(FromJson(AsJson(s)), s);
  const Scenario back = ParseYamlScenario(WriteYamlScenario(s), "x.yaml").ValueOrThrow();
  EXPECT_EQ(back.model_options, s.model_options);
}

// A JSON tree has no lines: the path in the tree and the names locate the problem.
TEST(scenario_tree, json_errors_name_the_path_and_who) {
  nlohmann::json j = AsJson(Load("scenarios/us-rok-2021.yaml"));
  j["issues"][1]["stances"][2]["salience"] = "high";
  Result<Scenario> r = ScenarioFromJson(j, "scenario");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 1u);
  const Location& at = r.errors()[0].where;
  EXPECT_EQ(at.path, "issues[1].stances[2]");
  EXPECT_EQ(at.field, "salience");
  EXPECT_EQ(at.names, "US_CONGRESS on opcon_transfer");
  EXPECT_EQ(r.errors()[0].ToString(),
            "scenario.issues[1].stances[2] (US_CONGRESS on opcon_transfer): salience 'high' is not a "
            "number (field 'salience'); fix: write a plain decimal number such as 13 or 0.45");
}

// Validation errors carry the reader's locations, so a range problem in JSON is named too.
TEST(scenario_tree, validation_errors_keep_path_and_names) {
  nlohmann::json j = AsJson(Load("scenarios/us-rok-2021.yaml"));
  j["issues"][4]["stances"][0]["salience"] = 1.5;
  const Errors errors = Validate(FromJson(j));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where.path, "issues[4].stances[0]");
  EXPECT_EQ(errors[0].where.field, "salience");
  EXPECT_EQ(errors[0].where.names, "US on " + j["issues"][4]["id"].get<std::string>());
}

// A YAML file keeps its line in the message, and the same path and names beside it.
TEST(scenario_tree, yaml_errors_keep_their_line_and_gain_path_and_names) {
  const std::string text =
      "entente: 1\nactors: [{id: A}]\nissues:\n  - id: i\n    scale: {min: 0, max: 10}\n"
      "    stances:\n      - {actor: A, position: far, salience: 1, capability: 1}\n";
  Result<Scenario> r = ParseYamlScenario(text, "x.yaml");
  ASSERT_FALSE(r.ok());
  const Error& e = r.errors()[0];
  EXPECT_EQ(e.ToString(),
            "x.yaml:7: position 'far' is not a number (field 'position'); fix: write a plain "
            "decimal number such as 13 or 0.45");
  EXPECT_EQ(e.where.path, "issues[0].stances[0]");
  EXPECT_EQ(e.where.names, "A on i");
}

TEST(scenario_tree, every_problem_is_reported) {
  const nlohmann::json j = {
      {"title", {1, 2}},
      {"colour", "red"},
      {"actors", {{{"name", "no id"}}}},
      {"issues", {{{"id", "i"}, {"scale", {{"min", 0}}}, {"decision_rule", "majority"}}}}};
  Result<Scenario> r = ScenarioFromJson(j, "scenario");
  ASSERT_FALSE(r.ok());
  std::vector<std::string> where;
  for (const Error& e : r.errors()) where.push_back(e.where.Where() + "|" + e.where.field);
  EXPECT_EQ(where, (std::vector<std::string>{"scenario|colour", "scenario|title",
                                             "scenario.actors[0]|id", "scenario.issues[0]|max",
                                             "scenario.issues[0]|decision_rule"}));
}

TEST(scenario_tree, a_tree_that_is_not_a_map_is_refused) {
  Result<Scenario> r = ScenarioFromJson(nlohmann::json::array(), "scenario");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors()[0].message, "the scenario must be a mapping of keys to values");
  EXPECT_FALSE(ScenarioFromJson(nullptr, "scenario").ok());
}

}  // namespace
}  // namespace entente
