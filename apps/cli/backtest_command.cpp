// `entente backtest`: every model scored against the outcomes a scenario carries.
#include <algorithm>
#include <cstdio>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "entente/analysis/backtest.hpp"
#include "entente/core/error.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/calibration_yaml.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/backtest_output.hpp"
#include "progress.hpp"
#include "run_database.hpp"

namespace entente::cli {
namespace {

struct BacktestArgs {
  std::string scenario;
  std::string outcomes;
  std::string models = "all";
  std::vector<std::string> options;
  std::int64_t draws = 0;
  std::string noise = "10%";
  std::uint64_t seed = 1;
  int threads = 0;
  int bootstrap = 2000;
  std::string by;
  std::string format = "table";
  std::string output;
  std::vector<std::string> reader_options;
  std::string calibration;
  DbArgs db;
};

std::vector<std::string> ModelList(const std::string& text) {
  if (text == "all") {
    std::vector<std::string> all;
    for (const ModelInfo& m : Models()) {
      if (!m.calibrated) all.emplace_back(m.name);  // the ensemble needs --calibration
    }
    return all;
  }
  std::vector<std::string> list = SplitList(text, ',');
  for (const std::string& m : list) (void)RequireModel(m);
  if (list.empty()) throw InputError("--models is empty; write e.g. --models compromise,median");
  return list;
}

// `--option KEY=VALUE` applies to every model; `--option MODEL.KEY=VALUE` to that model only.
std::map<std::string, ModelOptions> PerModelOptions(const std::vector<std::string>& items,
                                                    const std::vector<std::string>& models) {
  std::map<std::string, ModelOptions> out;
  for (const std::string& item : items) {
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw InputError(fmt::format(
          "--option '{}' is not [MODEL.]KEY=VALUE; write e.g. --option eu.rounds=8", item));
    }
    std::string key = item.substr(0, eq);
    const std::string value = item.substr(eq + 1);
    std::vector<std::string> targets = models;
    if (const std::size_t dot = key.find('.'); dot != std::string::npos) {
      targets = {key.substr(0, dot)};
      (void)RequireModel(targets[0]);
      key = key.substr(dot + 1);
    }
    for (const std::string& m : targets) {
      if (out[m].Has(key)) {
        throw InputError(fmt::format("model option '{}' is given twice for {}; keep one", key, m));
      }
      out[m].Set(key, value);
    }
  }
  return out;
}

void Run(const BacktestArgs& a) {
  Result<OutputFormat> format = ParseOutputFormat(a.format);
  if (!format) throw InputError(format.errors());
  ScenarioDocument doc = LoadDocument(a.scenario, ReaderOptionsOf(a.reader_options)).ValueOrThrow();
  if (!a.outcomes.empty()) {
    doc.outcomes = ReadOutcomesFile(a.outcomes).ValueOrThrow();
    Errors bad = ValidateOutcomes(doc.scenario, doc.outcomes);
    if (!bad.empty()) throw InputError(std::move(bad));
  }
  BacktestOptions o;
  o.models = ModelList(a.models);
  o.model_options = PerModelOptions(a.options, o.models);
  if (std::find(o.models.begin(), o.models.end(), "ensemble") != o.models.end()) {
    std::optional<CalibrationRecord> calibration;
    if (!a.calibration.empty()) calibration = ReadCalibration(a.calibration).ValueOrThrow();
    ApplyCalibrationOptions("ensemble", calibration, o.model_options["ensemble"]);
    if (calibration) {
      std::fprintf(stderr,
                   "note: the ensemble's weights were fitted on %d issues (%s); scores on the same "
                   "issues are in-sample, see the calibration's cross-validated scores\n",
                   calibration->cases, calibration->training.front().path.c_str());
    }
  } else if (!a.calibration.empty()) {
    throw InputError("--calibration is used by the ensemble model: add ensemble to --models");
  }
  o.draws = a.draws;
  o.noise.fraction = ParseNoisePercent(a.noise);
  o.seed = a.seed;
  o.threads = a.threads;
  o.bootstrap = a.bootstrap;
  o.by = a.by;
  o.cancel = &InterruptFlag();
  ProgressBar bar;
  o.progress = [&bar](int done, int total) { bar.Update(done, total); };
  const BacktestResult r = RunBacktest(doc.scenario, doc.outcomes, o);
  bar.Finish();
  Emit(FormatBacktest(r, format.value()), a.output);
  if (r.interrupted) {
    ExitCode() = 130;
    if (!DbPath(a.db).empty())
      std::fprintf(stderr, "not saved to the runs database: interrupted\n");
    return;
  }
  nlohmann::ordered_json model_options = nlohmann::ordered_json::object();
  for (const auto& [model, opts] : o.model_options) model_options[model] = opts.values();
  SaveRun(a.db, "backtest", doc.scenario, a.scenario, fmt::format("{}", fmt::join(o.models, ",")),
          {{"models", o.models},
           {"model_options", model_options},
           {"outcomes", a.outcomes},
           {"draws", o.draws},
           {"noise", o.noise.fraction},
           {"bootstrap", o.bootstrap},
           {"by", o.by}},
          o.seed, BacktestJson(r));
}

}  // namespace

void AddBacktestCommand(CLI::App& app) {
  auto a = std::make_shared<BacktestArgs>();
  auto* cmd = app.add_subcommand(
      "backtest", "Score models against observed outcomes (MAE, CRPS, calibration, intervals)");
  cmd->add_option("scenario", a->scenario, "scenario with outcomes (YAML, CSV bundle, DEU table)")
      ->required();
  cmd->add_option("--outcomes", a->outcomes,
                  "outcomes CSV (issue,value,date,source) replacing the scenario's own");
  cmd->add_option("--models", a->models, "comma-separated models, or all")->capture_default_str();
  cmd->add_option("--option", a->options,
                  "model option [MODEL.]KEY=VALUE (repeatable; without MODEL it goes to every "
                  "model)");
  cmd->add_option("-n,--draws", a->draws,
                  "Monte Carlo draws per model for CRPS, coverage and PIT; 0 scores point "
                  "forecasts only")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--noise", a->noise,
                  "spread of the draws for stances that state none (as for simulate)")
      ->capture_default_str();
  cmd->add_option("--seed", a->seed, "seeds the draws and the bootstrap")->capture_default_str();
  cmd->add_option("--threads", a->threads, "worker threads (0 = all cores); never changes results")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--bootstrap", a->bootstrap, "bootstrap resamples of the groups")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--by", a->by, "also score by group, procedure or an issue metadata FIELD");
  cmd->add_option("--calibration", a->calibration,
                  "calibration file (entente calibrate) giving the ensemble model its weights");
  cmd->add_option("-f,--format", a->format, "table, json or csv")->capture_default_str();
  cmd->add_option("-o,--output", a->output, "write to FILE (atomically) instead of stdout");
  AddReaderOptionFlag(*cmd, a->reader_options);
  AddDbOptions(cmd, a->db);
  cmd->callback([a] { Run(*a); });
}

}  // namespace entente::cli
