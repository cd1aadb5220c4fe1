// The endpoints a scenario editor uses (rules, import, saved outcomes) and calibrations in the
// server (by name or uploaded text, never a path), called directly without HTTP.
#include <regex>

#include <gtest/gtest.h>

#include "api.hpp"
#include "entente/core/files.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "test_support.hpp"

namespace entente::server {
namespace {

using nlohmann::json;

const std::string kCalibration = "calibrations/deu-1996-2001.yaml";

Api MakeApi(bool with_calibrations = true) {
  ApiConfig c;
  c.catalog = Catalog::Build({test::SourceDir() + "/scenarios"}).ValueOrThrow();
  if (with_calibrations)
    c.calibrations = LoadCalibrations({test::SourceDir() + "/calibrations"}).ValueOrThrow();
  c.limits.cost.max_work = 1e11;  // room for sanitizer builds (as server_api_test)
  return Api(std::move(c));
}

json Flagship() {
  const Scenario s = LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  return json{{"scenario", json::parse(ScenarioToJson(s).dump())}};
}

std::string ReadText(const std::string& rel) {
  return ReadTextFile(test::SourceDir() + "/" + rel).ValueOrThrow();
}

TEST(ServerRules, ListsKindsAndPresetsInWords) {
  const ApiResponse r = MakeApi().ListRules();
  ASSERT_EQ(r.status, 200);
  const json j = json::parse(r.body);
  EXPECT_EQ(j["kinds"], json({"none", "unanimity", "majority", "qualified_majority", "bicameral"}));
  std::map<std::string, std::string> presets;
  for (const json& p : j["presets"]) presets[p["name"]] = p["description"];
  ASSERT_TRUE(presets.contains("un_security_council"));
  EXPECT_NE(presets["un_security_council"].find("15"), std::string::npos)
      << presets["un_security_council"];
  for (const char* eu : {"eu_council_pre_nice", "eu_council_nice", "eu_council_lisbon"}) {
    ASSERT_TRUE(presets.contains(eu)) << eu;
    EXPECT_FALSE(presets[eu].empty());
  }
}

// The rule shapes the dashboard's editor writes are the library's tree: a bicameral rule with
// a table of votes, a share of members, veto players and an agenda setter forecasts, and the
// win-set it implies comes back in words.
TEST(ServerRules, EditorRuleShapesForecast) {
  json body = Flagship();
  json& issue = body["scenario"]["issues"][0];
  issue.erase("veto_players");
  issue["decision_rule"] = {
      {"kind", "bicameral"},
      {"agenda_setter", "US"},
      {"chambers",
       {{{"name", "first"},
         {"kind", "qualified_majority"},
         {"threshold", 0.6},
         {"weights", {{"US", 3}, {"ROK", 2}, {"US_CONGRESS", 1}}},
         {"members", {"US", "ROK", "US_CONGRESS"}}},
        {{"name", "second"}, {"kind", "majority"}, {"veto_players", {"ROK"}}}}}};
  body["models"] = {"compromise", "procedural"};
  const ApiResponse r = MakeApi().PostForecast(body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json proc = json::parse(r.body)["results"][0]["forecast"]["issues"][0]["procedure"];
  ASSERT_TRUE(proc.is_object()) << proc;
  EXPECT_NE(proc["rule"].get<std::string>().find("first"), std::string::npos) << proc["rule"];
  EXPECT_LE(proc["win_set"]["lo"].get<double>(), proc["win_set"]["hi"].get<double>());
}

// A bad rule is a 400 whose message names the issue, not only its index.
TEST(ServerRules, BadRuleNamesTheIssue) {
  json body = Flagship();
  json& issue = body["scenario"]["issues"][2];
  issue["decision_rule"] = {{"kind", "qualified_majority"}, {"threshold", 1.5}};
  const ApiResponse r = MakeApi().PostForecast(body.dump());
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find(issue["id"].get<std::string>()), std::string::npos) << r.body;
}

TEST(ServerImport, YamlTextBecomesTheTreeWithOutcomes) {
  json req{{"yaml", ReadText("tests/data/backtest_small.yaml")}, {"filename", "small.yaml"}};
  const ApiResponse r = MakeApi().PostImport(req.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = json::parse(r.body);
  EXPECT_EQ(j["name"], "small");
  EXPECT_TRUE(j["errors"].empty()) << j["errors"];
  const Result<ScenarioDocument> doc =
      LoadDocument(test::SourceDir() + "/tests/data/backtest_small.yaml");
  ASSERT_TRUE(doc) << FormatErrors(doc.errors());
  EXPECT_EQ(j["scenario"], json::parse(ScenarioToJson(doc.value().scenario).dump()));
  ASSERT_EQ(j["outcomes"].size(), doc.value().outcomes.size());
  EXPECT_EQ(j["outcomes"][0]["value"].get<double>(), doc.value().outcomes[0].value);
}

TEST(ServerImport, ProblemsAreLocatedInTheFileByName) {
  const ApiResponse bad = MakeApi().PostImport(
      json{{"yaml", "entente: 1\ntitle: x\nactors: 3\n"}, {"filename", "mine.yaml"}}.dump());
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("mine.yaml:3"), std::string::npos) << bad.body;
  // A scenario that parses but does not validate opens, with its problems listed.
  // The first stance's salience becomes 7.5 (outside [0, 1]).
  const std::string text =
      std::regex_replace(ReadText("scenarios/us-rok-2021.yaml"), std::regex("salience: [0-9.]+"),
                         "salience: 7.5", std::regex_constants::format_first_only);
  const ApiResponse r = MakeApi().PostImport(json{{"yaml", text}, {"filename", "f.yaml"}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json errors = json::parse(r.body)["errors"];
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0]["text"].get<std::string>().find("salience"), std::string::npos) << errors;
}

TEST(ServerExport, SavedYamlCarriesTheOutcomes) {
  json body = Flagship();
  const std::string id = body["scenario"]["issues"][1]["id"];
  body["outcomes"] = {{{"issue", id}, {"value", 42.5}}};
  const ApiResponse r = MakeApi().ExportYaml(body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("outcome"), std::string::npos);
  EXPECT_NE(r.body.find("42.5"), std::string::npos);
  body["outcomes"] = {{{"issue", "no_such_issue"}, {"value", 1}}};
  EXPECT_EQ(MakeApi().ExportYaml(body.dump()).status, 400);
}

// Regression: the dashboard added an anchor at a value already anchored; the server accepted
// it and saved a YAML file (anchors keyed by value) that no reader could open again.
TEST(ServerExport, RegressionTwoAnchorsAtOneValueAreRefusedNotSaved) {
  json body = Flagship();
  json& anchors = body["scenario"]["issues"][0]["scale"]["anchors"];
  anchors.push_back({{"value", anchors[0]["value"]}, {"label", "no increase at all"}});
  const ApiResponse r = MakeApi().ExportYaml(body.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("two anchors"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(body["scenario"]["issues"][0]["id"].get<std::string>()), std::string::npos);
}

TEST(ServerCalibration, ServedByNameGivesQuantilesAndTheEnsemble) {
  json body = Flagship();
  body["models"] = {"compromise", "ensemble"};
  body["calibration"] = "deu-1996-2001";
  const ApiResponse r = MakeApi().PostForecast(body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = json::parse(r.body);
  for (const json& result : j["results"]) {
    for (const json& issue : result["forecast"]["issues"]) {
      ASSERT_TRUE(issue.contains("quantiles")) << result["model"];
      const json& q = issue["quantiles"];
      EXPECT_EQ(q.size(), 7u);
      EXPECT_LE(q["0.05"].get<double>(), q["0.5"].get<double>());
      EXPECT_LE(q["0.5"].get<double>(), q["0.95"].get<double>());
    }
  }
  const json& info = j["calibration"];
  EXPECT_EQ(info["name"], "deu-1996-2001");
  EXPECT_EQ(info["training"][0]["path"], "deu_proposals_1996_2001.tsv");
  EXPECT_NE(info["caveat"].get<std::string>().find("resemblance"), std::string::npos);
  // Without a calibration the ensemble is refused, naming what it needs.
  body.erase("calibration");
  const ApiResponse no = MakeApi().PostForecast(body.dump());
  EXPECT_EQ(no.status, 400);
  EXPECT_NE(no.body.find("calibration"), std::string::npos) << no.body;
}

TEST(ServerCalibration, UploadedTextIsParsedByTheLibrary) {
  json body = Flagship();
  body["calibration_yaml"] = ReadText(kCalibration);
  const ApiResponse r = MakeApi(false).PostForecast(body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = json::parse(r.body);
  EXPECT_EQ(j["calibration"]["name"], "uploaded calibration");
  EXPECT_TRUE(j["results"][0]["forecast"]["issues"][0].contains("quantiles"));
  body["calibration_yaml"] = "format: 1\ntraining: 7\n";
  const ApiResponse bad = MakeApi(false).PostForecast(body.dump());
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("uploaded calibration"), std::string::npos) << bad.body;
}

// A request names a calibration; it never makes the server read a path.
TEST(ServerCalibration, APathIsNotAName) {
  json body = Flagship();
  for (const std::string& name :
       {test::SourceDir() + "/" + kCalibration, std::string("../calibrations/deu-1996-2001.yaml"),
        std::string("/etc/passwd")}) {
    body["calibration"] = name;
    const ApiResponse r = MakeApi().PostForecast(body.dump());
    EXPECT_EQ(r.status, 400) << name;
    EXPECT_NE(r.body.find("offers no calibration"), std::string::npos) << r.body;
  }
  body["calibration"] = "deu-1996-2001";
  body["calibration_yaml"] = "format: 1\n";
  EXPECT_EQ(MakeApi().PostForecast(body.dump()).status, 400);  // not both
}

TEST(ServerCalibration, ListsServedCalibrations) {
  const json j = json::parse(MakeApi().ListCalibrations().body);
  ASSERT_EQ(j["calibrations"].size(), 1u);
  EXPECT_EQ(j["calibrations"][0]["name"], "deu-1996-2001");
  EXPECT_GT(j["calibrations"][0]["cases"].get<int>(), 100);
  EXPECT_FALSE(LoadCalibrations({test::SourceDir() + "/no-such-folder"}));
  EXPECT_FALSE(LoadCalibrations({test::SourceDir() + "/scenarios/us-rok-2021.yaml"}));
}

// With a calibration the band adds the model's own error to the input noise: wider.
TEST(ServerCalibration, SimulationWithCalibrationIsWider) {
  json body = Flagship();
  body["model"] = "compromise";
  body["draws"] = 400;
  const auto width = [](const ApiResponse& r) {
    double w = 0;
    const json j = json::parse(r.body);
    for (const json& i : j["simulation"]["issues"])
      w += i["quantiles"]["p95"].get<double>() - i["quantiles"]["p05"].get<double>();
    return w;
  };
  const ApiResponse plain = MakeApi().PostSimulate(body.dump());
  ASSERT_EQ(plain.status, 200) << plain.body;
  body["calibration"] = "deu-1996-2001";
  const ApiResponse calibrated = MakeApi().PostSimulate(body.dump());
  ASSERT_EQ(calibrated.status, 200) << calibrated.body;
  EXPECT_GT(width(calibrated), width(plain));
  EXPECT_TRUE(json::parse(calibrated.body).contains("calibration"));
}

TEST(ServerDisagreement, ModelsAgreeFlagsEveryIssue) {
  json body = Flagship();
  body["models"] = {"compromise", "median"};
  body["models_agree"] = true;
  const ApiResponse r = MakeApi().PostForecast(body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = json::parse(r.body);
  for (const json& result : j["results"]) {
    for (const json& issue : result["forecast"]["issues"]) {
      ASSERT_TRUE(issue.contains("models")) << issue["id"];
      EXPECT_TRUE(issue["models"]["flag"] == "agree" || issue["models"]["flag"] == "disagree");
      EXPECT_GE(issue["models"]["outcomes"].size(), 4u);
    }
  }
}

}  // namespace
}  // namespace entente::server
