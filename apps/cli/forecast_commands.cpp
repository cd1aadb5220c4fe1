// `entente forecast` and `entente models`.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "entente/analysis/apply_calibration.hpp"
#include "entente/analysis/disagreement.hpp"
#include "entente/analysis/stability.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/calibration_yaml.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/model_choice.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/forecast_output.hpp"
#include "entente/output/model_output.hpp"
#include "run_database.hpp"
#include "run_flags.hpp"
#include "workbook_output.hpp"

namespace entente::cli {
namespace {

struct ForecastArgs {
  std::string scenario;
  std::string format;
  std::string output;
  RunFlags run;
  DbArgs db;
  std::vector<std::string> reader_options;
};

}  // namespace

void AddForecastCommands(CLI::App& app) {
  auto* forecast = app.add_subcommand("forecast", "Forecast where each issue settles");
  auto args = std::make_shared<ForecastArgs>();
  ResetFlags(args->run, RunKind::kForecast);
  forecast->add_option("scenario", args->scenario, "YAML file or CSV bundle folder")->required();
  AddModelFlags(*forecast, args->run, "model to run (see `entente models`)");
  AddOutputFlags(*forecast, args->format, args->output);
  forecast->add_option("--calibration", args->run.params.calibration,
                       "calibration file (entente calibrate): predictive quantiles; the ensemble "
                       "model's weights");
  forecast
      ->add_option("--stability", args->run.params.stability,
                   "nudge every position by up to 1% of its scale N times and report each "
                   "outcome's range (knife-edge when it spans over 10%)")
      ->check(CLI::Range(0, 10000));
  forecast->add_flag("--models-agree", args->run.params.models_agree,
                     "also run every other model and flag issues where their outcomes span over "
                     "25% of the scale");
  AddReaderOptionFlag(*forecast, args->reader_options);
  AddDbOptions(forecast, args->db);
  forecast->callback([args] {
    const bool workbook = WorkbookOutput(args->format, args->output);
    const OutputFormat format =
        workbook ? OutputFormat::kCsv : OutputFormatOf(args->format, args->output);
    const Scenario file =
        LoadDocument(args->scenario, ReaderOptionsOf(args->reader_options)).ValueOrThrow().scenario;
    RunParameters p = ToParameters(args->run, RunKind::kForecast);
    const Scenario s = EditedScenario(file, p);
    std::optional<CalibrationRecord> calibration;
    if (!p.calibration.empty()) calibration = ReadCalibration(p.calibration).ValueOrThrow();
    ApplyCalibrationOptions(p.model.name, calibration ? &*calibration : nullptr, p.model.options);
    Forecast f = RunForecast(s, p.model);
    if (calibration) AddQuantiles(s, f, *calibration);
    if (p.stability > 0) {
      StabilityOptions so;
      so.perturbations = p.stability;
      AddStability(s, f, p.model.name, ResolveOptions(s, p.model), so);
    }
    if (p.models_agree) AddDisagreement(s, f);
    Emit(workbook ? Workbook({{"forecast", ForecastCsv(s, f)}}) : FormatForecast(s, f, format),
         args->output);
    SaveRun(args->db, RunKind::kForecast, s, args->scenario, p, ForecastJson(s, f));
  });

  auto* models = app.add_subcommand(
      "models", "List the forecasting models; with MODEL, its options (name, type, default, help)");
  auto name = std::make_shared<std::string>();
  auto listing = std::make_shared<std::string>();
  auto listed = std::make_shared<std::string>();
  models->add_option("model", *name, "one model: list its options");
  const std::vector<OutputFormat> formats = {OutputFormat::kTable, OutputFormat::kJson,
                                             OutputFormat::kCsv};
  AddOutputFlags(*models, *listing, *listed, formats);
  models->callback([name, listing, listed, formats] {
    const OutputFormat format = OutputFormatOf(*listing, *listed, formats);
    const ModelInfo* one = name->empty() ? nullptr : &RequireModel(*name);
    if (format == OutputFormat::kJson) {
      Emit((one == nullptr ? ModelsJson() : ModelJson(*one)).dump(2) + "\n", *listed);
      return;
    }
    if (format == OutputFormat::kCsv) {
      Emit(ModelsCsv(one), *listed);
      return;
    }
    if (!name->empty()) {
      Emit(ModelOptionsTable(*one), *listed);
      return;
    }
    std::string out;
    for (const ModelInfo& m : Models()) {
      out += fmt::format("{:<12} {}  ({})\n", m.name, m.summary, m.citation);
    }
    Emit(out, *listed);
  });
}

}  // namespace entente::cli
