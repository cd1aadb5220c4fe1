// `entente sweep SPEC.yaml`: one scenario at many points (edits, model options, noise, seeds)
// x models, one row per point, model and issue; on all cores, or one shard of the units
// written as a partial result for `entente merge`.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "entente/analysis/simulation_shard.hpp"
#include "entente/analysis/sweep.hpp"
#include "entente/core/error.hpp"
#include "entente/core/files.hpp"
#include "entente/core/version.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/sweep_partial.hpp"
#include "entente/formats/sweep_spec.hpp"
#include "entente/output/sweep_output.hpp"
#include "progress.hpp"

namespace entente::cli {
namespace {

struct SweepArgs {
  std::string spec;
  std::string shard;
  int threads = 0;
  std::string format;
  std::string output;
};

void Run(const SweepArgs& a) {
  CheckShardFlags(a.shard, a.format, a.output);
  const ShardSpec shard = a.shard.empty() ? ShardSpec{} : ParseShard(a.shard);
  const OutputFormat format =
      a.shard.empty() ? OutputFormatOf(a.format, a.output) : OutputFormat::kJson;
  const std::string spec_text = ReadTextFile(a.spec).ValueOrThrow();
  const SweepSpec spec = ParseSweepSpec(spec_text, a.spec).ValueOrThrow();
  const std::string scenario_text = ReadTextFile(spec.scenario).ValueOrThrow();
  const Scenario scenario = LoadScenario(spec.scenario).ValueOrThrow();
  const std::atomic<bool>& interrupted = InterruptFlag();
  std::vector<SweepRow> rows = RunSweep(scenario, spec.plan, shard, a.threads, &interrupted);
  if (interrupted.load()) {
    // Ctrl-C: the rows are incomplete, so nothing is written (-o keeps what it held).
    std::fprintf(stderr, "interrupted: sweep stopped, nothing written%s\n",
                 a.output.empty() || a.output == "-" ? "" : (" to " + a.output).c_str());
    ExitCode() = 130;
    return;
  }
  if (!a.shard.empty()) {
    SweepPart part;
    part.spec_sha256 = SweepSpecHash(spec_text, scenario_text);
    part.units = SweepUnits(spec.plan);
    part.draws = spec.plan.draws;
    part.shard = shard;
    part.rows = std::move(rows);
    Emit(WriteSweepPartial(part), a.output);
    return;
  }
  const nlohmann::ordered_json json = SweepJson(rows, spec.plan.draws);
  Emit(format == OutputFormat::kJson  ? json.dump(2) + "\n"
       : format == OutputFormat::kCsv ? SweepCsv(json)
                                      : SweepTable(rows, spec.plan.draws),
       a.output);
}

}  // namespace

void AddSweepCommand(CLI::App& app) {
  auto args = std::make_shared<SweepArgs>();
  auto* cmd = app.add_subcommand(
      "sweep", "Run a scenario at a grid or list of points x models, one row per point and issue");
  cmd->add_option("spec", args->spec, "sweep file (YAML; docs/cli.md#sweep)")->required();
  cmd->add_option("--threads", args->threads,
                  "worker threads: 0 = all cores; never changes results")
      ->capture_default_str();
  cmd->add_option("--shard", args->shard,
                  "K/N: run only units K, K+N, ... (unit = point x model) and write a partial "
                  "result to -o for `entente merge`");
  AddOutputFlags(*cmd, args->format, args->output);
  cmd->callback([args] { Run(*args); });
}

}  // namespace entente::cli
