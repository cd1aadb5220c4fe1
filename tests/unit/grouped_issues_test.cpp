// Issues by group: the order tables and reports list them in, and the `group` the outputs carry.
// tests/data/backtest_small.yaml has groups p1 (three issues), p2 (two) and p3_solo in none.
#include "entente/core/grouped_issues.hpp"

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "entente/analysis/monte_carlo.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/advisor_output.hpp"
#include "entente/output/forecast_output.hpp"
#include "entente/output/simulation_output.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

// backtest_small.yaml with names, so the outputs show them.
Scenario Grouped() {
  Scenario s = LoadScenario(test::SourceDir() + "/tests/data/backtest_small.yaml").ValueOrThrow();
  for (Issue& i : s.issues) i.name = i.id;
  return s;
}

Scenario Ungrouped() {
  Scenario s = Grouped();
  s.groups.clear();
  return s;
}

// Lines of `text` that equal `line`, the first at or after `from`; npos when absent.
std::size_t LineAt(const std::string& text, const std::string& line, std::size_t from = 0) {
  for (std::size_t at = text.find(line, from); at != std::string::npos;
       at = text.find(line, at + 1)) {
    const bool starts = at == 0 || text[at - 1] == '\n';
    const bool ends = at + line.size() == text.size() || text[at + line.size()] == '\n';
    if (starts && ends) return at;
  }
  return std::string::npos;
}

TEST(GroupedIssues, GroupsInOrderThenTheIssuesOfNoGroup) {
  const Scenario s = Grouped();
  const std::vector<GroupedIssues> sections = IssuesByGroup(s);
  ASSERT_EQ(sections.size(), 3u);
  ASSERT_NE(sections[0].group, nullptr);
  EXPECT_EQ(sections[0].group->id, "p1");
  EXPECT_EQ(sections[0].issues, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(sections[1].issues, (std::vector<std::size_t>{3, 4}));
  EXPECT_EQ(sections[2].group, nullptr);
  EXPECT_EQ(sections[2].issues, (std::vector<std::size_t>{5}));
  EXPECT_EQ(GroupHeading(sections[0]), "group p1: First package");
  EXPECT_EQ(GroupHeading(sections[2]), "other issues (no group)");
  EXPECT_EQ(GroupIdOf(s, "p2_reach"), "p2");
  EXPECT_EQ(GroupIdOf(s, "p3_solo"), "");
}

TEST(GroupedIssues, TheGroupsOrderWinsAndBadEntriesAreSkipped) {
  Scenario s = Grouped();
  // A group listing its issues in another order, once twice and once unknown (validation
  // reports both; the tables must still list every issue exactly once).
  s.groups = {IssueGroup{"g", "", {"p2_reach", "nope", "p1_budget", "p2_reach"}, {}}};
  const std::vector<GroupedIssues> sections = IssuesByGroup(s);
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].issues, (std::vector<std::size_t>{4, 0}));
  EXPECT_EQ(GroupHeading(sections[0]), "group g");
  EXPECT_EQ(sections[1].issues, (std::vector<std::size_t>{1, 2, 3, 5}));
}

TEST(GroupedIssues, WithoutGroupsOneSectionOfEveryIssue) {
  const std::vector<GroupedIssues> sections = IssuesByGroup(Ungrouped());
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(sections[0].group, nullptr);
  EXPECT_EQ(sections[0].issues, (std::vector<std::size_t>{0, 1, 2, 3, 4, 5}));
}

TEST(GroupedIssues, ForecastTableHasAHeadingLineBeforeEachGroup) {
  const Scenario s = Grouped();
  const std::string t = ForecastTable(s, RunForecast(s, "compromise", {}));
  const std::size_t p1 = LineAt(t, "group p1: First package");
  const std::size_t p2 = LineAt(t, "group p2: Second package");
  const std::size_t rest = LineAt(t, "other issues (no group)");
  ASSERT_NE(p1, std::string::npos) << t;
  ASSERT_NE(p2, std::string::npos) << t;
  ASSERT_NE(rest, std::string::npos) << t;
  EXPECT_LT(p1, t.find("\np1_budget"));
  EXPECT_LT(t.find("\np1_timing"), p2);
  EXPECT_LT(p2, t.find("\np2_rate"));
  EXPECT_LT(t.find("\np2_reach"), rest);
  EXPECT_LT(rest, t.find("\np3_solo"));
}

TEST(GroupedIssues, UngroupedForecastTableHasNoHeadings) {
  const Scenario s = Ungrouped();
  const std::string t = ForecastTable(s, RunForecast(s, "compromise", {}));
  EXPECT_EQ(t.find("group"), std::string::npos) << t;
  EXPECT_EQ(LineAt(t, "other issues (no group)"), std::string::npos);
}

TEST(GroupedIssues, ForecastJsonCarriesGroupsAndEachIssuesGroup) {
  const Scenario s = Grouped();
  const nlohmann::ordered_json j = ForecastJson(s, RunForecast(s, "compromise", {}));
  ASSERT_EQ(j["groups"].size(), 2u);
  EXPECT_EQ(j["groups"][1]["id"], "p2");
  EXPECT_EQ(j["groups"][1]["name"], "Second package");
  EXPECT_EQ(j["groups"][1]["issues"], nlohmann::json({"p2_rate", "p2_reach"}));
  // The issues keep the scenario's order.
  EXPECT_EQ(j["issues"][0]["id"], "p1_budget");
  EXPECT_EQ(j["issues"][0]["group"], "p1");
  EXPECT_EQ(j["issues"][4]["group"], "p2");
  EXPECT_TRUE(j["issues"][5]["group"].is_null());

  const Scenario u = Ungrouped();
  const nlohmann::ordered_json ju = ForecastJson(u, RunForecast(u, "compromise", {}));
  EXPECT_FALSE(ju.contains("groups"));
  EXPECT_FALSE(ju["issues"][0].contains("group"));
}

TEST(GroupedIssues, ForecastCsvHasAGroupColumnOnlyWithGroups) {
  const Scenario s = Grouped();
  const std::string csv = ForecastCsv(s, RunForecast(s, "compromise", {}));
  EXPECT_EQ(csv.rfind("issue,group,name,outcome,", 0), 0u) << csv;
  EXPECT_NE(csv.find("\np2_rate,p2,p2_rate,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\np3_solo,,p3_solo,"), std::string::npos) << csv;
  const Scenario u = Ungrouped();
  EXPECT_EQ(ForecastCsv(u, RunForecast(u, "compromise", {})).rfind("issue,name,outcome,", 0), 0u);
}

TEST(GroupedIssues, SimulationTableAndJsonGoByGroup) {
  const Scenario s = Grouped();
  SimulationOptions o;
  o.model = "compromise";
  o.draws = 20;
  const SimulationResult r = Simulate(s, o);
  const std::string t = SimulationTable(s, r);
  ASSERT_NE(LineAt(t, "group p2: Second package"), std::string::npos) << t;
  EXPECT_LT(LineAt(t, "group p2: Second package"), t.find("\np2_rate"));
  EXPECT_LT(LineAt(t, "other issues (no group)"), t.find("\np3_solo"));
  const nlohmann::ordered_json j = SimulationJson(s, r);
  EXPECT_EQ(j["groups"].size(), 2u);
  EXPECT_EQ(j["issues"][3]["group"], "p2");
  EXPECT_TRUE(j["issues"][5]["group"].is_null());
  EXPECT_FALSE(SimulationJson(Ungrouped(), r)["issues"][0].contains("group"));
}

TEST(GroupedIssues, ComparisonTableAndJsonGoByGroup) {
  const Scenario s = Grouped();
  const Forecast f = RunForecast(s, "compromise", {});
  const std::vector<Variant> variants = {Variant{{}, f, {}, std::nullopt},
                                         Variant{{"m"}, f, {}, std::nullopt}};
  const std::string t = ComparisonTable(s, variants);
  // Once for the outcomes, once for the model's forecasts before the rule.
  const std::size_t first = LineAt(t, "group p1: First package");
  ASSERT_NE(first, std::string::npos) << t;
  EXPECT_NE(LineAt(t, "group p1: First package", first + 1), std::string::npos) << t;
  const nlohmann::ordered_json j = ComparisonJson(s, variants);
  EXPECT_EQ(j["groups"][0]["id"], "p1");
  EXPECT_EQ(j["variants"][1]["issues"][2]["group"], "p1");
  EXPECT_FALSE(ComparisonJson(Ungrouped(), variants)["variants"][0]["issues"][0].contains("group"));
}

}  // namespace
}  // namespace entente
