#pragma once
/// \file
/// A backtest's Monte Carlo beyond one machine. Each model's draws are cut into the blocks of
/// simulation_shard.hpp (draw d uses PCG stream d whichever shard runs it); shard K of N keeps,
/// per model and scored issue, the distinct outcomes its draws ended at with how many draws
/// ended at each. The backtest scores the exact empirical distribution of the draws (CRPS, PIT,
/// intervals), so counts of exact values are what it needs; merged, they give the columns one
/// machine would sort, and so the same scores and bootstrap intervals, byte for byte.

#include <cstdint>
#include <string>
#include <vector>

#include "entente/analysis/backtest.hpp"
#include "entente/analysis/simulation_shard.hpp"

namespace entente {

/// One model's draws on one issue: distinct outcomes in DrawBefore order, and their counts.
struct DrawCounts {
  std::vector<double> values;        ///< strictly ascending by DrawBefore; never NaN
  std::vector<std::int64_t> counts;  ///< draws that ended at values[i] (each >= 1)
};

/// One model's part of a backtest shard.
struct BacktestModelTally {
  std::string model;               ///< model name
  std::vector<double> point;       ///< point forecast per issue (every shard has the same)
  std::vector<DrawCounts> issues;  ///< per scored issue (ScoredIssues order)
};

/// Everything some draws of a backtest add up to.
struct BacktestTally {
  std::int64_t draws = 0;                  ///< draws of each model counted
  std::vector<BacktestModelTally> models;  ///< in BacktestOptions::models order
};

/// Runs shard `shard`'s draws of every model (CheckBacktest's errors first; InputError
/// without draws). A cancelled run returns fewer draws than ShardDraws.
[[nodiscard]] BacktestTally BacktestShard(const Scenario& scenario,
                                          const std::vector<Outcome>& outcomes,
                                          const BacktestOptions& options, ShardSpec shard);

/// One backtest shard's partial result with what it was computed from
/// (formats/backtest_partial.hpp reads and writes it).
struct BacktestPart {
  std::string source;               ///< where it was read from, for messages (a file name)
  std::string version;              ///< the entente version that computed it
  std::string scenario_hash;        ///< SHA-256 of the scenario as stored
  Scenario scenario;                ///< the scenario scored (with the run's edits applied)
  std::vector<Outcome> outcomes;    ///< the outcomes scored against
  BacktestOptions options;          ///< the run's options (threads, cancel, progress unused)
  ShardSpec shard;                  ///< which shard
  std::int64_t block = kDrawBlock;  ///< draws per unit when it was computed
  BacktestTally tally;              ///< its draws' counts
};

/// Merges the parts of one backtest: InputError naming the part's source when two parts
/// differ in version, scenario, outcomes, models, options, seed, draws, block or shard count,
/// when a shard is there twice or missing, when a part holds fewer draws than its shard has
/// (interrupted) or counts that do not fit the run (damaged). Returns exactly what
/// RunBacktest returns for the same run on one machine.
[[nodiscard]] BacktestResult MergeBacktestParts(const std::vector<BacktestPart>& parts);

}  // namespace entente
