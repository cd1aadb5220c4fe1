// `entente backtest`: every model scored against the outcomes a scenario carries.
#include <algorithm>
#include <cstdio>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "entente/analysis/apply_calibration.hpp"
#include "entente/analysis/backtest.hpp"
#include "entente/analysis/backtest_shard.hpp"
#include "entente/core/error.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/backtest_partial.hpp"
#include "entente/formats/calibration_yaml.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/backtest_output.hpp"
#include "progress.hpp"
#include "run_database.hpp"
#include "run_flags.hpp"

namespace entente::cli {
namespace {

struct BacktestArgs {
  std::string scenario;
  std::string models = "all";
  std::vector<std::string> options;
  RunFlags run;  // draws, seed, noise, threads; bootstrap, by, outcomes, calibration
  std::string format;
  std::string output;
  std::vector<std::string> reader_options;
  std::string coder;  // --coder: score this coder's numbers alone (RunParameters::coder)
  std::string shard;  // --shard K/N; empty for the whole run
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

// `--shard K/N`: only that shard's draws of every model, written as a partial result for
// `entente merge`.
void RunShard(const BacktestArgs& a, const ScenarioDocument& doc, BacktestOptions o) {
  const ShardSpec shard = ParseShard(a.shard);
  ProgressBar bar;
  o.progress = [&bar](int done, int total) { bar.Update(done, total); };
  BacktestPart part;
  part.tally = BacktestShard(doc.scenario, doc.outcomes, o, shard);
  bar.Finish();
  if (part.tally.draws < ShardDraws(o.draws, shard)) {
    std::fprintf(stderr, "interrupted: shard %lld/%lld not written\n",
                 static_cast<long long>(shard.index), static_cast<long long>(shard.count));
    ExitCode() = 130;
    return;
  }
  part.scenario = doc.scenario;
  part.outcomes = doc.outcomes;
  o.progress = nullptr;
  o.cancel = nullptr;
  part.options = std::move(o);
  part.shard = shard;
  Emit(WriteBacktestPartial(part), a.output);
}

void Run(const BacktestArgs& a) {
  CheckShardFlags(a.shard, a.format, a.output);
  const OutputFormat format =
      a.shard.empty() ? OutputFormatOf(a.format, a.output) : OutputFormat::kJson;
  ScenarioDocument doc = LoadDocument(a.scenario, ReaderOptionsOf(a.reader_options)).ValueOrThrow();
  RunFlags flags = a.run;
  flags.params.coder = a.coder;  // EditedScenario takes that coder's numbers alone
  flags.params.models = ModelList(a.models);
  flags.params.model_options_by_model = PerModelOptions(a.options, flags.params.models);
  // The models column of the runs database lists them all.
  flags.params.model.name = fmt::format("{}", fmt::join(flags.params.models, ","));
  RunParameters p = ToParameters(flags, RunKind::kBacktest);
  doc.scenario = EditedScenario(doc.scenario, p);
  if (!p.outcomes.empty()) {
    doc.outcomes = ReadOutcomesFile(p.outcomes).ValueOrThrow();
    Errors bad = ValidateOutcomes(doc.scenario, doc.outcomes);
    if (!bad.empty()) throw InputError(std::move(bad));
  }
  if (std::find(p.models.begin(), p.models.end(), "ensemble") != p.models.end()) {
    std::optional<CalibrationRecord> calibration;
    if (!p.calibration.empty()) calibration = ReadCalibration(p.calibration).ValueOrThrow();
    ApplyCalibrationOptions("ensemble", calibration ? &*calibration : nullptr,
                            p.model_options_by_model["ensemble"]);
    if (calibration) {
      std::fprintf(stderr,
                   "note: the ensemble's weights were fitted on %d issues (%s); scores on the same "
                   "issues are in-sample, see the calibration's cross-validated scores\n",
                   calibration->cases, calibration->training.front().path.c_str());
    }
  } else if (!p.calibration.empty()) {
    throw InputError("--calibration is used by the ensemble model: add ensemble to --models");
  }
  BacktestOptions o = ToBacktest(p);
  o.cancel = &InterruptFlag();
  if (!a.shard.empty()) {
    RunShard(a, doc, std::move(o));
    return;
  }
  ProgressBar bar;
  o.progress = [&bar](int done, int total) { bar.Update(done, total); };
  const BacktestResult r = RunBacktest(doc.scenario, doc.outcomes, o);
  bar.Finish();
  Emit(FormatBacktest(r, format), a.output);
  if (r.interrupted) {
    ExitCode() = 130;
    if (!DbPath(a.db).empty())
      std::fprintf(stderr, "not saved to the runs database: interrupted\n");
    return;
  }
  SaveRun(a.db, RunKind::kBacktest, doc.scenario, a.scenario, p, BacktestJson(r));
}

}  // namespace

void AddBacktestCommand(CLI::App& app) {
  auto a = std::make_shared<BacktestArgs>();
  ResetFlags(a->run, RunKind::kBacktest);
  auto* cmd = app.add_subcommand(
      "backtest", "Score models against observed outcomes (MAE, CRPS, calibration, intervals)");
  cmd->add_option("scenario", a->scenario, "scenario with outcomes (YAML, CSV bundle, DEU table)")
      ->required();
  cmd->add_option("--outcomes", a->run.params.outcomes,
                  "outcomes CSV (issue,value,date,source) replacing the scenario's own");
  cmd->add_option("--models", a->models, "comma-separated models, or all")->capture_default_str();
  cmd->add_option("--option", a->options,
                  "model option [MODEL.]KEY=VALUE (repeatable; without MODEL it goes to every "
                  "model)");
  AddDrawFlags(*cmd, a->run,
               "Monte Carlo draws per model for CRPS, coverage and PIT; 0 scores point forecasts "
               "only (--seed also seeds the bootstrap)");
  cmd->add_option("--bootstrap", a->run.params.bootstrap, "bootstrap resamples of the groups")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--by", a->run.params.by,
                  "also score by group, procedure or an issue metadata FIELD");
  cmd->add_option("--calibration", a->run.params.calibration,
                  "calibration file (entente calibrate) giving the ensemble model its weights");
  AddOutputFlags(*cmd, a->format, a->output);
  AddSetFlag(*cmd, a->run);
  AddPoolFlag(*cmd, a->run);
  cmd->add_option("--coder", a->coder,
                  "score the forecasts made from this coder's numbers alone (a scenario coded by "
                  "several analysts; compare with the pooled run)");
  AddReaderOptionFlag(*cmd, a->reader_options);
  cmd->add_option("--shard", a->shard,
                  "K/N: compute only shard K of N of every model's draws (needs --draws; blocks "
                  "of 16, every N-th block) and write a partial result to -o for `entente "
                  "merge`; not saved to the runs database");
  AddDbOptions(cmd, a->db);
  cmd->callback([a] { Run(*a); });
}

}  // namespace entente::cli
