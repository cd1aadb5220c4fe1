// The report by issue group, and each issue chart's decision rule and win-set: the flagship's
// Security Council issue and a DEU table read with rules=procedure.
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "entente/core/text.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/report/render.hpp"
#include "entente/report/report.hpp"
#include "entente/report/svg.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

ReportOptions NoDraws(const std::string& model) {
  ReportOptions o;
  o.run.draws = 0;
  o.run.model.name = model;
  o.run.models = {"median"};
  return o;
}

// The HTML of issue `id`'s section, from its opening tag to the next section's.
std::string IssueHtml(const std::string& html, const std::string& id) {
  const std::size_t at = html.find("<section class=\"issue\" id=\"issue-" + id + "\"");
  if (at == std::string::npos) return {};
  return html.substr(at, html.find("</section>", at) - at);
}

// The words under the issue chart, its wrapped lines joined by spaces.
std::string ChartWords(const std::string& section) {
  std::string out;
  const std::string open = "class=\"rule-words\">";
  for (std::size_t at = section.find(open); at != std::string::npos;
       at = section.find(open, at + 1)) {
    const std::size_t from = at + open.size();
    out += (out.empty() ? "" : " ") + section.substr(from, section.find('<', from) - from);
  }
  return out;
}

// The explanation (which names the rule, the pivots and the blocking coalition) is in the
// chart's own words, not only in the caption.
void ExpectWordsOf(const std::string& section, const ProcedureResult& p) {
  ASSERT_FALSE(p.explanation.empty());
  const std::string words = ChartWords(section);
  EXPECT_NE(words.find(report::EscapeXml(p.explanation)), std::string::npos) << words;
  EXPECT_NE(words.find(report::EscapeXml("Under " + p.rule)), std::string::npos) << words;
}

// backtest_small.yaml with names, so the tables show them.
Scenario Grouped() {
  Scenario s = LoadScenario(test::SourceDir() + "/tests/data/backtest_small.yaml").ValueOrThrow();
  for (Issue& i : s.issues) i.name = i.id;
  return s;
}

TEST(ReportGroups, IssueSectionsAndTablesGoByGroup) {
  const ReportData d = GatherReport(Grouped(), NoDraws("compromise"));
  const std::string html = RenderHtml(d);
  const std::size_t p1 = html.find("<section class=\"group\" id=\"group-p1\" data-group=\"p1\">");
  const std::size_t p2 = html.find("<section class=\"group\" id=\"group-p2\" data-group=\"p2\">");
  const std::size_t rest = html.find("<h2 class=\"group\">other issues (no group)</h2>");
  ASSERT_NE(p1, std::string::npos);
  ASSERT_NE(p2, std::string::npos);
  ASSERT_NE(rest, std::string::npos);
  EXPECT_NE(html.find("<h2 class=\"group\">group p1: First package</h2>"), std::string::npos);
  EXPECT_LT(p1, html.find("id=\"issue-p1_timing\""));
  EXPECT_LT(html.find("id=\"issue-p1_timing\""), p2);
  EXPECT_LT(p2, html.find("id=\"issue-p2_reach\""));
  EXPECT_LT(html.find("id=\"issue-p2_reach\""), rest);
  EXPECT_LT(rest, html.find("id=\"issue-p3_solo\""));
  // The forecast table and the summary have the group headings too.
  EXPECT_NE(html.find("<tr class=\"group\"><th colspan=\"5\">group p2: Second package</th></tr>"),
            std::string::npos);
  EXPECT_NE(html.find("<h3 class=\"group\">group p2: Second package</h3>"), std::string::npos);

  const std::string md = RenderMarkdown(d);
  EXPECT_NE(md.find("| issue | group | status quo |"), std::string::npos) << md;
  EXPECT_NE(md.find("| p2_rate | p2 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| p3_solo | - |"), std::string::npos) << md;
  EXPECT_LT(md.find("### group p1: First package"), md.find("#### p1_budget (`p1_budget`)"));
}

TEST(ReportGroups, UngroupedReportHasNoGroupSections) {
  Scenario s = Grouped();
  s.groups.clear();
  const ReportData d = GatherReport(s, NoDraws("compromise"));
  const std::string html = RenderHtml(d);
  EXPECT_EQ(html.find("class=\"group\""), std::string::npos);
  const std::string md = RenderMarkdown(d);
  EXPECT_EQ(md.find("| group |"), std::string::npos);
  EXPECT_NE(md.find("### p1_budget (`p1_budget`)"), std::string::npos);
}

// Sanctions relief is a Security Council decision: its chart shades the win-set of the status
// quo and says the rule, and who blocks, in words. Issues without a rule get neither.
TEST(ReportRules, FlagshipSanctionsChartShowsTheRuleAndTheWinSet) {
  const Scenario s = LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  const ReportData d = GatherReport(s, NoDraws("median"));
  const std::string html = RenderHtml(d);
  const std::string sanctions = IssueHtml(html, "sanctions_relief");
  ASSERT_FALSE(sanctions.empty());
  std::size_t k = 0;
  while (s.issues[k].id != "sanctions_relief") ++k;
  const IssueForecast& f = d.forecasts.front().issues[k];
  ASSERT_TRUE(f.procedure.has_value());
  EXPECT_NE(f.procedure->rule.find("Security Council"), std::string::npos) << f.procedure->rule;
  EXPECT_NE(sanctions.find("class=\"winset-band\""), std::string::npos);
  // The status quo holds: the win-set is the status quo alone, and US's veto blocks.
  EXPECT_TRUE(f.win_set_empty);
  const std::string words = ChartWords(sanctions);
  EXPECT_EQ(words.rfind("Win-set of the status quo (median model): empty, only the status quo "
                        "25.0. Under the UN Security Council&#39;s rule (9 of 15 votes, no veto "
                        "by US, CHINA, RUSSIA)",
                        0),
            0u)
      << words;
  EXPECT_NE(words.find("US holds a veto and prefers the status quo; only CHINA and RUSSIA (2 of "
                       "15 members) want the move"),
            std::string::npos)
      << words;
  ExpectWordsOf(sanctions, *f.procedure);
  // Issues under unanimity get their own rule's words too.
  EXPECT_NE(ChartWords(IssueHtml(html, "opcon_transfer")).find("Under unanimity"),
            std::string::npos);
}

TEST(ReportRules, AnIssueWithoutARuleHasNoBandAndNoRuleWords) {
  Scenario s = LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  for (Issue& i : s.issues) i.rule = DecisionRule{};
  const std::string html = RenderHtml(GatherReport(s, NoDraws("median")));
  EXPECT_EQ(html.find("class=\"winset-band\""), std::string::npos);
  EXPECT_EQ(html.find("class=\"rule-words\""), std::string::npos);
}

// A DEU table with rules=procedure: d01 is codecision under qualified majority, with the
// Commission as agenda setter; its charts show the Council/Parliament rule and the band.
TEST(ReportRules, DeuProcedureRulesAreOnTheChart) {
  ReaderOptions ro;
  ASSERT_TRUE(SetReaderOption(ro, "rules=procedure").ok());
  const ScenarioDocument doc =
      LoadDocument(test::SourceDir() + "/tests/data/deu_mini.tsv", ro).ValueOrThrow();
  const ReportData d = GatherReport(doc.scenario, NoDraws("compromise"));
  const std::string html = RenderHtml(d);
  const std::string section = IssueHtml(html, "d01i1");
  ASSERT_FALSE(section.empty());
  const IssueForecast& f = d.forecasts.front().issues[0];
  ASSERT_TRUE(f.procedure.has_value());
  EXPECT_NE(section.find("class=\"winset-band\""), std::string::npos);
  EXPECT_NE(f.procedure->rule.find("Council"), std::string::npos) << f.procedure->rule;
  const std::string words = ChartWords(section);
  const std::string win_set =
      f.win_set_empty
          ? std::string("Win-set of the status quo (compromise model): empty")
          : fmt::format("Win-set of the status quo (compromise model, shaded): {} to {}.",
                        FormatFixed(f.procedure->lo, 1), FormatFixed(f.procedure->hi, 1));
  EXPECT_EQ(words.rfind(win_set, 0), 0u) << words;
  ExpectWordsOf(section, *f.procedure);
  // d02i1 has no reference point and so no rule: no band in its section.
  const std::string unruled = IssueHtml(html, "d02i1");
  ASSERT_FALSE(unruled.empty());
  EXPECT_EQ(unruled.find("class=\"winset-band\""), std::string::npos);
  // The groups (proposals) frame the sections.
  EXPECT_LT(html.find("id=\"group-d01\""), html.find("id=\"issue-d01i1\""));
}

}  // namespace
}  // namespace entente
