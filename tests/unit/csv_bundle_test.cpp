#include "entente/formats/csv_bundle.hpp"

#include <gtest/gtest.h>

#include "entente/formats/scenario_io.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

FileSet Minimal() {
  return {
      {"actors.csv", "actor,name\nUS,United States\nROK,South Korea\n"},
      {"issues.csv",
       "issue,name,unit,scale_min,scale_max,anchors,status_quo,decision_rule,veto_players\n"
       "sma,Cost sharing,%,0,100,\"0=freeze;13=Seoul's offer; "
       "2020;100=double\",0,unanimity,US;ROK\n"},
      {"stances.csv",
       "issue,actor,position,salience,capability,basis,note\n"
       "sma,US,13,0.5,50,brief,'quoted'\n"
       "sma,ROK,13,0.6,45,judgement,\n"},
  };
}

TEST(CsvBundle, ReadsAnchorsRulesAndStances) {
  const Result<Scenario> r = ParseCsvBundle(Minimal(), "b");
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  const Issue& i = r.value().issues[0];
  ASSERT_EQ(i.scale.anchors.size(), 3u);
  EXPECT_EQ(i.scale.anchors[1].label, "Seoul's offer; 2020");  // ';' inside a label survives
  EXPECT_EQ(i.rule.kind, DecisionKind::kUnanimity);
  EXPECT_EQ(i.rule.veto_players, (std::vector<std::string>{"US", "ROK"}));
  EXPECT_EQ(i.stances[0].basis, Basis::kBrief);
  EXPECT_EQ(i.stances[0].note, "'quoted'");
  EXPECT_EQ(i.stances[1].origin, (Location{"b/stances.csv", 3}));
}

TEST(CsvBundle, ReportsEveryBadCellWithFileLineAndField) {
  FileSet f = Minimal();
  f["stances.csv"] =
      "issue,actor,position,salience,capability,basis,note\n"
      "sma,US,thirteen,0.5,50,brief,\n"
      "nope,ROK,13,0.6,45,guess,\n";
  const Result<Scenario> r = ParseCsvBundle(f, "b");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 3u);
  EXPECT_EQ(r.errors()[0].ToString(),
            "b/stances.csv:2: position 'thirteen' is not a number (field 'position'); fix: write "
            "a plain decimal number such as 13 or 0.45");
  EXPECT_EQ(r.errors()[1].ToString(),
            "b/stances.csv:3: unknown basis 'guess' (field 'basis'); fix: use brief, source or "
            "judgement (or leave it empty)");
  EXPECT_EQ(r.errors()[2].where, (Location{"b/stances.csv", 3, "issue"}));
}

TEST(CsvBundle, MissingFileAndUnknownColumn) {
  FileSet f = Minimal();
  f.erase("actors.csv");
  f["stances.csv"] = "issue,actor,position,salience,capability,colour\n";
  const Result<Scenario> r = ParseCsvBundle(f, "b");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors()[0].where.file, "b/actors.csv");
  EXPECT_EQ(r.errors()[0].message, "file is missing");
  EXPECT_EQ(r.errors()[1].message, "unknown column 'colour'");
}

TEST(CsvBundle, AnchorWithoutValueIsAnError) {
  std::string bad;
  EXPECT_FALSE(ParseAnchors("freeze;100=double", &bad).has_value());
  EXPECT_EQ(bad, "freeze");
  EXPECT_TRUE(ParseAnchors("", &bad)->empty());
}

TEST(CsvBundle, MetadataFileIsOptionalAndReadWhenPresent) {
  FileSet f = Minimal();
  f["scenario.csv"] = "key,value\ntitle,T\nas_of,2021-02-25\nsource,A\nsource,B\n";
  const Result<Scenario> r = ParseCsvBundle(f, "b");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().meta.title, "T");
  EXPECT_EQ(r.value().meta.sources, (std::vector<std::string>{"A", "B"}));
}

TEST(CsvBundle, ReadsTheSharedFlagshipBundle) {
  ENTENTE_SHARED_OR_SKIP(dir, "scenarios/us-rok-2021");
  const Result<Scenario> r = LoadScenario(dir);
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  EXPECT_EQ(r.value().actors.size(), 9u);
  EXPECT_EQ(r.value().issues.size(), 10u);
}

}  // namespace
}  // namespace entente

namespace entente {
namespace {

// The same bundle saved by a spreadsheet set to German or French: ';' between cells, decimal
// commas, a salience as a percentage, Excel's sep= line on one file.
TEST(CsvBundle, EuropeanDialectReadsLikeTheCommaFiles) {
  FileSet f = Minimal();
  f["actors.csv"] = "actor;name\nUS;United States\nROK;South Korea\n";
  f["issues.csv"] =
      "sep=;\n"
      "issue;name;unit;scale_min;scale_max;anchors;status_quo;decision_rule;veto_players\n"
      "sma;Cost sharing;%;0;100;\"0=freeze;13=Seoul's offer; "
      "2020;100=double\";0;unanimity;\"US;ROK\"\n";
  f["stances.csv"] =
      "issue;position;actor;salience;capability;basis;note\n"
      "sma;13;US;50%;50;brief;'quoted'\n"
      "sma;13,0;ROK;0,6;45;judgement;\n";
  const Result<Scenario> european = ParseCsvBundle(f, "b");
  ASSERT_TRUE(european.ok()) << FormatErrors(european.errors());
  const Result<Scenario> plain = ParseCsvBundle(Minimal(), "b");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(european.value(), plain.value());
}

TEST(CsvBundle, PercentOnlyWhereAShareIsMeant) {
  FileSet f = Minimal();
  f["stances.csv"] =
      "issue,actor,position,salience,capability\n"
      "sma,US,13%,50%,50\n"
      "sma,ROK,\"13,5\",0.6,45\n";
  const Result<Scenario> r = ParseCsvBundle(f, "b");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 2u);
  EXPECT_EQ(r.errors()[0].where, (Location{"b/stances.csv", 2, "position"}));
  EXPECT_NE(r.errors()[0].hint.find("without a percent sign"), std::string::npos);
  EXPECT_EQ(r.errors()[1].where, (Location{"b/stances.csv", 3, "position"}));
  EXPECT_NE(r.errors()[1].hint.find("decimal point"), std::string::npos);
}

// Regression: a broken issues.csv made every stance row repeat "unknown issue".
TEST(CsvBundle, UnknownIssuesDoNotCascade) {
  FileSet f = Minimal();
  f["issues.csv"] = "issue,title\nsma,Cost sharing\n";
  f["stances.csv"] =
      "issue,actor,position,salience,capability\n"
      "sma,US,13,0.5,50\n"
      "sma,ROK,13,0.6,45\n";
  const Result<Scenario> broken = ParseCsvBundle(f, "b");
  ASSERT_FALSE(broken.ok());
  for (const Error& e : broken.errors()) EXPECT_EQ(e.where.file, "b/issues.csv") << e.ToString();

  f = Minimal();
  f["stances.csv"] =
      "issue,actor,position,salience,capability\n"
      "smx,US,13,0.5,50\n"
      "smx,ROK,13,0.6,45\n"
      "other,ROK,13,0.6,45\n";
  const Result<Scenario> typo = ParseCsvBundle(f, "b");
  ASSERT_FALSE(typo.ok());
  ASSERT_EQ(typo.errors().size(), 2u);
  EXPECT_EQ(typo.errors()[0].message, "unknown issue 'smx' (and 1 more row)");
  EXPECT_EQ(typo.errors()[0].where.line, 2);
  EXPECT_EQ(typo.errors()[1].message, "unknown issue 'other'");
}

}  // namespace
}  // namespace entente
