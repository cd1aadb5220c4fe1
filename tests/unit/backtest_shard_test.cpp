// A backtest's shards merged give exactly the one-machine backtest (scores, bootstrap
// intervals, PIT), and the order draws are scored in depends on their values only.
#include "entente/analysis/backtest_shard.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "entente/formats/backtest_partial.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/output/backtest_output.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

BacktestOptions Options() {
  BacktestOptions o;
  o.models = {"compromise", "median"};
  o.draws = 70;  // 5 blocks, the last one short
  o.seed = 11;
  o.noise_percent = 10;
  o.bootstrap = 150;
  o.by = "procedure";
  return o;
}

TEST(BacktestShard, merged_parts_print_what_one_backtest_prints) {
  const ScenarioDocument doc =
      LoadDocument(test::SourceDir() + "/tests/data/backtest_small.yaml").ValueOrThrow();
  const BacktestOptions o = Options();
  const std::string expected =
      FormatBacktest(RunBacktest(doc.scenario, doc.outcomes, o), OutputFormat::kJson);
  for (std::int64_t n : {1, 2, 4, 6}) {
    std::vector<BacktestPart> parts;
    for (std::int64_t k = 1; k <= n; ++k) {
      BacktestPart part;
      part.scenario = doc.scenario;
      part.outcomes = doc.outcomes;
      part.options = o;
      part.shard = ShardSpec{k, n};
      part.tally = BacktestShard(doc.scenario, doc.outcomes, o, part.shard);
      // Through the file, as `entente merge` reads it.
      parts.push_back(ParseBacktestPartial(WriteBacktestPartial(part), "part").ValueOrThrow());
    }
    EXPECT_EQ(FormatBacktest(MergeBacktestParts(parts), OutputFormat::kJson), expected)
        << n << " shards";
  }
}

TEST(BacktestShard, a_missing_shard_is_refused) {
  const ScenarioDocument doc =
      LoadDocument(test::SourceDir() + "/tests/data/backtest_small.yaml").ValueOrThrow();
  BacktestPart part;
  part.source = "p1";
  part.scenario = doc.scenario;
  part.outcomes = doc.outcomes;
  part.options = Options();
  part.shard = ShardSpec{1, 2};
  part.tally = BacktestShard(doc.scenario, doc.outcomes, part.options, part.shard);
  EXPECT_THROW((void)MergeBacktestParts({part}), InputError);
}

TEST(BacktestShard, draws_sort_by_value_with_negative_zero_first) {
  EXPECT_TRUE(DrawBefore(-0.0, 0.0));
  EXPECT_FALSE(DrawBefore(0.0, -0.0));
  EXPECT_FALSE(DrawBefore(0.0, 0.0));
  EXPECT_TRUE(DrawBefore(-1.0, -0.0));
  EXPECT_FALSE(DrawBefore(2.0, 1.0));
}

TEST(BacktestShard, without_draws_a_shard_is_refused) {
  const ScenarioDocument doc =
      LoadDocument(test::SourceDir() + "/tests/data/backtest_small.yaml").ValueOrThrow();
  BacktestOptions o = Options();
  o.draws = 0;
  EXPECT_THROW((void)BacktestShard(doc.scenario, doc.outcomes, o, ShardSpec{1, 2}), InputError);
}

}  // namespace
}  // namespace entente
