#pragma once
/// \file
/// Sweeps: one scenario run at many points (what-if edits, model options, noise, seeds) x
/// models, one row per point, model and issue. Each point x model is an independent unit
/// (unit u = point x models + model), so a sweep runs on all cores, or in shards (unit u
/// belongs to shard u mod N + 1) whose rows put together in unit order are the whole sweep's.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entente/analysis/run_parameters.hpp"
#include "entente/analysis/simulation_shard.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// One point: its parameters (edits, model options, seed, noise, thresholds; the model comes
/// from the sweep's list) and a label saying how it differs from the base run.
struct SweepPoint {
  std::string label;     ///< e.g. "US.sanctions_relief.salience=0.9 noise_percent=5"
  RunParameters params;  ///< what the point runs (model: unused)
};

/// The points and models of a sweep.
struct SweepPlan {
  std::vector<std::string> models;  ///< every point runs each, in this order
  std::int64_t draws = 0;           ///< 0: a forecast per unit; else Monte Carlo draws
  std::vector<SweepPoint> points;   ///< in the spec's order (grid first, then the list)
};

/// One point x model x issue.
struct SweepRow {
  std::int64_t unit = 0;   ///< point x models + model
  std::int64_t point = 0;  ///< index into SweepPlan::points
  std::string label;       ///< the point's label
  std::string model;       ///< model name
  std::string issue;       ///< Issue::id
  double outcome = 0;      ///< the forecast (inputs as coded, after the decision rule)
  /// With draws: mean and 5%, 50%, 95% quantiles of the Monte Carlo outcome.
  std::optional<double> mean, p05, p50, p95;
};

/// points x models.
[[nodiscard]] std::int64_t SweepUnits(const SweepPlan& plan);

/// The rows of the units of `shard` (all of them for 1/1), in unit order, computed on
/// `threads` threads (0: all cores; each unit's own Monte Carlo single-threaded). Throws
/// InputError naming the point (its label) whose edits or options do not fit. When `cancel` is
/// set (Ctrl-C), units not yet started are skipped and running Monte Carlo units stop early:
/// the rows returned are then incomplete, and the caller, seeing the flag set, discards them.
[[nodiscard]] std::vector<SweepRow> RunSweep(const Scenario& scenario, const SweepPlan& plan,
                                             ShardSpec shard = {}, int threads = 0,
                                             const std::atomic<bool>* cancel = nullptr);

/// One shard's rows with what they were computed from (formats/sweep_partial.hpp reads and
/// writes it).
struct SweepPart {
  std::string source;          ///< where it was read from, for messages (a file name)
  std::string version;         ///< the entente version that computed it
  std::string spec_sha256;     ///< SHA-256 of the sweep file's text and the scenario's
  std::int64_t units = 0;      ///< the sweep's units (SweepUnits)
  std::int64_t draws = 0;      ///< SweepPlan::draws
  ShardSpec shard;             ///< which shard
  std::vector<SweepRow> rows;  ///< its units' rows, in unit order
};

/// The rows of the whole sweep from its parts, in unit order: what RunSweep returns for 1/1.
/// InputError naming the part's source when two parts differ in version, sweep, units, draws
/// or shard count, when a shard is there twice or missing, or when a part holds rows of units
/// that are not its shard's.
[[nodiscard]] std::vector<SweepRow> MergeSweepParts(const std::vector<SweepPart>& parts);

}  // namespace entente
