#include "entente/formats/one_table_csv.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "entente/core/validation.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

constexpr const char* kEc = "validation/bdm1994-ec-emissions/";

TEST(OneTableCsv, HeaderVariantsAreMatchedWithoutCase) {
  EXPECT_EQ(MatchOneTableColumn(" ACTOR ")->field, OneTableField::kActor);
  EXPECT_EQ(MatchOneTableColumn("Player")->field, OneTableField::kActor);
  EXPECT_EQ(MatchOneTableColumn("power")->field, OneTableField::kCapability);
  EXPECT_EQ(MatchOneTableColumn("Status_Quo")->field, OneTableField::kStatusQuo);
  EXPECT_EQ(MatchOneTableColumn("status-quo")->field, OneTableField::kStatusQuo);
  EXPECT_EQ(MatchOneTableColumn("SQ")->field, OneTableField::kStatusQuo);
  EXPECT_EQ(MatchOneTableColumn("Ideal point")->field, OneTableField::kPosition);
  const auto years = MatchOneTableColumn("Position (years)");
  ASSERT_TRUE(years);
  EXPECT_EQ(years->unit, "years");
  EXPECT_TRUE(MatchOneTableColumn("Salience (%)")->percent);
  EXPECT_TRUE(MatchOneTableColumn("Importance %")->percent);
  EXPECT_FALSE(MatchOneTableColumn("Weight"));  // capability x salience as often as capability
  EXPECT_FALSE(MatchOneTableColumn("Actor (%)"));
  EXPECT_FALSE(MatchOneTableColumn("colour"));
}

TEST(OneTableCsv, RecognisedByItsHeaderOnly) {
  EXPECT_TRUE(LooksLikeOneTable("Actor,Capability,Position,Salience\nA,1,2,0.5\n"));
  EXPECT_TRUE(LooksLikeOneTable("\xEF\xBB\xBF\nName;Power;Position;Salience\n"));
  EXPECT_TRUE(LooksLikeOneTable("sep=;\nactor;capability;position;salience\n"));
  EXPECT_TRUE(LooksLikeOneTable("issue,actor,position,salience,capability,basis,note\n"));
  // KTAB CSV: line 1 is the scenario's name and counts.
  EXPECT_FALSE(LooksLikeOneTable("Dummy,desc,3,1\nActor,Description,Power,Pstn1,Sal1\n"));
  EXPECT_FALSE(LooksLikeOneTable("Actor,Capability,Position\n"));  // no salience
  EXPECT_FALSE(LooksLikeOneTable("Actor,Capability,Position,Salience,Colour\n"));
  EXPECT_FALSE(LooksLikeOneTable("Actor,Power,Capability,Position,Salience\n"));  // twice
  EXPECT_FALSE(LooksLikeOneTable("\xE9\n"));  // not UTF-8: the KTAB reader says so
}

TEST(OneTableCsv, OneIssueNamedAfterTheFileWithScaleInferredAndNotes) {
  const Result<ScenarioDocument> r =
      ParseOneTableCsv("Actor,Capability,Position,Salience\nNL,0.08,4,0.8\nUK,0.16,10,0.9\n",
                       "data/EC emissions-1994.csv");
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  const Scenario& s = r.value().scenario;
  EXPECT_EQ(s.meta.title, "EC emissions-1994");
  ASSERT_EQ(s.issues.size(), 1u);
  const Issue& issue = s.issues[0];
  EXPECT_EQ(issue.id, "ec_emissions_1994");
  EXPECT_EQ(issue.scale.min, 4);
  EXPECT_EQ(issue.scale.max, 10);
  EXPECT_FALSE(issue.status_quo);
  ASSERT_EQ(s.actors.size(), 2u);
  EXPECT_EQ(s.actors[1].id, "UK");
  EXPECT_EQ(issue.stances[1].capability, 0.16);
  EXPECT_EQ(issue.stances[1].origin, (Location{"data/EC emissions-1994.csv", 3}));
  ASSERT_EQ(r.value().notes.size(), 2u);
  EXPECT_EQ(r.value().notes[0].ToString(),
            "data/EC emissions-1994.csv:1: issue 'ec_emissions_1994': scale [4, 10] inferred from "
            "the lowest and highest position; fix: add scale_min and scale_max columns to set its "
            "ends (simulations keep draws inside the scale)");
  EXPECT_NE(r.value().notes[1].message.find("has no status quo"), std::string::npos);
  EXPECT_TRUE(Validate(s).empty());
}

TEST(OneTableCsv, EuropeanDialectPercentagesAndIssueLevelColumns) {
  const Result<ScenarioDocument> r = ParseOneTableCsv(
      "Issue;Name;Power;Position (years);Importance (%);Status quo;Scale min;Scale max\n"
      "tax;Paris;0,5;7,5;80;;0;10\n"
      "tax;Berlin;1;2;45,5%;5;;\n"
      "fish;Paris;0,5;1;20;;0;1\n",
      "t.csv");
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  const Scenario& s = r.value().scenario;
  ASSERT_EQ(s.issues.size(), 2u);
  ASSERT_EQ(s.actors.size(), 2u);  // Paris once
  const Issue& tax = s.issues[0];
  EXPECT_EQ(tax.name, "tax");
  EXPECT_EQ(tax.scale.unit, "years");
  EXPECT_EQ(tax.status_quo, 5.0);
  EXPECT_EQ(tax.scale.max, 10);
  EXPECT_EQ(tax.stances[0].position, 7.5);
  EXPECT_EQ(tax.stances[0].salience, 0.8);
  EXPECT_EQ(tax.stances[1].salience, 0.455);
  EXPECT_EQ(s.issues[1].stances[0].salience, 0.2);
  ASSERT_EQ(r.value().notes.size(), 1u);  // fish has no status quo; scales are given
  EXPECT_NE(r.value().notes[0].message.find("'fish' has no status quo"), std::string::npos);
}

TEST(OneTableCsv, BadCellsAreLocatedByLineAndTheFilesColumnName) {
  const Result<ScenarioDocument> r = ParseOneTableCsv(
      "Player,Power,Position,Salience,SQ\n"
      "A,lots,3,0.5,2\n"
      ",1,\"4,5\",0.5,\n"
      "C,1,5,50%,3\n",
      "t.csv");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 4u) << FormatErrors(r.errors());
  EXPECT_EQ(r.errors()[0].ToString(),
            "t.csv:2: capability 'lots' is not a number (field 'Power'); fix: write a plain "
            "decimal number such as 13 or 0.45");
  EXPECT_EQ(r.errors()[1].where, (Location{"t.csv", 3, "Player"}));
  EXPECT_EQ(r.errors()[2].where, (Location{"t.csv", 3, "Position"}));
  EXPECT_NE(r.errors()[2].hint.find("decimal point"), std::string::npos);
  EXPECT_EQ(r.errors()[3].ToString(),
            "t.csv:4: status_quo 3 of issue 't' differs from 2 on line 2 (field 'SQ'); fix: give "
            "an issue's value once, or the same on each of its rows");
}

TEST(OneTableCsv, UnknownDuplicateAndMissingColumns) {
  const Result<ScenarioDocument> r =
      ParseOneTableCsv("Actor,Name,Position,Colour\nA,B,1,red\n", "t.csv");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 4u) << FormatErrors(r.errors());
  EXPECT_EQ(r.errors()[0].message, "columns 'Actor' and 'Name' both give the actor");
  EXPECT_EQ(r.errors()[1].message, "unknown column 'Colour'");
  EXPECT_NE(r.errors()[1].hint.find("salience (or importance"), std::string::npos);
  EXPECT_EQ(r.errors()[2].message, "missing column 'capability'");
  EXPECT_EQ(r.errors()[3].message, "missing column 'salience'");
}

TEST(OneTableCsv, EqualPositionsLeaveNoScaleToInfer) {
  const Result<ScenarioDocument> r =
      ParseOneTableCsv("actor,capability,position,salience\nA,1,3,1\nB,1,3,1\n", "t.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors()[0].message, "cannot infer the scale of issue 't': every position is 3");
  EXPECT_EQ(r.errors()[0].where, (Location{"t.csv", 2}));
}

TEST(OneTableCsv, ConvertsToYamlWithoutLoss) {
  const Result<ScenarioDocument> r = ParseOneTableCsv(
      "actor,capability,position,salience,status_quo,unit,description,basis,note\n"
      "A,0.1,3.3333333333333335,1e-3,4,years,the first,source,\"p. 98, Table 1\"\n"
      "B,7,9,0.3,,,,judgement,\n",
      "t.csv");
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  const Result<ScenarioDocument> back = ParseYamlDocument(WriteYamlDocument(r.value()), "t.yaml");
  ASSERT_TRUE(back.ok()) << FormatErrors(back.errors());
  EXPECT_EQ(back.value(), r.value());
  EXPECT_EQ(back.value().scenario.actors, r.value().scenario.actors);
  EXPECT_EQ(back.value().scenario.actors[0].description, "the first");
  EXPECT_EQ(back.value().scenario.issues[0].stances[0].note, "p. 98, Table 1");
}

TEST(OneTableCsv, DetectedByContentWhateverTheExtension) {
  const auto dir = std::filesystem::temp_directory_path() / "entente_one_table_test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "sheet.txt").string();
  std::ofstream(path) << "Actor;Capability;Position;Salience\nA;1;0;0,5\nB;2;10;0,5\n";
  ASSERT_TRUE(DetectFormat(path).ok());
  EXPECT_EQ(DetectFormat(path).value(), ScenarioFormat::kOneTableCsv);
  const Result<Scenario> s = LoadScenario(path);
  ASSERT_TRUE(s.ok()) << FormatErrors(s.errors());
  EXPECT_DOUBLE_EQ(RunForecast(s.value(), "compromise", {}).issues[0].outcome, 20.0 / 3);
  // Read only: writing one is refused, the file left as it was.
  const Result<Unit> w = WriteScenario(s.value(), path, true);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.errors()[0].message.find("does not write"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// Regression: BDM (1994)'s EC emission table, the simplest sheet there is, was taken for a
// KTAB CSV and refused. Read by content, it gives the paper's round-0 figures (weighted median
// 7.0, weighted mean 7.39; Scholz et al. 2011, Table 2) and the open replication's trail.
TEST(OneTableCsv, Bdm1994EcEmissionTableIsReadAndForecast) {
  ENTENTE_SHARED_OR_SKIP(path, std::string(kEc) + "bdm1994_ec_emission_standards.csv");
  ENTENTE_SHARED_OR_SKIP(trail, std::string(kEc) + "emission_10rounds.txt");
  ASSERT_EQ(DetectFormat(path).value(), ScenarioFormat::kOneTableCsv);
  const Result<ScenarioDocument> doc = LoadDocument(path);
  ASSERT_TRUE(doc.ok()) << FormatErrors(doc.errors());
  const Scenario& s = doc.value().scenario;
  ASSERT_EQ(s.actors.size(), 10u);
  ASSERT_EQ(s.issues.size(), 1u);
  EXPECT_EQ(s.issues[0].id, "bdm1994_ec_emission_standards");
  EXPECT_EQ(s.issues[0].scale.min, 4);
  EXPECT_EQ(s.issues[0].scale.max, 10);
  EXPECT_EQ(doc.value().notes.size(), 2u);  // scale inferred, no status quo
  EXPECT_EQ(s.actors[6].id, "UK");
  EXPECT_EQ(s.issues[0].stances[6].salience, 0.9);
  EXPECT_EQ(RunForecast(s, "median", {}).issues[0].outcome, 7.0);
  EXPECT_NEAR(RunForecast(s, "compromise", {}).issues[0].outcome, 7.389956, 1e-6);
  ModelOptions o;
  o.Set("preset", "scholz2011");
  o.Set("rounds", "10");
  const Forecast eu = RunForecast(s, "eu", o);
  std::ifstream in(trail);
  std::vector<double> medians;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("Median position: ", 0) == 0) medians.push_back(std::stod(line.substr(17)));
  }
  ASSERT_EQ(medians.size(), 11u);
  ASSERT_EQ(eu.issues[0].rounds.size(), 11u);
  for (std::size_t t = 0; t < medians.size(); ++t) {
    EXPECT_NEAR(eu.issues[0].rounds[t].median, medians[t], 1e-9) << "round " << t;
  }
}

// The shipped examples are the same table transcribed (the YAML with its sources, the sheet in
// a German spreadsheet's dialect): same actors, same numbers.
TEST(OneTableCsv, ShippedExamplesMatchTheSharedTable) {
  ENTENTE_SHARED_OR_SKIP(path, std::string(kEc) + "bdm1994_ec_emission_standards.csv");
  const Result<Scenario> shared = LoadScenario(path);
  ASSERT_TRUE(shared.ok());
  for (const char* name : {"ec-emissions-1994.yaml", "ec-emissions-1994-sheet.csv"}) {
    const Result<Scenario> example = LoadScenario(test::SourceDir() + "/examples/" + name);
    ASSERT_TRUE(example.ok()) << FormatErrors(example.errors());
    ASSERT_EQ(example.value().issues.size(), 1u);
    const auto& a = shared.value().issues[0].stances;
    const auto& b = example.value().issues[0].stances;
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(example.value().FindActor(b[i].actor)->name, a[i].actor) << name;
      EXPECT_EQ(a[i].position, b[i].position) << name << " " << a[i].actor;
      EXPECT_EQ(a[i].salience, b[i].salience) << name << " " << a[i].actor;
      EXPECT_EQ(a[i].capability, b[i].capability) << name << " " << a[i].actor;
    }
  }
}

}  // namespace
}  // namespace entente

namespace entente {
namespace {

// Regression: saliences of 0-100 gave one "outside [0, 1]" per row; one error names the fix.
TEST(OneTableCsv, PercentagesWithoutTheSignAreOneError) {
  const Result<ScenarioDocument> r = ParseOneTableCsv(
      "Actor,Capability,Position,Salience\nA,1,0,80\nB,1,5,40\nC,1,10,0.5\n", "t.csv");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 1u);
  EXPECT_EQ(r.errors()[0].ToString(),
            "t.csv:1: saliences look like percentages: 2 rows give more than 1 (line 2: 80), the "
            "rest no more than 100 (field 'Salience'); fix: a salience is a share: write 0.8 or "
            "80%, or name the column 'Salience (%)'");
}

}  // namespace
}  // namespace entente
