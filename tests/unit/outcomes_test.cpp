// Outcomes, issue groups and issue metadata: read from YAML and CSV bundles, validated with
// locations, and kept by every conversion (YAML <-> CSV bundle, DEU -> both).
#include <unistd.h>  // getpid

#include <filesystem>

#include <gtest/gtest.h>

#include "entente/core/validation.hpp"
#include "entente/formats/csv_bundle.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "test_support.hpp"

namespace entente {
namespace {
namespace fs = std::filesystem;

ScenarioDocument Document() {
  ScenarioDocument d;
  Scenario& s = d.scenario;
  s.meta.title = "Outcomes";
  s.actors = {Actor{"a", "A", "", {}}, Actor{"b", "B, with comma", "", {}}};
  for (const char* id : {"i1", "i2", "i3"}) {
    Issue i;
    i.id = id;
    i.scale = Scale{-10, 10.5, "", {}};
    i.stances = {Stance{"a", -3, 0.5, 2, Basis::kUnstated, "", {}},
                 Stance{"b", 7.25, 1, 1, Basis::kUnstated, "", {}}};
    s.issues.push_back(i);
  }
  s.issues[0].metadata = {{"proc", "COD"}, {"finact", "1930-05-01"}, {"note", "a, \"quoted\"; x"}};
  s.issues[2].metadata = {{"yes", "no"}, {"empty", ""}};
  s.groups = {IssueGroup{"p1", "Proposal: one", {"i1", "i3"}, {}},
              IssueGroup{"true", "", {"i2"}, {}}};
  d.outcomes = {Outcome{"i1", 1.0 / 3, "2001-05-30", "DEU, column out", {}},
                Outcome{"i3", -10, "", "", {}}};
  return d;
}

TEST(Outcomes, yaml_text_round_trip_is_lossless) {
  const ScenarioDocument d = Document();
  const Result<ScenarioDocument> back = ParseYamlDocument(WriteYamlDocument(d), "rt.yaml");
  ASSERT_TRUE(back.ok()) << FormatErrors(back.errors());
  EXPECT_EQ(back.value(), d);
  EXPECT_TRUE(Validate(back.value().scenario).empty());
  // The scenario alone, as models get it, carries no trace of the outcomes.
  EXPECT_EQ(ParseYamlScenario(WriteYamlDocument(d), "rt.yaml").value(), d.scenario);
  EXPECT_EQ(WriteYamlScenario(d.scenario).find("outcome"), std::string::npos);
}

TEST(Outcomes, csv_bundle_text_round_trip_is_lossless) {
  const ScenarioDocument d = Document();
  const Result<FileSet> files = WriteCsvBundle(d);
  ASSERT_TRUE(files.ok());
  EXPECT_TRUE(files.value().contains("outcomes.csv"));
  EXPECT_TRUE(files.value().contains("groups.csv"));
  EXPECT_TRUE(files.value().contains("issue_metadata.csv"));
  const Result<ScenarioDocument> back = ParseCsvBundleDocument(files.value(), "rt");
  ASSERT_TRUE(back.ok()) << FormatErrors(back.errors());
  EXPECT_EQ(back.value(), d);
}

TEST(Outcomes, yaml_to_bundle_to_yaml_on_disk) {
  const fs::path tmp = fs::temp_directory_path() / ("entente-out-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  const ScenarioDocument d = Document();
  ASSERT_TRUE(WriteDocument(d, (tmp / "a.yaml").string(), false).ok());
  const ScenarioDocument y = LoadDocument((tmp / "a.yaml").string()).ValueOrThrow();
  ASSERT_TRUE(WriteDocument(y, (tmp / "bundle").string(), false).ok());
  const ScenarioDocument b = LoadDocument((tmp / "bundle").string()).ValueOrThrow();
  ASSERT_TRUE(WriteDocument(b, (tmp / "b.yaml").string(), false).ok());
  EXPECT_EQ(y, d);
  EXPECT_EQ(b, d);
  EXPECT_EQ(LoadDocument((tmp / "b.yaml").string()).ValueOrThrow(), d);
  fs::remove_all(tmp);
}

TEST(Outcomes, bad_outcomes_are_located) {
  ScenarioDocument d = Document();
  d.outcomes[0].value = 11;
  d.outcomes.push_back(Outcome{"nope", 0, "", "", {}});
  d.outcomes.push_back(Outcome{"i3", 0, "", "", {}});
  const FileSet files = WriteCsvBundle(d).value();
  const ScenarioDocument back = ParseCsvBundleDocument(files, "b").value();
  const Errors e = ValidateOutcomes(back.scenario, back.outcomes);
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].where.ToString(), "b/outcomes.csv:2");
  EXPECT_EQ(e[0].where.field, "value");
  EXPECT_NE(e[1].message.find("unknown issue 'nope'"), std::string::npos);
  EXPECT_NE(e[2].message.find("two outcomes"), std::string::npos);
  // YAML: a bad value is located on its line.
  const Result<ScenarioDocument> y = ParseYamlDocument(
      "actors: [{id: a}]\nissues:\n  - id: i\n    scale: {min: 0, max: 1}\n"
      "    stances: [{actor: a, position: 0, salience: 1, capability: 1}]\n"
      "    outcome: {value: high}\n",
      "o.yaml");
  ASSERT_FALSE(y.ok());
  EXPECT_EQ(y.errors()[0].where.line, 6);
}

TEST(Outcomes, groups_hold_each_issue_at_most_once) {
  ScenarioDocument d = Document();
  d.scenario.groups[1].issues.push_back("i1");
  d.scenario.groups[1].issues.push_back("zz");
  const Errors e = Validate(d.scenario);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_NE(e[0].message.find("issue 'i1' is in groups 'p1' and 'true'"), std::string::npos);
  EXPECT_NE(e[1].message.find("unknown issue 'zz'"), std::string::npos);
  d = Document();
  d.scenario.issues[0].metadata.push_back({"proc", "CNS"});
  EXPECT_EQ(Validate(d.scenario).size(), 1u);
}

TEST(Outcomes, outcomes_file_reads_like_the_bundles) {
  const Result<std::vector<Outcome>> r =
      ParseOutcomesCsv("issue,value,source\ni1,2.5,\"a, b\"\ni2,x,\n", "o.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors()[0].where.line, 3);
  const Result<std::vector<Outcome>> ok = ParseOutcomesCsv("issue,value\ni1,2.5\n", "o.csv");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value()[0].value, 2.5);
  EXPECT_FALSE(ParseOutcomesCsv("issue,outcome\ni1,2\n", "o.csv").ok());
}

TEST(Outcomes, deu_one_converts_to_yaml_and_bundle_without_loss) {
  ENTENTE_SHARED_OR_SKIP(path, "validation/deu-i/deu_proposals_1996_2001.tsv");
  const ScenarioDocument deu = LoadDocument(path).ValueOrThrow();
  const Result<ScenarioDocument> yaml = ParseYamlDocument(WriteYamlDocument(deu), "deu.yaml");
  ASSERT_TRUE(yaml.ok()) << FormatErrors(yaml.errors());
  EXPECT_EQ(yaml.value(), deu);
  const Result<ScenarioDocument> csv = ParseCsvBundleDocument(WriteCsvBundle(deu).value(), "deu");
  ASSERT_TRUE(csv.ok()) << FormatErrors(csv.errors());
  EXPECT_EQ(csv.value(), deu);
}

}  // namespace
}  // namespace entente
