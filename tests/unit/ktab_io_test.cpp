// KTAB CSV and XML readers: the shipped reference files, and located errors for bad input.
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "entente/formats/ktab_csv.hpp"
#include "entente/formats/ktab_xml.hpp"
#include "entente/models/ktab/ktab_smp.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

constexpr const char* kTwoActors =
    "Tiny,two actors,2,2,\n"
    "Actor,Description,Power,Policy Position,Policy Salience,Pstn2,Sal2,\n"
    "A, first, 10, 20, 30, 40, 50,\n"
    "B, second, 5, 80, 10, 60, 20,\n";

TEST(KtabCsv, ReadsActorsDimensionsAndScalesSaliences) {
  Result<Scenario> r = ParseKtabCsv(kTwoActors, "tiny.csv");
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  const Scenario& s = r.value();
  EXPECT_EQ(s.meta.title, "Tiny");
  ASSERT_EQ(s.actors.size(), 2u);
  ASSERT_EQ(s.issues.size(), 2u);
  EXPECT_EQ(s.issues[0].id, "policy");
  EXPECT_EQ(s.issues[1].id, "pstn2");
  EXPECT_EQ(s.issues[1].stances[1].position, 60);
  EXPECT_DOUBLE_EQ(s.issues[1].stances[1].salience, 0.2);
  EXPECT_EQ(s.issues[0].stances[0].capability, 10);
  EXPECT_EQ(s.issues[0].stances[1].origin.line, 4);
}

TEST(KtabCsv, LocatesEveryBadCell) {
  const std::string bad =
      "Tiny,two actors,3,2,\n"
      "Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,\n"
      "A, first, ten, 20, 30, 40, 50,\n"
      "B, second, 5, 180, 10, 60, 20,\n"
      "C, third, 5, 10, 60, 60, 50,\n";
  Result<Scenario> r = ParseKtabCsv(bad, "bad.csv");
  ASSERT_FALSE(r.ok());
  const std::string text = FormatErrors(r.errors());
  EXPECT_NE(text.find("bad.csv:3: 'ten' is not a number"), std::string::npos) << text;
  EXPECT_NE(text.find("bad.csv:4: '180' is not a number in [0, 100] (field 'Pstn1')"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("bad.csv:5: saliences sum to 110.00"), std::string::npos) << text;
}

TEST(KtabCsv, RejectsWrongCountsWithTheirLine) {
  Result<Scenario> r = ParseKtabCsv("X,y,3,2,\nActor,Description,Power,Pstn1,Sal1,\n", "c.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(FormatErrors(r.errors())
                .find("c.csv:2: the column line has 5 cells, but 2 "
                      "dimensions need 7"),
            std::string::npos);
  Result<Scenario> few =
      ParseKtabCsv("X,y,3,1,\nActor,Description,Power,P,S\nA,a,1,2,3\n", "few.csv");
  ASSERT_FALSE(few.ok());
  EXPECT_NE(FormatErrors(few.errors()).find("line 1 says 3 actors, the file has 1"),
            std::string::npos);
}

TEST(KtabXml, ShippedExampleHasAnEmptyCoordinateAndSaysWhere) {
  ENTENTE_SHARED_OR_SKIP(path, "validation/ktab-smp/smpExample.xml");
  Result<KtabXmlScenario> r = ParseKtabXml(Slurp(path), "smpExample.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(FormatErrors(r.errors()),
            "smpExample.xml:32: <dCoord> '' is not a number in [0, 100] (field "
            "'dCoord'); fix: KTAB coordinates and saliences are on 0-100; capability is >= 0");
}

// KTAB's own log of this file read Alice's first coordinate as 52.80; with that value the
// parameters, actors and ideal adjustments are read as KTAB read them, and the state-0 win
// probabilities (PropCbc votes, Markov incentive PCE) match the log's first column.
TEST(KtabXml, ExampleWithKtabsValueMatchesTheLogsFirstState) {
  ENTENTE_SHARED_OR_SKIP(path, "validation/ktab-smp/smpExample.xml");
  std::string text = Slurp(path);
  const std::string empty = "<dCoord></dCoord>";
  text.replace(text.find(empty), empty.size(), "<dCoord>52.8</dCoord>");
  Result<KtabXmlScenario> r = ParseKtabXml(text, "smpExample.xml");
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  const KtabXmlScenario& x = r.value();
  ASSERT_EQ(x.scenario.actors.size(), 5u);
  EXPECT_EQ(x.scenario.issues[2].id, "YADN");
  EXPECT_EQ(x.options.values().at("voting"), "prop-cbc");
  EXPECT_EQ(x.options.values().at("pce"), "markov-incentive");
  EXPECT_EQ(x.options.values().at("transition"), "stochastic");
  ASSERT_EQ(x.affinity.size(), 25u);
  EXPECT_DOUBLE_EQ(x.affinity[0], 0.87);          // Alice-Alice
  EXPECT_DOUBLE_EQ(x.affinity[1 * 5 + 0], 0.07);  // Bob-Alice
  EXPECT_DOUBLE_EQ(x.affinity[4 * 5 + 4], 1.0);   // Ellie: not listed, identity
  SmpInput in = SmpInputFromScenario(x.scenario);
  in.affinity = x.affinity;
  SmpOptions o = ParseSmpOptions(x.options);
  o.max_turns = 1;
  const SmpResult run = RunSmp(in, o);
  const double expected[] = {0.3154, 0.1668, 0.1082, 0.2216, 0.1880};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(run.states[0].win[i], expected[i], 6e-5) << i;
  // KTAB's log, turn 0: "actor i has most advantageous target j", "Est by i of prob P"
  // (PropCbc votes in the challenges too).
  const std::vector<SmpChallenge> first = SmpFirstChallenges(in, o);
  const std::ptrdiff_t targets[] = {4, 2, 0, 2, 2};
  const double probability[] = {0.5257, 0.7180, 0.4396, 0.7837, 0.5467};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(first[i].target, targets[i]) << i;
    EXPECT_NEAR(first[i].probability, probability[i], 6e-5) << i;
  }
}

TEST(KtabXml, SyntaxAndReferenceErrorsAreLocated) {
  Result<KtabXmlScenario> broken = ParseKtabXml("<Scenario>\n<name>x</Scenario>", "b.xml");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(FormatErrors(broken.errors()).find("b.xml:2: XML syntax error"), std::string::npos);
  const std::string unknown =
      "<Scenario><ModelParameters><PCEModel>Mystery</PCEModel></ModelParameters>\n"
      "<Dimensions><dName>D</dName></Dimensions><Actors><Actor><name>A</name>\n"
      "<capability>1</capability><Position><dCoord>5</dCoord></Position>\n"
      "<Salience><dSal>50</dSal></Salience></Actor></Actors>\n"
      "<IdealAdjustment><iaPair><adjustingIdeal>A</adjustingIdeal>\n"
      "<referencePos>Zed</referencePos><adjust>0.5</adjust></iaPair></IdealAdjustment>\n"
      "</Scenario>";
  Result<KtabXmlScenario> r = ParseKtabXml(unknown, "u.xml");
  ASSERT_FALSE(r.ok());
  const std::string text = FormatErrors(r.errors());
  EXPECT_NE(text.find("u.xml:1: <PCEModel> 'Mystery' is not known"), std::string::npos) << text;
  EXPECT_NE(text.find("u.xml:6: unknown actor 'Zed'"), std::string::npos) << text;
}

// A 3.5 MB file nesting 200,000 elements crashed `entente validate` and `entente.load`: the
// element tree's destructor recursed once per level and overflowed the stack.
TEST(KtabXml, DeeplyNestedXmlOverflowedTheStack) {
  constexpr int kLevels = 200000;
  std::string xml = "<Scenario>\n";
  xml.reserve(static_cast<std::size_t>(kLevels) * 8);
  for (int i = 0; i < kLevels; ++i) xml += "<a>";
  for (int i = 0; i < kLevels; ++i) xml += "</a>";
  xml += "\n</Scenario>\n";
  Result<KtabXmlScenario> r = ParseKtabXml(xml, "deep.xml");
  ASSERT_FALSE(r.ok());
  const std::string text = FormatErrors(r.errors());
  EXPECT_NE(text.find("deep.xml:2: elements nest more than 64 levels deep"), std::string::npos)
      << text;
}

TEST(KtabXml, NestingUpToTheLimitIsStillRead) {
  // 64 levels parse (and then fail only on what a KTAB scenario lacks, not on depth).
  std::string xml = "<Scenario>";
  for (int i = 0; i < 63; ++i) xml += "<a>";
  for (int i = 0; i < 63; ++i) xml += "</a>";
  xml += "</Scenario>";
  Result<KtabXmlScenario> r = ParseKtabXml(xml, "ok.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(FormatErrors(r.errors()).find("nest more than"), std::string::npos);
}

}  // namespace
}  // namespace entente
