// POST /api/coders, called directly (no HTTP): the library's coders analysis of the scenario a
// dashboard holds, its pool rule and edits, and located refusals.
#include <gtest/gtest.h>

#include "api.hpp"
#include "entente/analysis/backtest.hpp"
#include "entente/analysis/coders.hpp"
#include "entente/analysis/run_parameters.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "entente/output/coders_output.hpp"
#include "test_support.hpp"

namespace entente::server {
namespace {

using nlohmann::json;

const std::string kThree = "tests/data/coders/three_coders.yaml";

Api MakeApi(double max_work = 1e11) {
  ApiConfig c;
  c.catalog = Catalog::Build({test::SourceDir() + "/scenarios"}).ValueOrThrow();
  c.limits.cost.max_work = max_work;  // room for sanitizer builds (as server_api_test)
  return Api(std::move(c));
}

Scenario Load(const std::string& rel) {
  return LoadScenario(test::SourceDir() + "/" + rel).ValueOrThrow();
}

json Body(const std::string& rel) {
  return json{{"scenario", json::parse(ScenarioToJson(Load(rel)).dump())}};
}

// What `entente coders --model M --pool P --set ...` computes, as JSON.
json Library(const std::string& rel, const std::string& model, PoolRule pool,
             const std::vector<std::string>& edits = {}) {
  RunParameters p;
  p.model = ModelChoice{model, {}};
  p.pool = pool;
  p.edits = ParseEdits(edits).ValueOrThrow();
  const CodersAnalysis a =
      AnalyseCoders(EditedScenario(Load(rel), p), p.model, std::string(PoolRuleName(pool)));
  return json::parse(CodersJson(a).dump());
}

TEST(ServerCoders, AnswersTheLibrarysAnalysis) {
  json body = Body(kThree);
  body["model"] = "compromise";
  const ApiResponse r = MakeApi().PostCoders(body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = json::parse(r.body);
  EXPECT_EQ(j["title"], "Three coders on a budget deal");
  EXPECT_EQ(j["coders"], Library(kThree, "compromise", PoolRule::kMean));
  EXPECT_EQ(j["coders"]["coders"], json({"ann", "bob", "cy"}));
  // The coders disagree about A on `deal`: the outcome moves between them.
  EXPECT_GT(j["coders"]["issues"][0]["range"].get<double>(), 0);
  EXPECT_EQ(j["coders"]["issues"][0]["ask_again"][0]["actor"], "A");
}

TEST(ServerCoders, TakesThePoolRuleAndEditsAsTheCliDoes) {
  json body = Body(kThree);
  body["model"] = "median";
  body["pool"] = "median";
  body["set"] = {"C.deal.position=70"};
  const ApiResponse r = MakeApi().PostCoders(body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = json::parse(r.body)["coders"];
  EXPECT_EQ(j["pool"], "median");
  EXPECT_EQ(j, Library(kThree, "median", PoolRule::kMedian, {"C.deal.position=70"}));
  EXPECT_NE(j, Library(kThree, "median", PoolRule::kMedian));  // the edit counts
  EXPECT_NE(j["issues"][0]["pooled"],
            Library(kThree, "median", PoolRule::kMean)["issues"][0]["pooled"]);
}

TEST(ServerCoders, ScenarioWithoutCodersIsRefusedWithTheFix) {
  const ApiResponse r = MakeApi().PostCoders(Body("scenarios/us-rok-2021.yaml").dump());
  ASSERT_EQ(r.status, 400) << r.body;
  const json e = json::parse(r.body)["errors"][0];
  EXPECT_EQ(e["field"], "scenario");
  EXPECT_NE(e["text"].get<std::string>().find("no coders"), std::string::npos) << e;
  EXPECT_NE(e["hint"].get<std::string>().find("coder"), std::string::npos) << e;
}

// A bad number in one coder's coding is located in the request and names actor and issue.
TEST(ServerCoders, BadCodingNamesActorAndIssue) {
  json body = Body(kThree);
  body["scenario"]["issues"][0]["stances"][2]["salience"] = 1.5;  // cy's A on deal
  const ApiResponse r = MakeApi().PostCoders(body.dump());
  ASSERT_EQ(r.status, 400) << r.body;
  const std::string text = json::parse(r.body)["errors"][0]["text"];
  EXPECT_NE(text.find("scenario.issues[0].stances[2]"), std::string::npos) << text;
  EXPECT_NE(text.find("A on deal"), std::string::npos) << text;
  EXPECT_NE(text.find("coder 'cy'"), std::string::npos) << text;
  EXPECT_NE(text.find("salience"), std::string::npos) << text;
}

TEST(ServerCoders, RefusesKeysItDoesNotTakeAndWorkOverTheLimit) {
  json body = Body(kThree);
  body["models"] = {"compromise", "eu"};
  ApiResponse r = MakeApi().PostCoders(body.dump());
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(json::parse(r.body)["errors"][0]["field"], "models");
  body.erase("models");
  body["pool"] = "average";
  r = MakeApi().PostCoders(body.dump());
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(json::parse(r.body)["errors"][0]["field"], "pool");
  body["pool"] = "mean";
  body["model"] = "eu";
  r = MakeApi(1e3).PostCoders(body.dump());
  ASSERT_EQ(r.status, 422) << r.body;
  const std::string text = json::parse(r.body)["errors"][0]["text"];
  // 1 pooled + 3 coders alone + 7 codings.
  EXPECT_NE(text.find("11 forecasts"), std::string::npos) << text;
}

// /api/backtest scores one coder's numbers alone when asked ("coder", as the CLI's --coder).
TEST(ServerCoders, BacktestScoresOneCoder) {
  json body = Body(kThree);
  body["models"] = {"compromise"};
  body["bootstrap"] = 0;
  body["outcomes"] = {{{"issue", "deal"}, {"value", 72}}, {{"issue", "tax"}, {"value", 3}}};
  const auto mae = [&body] {
    const ApiResponse r = MakeApi().PostBacktest(body.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body)["backtest"]["models"][0]["mae"].get<double>();
  };
  const double pooled = mae();
  body["coder"] = "ann";
  const double ann = mae();
  RunParameters p = RunParameters::Defaults(RunKind::kBacktest);
  p.models = {"compromise"};
  p.bootstrap = 0;
  const std::vector<Outcome> outcomes{{"deal", 72, "", "", {}}, {"tax", 3, "", "", {}}};
  const Scenario alone = CoderScenario(Load(kThree), "ann");
  EXPECT_DOUBLE_EQ(ann, RunBacktest(alone, outcomes, ToBacktest(p)).scores[0].mae.value);
  EXPECT_NE(ann, pooled);
  body["coder"] = "zed";
  const ApiResponse r = MakeApi().PostBacktest(body.dump());
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(json::parse(r.body)["errors"][0]["field"], "coder");
}

}  // namespace
}  // namespace entente::server
