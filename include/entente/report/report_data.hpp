#pragma once
/// \file
/// Everything a report shows, computed once by the library's own analyses (forecasts, Monte
/// Carlo, sensitivity, cohesion) and then rendered as HTML or Markdown. Pure: no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "entente/analysis/backtest.hpp"
#include "entente/analysis/coders.hpp"
#include "entente/analysis/cohesion.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/analysis/run_parameters.hpp"
#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// What to put in a report. Default-constructed, it reports the default model (primary:
/// summary, Monte Carlo, tornado, cohesion; its options apply to it alone) with every other
/// model beside it, and the default draws, seed and noise (core/defaults.hpp). `run.models`
/// lists the models shown beside the primary (empty: all); `run.draws` 0 skips the
/// distribution and the tornado.
struct ReportOptions {
  RunParameters run = RunParameters::Defaults(RunKind::kReport);  ///< the run contract
  std::string source;  ///< where the inputs came from, e.g. the scenario path
  /// Where the primary model's fitted parameters come from (a calibration file and what it
  /// was fitted on), said in the overview; empty when none.
  std::string calibration_note;
  /// Observed outcomes: with any, the report gets a backtest section. They go to the backtest
  /// only; the models never see them.
  std::vector<Outcome> outcomes;
};

/// The computed content of a report.
struct ReportData {
  Scenario scenario;                           ///< the inputs, validated
  ReportOptions options;                       ///< as used (models filled in)
  std::vector<Forecast> forecasts;             ///< [0] is the primary model, then the others
  std::optional<SimulationResult> simulation;  ///< primary model, when draws > 0
  std::vector<AllianceCohesion> cohesion;      ///< under the primary forecast
  /// With outcomes: every model's point forecasts scored (bootstrap intervals over groups).
  std::optional<BacktestResult> backtest;
  /// With outcomes and draws: the primary model's draws scored (CRPS, coverage, PIT).
  std::optional<BacktestResult> calibration;
  /// With several coders: the primary model's outcome per coder and who to ask again.
  std::optional<CodersAnalysis> coders;
};

/// Runs every analysis the report needs. Throws InputError for an invalid scenario, an
/// unknown model, a bad model option or parameters out of range.
///
/// Example:
/// ```
/// ReportOptions o;  o.run.models = {"compromise", "median"};  o.run.draws = 0;
/// ReportData d = GatherReport(flagship, o);   // d.forecasts[0].model == "median"
/// ```
[[nodiscard]] ReportData GatherReport(const Scenario& scenario, const ReportOptions& options);

/// The first forecast with bargaining rounds (a dynamic model), or nullptr.
[[nodiscard]] const Forecast* TrajectoryForecast(const ReportData& data);

/// The per-issue sensitivity of the primary model for issue `k`, or nullptr without draws.
[[nodiscard]] const IssueSensitivity* SensitivityOf(const ReportData& data, std::size_t k);

}  // namespace entente
