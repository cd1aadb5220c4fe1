#pragma once
/// \file
/// The run contract: everything a forecast, simulation, advice, comparison or report is asked
/// to do, in one record every front end builds (the CLI from flags, the server from a request
/// body, Python from keyword arguments), the runs database stores (ToJson) and the report reads
/// back (FromJson). Defaults are core/defaults.hpp's; noise is in percent (noise.hpp).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "entente/analysis/advisor.hpp"
#include "entente/analysis/backtest.hpp"
#include "entente/analysis/compare.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/core/defaults.hpp"
#include "entente/core/scenario_edit.hpp"
#include "entente/models/model_choice.hpp"

namespace entente {

/// What a run computes; decides which parameters it reads and stores.
enum class RunKind { kForecast, kSimulate, kAdvise, kCompare, kCohesion, kReport, kBacktest };

/// "forecast", "simulate", "advise", "compare", "cohesion", "report", "backtest" (the runs
/// database's kind).
[[nodiscard]] std::string_view RunKindName(RunKind kind);

/// The parameters of one run. Default-constructed, every field holds the defaults.
struct RunParameters {
  ModelChoice model;                               ///< model and the caller's options
  std::int64_t draws = defaults::kDraws;           ///< Monte Carlo draws (compare: 0 = none)
  std::uint64_t seed = defaults::kSeed;            ///< PCG seed of the draws
  double noise_percent = defaults::kNoisePercent;  ///< noise.hpp
  int threads = 0;                    ///< worker threads, 0 = all; never changes results
  std::vector<Threshold> thresholds;  ///< simulate: P(outcome >= / <= value)
  bool sensitivity = false;           ///< simulate: rank the inputs that move outcomes
  std::string actor;                  ///< advise: whose goals
  std::optional<std::string> issue;   ///< advise: one issue, or every issue
  std::optional<double> target;       ///< advise: target outcome; default own position
  double tolerance_percent = defaults::kTolerancePercent;  ///< advise: reached within this
  std::vector<std::string> moves;                          ///< compare: move ids
  std::vector<std::string> models;  ///< report: models beside the primary; backtest: models scored
  int tornado_bars = defaults::kTornadoBars;  ///< report: inputs per tornado
  /// forecast, simulate, report, backtest: a calibration file (`entente calibrate`): the
  /// ensemble model's weights, predictive quantiles (forecast), model error (simulate). The
  /// front end reads it (formats/calibration_yaml.hpp); empty: none.
  std::string calibration;
  /// forecast: perturbed runs of the stability check (0: none); report: of the primary model.
  int stability = 0;
  bool models_agree = false;  ///< forecast: also run every other model and flag disagreement
  /// backtest: options per model name (`--option MODEL.KEY=VALUE`); `model` is unused.
  std::map<std::string, ModelOptions> model_options_by_model;
  std::string outcomes;  ///< backtest: outcomes file replacing the scenario's own (empty: none)
  int bootstrap = defaults::kBootstrap;  ///< backtest: bootstrap resamples of the groups
  std::string by;  ///< backtest: also score by group, procedure or a metadata key
  /// Every kind: what-if edits of the scenario (core/scenario_edit.hpp), applied by
  /// EditedScenario before the run; stored as "set", a list of `TARGET.FIELD=VALUE` texts.
  std::vector<ScenarioEdit> edits;
  /// Every kind: how the codings of a scenario with several coders are pooled
  /// (core/coding.hpp); stored as "pool" when not the default mean. No effect without coders.
  PoolRule pool = PoolRule::kMean;
  /// backtest: score the forecasts made from this coder's numbers alone (CoderScenario: stances
  /// the coder skipped keep the others' pool) instead of the pooled scenario; empty: pooled.
  /// Stored as "coder" when set. Excludes a pool rule other than the mean (Check).
  std::string coder;

  /// The parameters `kind` reads, as JSON: "model", "model_options" (text values), then per
  /// kind draws, seed, noise_percent, thresholds, sensitivity, actor, issue, target,
  /// tolerance_percent, moves, models, tornado_bars; "set" (the edits) when there are any,
  /// "pool" when not the mean, "coder" when one is named.
  /// Threads are left out: they never change
  /// a result, so the same run stores the same JSON on any machine.
  [[nodiscard]] nlohmann::ordered_json ToJson(RunKind kind) const;

  /// The defaults of `kind`: those of the struct, except that a comparison and a backtest run
  /// no draws unless asked (draws 0) and a report checks stability with
  /// defaults::kReportStability runs.
  [[nodiscard]] static RunParameters Defaults(RunKind kind);

  /// Reads the keys `kind` takes from `json` (missing keys keep Defaults(kind); "threads" and,
  /// for forecasts, "models" are read too), then Check(kind). Noise may be a number (percent)
  /// or text ("10%"); option values may be text, numbers or booleans; "set" a list of
  /// `TARGET.FIELD=VALUE` texts or an object of `TARGET.FIELD` keys and their values. `own_keys`
  /// are keys the caller reads itself and are skipped; any other key is an error naming the keys
  /// `kind` takes. Every problem is an InputError located at `where` with the key as its field.
  [[nodiscard]] static RunParameters FromJson(const nlohmann::json& json, RunKind kind,
                                              std::string_view where,
                                              const std::vector<std::string>& own_keys = {});

  /// InputError naming each field out of range (draws, noise, tolerance, threads, ...).
  void Check(RunKind kind) const;
};

/// `scenario` pooled by `p.pool` (when it has codings), or with `p.coder`'s numbers alone when
/// a coder is named, then with `p.edits` applied (WithEdits): what every run of `p` is computed
/// on. Codings stay in the pooled result for mixtures. InputError naming the edit that does not
/// fit the scenario, or (field "coder") a coder the scenario does not have.
[[nodiscard]] Scenario EditedScenario(const Scenario& scenario, const RunParameters& p);

/// The simulation these parameters ask for (model, draws, seed, threads, noise, thresholds,
/// sensitivity); runtime settings (cancel, progress, keep_outcomes) stay the caller's.
[[nodiscard]] SimulationOptions ToSimulation(const RunParameters& p);

/// The advice request (actor, issue, target, tolerance, model).
[[nodiscard]] AdviceRequest ToAdvice(const RunParameters& p);

/// The comparison (moves, model; with draws > 0 also under uncertainty).
[[nodiscard]] CompareRequest ToCompare(const RunParameters& p);

/// The backtest (models, their options, draws, seed, noise, threads, bootstrap, by); runtime
/// settings (cancel, progress) stay the caller's.
[[nodiscard]] BacktestOptions ToBacktest(const RunParameters& p);

}  // namespace entente
