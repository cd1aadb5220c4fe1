// The API handlers called directly (no HTTP): answers, status codes and located errors.
#include <gtest/gtest.h>

#include "api.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "entente/models/registry.hpp"
#include "error_json.hpp"
#include "test_support.hpp"

namespace entente::server {
namespace {

const std::string kFlagship = "scenarios/us-rok-2021.yaml";

Api MakeApi() {
  ApiConfig c;
  c.catalog = Catalog::Build({test::SourceDir() + "/scenarios"}).ValueOrThrow();
  // The running CPU budget equals max_work in nanoseconds; under the sanitizers the advisor
  // took 9 s of the default 5 and answered 422. The bounds have tests of their own
  // (server_cost_test, server_budget_test); these test what the endpoints answer.
  c.limits.cost.max_work = 1e11;
  return Api(std::move(c));
}

nlohmann::json FlagshipBody() {
  const Scenario s = LoadScenario(test::SourceDir() + "/" + kFlagship).ValueOrThrow();
  return nlohmann::json{{"scenario", nlohmann::json::parse(ScenarioToJson(s).dump())}};
}

TEST(ServerApi, ForecastMatchesTheLibrary) {
  nlohmann::json body = FlagshipBody();
  body["models"] = {"compromise", "eu"};
  const ApiResponse r = MakeApi().PostForecast(body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json j = nlohmann::json::parse(r.body);
  const Scenario s = LoadScenario(test::SourceDir() + "/" + kFlagship).ValueOrThrow();
  const Forecast eu = RunForecast(s, "eu", {});
  ASSERT_EQ(j["results"].size(), 2u);
  EXPECT_EQ(j["results"][1]["model"], "eu");
  for (std::size_t i = 0; i < eu.issues.size(); ++i) {
    EXPECT_EQ(j["results"][1]["forecast"]["issues"][i]["outcome"].get<double>(),
              eu.issues[i].outcome);
  }
  EXPECT_TRUE(j["results"][0]["run_id"].is_null());
}

TEST(ServerApi, MovesChangeTheForecast) {
  nlohmann::json body = FlagshipBody();
  const std::string move = body["scenario"]["moves"][0]["id"];
  const nlohmann::json before = nlohmann::json::parse(MakeApi().PostForecast(body.dump()).body);
  body["moves"] = {move};
  const ApiResponse r = MakeApi().PostForecast(body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(nlohmann::json::parse(r.body)["results"], before["results"]);
  body["moves"] = {"no_such_move"};
  EXPECT_EQ(MakeApi().PostForecast(body.dump()).status, 400);
}

TEST(ServerApi, InvalidScenarioIs400WithLocatedMessages) {
  nlohmann::json body = FlagshipBody();
  body["scenario"]["issues"][0]["stances"][1]["salience"] = 1.5;
  const ApiResponse r = MakeApi().PostForecast(body.dump());
  EXPECT_EQ(r.status, 400);
  const nlohmann::json e = nlohmann::json::parse(r.body)["errors"][0];
  EXPECT_EQ(e["where"], "scenario.issues[0].stances[1]");
  EXPECT_EQ(e["field"], "salience");
}

TEST(ServerApi, YamlBodyIsLocatedByLineLikeTheCli) {
  const ApiResponse r =
      MakeApi().PostValidate(nlohmann::json{{"yaml", "entente: 1\ntitle: x\nactors: 3\n"}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("scenario.yaml:3"), std::string::npos) << r.body;
}

// The encoding rule reaches the server too (issue #16 item 5): bytes that are not UTF-8 are
// malformed JSON, and a NUL in a name - in YAML text or in the JSON scenario - is a located
// 400, not a stored run that later fails to export.
TEST(ServerApi, TextThatIsNotUtf8OrHoldsNulIs400) {
  EXPECT_EQ(MakeApi().PostValidate("{\"yaml\": \"title: S\xE9\"}").status, 400);
  const ApiResponse yaml = MakeApi().PostValidate(
      nlohmann::json{{"yaml", std::string("entente: 1\ntitle: a\0b\n", 22)}}.dump());
  EXPECT_EQ(yaml.status, 400);
  EXPECT_NE(yaml.body.find("scenario.yaml:2: NUL byte"), std::string::npos) << yaml.body;
  nlohmann::json body = FlagshipBody();
  body["scenario"]["actors"][0]["name"] = std::string("a\0b", 3);
  const ApiResponse json = MakeApi().PostForecast(body.dump());
  EXPECT_EQ(json.status, 400);
  EXPECT_NE(json.body.find("name holds a NUL character"), std::string::npos) << json.body;
}

TEST(ServerApi, MalformedJsonIs400) {
  const ApiResponse r = MakeApi().PostForecast("{\"scenario\": ");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("malformed JSON"), std::string::npos);
}

TEST(ServerApi, ScenariosAreFoundByNameOnly) {
  const Api api = MakeApi();
  EXPECT_EQ(api.GetScenario("us-rok-2021").status, 200);
  EXPECT_EQ(api.GetScenario("../scenarios/us-rok-2021").status, 404);
  EXPECT_EQ(api.GetScenario("/etc/passwd").status, 404);
}

TEST(ServerApi, SimulateIsBoundedAndSeeded) {
  nlohmann::json body = FlagshipBody();
  body["draws"] = 200;
  const ApiResponse a = MakeApi().PostSimulate(body.dump());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(MakeApi().PostSimulate(body.dump()).body, a.body);
  body["draws"] = 1e9;
  EXPECT_EQ(MakeApi().PostSimulate(body.dump()).status, 400);
}

TEST(ServerApi, AdviseNeedsAKnownActor) {
  nlohmann::json body = FlagshipBody();
  body["actor"] = "US";
  EXPECT_EQ(MakeApi().PostAdvise(body.dump()).status, 200);
  body["actor"] = "NOBODY";
  EXPECT_EQ(MakeApi().PostAdvise(body.dump()).status, 400);
}

TEST(ServerApi, ExportYamlReadsBack) {
  nlohmann::json body = FlagshipBody();
  body["filename"] = "edited.yaml";
  const ApiResponse r = MakeApi().ExportYaml(body.dump());
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.filename, "edited.yaml");
  body["filename"] = "../evil.yaml";
  EXPECT_EQ(MakeApi().ExportYaml(body.dump()).status, 400);
}

TEST(ServerApi, ReportExportsTheHtmlReportWithItsPrimaryModelFirst) {
  nlohmann::json body = FlagshipBody();
  body["models"] = {"compromise", "median"};
  body["draws"] = 200;
  const ApiResponse r = MakeApi().ExportReport(body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.filename, "report.html");
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<svg "), std::string::npos);
  EXPECT_NE(r.body.find("forecast with the compromise model"), std::string::npos);
  body["format"] = "md";
  const ApiResponse md = MakeApi().ExportReport(body.dump());
  ASSERT_EQ(md.status, 200);
  EXPECT_EQ(md.filename, "report.md");
  EXPECT_EQ(md.body.find("<svg"), std::string::npos);
}

TEST(ServerApi, ReportRejectsBadModelsAndTooManyDraws) {
  nlohmann::json body = FlagshipBody();
  body["models"] = {"nash"};
  EXPECT_EQ(MakeApi().ExportReport(body.dump()).status, 400);
  body["models"] = "median";
  EXPECT_EQ(MakeApi().ExportReport(body.dump()).status, 400);
  body.erase("models");
  body["draws"] = 1e9;
  EXPECT_EQ(MakeApi().ExportReport(body.dump()).status, 400);
}

TEST(ServerApi, TooManyStancesIsRefused) {
  ApiConfig c;
  c.limits.max_stances = 10;
  EXPECT_EQ(Api(std::move(c)).PostForecast(FlagshipBody().dump()).status, 400);
}

// Regression (issue #16, item 8): `"draws": 1e400` answered 500 "internal error".
TEST(ServerApi, RegressionANumberBeyondADoubleIs400NamingItsField) {
  const std::string flagship = FlagshipBody()["scenario"].dump();
  ApiResponse r = MakeApi().PostSimulate(R"({"draws": 1e400, "scenario": )" + flagship + "}");
  ASSERT_EQ(r.status, 400) << r.body;
  nlohmann::json e = nlohmann::json::parse(r.body)["errors"][0];
  EXPECT_EQ(e["where"], "request body");
  EXPECT_EQ(e["field"], "draws");
  EXPECT_NE(e["message"].get<std::string>().find("1e400"), std::string::npos) << e;
  // Inside the scenario: located like every other scenario error.
  nlohmann::json body = FlagshipBody();
  body["scenario"]["issues"][2]["stances"][1]["salience"] = 0.123456;
  std::string text = body.dump();
  text.replace(text.find("0.123456"), 8, "-2e999");
  r = MakeApi().PostForecast(text);
  ASSERT_EQ(r.status, 400) << r.body;
  e = nlohmann::json::parse(r.body)["errors"][0];
  EXPECT_EQ(e["where"], "scenario.issues[2].stances[1]");
  EXPECT_EQ(e["field"], "salience");
  r = MakeApi().PostForecast(R"({"models": [1, 1e400]})");
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["errors"][0]["where"], "models[1]");
}

// The HTTP layer sets the flag when the client hangs up; the answer is then 503.
TEST(ServerApi, ACancelledRequestStopsAndAnswers503) {
  std::atomic<bool> cancel{true};
  nlohmann::json body = FlagshipBody();
  body["models"] = {"eu"};
  EXPECT_EQ(MakeApi().PostForecast(body.dump(), &cancel).status, 503);
  body.erase("models");  // simulate runs one model
  body["model"] = "compromise";
  body["draws"] = 5000;
  EXPECT_EQ(MakeApi().PostSimulate(body.dump(), &cancel).status, 503);
  cancel = false;
  EXPECT_EQ(MakeApi().PostSimulate(body.dump(), &cancel).status, 200);
}

}  // namespace
}  // namespace entente::server
