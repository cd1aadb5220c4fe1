#pragma once
/// \file
/// Monte Carlo forecasts: propagate input uncertainty through any model, in parallel, with
/// byte-identical results for a seed whatever the thread count.

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "entente/analysis/outcome_sketch.hpp"
#include "entente/analysis/sampler.hpp"
#include "entente/analysis/sensitivity.hpp"
#include "entente/core/defaults.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// "How likely is issue I to end at or beyond V?" (`--threshold I:V`).
struct Threshold {
  std::string issue;  ///< Issue::id
  double value = 0;   ///< a point on its scale
};

/// The most worker threads a simulation or report takes: far more than any machine Entente
/// runs on has cores, and far below the counts at which TBB's arena fails (65,537 crashed).
inline constexpr int kMaxThreads = 1024;

/// Throws InputError unless `threads` is 0 (all cores) or 1..kMaxThreads: the one check of a
/// thread count, used by Simulate, the report and the Python bindings (which pass a 64-bit
/// value before narrowing it).
void RequireThreadCount(std::int64_t threads);

/// What to simulate and how.
struct SimulationOptions {
  std::string model{defaults::kModel};    ///< any registered model
  ModelOptions model_options;             ///< the caller's (ResolveOptions applies)
  std::int64_t draws = defaults::kDraws;  ///< number of draws
  std::uint64_t seed = defaults::kSeed;   ///< PCG seed; draw d uses stream d
  int threads = 0;                        ///< 0 = all cores, else 1..kMaxThreads
  double noise_percent =
      defaults::kNoisePercent;        ///< spread for stances that give none (noise.hpp)
  std::vector<Threshold> thresholds;  ///< exceedance probabilities to report
  bool sensitivity = false;           ///< also compute tornado swings and first-order indices
  int sensitivity_bins = 16;          ///< equal-probability classes per input
  /// Also return every draw's outcomes (SimulationResult::outcomes): draws x issues doubles,
  /// so off by default; the Python bindings hand them to numpy.
  bool keep_outcomes = false;
  /// Summarise each issue's distribution (SimulationResult::issues: quantiles, histogram,
  /// thresholds, vetoes). A caller that reads only the points and the kept outcomes (backtest)
  /// turns it off: the summaries' sketches take 45 MB per thread on DEU I's 173 issues, and
  /// building and merging them was 5-8% of a backtest. Off: each issue holds its id, point and
  /// fallback count only.
  bool summaries = true;
  /// The model's own error (a calibration's sorted standardized residuals for this model):
  /// when not empty, each draw's outcome of issue k becomes clip(y + sigma_k z_J, scale), J
  /// uniform over the list from the draw's stream, sigma_k = ErrorScale(issue k, error_floor)
  /// of the coded inputs. Empty: input uncertainty only.
  std::vector<double> model_error_z;
  double error_floor = 0.05;  ///< the calibration's floor, fraction of the scale range
  /// kMixture: each draw takes, for every coded stance, one coder's numbers as the centre of
  /// its draw (a coder drawn uniformly from the stance's codings); kMixtureCoder: one coder
  /// per draw for the whole scenario (stances that coder skipped keep their pooled numbers).
  /// Other rules, or a scenario without codings: the scenario's stances as they are.
  PoolRule pool = PoolRule::kMean;
  const std::atomic<bool>* cancel = nullptr;  ///< set to stop early (Ctrl-C)
  /// Called now and then (from a worker thread, never concurrently) with draws done / total.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

/// P(outcome >= value) and P(outcome <= value) for one threshold.
struct ThresholdResult {
  double value = 0;  ///< the threshold
  double p_ge = 0;   ///< share of draws at or above it
  double p_le = 0;   ///< share at or below it
};

/// How often one veto player was the binding one.
struct VetoShare {
  std::string actor;  ///< veto player
  double share = 0;   ///< share of draws in which it bound
};

/// The distribution of one issue's outcome.
struct IssueDistribution {
  std::string issue_id;  ///< Issue::id
  double point = 0;      ///< the point forecast (inputs at their coded values)
  double mean = 0;       ///< mean outcome
  double sd = 0;         ///< standard deviation
  double min = 0;        ///< smallest outcome drawn
  double max = 0;        ///< largest
  double p05 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0;  ///< quantiles
  /// 20 bars over the scale, then, when the status quo holds in some draws, that point mass
  /// as one bin of zero width (lo == hi == status quo) which the bars leave out.
  std::vector<HistogramBin> histogram;
  std::optional<double> p_status_quo;       ///< share of draws where the status quo holds
  std::vector<ThresholdResult> thresholds;  ///< as requested, in order
  std::vector<VetoShare> vetoes;            ///< per veto player, in rule order
  std::int64_t fallback_draws = 0;          ///< draws that kept point inputs (no weight left)
};

/// The result of a simulation.
struct SimulationResult {
  std::string model;                          ///< model name
  std::int64_t draws_requested = 0;           ///< as asked
  std::int64_t draws_done = 0;                ///< fewer when interrupted
  bool interrupted = false;                   ///< stopped by `cancel`
  std::uint64_t seed = 0;                     ///< as used
  double noise_percent = 0;                   ///< as used, in percent
  std::size_t uncertain_inputs = 0;           ///< number of inputs drawn
  std::vector<std::string> warnings;          ///< e.g. that no input was uncertain
  std::vector<IssueDistribution> issues;      ///< in scenario order
  std::vector<IssueSensitivity> sensitivity;  ///< per issue, when requested
  /// With keep_outcomes: draw d's outcome on issue k at [d * issues + k] (row-major), after the
  /// decision rule; NaN for draws an interruption skipped. Empty otherwise.
  std::vector<double> outcomes;
};

/// The most draws one simulation takes (its counters are 32-bit).
inline constexpr std::int64_t kMaxDraws = 4'000'000'000;

/// InputError located at field `draws` unless 1 <= draws <= kMaxDraws.
void CheckDraws(std::int64_t draws);

/// Runs `options.draws` draws of `scenario`'s uncertain inputs through the model and
/// summarises each issue's outcome. Throws InputError for an invalid scenario, an unknown
/// model or issue in a threshold, bad noise, draws out of range or a thread count outside
/// 0..kMaxThreads.
///
/// Example:
/// ```
/// SimulationOptions o;  o.model = "compromise";  o.draws = 100000;  o.noise_percent = 10;
/// SimulationResult r = Simulate(flagship, o);   // r.issues[2].p95, r.issues[2].p_status_quo
/// ```
[[nodiscard]] SimulationResult Simulate(const Scenario& scenario, const SimulationOptions& options);

}  // namespace entente
