#pragma once
/// \file
/// Backtesting: every model's forecasts scored against observed outcomes, with confidence
/// intervals from a bootstrap over issue groups. The models get the Scenario only; outcomes
/// enter here, after the forecasts are made.

#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "entente/analysis/sampler.hpp"
#include "entente/core/coding.hpp"
#include "entente/core/defaults.hpp"
#include "entente/core/outcome.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// What to score and how.
struct BacktestOptions {
  /// Models to score, in the order the output lists them.
  std::vector<std::string> models = {"compromise", "median", "eu", "exchange", "ktab-smp"};
  std::map<std::string, ModelOptions> model_options;  ///< per model name; none by default
  std::int64_t draws = 0;  ///< Monte Carlo draws per model; 0 scores point forecasts only
  double noise_percent =
      defaults::kNoisePercent;  ///< spread for stances that state none (noise.hpp)
  std::uint64_t seed = 1;       ///< seeds the draws and the bootstrap
  int threads = 0;              ///< 0 = all cores; never changes results
  int bootstrap = 2000;         ///< bootstrap resamples of the groups for the intervals
  /// Also score subsets: "group", "procedure" (metadata proc and counvte) or a metadata key.
  std::string by;
  /// Monte Carlo over coders (kMixture, kMixtureCoder) for a scenario with codings; the point
  /// pools are applied to the scenario before (EditedScenario, run_parameters.hpp).
  PoolRule pool = PoolRule::kMean;
  const std::atomic<bool>* cancel = nullptr;  ///< set to stop early (Ctrl-C)
  /// Called after each model with (models done, models in total).
  std::function<void(int, int)> progress;
};

/// A score with its 95% bootstrap interval (percentile method).
struct Estimate {
  double value = 0;  ///< on all scored issues
  double lo = 0;     ///< 2.5% quantile over the bootstrap resamples
  double hi = 0;     ///< 97.5% quantile
};

/// The scores of the central 50, 80 and 90% intervals of the draws.
struct IntervalScores {
  double level = 0;       ///< 0.5, 0.8 or 0.9
  Estimate coverage;      ///< share of outcomes inside the interval
  Estimate score;         ///< mean interval score (Gneiting & Raftery 2007), scale units
  double mean_width = 0;  ///< mean width, scale units
};

/// One model's scores over a set of issues. Errors are forecast minus outcome.
struct ModelScore {
  std::string model;                  ///< model name
  int n = 0;                          ///< issues scored
  Estimate mae;                       ///< mean absolute error, scale units
  Estimate rmse;                      ///< root mean squared error
  Estimate median_ae;                 ///< median absolute error
  Estimate bias;                      ///< mean signed error
  Estimate within5;                   ///< share of issues with |error| <= 5 scale units
  Estimate within10;                  ///< ... <= 10
  Estimate within20;                  ///< ... <= 20
  Estimate mae_pct;                   ///< MAE in % of each issue's scale range
  Estimate rmse_pct;                  ///< RMSE in % of range
  Estimate median_ae_pct;             ///< median absolute error in % of range
  Estimate bias_pct;                  ///< mean signed error in % of range
  Estimate within5_pct;               ///< share with |error| <= 5% of the range
  Estimate within10_pct;              ///< ... <= 10%
  Estimate within20_pct;              ///< ... <= 20%
  Estimate crps;                      ///< CRPS of the draws (exact, empirical); = MAE without draws
  std::optional<Estimate> crps_fair;  ///< fair CRPS (draws only)
  std::vector<IntervalScores> intervals;       ///< 50/80/90% (draws only)
  std::vector<int> pit;                        ///< 10-bar mid-PIT histogram (draws only)
  std::optional<Estimate> mae_vs_compromise;   ///< paired MAE difference to compromise
  std::optional<Estimate> crps_vs_compromise;  ///< paired CRPS difference to compromise
};

/// One issue with an outcome: every model's forecast and error.
struct BacktestIssue {
  std::string id;                 ///< Issue::id
  std::string group;              ///< its group id ("" when in none)
  double outcome = 0;             ///< what happened
  double range = 0;               ///< scale max - min
  std::vector<double> forecasts;  ///< per model, in BacktestResult::models order
  std::vector<double> crps;       ///< per model (|error| without draws)
  std::vector<double> pit;        ///< per model; empty without draws
  std::string closest;            ///< the model with the smallest |error| (first on a tie)
};

/// Scores of a subset (`--by`): one value of the grouping field.
struct BacktestSubset {
  std::string value;               ///< e.g. "COD QMV"
  int n = 0;                       ///< issues scored in it
  std::vector<ModelScore> models;  ///< per model
};

/// Everything a backtest computed.
struct BacktestResult {
  std::string title;                    ///< Metadata::title
  std::vector<std::string> models;      ///< models scored, in order
  int n = 0;                            ///< issues with outcomes
  int unscored = 0;                     ///< issues without an outcome
  int groups = 0;                       ///< resampling units (groups; ungrouped issues alone)
  std::int64_t draws = 0;               ///< per model (0: point forecasts)
  double noise_percent = 0;             ///< noise.hpp
  std::uint64_t seed = 0;               ///< as used
  int bootstrap = 0;                    ///< resamples
  bool interrupted = false;             ///< stopped by `cancel`
  std::vector<ModelScore> scores;       ///< per model, over all scored issues
  std::vector<BacktestIssue> issues;    ///< in scenario order
  std::string by;                       ///< the grouping field, "" if none
  std::vector<BacktestSubset> subsets;  ///< per value of `by`, in order of first appearance
  std::vector<std::string> warnings;    ///< e.g. models that finished with caveats
};

/// Runs every model on `scenario` (never showing it the outcomes), scores the issues that have
/// an outcome and bootstraps the intervals over groups. InputError for an invalid scenario or
/// outcomes, no outcome at all, an unknown model or grouping field, or draws x issues beyond
/// the memory bound (5e7 kept outcomes).
///
/// Example:
/// ```
/// ScenarioDocument doc = LoadDocument("deu.tsv").ValueOrThrow();
/// BacktestResult r = RunBacktest(doc.scenario, doc.outcomes, {});
/// double mae = r.scores[0].mae.value;   // compromise: 23.97 on DEU I
/// ```
[[nodiscard]] BacktestResult RunBacktest(const Scenario& scenario,
                                         const std::vector<Outcome>& outcomes,
                                         const BacktestOptions& options);

/// The order a model's draws are sorted in before they are scored: ascending, -0 before +0.
/// A strict total order on the values (never NaN), so a sorted column depends on its values
/// only, not on the order the draws came in or on which shard drew them.
[[nodiscard]] inline bool DrawBefore(double a, double b) {
  return a < b || (a == b && std::signbit(a) && !std::signbit(b));
}

/// What one model gives a backtest.
struct ModelDraws {
  std::vector<double> point;  ///< point forecast per issue, scenario order
  /// With draws, per scored issue (ScoredIssues order): the draws' outcomes sorted by
  /// DrawBefore, NaN left out. Empty without draws.
  std::vector<std::vector<double>> columns;
  bool interrupted = false;           ///< the draws were cut short (then not scored)
  std::vector<std::string> warnings;  ///< for BacktestResult::warnings
};

/// Computes one model's forecasts for RunBacktest from its name and options.
using ModelDrawSource = std::function<ModelDraws(const std::string&, const ModelOptions&)>;

/// The indices (into Scenario::issues) of the issues with an outcome, in scenario order.
[[nodiscard]] std::vector<std::size_t> ScoredIssues(const Scenario& scenario,
                                                    const std::vector<Outcome>& outcomes);

/// The checks RunBacktest makes before any model runs (the InputErrors listed there).
void CheckBacktest(const Scenario& scenario, const std::vector<Outcome>& outcomes,
                   const BacktestOptions& options);

/// RunBacktest with the models' forecasts and draws from `source` (the merge of a backtest's
/// shards gives them from the shards' draws); the rest of the backtest is the same.
[[nodiscard]] BacktestResult RunBacktest(const Scenario& scenario,
                                         const std::vector<Outcome>& outcomes,
                                         const BacktestOptions& options,
                                         const ModelDrawSource& source);

/// The per-issue numbers scores are made of, for one model; `crps` and the interval arrays
/// are filled only with draws.
struct IssueErrors {
  std::vector<double> error;      ///< forecast - outcome, scale units
  std::vector<double> range;      ///< scale range
  std::vector<double> crps;       ///< CRPS (|error| without draws)
  std::vector<double> crps_fair;  ///< with draws
  std::vector<double> pit;        ///< with draws
  /// [lo, hi] of the central 50, 80 and 90% intervals of the draws, per issue (draws only).
  std::array<std::vector<std::array<double, 2>>, 3> interval;
  std::vector<double> outcome;  ///< outcomes, for the interval scores
};

/// Scores from per-issue errors. `groups[i]` is issue i's resampling unit (0..G-1); the
/// bootstrap draws G units with replacement `resamples` times from streams of `seed`.
/// `baseline` (the compromise model's errors on the same issues), if given, adds the paired
/// differences.
[[nodiscard]] ModelScore ScoreModel(const std::string& model, const IssueErrors& errors,
                                    const std::vector<int>& groups, int group_count, int resamples,
                                    std::uint64_t seed, const IssueErrors* baseline);

}  // namespace entente
