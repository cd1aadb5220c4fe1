#pragma once
/// \file
/// The run contract: everything a forecast, simulation, advice, comparison or report is asked
/// to do, in one record every front end builds (the CLI from flags, the server from a request
/// body, Python from keyword arguments), the runs database stores (ToJson) and the report reads
/// back (FromJson). Defaults are core/defaults.hpp's; noise is in percent (noise.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "entente/analysis/advisor.hpp"
#include "entente/analysis/compare.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/core/defaults.hpp"
#include "entente/models/model_choice.hpp"

namespace entente {

/// The most worker threads a run may ask for.
inline constexpr int kMaxThreads = 1024;

/// What a run computes; decides which parameters it reads and stores.
enum class RunKind { kForecast, kSimulate, kAdvise, kCompare, kCohesion, kReport };

/// "forecast", "simulate", "advise", "compare", "cohesion", "report" (the runs database's kind).
[[nodiscard]] std::string_view RunKindName(RunKind kind);

/// The parameters of one run. Default-constructed, every field holds the defaults.
struct RunParameters {
  ModelChoice model;                            ///< model and the caller's options
  std::int64_t draws = defaults::kDraws;        ///< Monte Carlo draws (compare: 0 = none)
  std::uint64_t seed = defaults::kSeed;         ///< PCG seed of the draws
  double noise_percent = defaults::kNoisePercent;  ///< noise.hpp
  int threads = 0;                              ///< worker threads, 0 = all; never changes results
  std::vector<Threshold> thresholds;            ///< simulate: P(outcome >= / <= value)
  bool sensitivity = false;                     ///< simulate: rank the inputs that move outcomes
  std::string actor;                            ///< advise: whose goals
  std::optional<std::string> issue;             ///< advise: one issue, or every issue
  std::optional<double> target;                 ///< advise: target outcome; default own position
  double tolerance_percent = defaults::kTolerancePercent;  ///< advise: reached within this
  std::vector<std::string> moves;               ///< compare: move ids
  std::vector<std::string> models;              ///< report: models shown beside the primary
  int tornado_bars = defaults::kTornadoBars;    ///< report: inputs per tornado

  /// The parameters `kind` reads, as JSON: "model", "model_options" (text values), then per
  /// kind draws, seed, noise_percent, thresholds, sensitivity, actor, issue, target,
  /// tolerance_percent, moves, models, tornado_bars. Threads are left out: they never change
  /// a result, so the same run stores the same JSON on any machine.
  [[nodiscard]] nlohmann::ordered_json ToJson(RunKind kind) const;

  /// The defaults of `kind`: those of the struct, except that a comparison runs no draws
  /// unless asked (draws 0).
  [[nodiscard]] static RunParameters Defaults(RunKind kind);

  /// Reads the keys `kind` takes from `json` (missing keys keep Defaults(kind); "threads" and,
  /// for forecasts, "models" are read too), then Check(kind). Noise may be a number (percent)
  /// or text ("10%"); option values may be text, numbers or booleans. `own_keys` are keys the
  /// caller reads itself and are skipped; any other key is an error naming the keys `kind`
  /// takes. Every problem is an InputError located at `where` with the key as its field.
  [[nodiscard]] static RunParameters FromJson(const nlohmann::json& json, RunKind kind,
                                              std::string_view where,
                                              const std::vector<std::string>& own_keys = {});

  /// InputError naming each field out of range (draws, noise, tolerance, threads, ...).
  void Check(RunKind kind) const;
};

/// The simulation these parameters ask for (model, draws, seed, threads, noise, thresholds,
/// sensitivity); runtime settings (cancel, progress, keep_outcomes) stay the caller's.
[[nodiscard]] SimulationOptions ToSimulation(const RunParameters& p);

/// The advice request (actor, issue, target, tolerance, model).
[[nodiscard]] AdviceRequest ToAdvice(const RunParameters& p);

/// The comparison (moves, model; with draws > 0 also under uncertainty).
[[nodiscard]] CompareRequest ToCompare(const RunParameters& p);

}  // namespace entente
