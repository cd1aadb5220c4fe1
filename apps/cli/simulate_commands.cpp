// `entente simulate` and `entente sensitivity`: Monte Carlo over the inputs' uncertainty.
#include <charconv>
#include <cstdio>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "entente/analysis/apply_calibration.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/analysis/simulation_shard.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/calibration_yaml.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/simulation_partial.hpp"
#include "entente/output/forecast_output.hpp"
#include "entente/output/simulation_output.hpp"
#include "entente/output/table_csv.hpp"
#include "progress.hpp"
#include "run_database.hpp"
#include "run_flags.hpp"
#include "workbook_output.hpp"

namespace entente::cli {
namespace {

struct SimulateArgs {
  std::string scenario;
  std::string format;
  std::string output;
  std::string shard;  ///< --shard K/N; empty for the whole run
  RunFlags run;
  DbArgs db;
};

}  // namespace

CLI::Validator SeedRange() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::uint64_t seed = 0;
        const char* end = text.data() + text.size();
        const auto [stop, ec] = std::from_chars(text.data(), end, seed);
        if (text.empty() || ec != std::errc{} || stop != end) {
          return fmt::format("'{}' is not a seed; give a whole number from 0 to {} (2^64 - 1)",
                             text, std::numeric_limits<std::uint64_t>::max());
        }
        return {};
      },
      "0..2^64-1", "SEED");
}

namespace {

// `--shard K/N`: only that shard's draws, written as a partial result for `entente merge`.
void RunShard(const SimulateArgs& a, const Scenario& s, SimulationOptions o) {
  const ShardSpec shard = ParseShard(a.shard);
  ProgressBar bar;
  o.progress = [&bar](std::int64_t done, std::int64_t total) { bar.Update(done, total); };
  SimulationPart part;
  part.tally = SimulateShard(s, o, shard);
  bar.Finish();
  if (part.tally.draws < ShardDraws(o.draws, shard)) {
    std::fprintf(stderr, "interrupted: shard %lld/%lld not written\n",
                 static_cast<long long>(shard.index), static_cast<long long>(shard.count));
    ExitCode() = 130;
    return;
  }
  part.scenario = s;
  o.progress = nullptr;
  o.cancel = nullptr;
  part.options = std::move(o);
  part.shard = shard;
  Emit(WriteSimulationPartial(part), a.output);
}

void Run(const SimulateArgs& a) {
  CheckShardFlags(a.shard, a.format, a.output);
  const bool workbook = a.shard.empty() && WorkbookOutput(a.format, a.output);
  const OutputFormat format = !a.shard.empty() ? OutputFormat::kJson
                              : workbook       ? OutputFormat::kCsv
                                               : OutputFormatOf(a.format, a.output);
  const Scenario file = LoadScenario(a.scenario).ValueOrThrow();
  const RunParameters p = ToParameters(a.run, RunKind::kSimulate);
  const Scenario s = EditedScenario(file, p);
  SimulationOptions o = ToSimulation(p);
  std::optional<CalibrationRecord> calibration;
  if (!p.calibration.empty()) calibration = ReadCalibration(p.calibration).ValueOrThrow();
  if (calibration) {
    if (auto warning = CalibrateSimulation(*calibration, o))
      std::fprintf(stderr, "warning: %s\n", warning->c_str());
  } else {
    ApplyCalibrationOptions(o.model, nullptr, o.model_options);
  }
  o.cancel = &InterruptFlag();
  if (!a.shard.empty()) {
    RunShard(a, s, std::move(o));
    return;
  }
  ProgressBar bar;
  o.progress = [&bar](std::int64_t done, std::int64_t total) { bar.Update(done, total); };
  const SimulationResult r = Simulate(s, o);
  bar.Finish();
  const nlohmann::ordered_json json = SimulationJson(s, r);
  // The table carries the warnings; with JSON or CSV they go to stderr.
  if (format != OutputFormat::kTable) {
    for (const std::string& w : r.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  }
  Emit(workbook                        ? Workbook({{"simulation", SimulationCsv(json)}})
       : format == OutputFormat::kJson ? json.dump(2) + "\n"
       : format == OutputFormat::kCsv  ? SimulationCsv(json)
                                       : SimulationTable(s, r),
       a.output);
  if (r.interrupted) {
    ExitCode() = 130;  // the conventional code for "stopped by Ctrl-C"
    if (!DbPath(a.db).empty())
      std::fprintf(stderr, "not saved to the runs database: interrupted\n");
    return;
  }
  RunParameters stored = p;
  stored.model.options = o.model_options;  // with the calibration's ensemble weights
  SaveRun(a.db, RunKind::kSimulate, s, a.scenario, stored, json);
}

void AddSimulateOptions(CLI::App* cmd, SimulateArgs& a) {
  ResetFlags(a.run, RunKind::kSimulate);
  cmd->add_option("scenario", a.scenario, "YAML file or CSV bundle folder")->required();
  AddModelFlags(*cmd, a.run, "model to run (see `entente models`)");
  AddDrawFlags(*cmd, a.run, "number of draws, 1 to 4,000,000,000");
  cmd->add_option("--threshold", a.run.thresholds,
                  "ISSUE:VALUE, report P(outcome >= VALUE) and <= (repeatable)");
  AddOutputFlags(*cmd, a.format, a.output);
  cmd->add_option("--calibration", a.run.params.calibration,
                  "calibration file (entente calibrate): each draw adds the model's own error, "
                  "a resampled cross-validated residual x the issue's error scale");
  cmd->add_option("--shard", a.shard,
                  "K/N: compute only shard K of N (draws in blocks of 16, every N-th block) and "
                  "write a partial result to -o for `entente merge`; not saved to the runs "
                  "database");
  AddDbOptions(cmd, a.db);
}

}  // namespace

void AddSimulateCommands(CLI::App& app) {
  auto args = std::make_shared<SimulateArgs>();
  auto* simulate =
      app.add_subcommand("simulate", "Monte Carlo forecast over the inputs' uncertainty");
  AddSimulateOptions(simulate, *args);
  simulate->add_flag("--sensitivity", args->run.params.sensitivity,
                     "also rank the inputs that move each outcome");
  simulate->callback([args] { Run(*args); });

  auto sens_args = std::make_shared<SimulateArgs>();
  auto* sensitivity = app.add_subcommand(
      "sensitivity", "Which inputs move each outcome most (simulate --sensitivity)");
  AddSimulateOptions(sensitivity, *sens_args);
  sensitivity->callback([sens_args] {
    sens_args->run.params.sensitivity = true;
    Run(*sens_args);
  });
}

}  // namespace entente::cli
