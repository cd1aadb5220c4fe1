// Conversions between YAML and the CSV bundle must lose nothing, in both directions.
#include <gtest/gtest.h>

#include <unistd.h>  // getpid

#include <filesystem>

#include "entente/formats/csv_bundle.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "test_support.hpp"

namespace entente {
namespace {
namespace fs = std::filesystem;

Scenario Awkward() {
  Scenario s;
  s.meta = Metadata{
      "Title, with comma", "2021-02-25", "line one\nline two", {"Source \"quoted\"", "yes"}};
  s.actors.push_back(Actor{"US", "United States", "desc: with colon", {}});
  s.actors.push_back(Actor{"true", "  padded  ", "", {}});
  Issue i;
  i.id = "i1";
  i.name = "# not a comment";
  i.description = "tab\there";
  i.scale =
      Scale{-50, 50.5, "% change; signed", {{-50, "cut"}, {0, "freeze; hold"}, {0.1, "1e-1"}}};
  i.status_quo = 0.1;
  i.rule = DecisionRule{DecisionKind::kUnanimity, {"US", "true"}};
  i.stances.push_back(Stance{"US", 1.0 / 3.0, 0.45, 55, Basis::kBrief, "'quote', \"double\"", {}});
  i.stances.push_back(Stance{"true", -49.999999999, 1e-7, 0, Basis::kUnstated, "", {}});
  s.issues.push_back(i);
  Issue j;
  j.id = "j";
  j.scale = Scale{0, 1, "", {}};
  j.stances.push_back(Stance{"US", 0.5, 1, 1, Basis::kJudgement, "n", {}});
  s.issues.push_back(j);
  // Every kind of spread, on every field.
  Stance& us = s.issues[0].stances[0];
  us.position_spread = Spread::Normal(2.5);
  us.salience_spread = Spread::Triangular(0.3, 0.6);
  us.capability_spread = Spread::Uniform(40, 70);
  us.capability = 55;  // the midpoint, as a uniform spread implies
  s.issues[1].stances[0].position_spread = Spread::Uniform(0.25, 0.75);
  s.alliances.push_back(Alliance{"a, b", "Name: with colon", {"US", "true"}, {}});
  s.moves.push_back(Move{"m1",
                         "Press, hard",
                         "\"Quoted\" source; with semicolon",
                         {StanceChange{"US", "i1", 0.5, std::nullopt, 3, {}},
                          StanceChange{"US", "j", std::nullopt, 0.25, std::nullopt, {}}},
                         {}});
  return s;
}

TEST(RoundTrip, YamlTextIsLossless) {
  const Scenario s = Awkward();
  const Result<Scenario> back = ParseYamlScenario(WriteYamlScenario(s), "rt.yaml");
  ASSERT_TRUE(back.ok()) << FormatErrors(back.errors());
  EXPECT_EQ(back.value(), s);
}

TEST(RoundTrip, CsvBundleTextIsLossless) {
  const Scenario s = Awkward();
  const Result<FileSet> files = WriteCsvBundle(s);
  ASSERT_TRUE(files.ok());
  const Result<Scenario> back = ParseCsvBundle(files.value(), "rt");
  ASSERT_TRUE(back.ok()) << FormatErrors(back.errors());
  EXPECT_EQ(back.value(), s);
}

TEST(RoundTrip, AmbiguousAnchorLabelIsRefusedNotMangled) {
  Scenario s = Awkward();
  s.issues[0].scale.anchors[0].label = "cut;5=five";
  EXPECT_FALSE(WriteCsvBundle(s).ok());
}

TEST(RoundTrip, ShippedFlagshipWithAlliancesAndMovesThroughCsv) {
  const Scenario s = LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  ASSERT_FALSE(s.moves.empty());
  const Result<Scenario> back = ParseCsvBundle(WriteCsvBundle(s).value(), "rt");
  ASSERT_TRUE(back.ok()) << FormatErrors(back.errors());
  EXPECT_EQ(back.value(), s);
  EXPECT_EQ(ParseYamlScenario(WriteYamlScenario(s), "rt.yaml").value(), s);
}

TEST(RoundTrip, FlagshipCsvToYamlToCsvOnDisk) {
  ENTENTE_SHARED_OR_SKIP(dir, "scenarios/us-rok-2021");
  const fs::path tmp = fs::temp_directory_path() / ("entente-rt-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  const Scenario original = LoadScenario(dir).ValueOrThrow();
  ASSERT_TRUE(WriteScenario(original, (tmp / "s.yaml").string(), false).ok());
  const Scenario via_yaml = LoadScenario((tmp / "s.yaml").string()).ValueOrThrow();
  ASSERT_TRUE(WriteScenario(via_yaml, (tmp / "bundle").string(), false).ok());
  const Scenario via_csv = LoadScenario((tmp / "bundle").string()).ValueOrThrow();
  EXPECT_EQ(via_yaml, original);
  EXPECT_EQ(via_csv, original);
  // Writing over an existing bundle needs overwrite, and leaves it intact when refused.
  EXPECT_FALSE(WriteScenario(via_csv, (tmp / "bundle").string(), false).ok());
  EXPECT_EQ(LoadScenario((tmp / "bundle").string()).ValueOrThrow(), original);
  EXPECT_TRUE(WriteScenario(via_csv, (tmp / "bundle").string(), true).ok());
  std::size_t leftovers = 0;
  for (const auto& e : fs::directory_iterator(tmp))
    leftovers += e.path().filename().string()[0] == '.';
  EXPECT_EQ(leftovers, 0u) << "temporary files left behind";
  fs::remove_all(tmp);
}

}  // namespace
}  // namespace entente
