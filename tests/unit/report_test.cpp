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
  o.draws = 300;
  return o;
}

TEST(Report, GathersEveryModelWithThePrimaryFirst) {
  ReportOptions o = Quick();
  o.model = "compromise";
  const ReportData d = GatherReport(Flagship(), o);
  // Every registered model that needs no calibration, in registry order, primary first.
  std::vector<std::string> expected{"compromise"};
  for (const ModelInfo& m : Models()) {
    if (m.name != "compromise" && !m.calibrated) expected.emplace_back(m.name);
  }
  ASSERT_EQ(d.forecasts.size(), expected.size());
  EXPECT_EQ(d.forecasts[0].model, "compromise");
  EXPECT_EQ(d.options.models, expected);
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
  o.draws = 0;
  o.models = {"median"};
  const ReportData d = GatherReport(Flagship(), o);
  EXPECT_FALSE(d.simulation.has_value());
  EXPECT_EQ(TrajectoryForecast(d), nullptr);
  const std::vector<IssueSummary> summary = Summarize(d);
  EXPECT_EQ(summary[2].certainty,
            "No Monte Carlo draws were run, so how sure the forecast is was not measured.");
  // Sanctions relief, a Security Council decision: US's veto holds the status quo against the
  // model's 55.
  EXPECT_EQ(summary[2].forecast,
            "The median model forecasts 25.0 (nearest anchor 25 = existing UNSC regime as is). "
            "Under the UN Security Council's rule (9 of 15 votes, no veto by US, CHINA, RUSSIA), "
            "no move up from the status quo 25.0 wins: US holds a veto and prefers the status "
            "quo; only CHINA and RUSSIA (2 of 15 members) want the move. The status quo holds, "
            "not the model's 55.0.");
  const std::string html = RenderHtml(d);
  EXPECT_EQ(Count(html, "<svg "), 2 * static_cast<int>(d.scenario.issues.size()));  // scale, gap
}

TEST(Report, BadInputComesBackAsErrors) {
  ReportOptions o = Quick();
  o.models = {"median", "nosuch"};
  const Result<std::string> r = BuildReport(Flagship(), o, ReportFormat::kHtml);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors().front().ToString().find("nosuch"), std::string::npos);
  o = Quick();
  o.draws = -1;
  EXPECT_THROW((void)GatherReport(Flagship(), o), InputError);
  o = Quick();
  o.noise = -0.1;
  EXPECT_THROW((void)GatherReport(Flagship(), o), InputError);
  Scenario broken = Flagship();
  broken.issues[0].stances[0].salience = 3;
  EXPECT_FALSE(BuildReport(broken, Quick(), ReportFormat::kMarkdown).ok());
}

TEST(Report, SameSeedGivesTheSameBytesWhateverTheThreadCount) {
  ReportOptions one = Quick();
  one.threads = 1;
  ReportOptions two = Quick();
  two.threads = 2;
  const Scenario s = Flagship();
  EXPECT_EQ(BuildReport(s, one, ReportFormat::kHtml).value(),
            BuildReport(s, two, ReportFormat::kHtml).value());
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
  RunRecord run =
      MakeRunRecord("simulate", s, "scenarios/us-rok-2021.yaml", "eu",
                    {{"model_options", {{"rounds", "5"}}}, {"draws", 500}, {"noise", 0.05}}, 7,
                    nlohmann::ordered_json::object());
  run.id = 12;
  const ReportInputs in = ReportInputsFromRun(run).value();
  EXPECT_EQ(in.scenario, s);
  EXPECT_EQ(in.options.model, "eu");
  EXPECT_EQ(in.options.draws, 500);
  EXPECT_DOUBLE_EQ(in.options.noise, 0.05);
  EXPECT_EQ(in.options.seed, 7u);
  EXPECT_EQ(in.options.model_options.values().at("rounds"), "5");
  EXPECT_EQ(in.options.source, "run 12 (scenarios/us-rok-2021.yaml)");

  RunRecord forecast = MakeRunRecord("forecast", s, "x.yaml", "median",
                                     {{"model_options", nlohmann::ordered_json::object()}},
                                     std::nullopt, nlohmann::ordered_json::object());
  EXPECT_EQ(ReportInputsFromRun(forecast).value().options.draws, ReportOptions{}.draws);

  run.scenario_text = "entente: 1\nactors: [";
  const Result<ReportInputs> bad = ReportInputsFromRun(run);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.errors().front().ToString().find("run 12"), std::string::npos);
}

TEST(Report, MarkdownHasTheSummaryAndOneTableRowPerIssue) {
  ReportOptions o = Quick();
  o.models = {"compromise"};
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
