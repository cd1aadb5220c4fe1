// `entente simulate` and `entente sensitivity`: Monte Carlo over the inputs' uncertainty.
#include <cstdio>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/core/error.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/output/forecast_output.hpp"
#include "entente/output/simulation_output.hpp"
#include "progress.hpp"
#include "run_database.hpp"

namespace entente::cli {
namespace {

struct SimulateArgs {
  std::string scenario;
  std::string model = "median";
  std::int64_t draws = 10000;
  std::uint64_t seed = 1;
  int threads = 0;
  std::string noise = "0%";
  std::vector<std::string> thresholds;
  bool sensitivity = false;
  std::string format = "table";
  std::string output;
  ModelFlags flags;
  DbArgs db;
};

}  // namespace

double ParseNoisePercent(const std::string& text) {
  std::string_view t = Trim(text);
  if (!t.empty() && t.back() == '%') t.remove_suffix(1);
  const auto v = ParseNumber(t);
  if (!v || *v < 0) {
    throw InputError(fmt::format("--noise '{}' is not a percentage; write e.g. --noise 10%", text));
  }
  return *v / 100;
}

namespace {

std::vector<Threshold> ParseThresholds(const std::vector<std::string>& items) {
  std::vector<Threshold> out;
  for (const std::string& item : items) {
    const std::size_t colon = item.rfind(':');
    const auto v = colon == std::string::npos ? std::nullopt : ParseNumber(item.substr(colon + 1));
    if (!v || colon == 0) {
      throw InputError(fmt::format(
          "--threshold '{}' is not ISSUE:VALUE; write e.g. --threshold sanctions_relief:50", item));
    }
    out.push_back(Threshold{item.substr(0, colon), *v});
  }
  return out;
}

void Run(const SimulateArgs& a) {
  Result<OutputFormat> format = ParseOutputFormat(a.format);
  if (!format || format.value() == OutputFormat::kCsv) {
    throw InputError("--format: simulate writes table or json");
  }
  const Scenario s = LoadScenario(a.scenario).ValueOrThrow();
  SimulationOptions o;
  o.model = a.model;
  o.model_options = ToModelOptions(a.flags);
  o.draws = a.draws;
  o.seed = a.seed;
  o.threads = a.threads;
  o.noise.fraction = ParseNoisePercent(a.noise);
  o.thresholds = ParseThresholds(a.thresholds);
  o.sensitivity = a.sensitivity;
  o.cancel = &InterruptFlag();
  ProgressBar bar;
  o.progress = [&bar](std::int64_t done, std::int64_t total) { bar.Update(done, total); };
  const SimulationResult r = Simulate(s, o);
  bar.Finish();
  const nlohmann::ordered_json json = SimulationJson(s, r);
  Emit(format.value() == OutputFormat::kJson ? json.dump(2) + "\n" : SimulationTable(s, r),
       a.output);
  if (r.interrupted) {
    ExitCode() = 130;  // the conventional code for "stopped by Ctrl-C"
    if (!DbPath(a.db).empty())
      std::fprintf(stderr, "not saved to the runs database: interrupted\n");
    return;
  }
  nlohmann::ordered_json thresholds = nlohmann::ordered_json::array();
  for (const Threshold& t : o.thresholds)
    thresholds.push_back({{"issue", t.issue}, {"value", t.value}});
  SaveRun(a.db, "simulate", s, a.scenario, a.model,
          {{"model_options", o.model_options.values()},
           {"draws", o.draws},
           {"noise", o.noise.fraction},
           {"thresholds", thresholds},
           {"sensitivity", o.sensitivity}},
          o.seed, json);
}

void AddSimulateOptions(CLI::App* cmd, SimulateArgs& a) {
  cmd->add_option("scenario", a.scenario, "YAML file or CSV bundle folder")->required();
  cmd->add_option("-m,--model", a.model, "model to run (see `entente models`)")
      ->capture_default_str();
  cmd->add_option("-n,--draws", a.draws, "number of draws")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--seed", a.seed, "random seed; the same seed gives the same output")
      ->capture_default_str();
  cmd->add_option("--threads", a.threads, "worker threads (0 = all cores); never changes results")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--noise", a.noise,
                  "spread for stances that state none: positions sd = P% of the scale, salience "
                  "and capability sd = P% of the value")
      ->capture_default_str();
  cmd->add_option("--threshold", a.thresholds,
                  "ISSUE:VALUE, report P(outcome >= VALUE) and <= (repeatable)");
  cmd->add_option("-f,--format", a.format, "table or json")->capture_default_str();
  cmd->add_option("-o,--output", a.output, "write to FILE (atomically) instead of stdout");
  AddModelFlags(*cmd, a.flags);
  AddDbOptions(cmd, a.db);
}

}  // namespace

void AddSimulateCommands(CLI::App& app) {
  auto args = std::make_shared<SimulateArgs>();
  auto* simulate =
      app.add_subcommand("simulate", "Monte Carlo forecast over the inputs' uncertainty");
  AddSimulateOptions(simulate, *args);
  simulate->add_flag("--sensitivity", args->sensitivity,
                     "also rank the inputs that move each outcome");
  simulate->callback([args] { Run(*args); });

  auto sens_args = std::make_shared<SimulateArgs>();
  auto* sensitivity = app.add_subcommand(
      "sensitivity", "Which inputs move each outcome most (simulate --sensitivity)");
  AddSimulateOptions(sensitivity, *sens_args);
  sensitivity->callback([sens_args] {
    sens_args->sensitivity = true;
    Run(*sens_args);
  });
}

}  // namespace entente::cli
