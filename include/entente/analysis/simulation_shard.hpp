#pragma once
/// \file
/// Monte Carlo beyond one machine. The draws are cut into blocks of kDrawBlock (the work
/// units; their edges depend on nothing but the draw index), shard K of N computes blocks
/// K-1, K-1+N, K-1+2N, ... and returns integer tallies (sketch counts, not draws). Draw d
/// uses PCG stream d whichever shard runs it, and every tally is an integer sum, so the merged
/// shards give exactly the one-machine result, byte for byte, whatever N.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entente/analysis/monte_carlo.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// Shard `index` of `count` (both from 1): "3/7".
struct ShardSpec {
  std::int64_t index = 1;  ///< 1..count
  std::int64_t count = 1;  ///< number of shards
  friend bool operator==(const ShardSpec&, const ShardSpec&) = default;
};

/// Draws per work unit. Fixed (never derived from the shard count), so a unit is the same
/// draws whatever N; small enough that a slow model's 200 draws still make 13 units.
inline constexpr std::int64_t kDrawBlock = 16;

/// The most shards a run can be cut into.
inline constexpr std::int64_t kMaxShards = 1'000'000;

/// Reads "K/N" (1 <= K <= N <= kMaxShards); InputError located at field `shard` otherwise.
[[nodiscard]] ShardSpec ParseShard(std::string_view text);

/// How many of `draws` draws shard `shard` computes.
[[nodiscard]] std::int64_t ShardDraws(std::int64_t draws, ShardSpec shard);

/// One issue's tallies over some draws.
struct IssueTally {
  OutcomeSketch::State sketch;        ///< the outcome sketch's counts
  std::int64_t status_quo_holds = 0;  ///< draws ending at the status quo
  std::int64_t fallbacks = 0;         ///< draws that kept the coded inputs
  std::vector<std::int64_t> ge;       ///< per threshold of this issue: draws at or above
  std::vector<std::int64_t> le;       ///< ... at or below
  std::vector<std::int64_t> binds;    ///< per veto player: draws in which it bound
};

/// Everything some draws of a simulation add up to: integers only (and exact extremes).
struct SimulationTally {
  std::int64_t draws = 0;          ///< draws counted
  std::vector<IssueTally> issues;  ///< in scenario order
  /// First-order sensitivity sums (with SimulationOptions::sensitivity), cells that hold draws.
  std::vector<FirstOrderAccumulator::CellState> first_order;
};

/// Runs shard `shard`'s draws (options.keep_outcomes is ignored) and returns their tallies.
/// Throws as Simulate does; a cancelled run returns fewer draws than ShardDraws.
[[nodiscard]] SimulationTally SimulateShard(const Scenario& scenario,
                                            const SimulationOptions& options, ShardSpec shard);

/// One shard's draws with every draw's outcome kept: what a backtest scores (the exact
/// empirical distribution, which a sketch would only approximate).
struct ShardOutcomes {
  std::vector<double> points;    ///< the point forecast per issue (inputs at their coded values)
  std::int64_t draws_done = 0;   ///< draws computed; fewer than ShardDraws when cancelled
  std::vector<double> outcomes;  ///< draw d's outcome on issue k at [d * issues + k]; NaN for
                                 ///< the draws of other shards (and those a cancel skipped)
};

/// Runs shard `shard`'s draws keeping their outcomes (options.keep_outcomes is ignored).
/// Throws as Simulate does.
[[nodiscard]] ShardOutcomes SimulateShardOutcomes(const Scenario& scenario,
                                                  const SimulationOptions& options,
                                                  ShardSpec shard);

/// The simulation result of tallies that together cover every draw once (MergeSimulationParts
/// checks that): what Simulate returns, byte for byte. `labels[i]` names tallies[i] in the
/// InputError thrown when one does not fit the scenario and options (a corrupted part).
[[nodiscard]] SimulationResult SimulationFromTallies(const Scenario& scenario,
                                                     const SimulationOptions& options,
                                                     const std::vector<SimulationTally>& tallies,
                                                     const std::vector<std::string>& labels);

/// One shard's partial result with what it was computed from (formats/simulation_partial.hpp
/// reads and writes it).
struct SimulationPart {
  std::string source;               ///< where it was read from, for messages (a file name)
  std::string version;              ///< the entente version that computed it
  std::string scenario_hash;        ///< SHA-256 of the scenario as stored
  Scenario scenario;                ///< the scenario simulated (with the run's edits applied)
  SimulationOptions options;        ///< the run's options (threads, cancel, progress unused)
  ShardSpec shard;                  ///< which shard
  std::int64_t block = kDrawBlock;  ///< draws per unit when it was computed
  SimulationTally tally;            ///< its draws' tallies
};

/// Merges the parts of one run: InputError naming the part's source when two parts differ in
/// version, scenario, model, options, seed, draws, block or shard count, when a shard is
/// there twice or missing, or when a part holds fewer draws than its shard has (interrupted).
/// Returns the result, which the output functions (with any part's scenario) turn into
/// exactly what `simulate` prints.
[[nodiscard]] SimulationResult MergeSimulationParts(const std::vector<SimulationPart>& parts);

}  // namespace entente
