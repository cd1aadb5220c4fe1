// The glossary: the library's table and docs/glossary.md say the same thing, and a report
// carries the definitions of the terms it uses.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "entente/core/files.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/report/glossary.hpp"
#include "entente/report/render.hpp"
#include "entente/report/report.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

std::string ReadText(const std::string& path) {
  return ReadTextFile(path).ValueOrThrow();
}

TEST(Glossary, EveryTermIsInDocsGlossaryWithTheSameDefinition) {
  const std::string doc = ReadText(test::SourceDir() + "/docs/glossary.md");
  ASSERT_FALSE(doc.empty()) << "docs/glossary.md is missing";
  for (const report::GlossaryTerm& t : report::Glossary()) {
    const std::string line =
        "\n- **" + std::string(t.term) + "**: " + std::string(t.definition) + "\n";
    EXPECT_NE(doc.find(line), std::string::npos)
        << "docs/glossary.md lacks, word for word, the line" << line
        << "(src/report/glossary.cpp's text); edit both together";
  }
}

TEST(Glossary, TermsAreUniqueAndDefined) {
  std::set<std::string_view> seen;
  for (const report::GlossaryTerm& t : report::Glossary()) {
    EXPECT_TRUE(seen.insert(t.term).second) << "twice: " << t.term;
    EXPECT_FALSE(t.definition.empty()) << t.term;
    EXPECT_EQ(t.definition.find('\n'), std::string_view::npos) << t.term;  // one line in the doc
  }
  // The terms the issue asked for are all there.
  for (const char* need :
       {"salience", "capability", "position", "status quo", "scale and anchors", "win-set",
        "veto player", "agenda setter", "decision rule", "compromise model", "median model",
        "calibration", "quantile and predictive interval", "CRPS", "coverage", "model disagreement",
        "knife-edge"}) {
    EXPECT_EQ(seen.count(need), 1u) << need;
  }
}

// The page `entente serve` shows at /glossary (the dashboard's header links to it).
TEST(Glossary, PageListsEveryTermEscaped) {
  const std::string page = report::GlossaryPage();
  for (const report::GlossaryTerm& t : report::Glossary()) {
    EXPECT_NE(page.find("<dt>" + std::string(t.term) + "</dt>"), std::string::npos) << t.term;
  }
  EXPECT_NE(page.find("Seoul&#39;s 2020 offer"), std::string::npos);  // quotes escaped
  EXPECT_EQ(page.find("<script"), std::string::npos);
}

TEST(Glossary, ScoresAreDefinedOnlyInReportsWithABacktest) {
  const auto has = [](const std::vector<report::GlossaryTerm>& terms, std::string_view name) {
    for (const report::GlossaryTerm& t : terms) {
      if (t.term == name) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(report::ReportTerms(false), "win-set"));
  EXPECT_FALSE(has(report::ReportTerms(false), "CRPS"));
  EXPECT_TRUE(has(report::ReportTerms(true), "CRPS"));
  EXPECT_TRUE(has(report::ReportTerms(true), "salience"));
}

TEST(Glossary, ReportsCarryATermsSection) {
  ReportOptions o;
  o.run.draws = 0;
  o.run.models = {"median"};
  const Scenario s = LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  const ReportData d = GatherReport(s, o);
  const std::string html = RenderHtml(d);
  const std::string md = RenderMarkdown(d);
  EXPECT_NE(html.find("<h2>Terms</h2>"), std::string::npos);
  EXPECT_NE(md.find("\n## Terms\n"), std::string::npos);
  for (const report::GlossaryTerm& t : report::ReportTerms(false)) {
    EXPECT_NE(md.find("- **" + std::string(t.term) + "**: " + std::string(t.definition)),
              std::string::npos)
        << t.term;
    EXPECT_NE(html.find("<dt>" + std::string(t.term) + "</dt>"), std::string::npos) << t.term;
  }
  EXPECT_EQ(md.find("**CRPS**"), std::string::npos);  // no backtest, no scores to define
  // The terms come after the issues, before the sources.
  EXPECT_LT(html.find("<section class=\"issue\""), html.find("<h2>Terms</h2>"));
  EXPECT_LT(html.find("<h2>Terms</h2>"), html.find("<footer>"));
}

}  // namespace
}  // namespace entente
