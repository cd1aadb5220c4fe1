// The flagship coded by two analysts (scenarios/us-rok-2021-two-coders): analyst_a is the
// flagship's own coding number for number, every stance has both codings, and the bundle
// survives YAML and back.
#include <gtest/gtest.h>

#include "entente/core/coding.hpp"
#include "entente/formats/csv_bundle.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/report/render.hpp"
#include "entente/report/report.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

Scenario TwoCoders() {
  return LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021-two-coders").ValueOrThrow();
}

TEST(TwoCodersFlagship, AnalystAIsTheFlagshipsCoding) {
  const Scenario two = TwoCoders();
  const Scenario flagship =
      LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  EXPECT_EQ(Coders(two), (std::vector<std::string>{"analyst_a", "analyst_b"}));
  const Scenario a = CoderScenario(two, "analyst_a");
  ASSERT_EQ(a.issues.size(), flagship.issues.size());
  for (std::size_t i = 0; i < a.issues.size(); ++i) {
    ASSERT_EQ(a.issues[i].stances.size(), flagship.issues[i].stances.size()) << a.issues[i].id;
    for (std::size_t k = 0; k < a.issues[i].stances.size(); ++k) {
      const Stance& x = a.issues[i].stances[k];
      const Stance& y = flagship.issues[i].stances[k];
      EXPECT_EQ(x.actor, y.actor);
      EXPECT_EQ(x.position, y.position) << a.issues[i].id << " " << x.actor;
      EXPECT_EQ(x.salience, y.salience) << a.issues[i].id << " " << x.actor;
      EXPECT_EQ(x.capability, y.capability) << a.issues[i].id << " " << x.actor;
      // Both coders coded every stance: two codings each.
      EXPECT_EQ(CodingsOf(two, a.issues[i].id, x.actor).size(), 2u)
          << a.issues[i].id << " " << x.actor;
    }
  }
  EXPECT_EQ(two.codings.size(), 128u);
}

TEST(TwoCodersFlagship, RoundTripsThroughYamlAndTheBundle) {
  const Scenario two = TwoCoders();
  const Result<Scenario> yaml = ParseYamlScenario(WriteYamlScenario(two), "two.yaml");
  ASSERT_TRUE(yaml.ok()) << FormatErrors(yaml.errors());
  EXPECT_EQ(yaml.value(), two);
  const Result<FileSet> files = WriteCsvBundle(yaml.value());
  ASSERT_TRUE(files.ok());
  const Result<Scenario> bundle = ParseCsvBundle(files.value(), "two");
  ASSERT_TRUE(bundle.ok()) << FormatErrors(bundle.errors());
  EXPECT_EQ(bundle.value(), two);
}

// The HTML report carries the section (the Markdown one is a golden case); a scenario with one
// coder has none.
TEST(TwoCodersFlagship, HtmlReportHasTheCodersSection) {
  ReportOptions o;
  o.run.draws = 0;
  o.run.model.name = "median";
  o.run.models = {"median"};
  const std::string html = RenderHtml(GatherReport(TwoCoders(), o));
  EXPECT_NE(html.find("<h2>Several coders</h2>"), std::string::npos);
  EXPECT_NE(html.find("<th>analyst_a</th><th>analyst_b</th>"), std::string::npos);
  // opcon_transfer: the median model's own forecast is 85 with analyst_a alone, 15 with b.
  EXPECT_NE(html.find("<td>85.0 (85.0)</td><td>85.0 (15.0)</td>"), std::string::npos);
  const Scenario one =
      LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  EXPECT_EQ(RenderHtml(GatherReport(one, o)).find("Several coders"), std::string::npos);
}

}  // namespace
}  // namespace entente
