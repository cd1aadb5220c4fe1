// `entente forecast` and `entente models`.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/forecast_output.hpp"
#include "run_database.hpp"

namespace entente::cli {
namespace {

struct ForecastArgs {
  std::string scenario;
  std::string model = "median";
  std::string format = "table";
  std::string output;
  ModelFlags flags;
  DbArgs db;
};

}  // namespace

void AddModelFlags(CLI::App& cmd, ModelFlags& flags) {
  cmd.add_option("--option", flags.options, "model option KEY=VALUE (repeatable)");
  cmd.add_option("--rounds", flags.rounds, "round limit of a dynamic model (option rounds)");
  cmd.add_option("--q", flags.q, "status-quo probability Q of the eu model (option q)");
  cmd.add_option("--preset", flags.preset, "named option set, e.g. scholz2011 (option preset)");
}

ModelOptions ToModelOptions(const ModelFlags& flags) {
  ModelOptions options;
  const auto set = [&options](const std::string& key, const std::string& value) {
    if (options.Has(key)) {
      throw InputError(fmt::format("model option '{}' is given twice; keep one", key));
    }
    options.Set(key, value);
  };
  for (const std::string& p : flags.options) {
    const std::size_t eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw InputError(
          fmt::format("--option '{}' is not KEY=VALUE; write e.g. --option rounds=8", p));
    }
    set(p.substr(0, eq), p.substr(eq + 1));
  }
  if (!flags.rounds.empty()) set("rounds", flags.rounds);
  if (!flags.q.empty()) set("q", flags.q);
  if (!flags.preset.empty()) set("preset", flags.preset);
  return options;
}

void AddForecastCommands(CLI::App& app) {
  auto* forecast = app.add_subcommand("forecast", "Forecast where each issue settles");
  auto args = std::make_shared<ForecastArgs>();
  forecast->add_option("scenario", args->scenario, "YAML file or CSV bundle folder")->required();
  forecast->add_option("-m,--model", args->model, "model to run (see `entente models`)")
      ->capture_default_str();
  forecast->add_option("-f,--format", args->format, "table, json or csv")->capture_default_str();
  forecast->add_option("-o,--output", args->output, "write to FILE (atomically) instead of stdout");
  AddModelFlags(*forecast, args->flags);
  AddDbOptions(forecast, args->db);
  forecast->callback([args] {
    Result<OutputFormat> format = ParseOutputFormat(args->format);
    if (!format) throw InputError(format.errors());
    const Scenario s = LoadScenario(args->scenario).ValueOrThrow();
    ModelOptions options = ToModelOptions(args->flags);
    if (args->model == "ktab-smp") {
      // A KTAB XML file's own parameters apply unless the user sets the same option.
      const ModelOptions carried = ScenarioModelOptions(args->scenario).ValueOrThrow();
      for (const auto& [key, value] : carried.values()) {
        if (!options.Has(key)) options.Set(key, value);
      }
    }
    const Forecast f = RunForecast(s, args->model, options);
    Emit(FormatForecast(s, f, format.value()), args->output);
    SaveRun(args->db, "forecast", s, args->scenario, args->model,
            {{"model_options", options.values()}}, std::nullopt, ForecastJson(s, f));
  });

  auto* models = app.add_subcommand("models", "List the forecasting models");
  models->callback([] {
    for (const ModelInfo& m : Models()) {
      std::cout << fmt::format("{:<12} {}  ({})\n", m.name, m.summary, m.citation);
    }
  });
}

}  // namespace entente::cli
