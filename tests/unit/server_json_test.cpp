// The dashboard's scenario JSON: round trips and located errors (apps/server/scenario_json).
#include <gtest/gtest.h>

#include "entente/formats/scenario_io.hpp"
#include "scenario_json.hpp"
#include "test_support.hpp"

namespace entente::server {
namespace {

Scenario Load(const std::string& relative) {
  Result<Scenario> s = LoadScenario(test::SourceDir() + "/" + relative);
  EXPECT_TRUE(s.ok());
  return std::move(s).value();
}

Scenario RoundTrip(const Scenario& s) {
  const nlohmann::json j = nlohmann::json::parse(ScenarioToJson(s).dump());
  Result<Scenario> back = ScenarioFromJson(j, "scenario");
  EXPECT_TRUE(back.ok()) << (back ? "" : FormatErrors(back.errors()));
  return back ? back.value() : Scenario{};
}

TEST(ServerJson, FlagshipRoundTripsExactly) {
  const Scenario s = Load("scenarios/us-rok-2021.yaml");
  EXPECT_EQ(RoundTrip(s), s);
  EXPECT_FALSE(s.moves.empty());
  EXPECT_FALSE(s.alliances.empty());
}

TEST(ServerJson, SpreadsRoundTrip) {
  const Scenario s = Load("tests/data/uncertain.yaml");
  EXPECT_EQ(RoundTrip(s), s);
}

TEST(ServerJson, ShapeFollowsTheYamlFormat) {
  const nlohmann::ordered_json j = ScenarioToJson(Load("scenarios/us-rok-2021.yaml"));
  const auto& issue = j["issues"][0];
  EXPECT_EQ(issue["id"], "sma_2021_increase");
  EXPECT_EQ(issue["decision_rule"], "unanimity");
  EXPECT_EQ(issue["veto_players"], (std::vector<std::string>{"US", "ROK"}));
  EXPECT_EQ(issue["status_quo"], 0.0);
  EXPECT_EQ(issue["stances"][0]["actor"], "US");
  EXPECT_EQ(issue["stances"][0]["position"], 13.0);
  EXPECT_EQ(issue["stances"][0]["basis"], "brief");
  EXPECT_FALSE(issue["stances"][0].contains("position_spread"));
}

TEST(ServerJson, WrongTypeIsLocatedByJsonPath) {
  nlohmann::json j =
      nlohmann::json::parse(ScenarioToJson(Load("scenarios/us-rok-2021.yaml")).dump());
  j["issues"][1]["stances"][2]["salience"] = "high";
  Result<Scenario> r = ScenarioFromJson(j, "scenario");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 1u);
  EXPECT_EQ(
      r.errors()[0].ToString(),
      "scenario.issues[1].stances[2]: 'salience' must be a number, got string (field 'salience'); "
      "fix: write a plain number such as 0.5");
}

TEST(ServerJson, EveryProblemIsReported) {
  nlohmann::json j = {
      {"title", 3},
      {"colour", "red"},
      {"actors", {{{"name", "no id"}}}},
      {"issues", {{{"id", "i"}, {"scale", {{"min", 0}}}, {"decision_rule", "supermajority"}}}}};
  Result<Scenario> r = ScenarioFromJson(j, "scenario");
  ASSERT_FALSE(r.ok());
  std::vector<std::string> texts;
  for (const Error& e : r.errors()) texts.push_back(e.where.file + "|" + e.where.field);
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "scenario|colour", "scenario|title", "scenario.actors[0]|id",
                       "scenario.issues[0].scale|max", "scenario.issues[0]|decision_rule"}));
}

TEST(ServerJson, DecisionRulesRoundTripInTheYamlShape) {
  Scenario s = Load("scenarios/us-rok-2021.yaml");
  DecisionRule council;
  council.kind = DecisionKind::kQualifiedMajority;
  council.name = "Council";
  council.threshold = 0.7;
  council.weight_source = WeightSource::kTable;
  // In key order: the request body is a plain nlohmann::json, whose objects sort their keys.
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
  EXPECT_EQ(RoundTrip(s), s);
  const nlohmann::ordered_json j = ScenarioToJson(s);
  EXPECT_EQ(j["issues"][0]["decision_rule"]["chambers"][0]["weights"]["ROK"], 2);
  EXPECT_EQ(j["issues"][2]["decision_rule"]["preset"], "un_security_council");
}

TEST(ServerJson, NotAnObject) {
  Result<Scenario> r = ScenarioFromJson(nlohmann::json::array(), "scenario");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors()[0].message, "expected an object, got array");
}

TEST(ServerJson, ErrorJsonCarriesTheCliText) {
  const Error e{Location{"scenario.issues[0]", 0, "status_quo"}, "outside the scale", "move it"};
  const nlohmann::ordered_json j = ErrorJson(e);
  EXPECT_EQ(j["where"], "scenario.issues[0]");
  EXPECT_EQ(j["field"], "status_quo");
  EXPECT_EQ(j["text"], e.ToString());
}

}  // namespace
}  // namespace entente::server
