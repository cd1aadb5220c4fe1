// The one scenario reader and writer of the YAML shape: the same scenario from YAML text and
// from JSON, round trips, and errors located by line, path and names.
#include "entente/formats/scenario_tree.hpp"

#include <fmt/format.h>
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

TEST(ScenarioTree, FlagshipAndSpreadsRoundTripThroughJson) {
  for (const char* file : {"scenarios/us-rok-2021.yaml", "tests/data/uncertain.yaml"}) {
    const Scenario s = Load(file);
    EXPECT_EQ(FromJson(AsJson(s)), s) << file;
  }
}

// The JSON is the YAML file's shape: the YAML writer's text and the JSON tree read back equal.
TEST(ScenarioTree, JsonAndYamlTextAreTheSameShape) {
  const Scenario s = Load("tests/data/uncertain.yaml");
  EXPECT_EQ(ParseYamlScenario(WriteYamlScenario(s), "x.yaml").ValueOrThrow(), s);
  // JSON is YAML: the tree's JSON text is a YAML file the YAML reader takes.
  EXPECT_EQ(ParseYamlScenario(ScenarioToJson(s).dump(1), "x.yaml").ValueOrThrow(), s);
  const nlohmann::json j = AsJson(s);
  EXPECT_EQ(j["issues"][0]["stances"][0]["position"], (nlohmann::json{{"value", 40}, {"sd", 10}}));
  EXPECT_EQ(j["issues"][0]["stances"][1]["position"], (nlohmann::json{{"low", 10}, {"high", 30}}));
  EXPECT_EQ(j["issues"][0]["stances"][2]["position"], 90);
}

TEST(ScenarioTree, ModelOptionsTravelWithTheScenario) {
  Scenario s = Load("scenarios/us-rok-2021.yaml");
  s.model_options["ktab-smp"] = {{"victory", "square"}, {"stop", "0.01"}};
  EXPECT_EQ(FromJson(AsJson(s)), s);
  const Scenario back = ParseYamlScenario(WriteYamlScenario(s), "x.yaml").ValueOrThrow();
  EXPECT_EQ(back.model_options, s.model_options);
}

// Everything the YAML format carries travels through the tree both ways: decision rules in
// their mapping form (kinds, presets, chambers, weights), issue metadata, groups and outcomes.
TEST(ScenarioTree, RulesGroupsMetadataAndOutcomesRoundTrip) {
  for (const char* file : {"tests/data/procedures.yaml", "tests/data/backtest_small.yaml",
                           "scenarios/us-rok-2021.yaml"}) {
    SCOPED_TRACE(file);
    const std::string path = test::SourceDir() + "/" + file;
    const ScenarioDocument doc = LoadDocument(path).ValueOrThrow();
    // YAML -> YAML text -> the same document.
    EXPECT_EQ(ParseYamlDocument(WriteYamlDocument(doc), "x.yaml").ValueOrThrow(), doc);
    // YAML -> JSON tree -> the same document.
    // Through JSON text kept in document order (ordered_json), as Python's dicts keep it.
    const nlohmann::ordered_json j =
        nlohmann::ordered_json::parse(ScenarioDocumentToJson(doc).dump());
    EXPECT_EQ(ReadScenarioDocumentTree(TreeFromJson(j), "scenario").ValueOrThrow(), doc);
  }
}

TEST(ScenarioTree, DecisionRulesRoundTripInTheYamlShape) {
  Scenario s = Load("scenarios/us-rok-2021.yaml");
  DecisionRule council;
  council.kind = DecisionKind::kQualifiedMajority;
  council.name = "Council";
  council.threshold = 0.7;
  council.weight_source = WeightSource::kTable;
  // In key order: a plain nlohmann::json (a request body) sorts its objects' keys.
  council.weights = {{"ROK", 2}, {"US", 3}};
  council.population = {{"ROK", 52}, {"US", 330}};
  council.min_population = 0.65;
  DecisionRule house;
  house.kind = DecisionKind::kMajority;
  house.members = {"US_CONGRESS"};
  house.absent = AbsentMembers::kSupport;
  DecisionRule& r = s.issues[0].rule;
  r = DecisionRule{};
  r.kind = DecisionKind::kBicameral;
  r.agenda_setter = "US";
  r.on_empty = OnEmpty::kModel;
  r.chambers = {council, house};
  s.groups = {IssueGroup{"g1", "first two", {s.issues[0].id, s.issues[1].id}, {}}};
  s.issues[1].metadata = {IssueMeta{"counvte", "QMV"}, IssueMeta{"proc", "COD"}};
  EXPECT_EQ(FromJson(AsJson(s)), s);
  EXPECT_EQ(ParseYamlScenario(WriteYamlScenario(s), "x.yaml").ValueOrThrow(), s);
  const nlohmann::json j = AsJson(s);
  EXPECT_EQ(j["issues"][0]["decision_rule"]["chambers"][0]["weights"]["ROK"], 2);
  EXPECT_EQ(j["issues"][1]["metadata"]["proc"], "COD");
  EXPECT_EQ(j["groups"][0]["issues"][1], s.issues[1].id);
}

TEST(ScenarioTree, AnAliasThatHoldsItselfIsAnErrorNotAHang) {
  const Result<Scenario> r = ParseYamlScenario("title: x\nsources: &s [*s]\n", "a.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors()[0].message.find("alias"), std::string::npos) << FormatErrors(r.errors());
}

// Nested aliases ("billion laughs") would expand a small file into ten million values: the tree
// stops at a budget in proportion to the file and says why.
TEST(ScenarioTree, NestedAliasesThatMultiplyAreAnErrorNotAnExplosion) {
  std::string text = "title: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level <= 7; ++level) {
    text += fmt::format("k{}: &l{} [", level, level);
    for (int i = 0; i < 10; ++i) text += fmt::format("{}*l{}", i == 0 ? "" : ", ", level - 1);
    text += "]\n";
  }
  const Result<Scenario> r = ParseYamlScenario(text, "laughs.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors()[0].message.find("too many values"), std::string::npos)
      << FormatErrors(r.errors());
}

// A JSON tree has no lines: the path in the tree and the names locate the problem.
TEST(ScenarioTree, JsonErrorsNameThePathAndWho) {
  nlohmann::json j = AsJson(Load("scenarios/us-rok-2021.yaml"));
  j["issues"][1]["stances"][2]["salience"] = "high";
  Result<Scenario> r = ScenarioFromJson(j, "scenario");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 1u);
  const Location& at = r.errors()[0].where;
  EXPECT_EQ(at.path, "issues[1].stances[2]");
  EXPECT_EQ(at.field, "salience");
  EXPECT_EQ(at.names, "US_CONGRESS on opcon_transfer");
  EXPECT_EQ(
      r.errors()[0].ToString(),
      "scenario.issues[1].stances[2] (US_CONGRESS on opcon_transfer): salience 'high' is not a "
      "number (field 'salience'); fix: write a plain decimal number such as 13 or 0.45");
}

// Validation errors carry the reader's locations, so a range problem in JSON is named too.
TEST(ScenarioTree, ValidationErrorsKeepPathAndNames) {
  nlohmann::json j = AsJson(Load("scenarios/us-rok-2021.yaml"));
  j["issues"][4]["stances"][0]["salience"] = 1.5;
  const Errors errors = Validate(FromJson(j));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where.path, "issues[4].stances[0]");
  EXPECT_EQ(errors[0].where.field, "salience");
  EXPECT_EQ(errors[0].where.names, "US on " + j["issues"][4]["id"].get<std::string>());
}

// A YAML file keeps its line in the message, and the same path and names beside it.
TEST(ScenarioTree, YamlErrorsKeepTheirLineAndGainPathAndNames) {
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

TEST(ScenarioTree, EveryProblemIsReported) {
  const nlohmann::json j = {
      {"title", {1, 2}},
      {"colour", "red"},
      {"actors", {{{"name", "no id"}}}},
      {"issues", {{{"id", "i"}, {"scale", {{"min", 0}}}, {"decision_rule", "supermajority"}}}}};
  Result<Scenario> r = ScenarioFromJson(j, "scenario");
  ASSERT_FALSE(r.ok());
  std::vector<std::string> where;
  for (const Error& e : r.errors()) where.push_back(e.where.Where() + "|" + e.where.field);
  EXPECT_EQ(where, (std::vector<std::string>{"scenario|colour", "scenario|title",
                                             "scenario.actors[0]|id", "scenario.issues[0]|max",
                                             "scenario.issues[0]|decision_rule"}));
}

TEST(ScenarioTree, ATreeThatIsNotAMapIsRefused) {
  Result<Scenario> r = ScenarioFromJson(nlohmann::json::array(), "scenario");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors()[0].message, "the scenario must be a mapping of keys to values");
  EXPECT_FALSE(ScenarioFromJson(nullptr, "scenario").ok());
}

}  // namespace
}  // namespace entente
