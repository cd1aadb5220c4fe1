#include "entente/analysis/apply_calibration.hpp"

#include <fmt/format.h>

#include "entente/analysis/predictive.hpp"
#include "entente/core/assert.hpp"
#include "entente/core/error.hpp"

namespace entente {

ModelOptions EnsembleOptions(const CalibrationRecord& record) {
  ModelOptions o;
  std::string weights;
  for (const auto& [base, w] : record.weights) {
    weights += fmt::format("{}{}:{}", weights.empty() ? "" : ",", base, w);
  }
  o.Set("weights", weights);
  if (!record.settings.setter.empty()) o.Set("setter", record.settings.setter);
  for (const auto& [model, opts] : record.options) {
    bool weighted = false;
    for (const auto& [base, w] : record.weights) weighted = weighted || base == model;
    if (!weighted) continue;
    for (const auto& [k, v] : opts) o.Set(model + '.' += k, v);
  }
  return o;
}

const std::vector<double>& ResidualsFor(const CalibrationRecord& record, std::string_view model,
                                        bool* fallback) {
  auto it = record.z.find(std::string(model));
  *fallback = it == record.z.end();
  if (*fallback) it = record.z.find("ensemble");
  ENTENTE_ASSERT(it != record.z.end(), "calibration without the design's residuals");
  return it->second;
}

void AddQuantiles(const Scenario& scenario, Forecast& forecast, const CalibrationRecord& record) {
  bool fallback = false;
  const std::vector<double>& z = ResidualsFor(record, forecast.model, &fallback);
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    IssueForecast& f = forecast.issues[k];
    const std::vector<double> atoms = PredictiveAtoms(
        f.outcome, ErrorScale(issue, record.settings.floor), z, issue.scale.min, issue.scale.max);
    const auto q = AtomQuantiles(atoms);
    f.quantiles.assign(q.begin(), q.end());
  }
  if (fallback) {
    forecast.warnings.push_back(fmt::format(
        "the calibration has no cross-validated residuals of model '{}'; its quantiles use the "
        "fitted design's ({}), which assumes this model errs alike",
        forecast.model, record.design));
  }
}

void ApplyCalibrationOptions(const std::string& model, const CalibrationRecord* record,
                             ModelOptions& options) {
  if (model != "ensemble") return;
  if (record == nullptr) {
    if (options.Has("weights")) return;
    throw InputError({FieldError("calibration",
                                 "model 'ensemble' needs the weights of a calibration file "
                                 "(written by `entente calibrate`)",
                                 "give the calibration file, or the option "
                                 "weights=compromise:0.9,mean:0.1")});
  }
  if (!options.values().empty()) {
    throw InputError(
        {FieldError("model_options", "model 'ensemble' takes its options from the calibration file",
                    "give no model options, or refit with `entente calibrate`")});
  }
  options = EnsembleOptions(*record);
}

std::optional<std::string> CalibrateSimulation(const CalibrationRecord& record,
                                               SimulationOptions& options) {
  ApplyCalibrationOptions(options.model, &record, options.model_options);
  bool fallback = false;
  options.model_error_z = ResidualsFor(record, options.model, &fallback);
  options.error_floor = record.settings.floor;
  if (!fallback) return std::nullopt;
  return fmt::format(
      "the calibration has no residuals of model '{}'; the model error uses the fitted "
      "design's ({})",
      options.model, record.design);
}

}  // namespace entente
