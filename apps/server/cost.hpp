#pragma once
/// \file
/// What a request will cost, estimated from its shape before any model runs, so that the
/// server refuses (422) work it cannot afford instead of running it: time in work units and
/// peak memory (the model's tables, its trail of rounds and events, and the answer as JSON).
/// Work that turns out larger while it runs is stopped by its Budget (budget.hpp). The
/// formulas and their calibration are in docs/api.md ("Limits").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entente/core/error.hpp"
#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/options.hpp"

namespace entente::server {

/// An estimate. Work units are calibrated to about a nanosecond of one core of the
/// development machine each; both numbers are upper estimates (dynamic models are counted
/// at their round limit, though most stop earlier).
struct Cost {
  double work = 0;   ///< work units
  double bytes = 0;  ///< peak memory of the request
  std::string what;  ///< how it was counted, e.g. "eu: 100 rounds x 2,000^2 actor pairs"

  /// Adds `other`'s work and memory (a request keeps each part's result until it answers)
  /// and joins the descriptions.
  void Then(const Cost& other);
};

/// What a forecast keeps beyond its outcomes.
enum class Keep {
  kOutcomes,         ///< outcomes and final positions only (draws, searches)
  kRounds,           ///< every round's positions in the answer ("events": false)
  kRoundsAndEvents,  ///< and every bargaining event or exchange
};

/// One forecast of `model` with `options`, at its round limit. InputError for unknown models
/// and bad options, as running it would.
[[nodiscard]] Cost ForecastCost(const Scenario& scenario, const std::string& model,
                                const ModelOptions& options, Keep keep);

/// A Monte Carlo simulation of `draws` draws (one thread). Each draw is counted at the rounds
/// `pilot` (a forecast of the same model and options, with its trail) took: draws move the
/// inputs a little, and most bargaining ends well before the round limit.
[[nodiscard]] Cost SimulationCost(const Scenario& scenario, const std::string& model,
                                  const ModelOptions& options, std::int64_t draws,
                                  const Forecast& pilot);

/// The advisor for `actor` on `issue` (every issue with a stance of the actor when empty):
/// the fewest forecasts its lever searches make (how many more depends on where the targets
/// are; a Budget stops the search when they are too many), each at the rounds `pilot` took.
[[nodiscard]] Cost AdviceCost(const Scenario& scenario, const std::string& model,
                              const ModelOptions& options, const std::string& actor,
                              const std::string& issue, const Forecast& pilot);

/// A report: a forecast of each of `models` (trails kept: the report draws trajectories), the
/// first with `options`, the others with their defaults. Its draws are SimulationCost's.
[[nodiscard]] Cost ReportCost(const Scenario& scenario, const std::vector<std::string>& models,
                              const ModelOptions& options);

/// The coders analysis (analysis/coders.hpp): a forecast of the pooled scenario, one per coder
/// alone and one per coding (each coded stance set to each coder's numbers in turn).
[[nodiscard]] Cost CodersCost(const Scenario& scenario, const std::string& model,
                              const ModelOptions& options);

/// The bounds a server sets (`entente serve --max-work`, `--max-memory`).
struct CostLimits {
  double max_work = 5e9;      ///< work units per request (about 5 s of one core)
  double max_bytes = 1024e6;  ///< peak memory per request (1024 MB, as --max-memory counts)
};

/// The error a request over a bound gets (HTTP 422), naming the bound and the estimate;
/// nullopt when it is within both.
[[nodiscard]] std::optional<Error> OverLimit(const Cost& cost, const CostLimits& limits);

}  // namespace entente::server
