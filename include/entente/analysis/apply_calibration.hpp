#pragma once
/// \file
/// Using a calibration file: the ensemble model's options, and predictive quantiles for any
/// forecast from the file's cross-validated residuals.

#include <optional>
#include <string>
#include <string_view>

#include "entente/analysis/calibration_record.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// The options that make the ensemble model apply `record`'s fitted design: weights, setter
/// and each base model's chosen options (`eu.q=...`).
[[nodiscard]] ModelOptions EnsembleOptions(const CalibrationRecord& record);

/// The z list that fits forecasts of `model`: the model's own cross-validated residuals when
/// the file has them ("ensemble" for the ensemble model), else the fitted design's with
/// `*fallback` set true (the quantiles then assume this model errs like the design).
[[nodiscard]] const std::vector<double>& ResidualsFor(const CalibrationRecord& record,
                                                      std::string_view model, bool* fallback);

/// Fills `quantiles` of every issue of `forecast` (of model `forecast.model`) with the relres
/// quantiles around its outcome: clip(outcome + sigma z, scale) with sigma = ErrorScale(issue,
/// record floor). Adds a warning when the z list is another forecast's.
void AddQuantiles(const Scenario& scenario, Forecast& forecast, const CalibrationRecord& record);

/// For model "ensemble": `options` become `record`'s fitted design (EnsembleOptions). InputError
/// when there is no record and no explicit `weights` option, or when other options are given
/// beside a record. Other models: `options` stay as they are.
void ApplyCalibrationOptions(const std::string& model, const CalibrationRecord* record,
                             ModelOptions& options);

/// A simulation with `record`: the ensemble's options (ApplyCalibrationOptions) and the model's
/// own error added to every draw (`model_error_z`, `error_floor`), so its quantiles combine
/// input uncertainty with how wrong the model was on held-out cases. Returns a warning when the
/// file has no residuals of this model and the fitted design's stand in.
[[nodiscard]] std::optional<std::string> CalibrateSimulation(const CalibrationRecord& record,
                                                             SimulationOptions& options);

}  // namespace entente
