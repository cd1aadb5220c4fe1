// `entente diff`'s library half: input changes as structured rows, outcomes lined up by issue,
// and the CSV tables of the commands that print tables.
#include "entente/analysis/scenario_pair.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "entente/analysis/cohesion.hpp"
#include "entente/core/scenario_edit.hpp"
#include "entente/formats/csv.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/advisor_output.hpp"
#include "entente/output/diff_output.hpp"
#include "entente/output/table_csv.hpp"
#include "entente/store/run_record.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

Scenario Flagship() {
  return LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
}

TEST(ScenarioPair, InputChangesAreStructured) {
  const Scenario a = Flagship();
  Scenario b = WithEdits(a, {ParseEdit("US.opcon_transfer.salience=0.8").ValueOrThrow(),
                             ParseEdit("opcon_transfer.decision_rule=majority").ValueOrThrow()});
  b.actors.push_back(Actor{"EU", "European Union", "", {}});
  const std::vector<ScenarioChange> c = ScenarioChanges(a, b);
  ASSERT_EQ(c.size(), 3U);
  EXPECT_EQ(c[0].actor, "EU");
  EXPECT_EQ(c[0].change, "added");
  EXPECT_EQ(c[1].field, "decision_rule");
  EXPECT_EQ(c[1].before, "unanimity (veto: US, ROK)");
  EXPECT_EQ(c[1].after, "majority (veto: US, ROK)");
  EXPECT_EQ(c[2].text, "US on opcon_transfer: salience 0.45 -> 0.8");
  EXPECT_EQ(c[2].before, "0.45");
  EXPECT_TRUE(ScenarioChanges(a, a).empty());
}

TEST(ScenarioPair, OutcomesMoveByIssue) {
  const Scenario a = Flagship();
  Scenario b = WithEdits(a, {ParseEdit("opcon_transfer.status_quo=50").ValueOrThrow()});
  b.issues.erase(b.issues.begin());  // the first issue removed
  b.moves.clear();                   // (its moves name it)
  const ScenarioPair p = CompareScenarios(a, b, ModelChoice{"compromise", {}});
  ASSERT_EQ(p.outcomes.size(), a.issues.size());
  EXPECT_EQ(p.outcomes[0].issue, a.issues[0].id);
  EXPECT_FALSE(p.outcomes[0].after.has_value()) << "removed issue: no second forecast";
  const Forecast fa = RunForecast(a, "compromise", {});
  const Forecast fb = RunForecast(b, "compromise", {});
  const OutcomeMove& opcon = p.outcomes[1];
  ASSERT_EQ(opcon.issue, "opcon_transfer");
  EXPECT_EQ(*opcon.before, fa.issues[1].outcome);
  EXPECT_EQ(*opcon.after, fb.issues[0].outcome);
  EXPECT_NE(*opcon.Move(), 0) << "a status quo the veto binds at moves OPCON";
  const nlohmann::ordered_json j = DiffJson(p, "a", "b");
  EXPECT_EQ(j["outcomes"][0]["after"], nullptr);
  EXPECT_EQ(j["model"], "compromise");
  const std::string csv = DiffCsv(p);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "section,actor,issue,field,change,before,after,move,text");
  EXPECT_NE(csv.find("outcome,,sma_2021_increase,outcome,removed"), std::string::npos) << csv;
  EXPECT_NE(DiffTable(p, "a", "b").find("removed"), std::string::npos);
}

TEST(TableCsv, CohesionCsvCarriesTheJsonsNumbers) {
  const Scenario s = Flagship();
  const auto c = Cohesion(s, RunForecast(s, "compromise", {}));
  const nlohmann::ordered_json j = CohesionJson("compromise", c);
  const std::string csv = CohesionCsv(j);
  const Result<CsvTable> t = ParseCsv(csv, "cohesion.csv");
  ASSERT_TRUE(t.ok()) << csv;
  std::size_t members = 0;
  for (const auto& a : j["alliances"]) {
    for (const auto& i : a["issues"]) members += i["members"].size();
  }
  ASSERT_GT(members, 0U);
  EXPECT_EQ(t.value().rows.size(), members);
  const auto& first = j["alliances"][0]["issues"][0];
  EXPECT_EQ(t.value().rows[0].cells[2], CsvCell(first["strain"]));
  EXPECT_EQ(CsvCell(nlohmann::ordered_json(0.1)), "0.1");
  EXPECT_EQ(CsvCell(nlohmann::ordered_json()), "");
}

TEST(RunSummary, ReadsOptionsDrawsNoiseEditsPoolAndCoder) {
  RunRecord r;
  r.options_json =
      R"({"model":"eu","model_options":{"rounds":"8"},"draws":500,"seed":1,"noise_percent":10,)"
      R"("set":["US.capability=70"]})";
  const RunSummary s = SummarizeRun(r);
  EXPECT_EQ(s.options, "rounds=8");
  EXPECT_EQ(s.draws, 500);
  EXPECT_EQ(s.noise_percent, 10);
  EXPECT_EQ(s.edits, std::vector<std::string>{"US.capability=70"});
  EXPECT_EQ(s.pool, "");
  EXPECT_EQ(s.coder, "");
  r.options_json = R"({"model_options":{"eu":{"rounds":"8"}},"pool":"median","coder":"ann"})";
  EXPECT_EQ(SummarizeRun(r).options, "eu.rounds=8");
  EXPECT_EQ(SummarizeRun(r).pool, "median");
  EXPECT_EQ(SummarizeRun(r).coder, "ann");
  r.options_json = "not json";
  EXPECT_EQ(SummarizeRun(r).options, "") << "a damaged row still lists";
}

}  // namespace
}  // namespace entente
