// Gathering and rendering reports: the flagship end to end, errors, determinism, stored runs.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "entente/report/render.hpp"
#include "entente/report/report.hpp"
#include "entente/report/summary.hpp"
#include "entente/store/run_record.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

Scenario Flagship() {
  return LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
}

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

ReportOptions Quick() {
  ReportOptions o;
  o.run.draws = 300;
  return o;
}

TEST(Report, GathersEveryModelWithThePrimaryFirst) {
  ReportOptions o = Quick();
  o.run.model.name = "compromise";
  const ReportData d = GatherReport(Flagship(), o);
  // Every registered model that needs no calibration, in registry order, primary first.
  std::vector<std::string> expected{"compromise"};
  for (const ModelInfo& m : Models()) {
    if (m.name != "compromise" && !m.calibrated) expected.emplace_back(m.name);
  }
  ASSERT_EQ(d.forecasts.size(), expected.size());
  EXPECT_EQ(d.forecasts[0].model, "compromise");
  EXPECT_EQ(d.options.run.models, expected);
  ASSERT_TRUE(d.simulation.has_value());
  EXPECT_EQ(d.simulation->model, "compromise");
  EXPECT_EQ(d.simulation->draws_done, 300);
  EXPECT_EQ(d.simulation->sensitivity.size(), d.scenario.issues.size());
  EXPECT_EQ(d.cohesion.size(), 2u);  // us-rok and us-rok-japan
  ASSERT_NE(TrajectoryForecast(d), nullptr);
  EXPECT_EQ(TrajectoryForecast(d)->model, "eu");
}

TEST(Report, HtmlIsSelfContainedWithChartsForEveryIssue) {
  const Scenario s = Flagship();
  const std::string html = RenderHtml(GatherReport(s, Quick()));
  EXPECT_EQ(Count(html, "<section class=\"issue\""), static_cast<int>(s.issues.size()));
  // Per issue: scale, histogram, tornado, trajectories, allies' gap.
  EXPECT_EQ(Count(html, "<svg "), 5 * static_cast<int>(s.issues.size()));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  // The summary comes before the first issue.
  EXPECT_LT(html.find("<h2>Summary</h2>"), html.find("<section class=\"issue\""));
}

TEST(Report, WithoutDrawsThereIsNoDistributionAndTheSummarySaysSo) {
  ReportOptions o;
  o.run.draws = 0;
  o.run.models = {"median"};
  const ReportData d = GatherReport(Flagship(), o);
  EXPECT_FALSE(d.simulation.has_value());
  EXPECT_EQ(TrajectoryForecast(d), nullptr);
  const std::vector<IssueSummary> summary = Summarize(d);
  EXPECT_EQ(summary[2].certainty,
            "No Monte Carlo draws were run, so how sure the forecast is was not measured.");
  // Sanctions relief, a Security Council decision: US's veto holds the status quo against the
  // model's 55.
  EXPECT_EQ(summary[2].forecast,
            "The median model forecasts 25.0 (at anchor 25 = existing UNSC regime as is). "
            "Under the UN Security Council's rule (9 of 15 votes, no veto by US, CHINA, RUSSIA), "
            "no move up from the status quo 25.0 wins: US holds a veto and prefers the status "
            "quo; only CHINA and RUSSIA (2 of 15 members) want the move. The status quo holds, "
            "not the model's 55.0.");
  const std::string html = RenderHtml(d);
  EXPECT_EQ(Count(html, "<svg "), 2 * static_cast<int>(d.scenario.issues.size()));  // scale, gap
}

// "How sure" names the models' outcomes where they span over a quarter of the scale, from the
// report's own models or, with one model, from the forecast's models_agree data.
TEST(Report, HowSureStatesWideModelDisagreement) {
  ReportOptions o;
  o.run.draws = 0;
  o.run.models = {"median"};
  ReportData d = GatherReport(Flagship(), o);
  ASSERT_EQ(d.scenario.issues[1].id, "opcon_transfer");
  ASSERT_DOUBLE_EQ(d.scenario.issues[1].scale.Range(), 100);
  const std::string none =
      "No Monte Carlo draws were run, so how sure the forecast is was not measured.";
  EXPECT_EQ(Summarize(d)[1].certainty, none);
  // One forecast with its models_agree data: 40 to 75 is 35% of the scale.
  d.forecasts[0].issues[1].disagreement =
      Disagreement{{{"compromise", 62}, {"median", 75}, {"eu", 40}}, 40, 75, true};
  EXPECT_EQ(Summarize(d)[1].certainty,
            none +
                " On opcon_transfer the models disagree: compromise 62.0, median 75.0, eu "
                "40.0 (35% of the scale apart), so no single number is reliable.");
  // Within a quarter of the scale, nothing is said.
  d.forecasts[0].issues[1].disagreement =
      Disagreement{{{"compromise", 62}, {"median", 75}, {"eu", 50}}, 50, 75, false};
  EXPECT_EQ(Summarize(d)[1].certainty, none);
  // Several models run by the report: their own outcomes count (median 85 against 50 here).
  d.forecasts[0].issues[1].disagreement.reset();
  Forecast other = d.forecasts[0];
  other.model = "compromise";
  other.issues[1].outcome = 50;
  d.forecasts.push_back(other);
  EXPECT_EQ(DisagreementSentence(d, 1),
            " On opcon_transfer the models disagree: median 85.0, compromise 50.0 (35% of the "
            "scale apart), so no single number is reliable.");
  EXPECT_EQ(DisagreementSentence(d, 0), "");  // the same outcome from both on sma_2021
}

TEST(Report, BadInputThrowsInputErrorsNamingTheField) {
  ReportOptions o = Quick();
  o.run.models = {"median", "nosuch"};
  try {
    (void)BuildReport(Flagship(), o, ReportFormat::kHtml);
    ADD_FAILURE() << "an unknown model must throw";
  } catch (const InputError& e) {
    EXPECT_NE(e.errors().front().ToString().find("nosuch"), std::string::npos);
  }
  o = Quick();
  o.run.draws = -1;
  EXPECT_THROW((void)GatherReport(Flagship(), o), InputError);
  o = Quick();
  o.run.noise_percent = -10;
  try {
    (void)GatherReport(Flagship(), o);
    ADD_FAILURE() << "negative noise must throw";
  } catch (const InputError& e) {
    EXPECT_EQ(e.errors().front().where.field, "noise_percent");
  }
  Scenario broken = Flagship();
  broken.issues[0].stances[0].salience = 3;
  EXPECT_THROW((void)BuildReport(broken, Quick(), ReportFormat::kMarkdown), InputError);
}

TEST(Report, SameSeedGivesTheSameBytesWhateverTheThreadCount) {
  ReportOptions one = Quick();
  one.run.threads = 1;
  ReportOptions two = Quick();
  two.run.threads = 2;
  const Scenario s = Flagship();
  EXPECT_EQ(BuildReport(s, one, ReportFormat::kHtml), BuildReport(s, two, ReportFormat::kHtml));
}

TEST(Report, CertaintyWordsFollowTheBandWidth) {
  EXPECT_EQ(CertaintyWord(0.1), "firm");
  EXPECT_EQ(CertaintyWord(0.2), "moderately sure");
  EXPECT_EQ(CertaintyWord(0.31), "uncertain");
}

TEST(Report, FormatsParse) {
  EXPECT_EQ(ParseReportFormat("html").value(), ReportFormat::kHtml);
  EXPECT_EQ(ParseReportFormat("md").value(), ReportFormat::kMarkdown);
  EXPECT_FALSE(ParseReportFormat("pdf").ok());
}

TEST(Report, AStoredSimulationBringsBackItsScenarioAndSettings) {
  const Scenario s = Flagship();
  RunParameters p = RunParameters::Defaults(RunKind::kSimulate);
  p.model = ModelChoice{"eu", {}};
  p.model.options.Set("rounds", "5");
  p.draws = 500;
  p.noise_percent = 5;
  p.seed = 7;
  RunRecord run = MakeRunRecord(RunKind::kSimulate, s, "scenarios/us-rok-2021.yaml", p,
                                nlohmann::ordered_json::object());
  run.id = 12;
  const ReportInputs in = ReportInputsFromRun(run);
  EXPECT_EQ(in.scenario, s);
  EXPECT_EQ(in.options.run.model.name, "eu");
  EXPECT_EQ(in.options.run.draws, 500);
  EXPECT_DOUBLE_EQ(in.options.run.noise_percent, 5);
  EXPECT_EQ(in.options.run.seed, 7u);
  EXPECT_EQ(in.options.run.model.options.values().at("rounds"), "5");
  EXPECT_EQ(in.options.source, "run 12 (scenarios/us-rok-2021.yaml)");

  RunRecord forecast = MakeRunRecord(RunKind::kForecast, s, "x.yaml", RunParameters{},
                                     nlohmann::ordered_json::object());
  EXPECT_EQ(ReportInputsFromRun(forecast).options.run.draws, ReportOptions{}.run.draws);

  run.scenario_text = "entente: 1\nactors: [";
  try {
    (void)ReportInputsFromRun(run);
    ADD_FAILURE() << "a damaged stored scenario must throw";
  } catch (const InputError& e) {
    EXPECT_NE(e.errors().front().ToString().find("run 12"), std::string::npos);
  }
}

// Runs stored before the run contract kept noise as a fraction ("noise": 0.05) and the model
// only in its column; they must read back as the same parameters.
TEST(Report, ASimulationStoredByAnEarlierVersionReadsBack) {
  const Scenario s = Flagship();
  RunRecord run = MakeRunRecord(RunKind::kSimulate, s, "x.yaml", RunParameters{},
                                nlohmann::ordered_json::object());
  run.model = "compromise";
  run.seed = 9;
  run.options_json =
      R"({"model_options":{},"draws":400,"noise":0.005,"thresholds":[],"sensitivity":false})";
  const ReportInputs in = ReportInputsFromRun(run);
  EXPECT_EQ(in.options.run.model.name, "compromise");
  EXPECT_EQ(in.options.run.draws, 400);
  EXPECT_DOUBLE_EQ(in.options.run.noise_percent, 0.5);
  EXPECT_EQ(in.options.run.seed, 9u);
}

TEST(Report, MarkdownHasTheSummaryAndOneTableRowPerIssue) {
  ReportOptions o = Quick();
  o.run.models = {"compromise"};
  const ReportData d = GatherReport(Flagship(), o);
  const std::string md = RenderMarkdown(d);
  EXPECT_EQ(md.rfind("# U.S.-ROK alliance management, February 2021\n", 0), 0u);
  EXPECT_NE(md.find("| issue | status quo | median | compromise | binding veto |"),
            std::string::npos);
  EXPECT_EQ(Count(md, "- **Forecast.**"), static_cast<int>(d.scenario.issues.size()));
  EXPECT_EQ(md.find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace entente
