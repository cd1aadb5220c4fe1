#include "entente/output/forecast_output.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

Scenario Vetoed() {
  Scenario s = test::OneIssue({20, 80}, {1, 1}, {1, 3});
  s.meta.title = "T";
  s.issues[0].scale.anchors = {{0, "none"}, {50, "half"}, {100, "all"}};
  s.issues[0].status_quo = 0;
  s.issues[0].rule = DecisionRule{DecisionKind::kUnanimity, {"a0", "a1"}};
  return s;
}

TEST(ForecastOutput, JsonHasTheDocumentedFields) {
  const Scenario s = Vetoed();
  const nlohmann::ordered_json j = ForecastJson(s, RunForecast(s, "compromise", {}));
  EXPECT_EQ(j["scenario"], "T");
  EXPECT_EQ(j["model"], "compromise");
  const auto& i = j["issues"][0];
  EXPECT_EQ(i["id"], "issue");
  EXPECT_EQ(i["outcome"], 40.0);
  EXPECT_EQ(i["unconstrained"], 65.0);
  EXPECT_EQ(i["status_quo"], 0.0);
  EXPECT_EQ(i["binding_veto"], "a0");
  EXPECT_EQ(i["nearest_anchor"]["label"], "half");
  EXPECT_TRUE(i["anchors"]["at"].is_null());
  EXPECT_EQ(i["anchors"]["below"]["label"], "none");
  EXPECT_EQ(i["anchors"]["above"]["label"], "half");
  EXPECT_FALSE(i.contains("rounds"));
}

TEST(ForecastOutput, TableNamesAnchorAndVeto) {
  const Scenario s = Vetoed();
  const std::string t = ForecastTable(s, RunForecast(s, "compromise", {}));
  EXPECT_NE(t.find("0: none / 50: half"), std::string::npos) << t;
  EXPECT_NE(
      t.find("a move up from the status quo 0.0 passes only as far as 40.0: a0 is pivotal (its "
             "veto binds), and beyond 40.0 a0 says no. Outcome 40.0, not the model's 65.0."),
      std::string::npos)
      << t;
}

// The veto sentence said "accepts at most" also when the veto pushed the outcome up: the words
// now name the direction of the move the veto stops.
TEST(ForecastOutput, VetoThatPushesTheOutcomeUpSaidAtMost) {
  Scenario s = test::OneIssue({80, 20}, {1, 1}, {1, 3});  // the mirror image of Vetoed()
  s.meta.title = "T";
  s.issues[0].status_quo = 100;
  s.issues[0].rule = DecisionRule{DecisionKind::kUnanimity, {"a0", "a1"}};
  const std::string t = ForecastTable(s, RunForecast(s, "compromise", {}));
  EXPECT_NE(
      t.find("a move down from the status quo 100.0 passes only as far as 60.0: a0 is pivotal"),
      std::string::npos)
      << t;
  EXPECT_NE(t.find("Outcome 60.0, not the model's 35.0."), std::string::npos) << t;
}

TEST(ForecastOutput, CsvOneRowPerIssue) {
  const Scenario s = Vetoed();
  EXPECT_EQ(
      ForecastCsv(s, RunForecast(s, "median", {})),
      "issue,name,outcome,unconstrained,status_quo,binding_veto,win_set_empty,among_anchors,rule,"
      "win_set_lo,win_set_hi,binding_test,pivots,blocking\n"
      "issue,Issue,40,80,0,a0,false,0: none / 50: half,\"unanimity of a0, a1\",0,40,veto,a0,a0\n");
}

// 54% of troops showed as "nearest anchor 100 = 28,500 maintained": a value between anchors
// now names both, and only a value within 0.5% of the range counts as at an anchor.
TEST(ForecastOutput, NearestAnchorPassedForEqual) {
  Scale scale;
  scale.anchors = {{0, "none"}, {50, "half"}, {100, "all"}};
  AnchorPlace p = scale.PlaceAmongAnchors(54);
  EXPECT_EQ(p.at, nullptr);
  ASSERT_NE(p.below, nullptr);
  ASSERT_NE(p.above, nullptr);
  EXPECT_EQ(p.below->label, "half");
  EXPECT_EQ(p.above->label, "all");
  p = scale.PlaceAmongAnchors(50.4);
  ASSERT_NE(p.at, nullptr);
  EXPECT_EQ(p.at->label, "half");
  EXPECT_EQ(p.below, nullptr);
  EXPECT_EQ(p.above, nullptr);
  scale.anchors = {{20, "low"}};
  p = scale.PlaceAmongAnchors(10);
  EXPECT_EQ(p.below, nullptr);
  ASSERT_NE(p.above, nullptr);
  EXPECT_EQ(p.above->label, "low");
}

TEST(ForecastOutput, UnknownFormatIsAnError) {
  EXPECT_FALSE(ParseOutputFormat("xml").ok());
  EXPECT_TRUE(ParseOutputFormat("json").ok());
}

}  // namespace
}  // namespace entente
