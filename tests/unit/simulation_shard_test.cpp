#include "entente/analysis/simulation_shard.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/simulation_partial.hpp"
#include "entente/output/simulation_output.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

Scenario Load(const std::string& relative) {
  return LoadScenario(test::SourceDir() + "/" + relative).ValueOrThrow();
}

// Every shard of `n` computed, written to text and read back: what `entente merge` gets.
std::vector<SimulationPart> Parts(const Scenario& s, const SimulationOptions& o, std::int64_t n) {
  std::vector<SimulationPart> parts;
  for (std::int64_t k = 1; k <= n; ++k) {
    SimulationPart p;
    p.scenario = s;
    p.options = o;
    p.shard = ShardSpec{k, n};
    p.tally = SimulateShard(s, o, p.shard);
    const std::string label = "part-" + std::to_string(k) + ".ent";
    parts.push_back(ParseSimulationPartial(WriteSimulationPartial(p), label).ValueOrThrow());
  }
  return parts;
}

// The merged output equals the one-machine output, JSON and table, for N = 1, 2, 3, 7.
void ExpectMergesExactly(const Scenario& s, const SimulationOptions& o) {
  const SimulationResult one = Simulate(s, o);
  const std::string json = SimulationJson(s, one).dump();
  const std::string table = SimulationTable(s, one);
  for (const std::int64_t n : {1, 2, 3, 7}) {
    const std::vector<SimulationPart> parts = Parts(s, o, n);
    const SimulationResult merged = MergeSimulationParts(parts);
    EXPECT_EQ(json, SimulationJson(parts.front().scenario, merged).dump()) << n << " shards";
    EXPECT_EQ(table, SimulationTable(parts.front().scenario, merged)) << n << " shards";
  }
}

TEST(SimulationShard, ShardsCoverEveryDrawOnce) {
  for (const std::int64_t draws : {1, 15, 16, 17, 200, 1000, 4097}) {
    for (const std::int64_t n : {1, 2, 3, 7, 300}) {
      std::int64_t total = 0;
      for (std::int64_t k = 1; k <= n; ++k) total += ShardDraws(draws, ShardSpec{k, n});
      EXPECT_EQ(total, draws) << draws << " draws in " << n << " shards";
    }
  }
  EXPECT_EQ(ShardDraws(200, ShardSpec{1, 7}), 32);  // blocks 0 and 7
  EXPECT_EQ(ShardDraws(200, ShardSpec{6, 7}), 24);  // blocks 5 and 12 (the last, 8 draws)
}

TEST(SimulationShard, ParsesKOfN) {
  EXPECT_EQ(ParseShard("3/7"), (ShardSpec{3, 7}));
  EXPECT_EQ(ParseShard("1/1"), (ShardSpec{1, 1}));
  for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/", "/2", "-1/2", "1/2000000", " 1/2"}) {
    EXPECT_THROW((void)ParseShard(bad), InputError) << bad;
  }
}

TEST(SimulationShard, MergedEqualsOneMachineWithThresholdsAndSensitivity) {
  SimulationOptions o;
  o.model = "median";
  o.draws = 1000;
  o.seed = 11;
  o.noise_percent = 10;
  o.sensitivity = true;
  o.thresholds = {{"sanctions_relief", 30}};
  ExpectMergesExactly(Load("scenarios/us-rok-2021.yaml"), o);
}

TEST(SimulationShard, MergedEqualsOneMachineWithVetoesGroupsAndModelError) {
  SimulationOptions o;
  o.model = "compromise";
  o.draws = 333;
  o.seed = 5;
  o.model_error_z = {-1.5, -0.2, 0, 0.4, 2.0};
  ExpectMergesExactly(Load("tests/data/procedures.yaml"), o);
  ExpectMergesExactly(Load("tests/data/backtest_small.yaml"), o);
}

TEST(SimulationShard, MergedEqualsOneMachineForADynamicModel) {
  SimulationOptions o;
  o.model = "eu";
  o.draws = 40;
  o.seed = 3;
  o.model_options.Set("rounds", "3");
  ExpectMergesExactly(Load("scenarios/us-rok-2021.yaml"), o);
}

class SimulationShardErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    scenario_ = Load("scenarios/us-rok-2021.yaml");
    options_.model = "compromise";
    options_.draws = 100;
    options_.seed = 9;
  }
  // The error message of merging `parts`, "" when it merges.
  static std::string MergeError(const std::vector<SimulationPart>& parts) {
    try {
      (void)MergeSimulationParts(parts);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
  Scenario scenario_;
  SimulationOptions options_;
};

TEST_F(SimulationShardErrors, MissingShard) {
  std::vector<SimulationPart> parts = Parts(scenario_, options_, 3);
  parts.erase(parts.begin() + 1);
  EXPECT_NE(MergeError(parts).find("shard 2 is missing"), std::string::npos) << MergeError(parts);
}

TEST_F(SimulationShardErrors, DuplicateShard) {
  std::vector<SimulationPart> parts = Parts(scenario_, options_, 2);
  parts.push_back(parts.front());
  parts.back().source = "copy.ent";
  const std::string e = MergeError(parts);
  EXPECT_NE(e.find("copy.ent"), std::string::npos) << e;
  EXPECT_NE(e.find("shard 1/2 is also in part-1.ent"), std::string::npos) << e;
}

TEST_F(SimulationShardErrors, DifferentSeed) {
  std::vector<SimulationPart> parts = Parts(scenario_, options_, 2);
  SimulationOptions other = options_;
  other.seed = 10;
  parts[1] = Parts(scenario_, other, 2)[1];
  const std::string e = MergeError(parts);
  EXPECT_NE(e.find("part-2.ent"), std::string::npos) << e;
  EXPECT_NE(e.find("seed 10 (not 9)"), std::string::npos) << e;
}

TEST_F(SimulationShardErrors, DifferentScenario) {
  std::vector<SimulationPart> parts = Parts(scenario_, options_, 2);
  Scenario edited = scenario_;
  edited.issues[0].stances[0].position += 1;
  parts[1] = Parts(edited, options_, 2)[1];
  EXPECT_NE(MergeError(parts).find("scenario"), std::string::npos) << MergeError(parts);
}

TEST_F(SimulationShardErrors, InterruptedShard) {
  std::vector<SimulationPart> parts = Parts(scenario_, options_, 2);
  parts[0].tally.draws -= 1;  // 100 draws: blocks 0, 2, 4 and 6 (4 draws) are shard 1/2's
  EXPECT_NE(MergeError(parts).find("holds 51 draws, not its 52"), std::string::npos)
      << MergeError(parts);
}

TEST_F(SimulationShardErrors, CorruptedFileFailsItsChecksum) {
  SimulationPart p = Parts(scenario_, options_, 1)[0];
  std::string text = WriteSimulationPartial(p);
  const std::size_t at = text.find("\"draws\":100");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 11, "\"draws\":101");
  const Result<SimulationPart> r = ParseSimulationPartial(text, "bad.ent");
  ASSERT_FALSE(r);
  EXPECT_NE(r.errors()[0].ToString().find("bad.ent"), std::string::npos);
  EXPECT_NE(r.errors()[0].ToString().find("checksum"), std::string::npos);
  EXPECT_FALSE(ParseSimulationPartial(text.substr(0, text.size() / 2), "cut.ent"));
  EXPECT_FALSE(ParseSimulationPartial("", "empty.ent"));
}

TEST_F(SimulationShardErrors, WrongVersion) {
  std::string text = WriteSimulationPartial(Parts(scenario_, options_, 1)[0]);
  const std::size_t at = text.find("\"version\":1");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 11, "\"version\":2");
  const Result<SimulationPart> r = ParseSimulationPartial(text, "new.ent");
  ASSERT_FALSE(r);
  EXPECT_NE(r.errors()[0].ToString().find("version 2"), std::string::npos)
      << r.errors()[0].ToString();
}

TEST_F(SimulationShardErrors, TallyOfTheWrongShapeIsRefused) {
  std::vector<SimulationPart> parts = Parts(scenario_, options_, 1);
  parts[0].tally.issues[0].sketch.bins[0].index = 1u << 20;
  EXPECT_NE(MergeError(parts).find("part-1.ent"), std::string::npos) << MergeError(parts);
}

}  // namespace
}  // namespace entente
