// `entente merge PART...`: the partial results of `simulate --shard K/N` put together, printed
// exactly as the one-machine `simulate` prints the same run.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "entente/analysis/backtest_shard.hpp"
#include "entente/analysis/calibrate_shard.hpp"
#include "entente/analysis/simulation_shard.hpp"
#include "entente/core/error.hpp"
#include "entente/core/files.hpp"
#include "entente/formats/backtest_partial.hpp"
#include "entente/formats/calibrate_partial.hpp"
#include "entente/formats/calibration_yaml.hpp"
#include "entente/formats/simulation_partial.hpp"
#include "entente/formats/sweep_partial.hpp"
#include "entente/output/backtest_output.hpp"
#include "entente/output/simulation_output.hpp"
#include "entente/output/sweep_output.hpp"
#include "entente/output/table_csv.hpp"

namespace entente::cli {

void CheckShardFlags(const std::string& shard, const std::string& format,
                     const std::string& output) {
  if (shard.empty()) return;
  if (output.empty() || output == "-") {
    throw InputError(
        "--shard writes a partial result to a file; give -o, e.g. -o part-1.ent, then "
        "`entente merge part-*.ent`");
  }
  if (!format.empty()) {
    throw InputError(
        "--format does not apply to --shard (a partial result has one format); give it to "
        "`entente merge`");
  }
}
namespace {

struct MergeArgs {
  std::vector<std::string> parts;
  std::string format;
  std::string output;
};

// Reads every part with `parse`; all the files' errors at once.
template <typename Part, typename Parse>
std::vector<Part> ReadParts(const std::vector<std::string>& texts,
                            const std::vector<std::string>& paths, Parse parse) {
  std::vector<Part> parts;
  Errors errors;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Result<Part> part = parse(texts[i], paths[i]);
    if (!part) {
      errors.insert(errors.end(), part.errors().begin(), part.errors().end());
      continue;
    }
    parts.push_back(std::move(part).value());
  }
  if (!errors.empty()) throw InputError(std::move(errors));
  return parts;
}

void Run(const MergeArgs& a) {
  std::vector<std::string> texts;
  for (const std::string& path : a.parts) texts.push_back(ReadTextFile(path).ValueOrThrow());
  if (PartialKind(texts.front()) == "calibrate") {
    if (!a.format.empty()) {
      throw InputError(
          "--format does not apply to a calibration (it is one YAML file); leave it out");
    }
    const std::vector<CalibratePart> parts = ReadParts<CalibratePart>(
        texts, a.parts,
        [](const std::string& t, const std::string& p) { return ParseCalibratePartial(t, p); });
    Emit(WriteCalibrationYaml(MergeCalibrateParts(parts)), a.output);
    return;
  }
  const OutputFormat format = OutputFormatOf(a.format, a.output);
  // The first part says which command's run this is; a part of another is refused by its parser.
  if (PartialKind(texts.front()) == "sweep") {
    const std::vector<SweepPart> parts = ReadParts<SweepPart>(
        texts, a.parts,
        [](const std::string& t, const std::string& p) { return ParseSweepPartial(t, p); });
    const std::vector<SweepRow> rows = MergeSweepParts(parts);
    const std::int64_t draws = parts.front().draws;
    const nlohmann::ordered_json json = SweepJson(rows, draws);
    Emit(format == OutputFormat::kJson  ? json.dump(2) + "\n"
         : format == OutputFormat::kCsv ? SweepCsv(json)
                                        : SweepTable(rows, draws),
         a.output);
    return;
  }
  if (PartialKind(texts.front()) == "backtest") {
    const std::vector<BacktestPart> parts = ReadParts<BacktestPart>(
        texts, a.parts,
        [](const std::string& t, const std::string& p) { return ParseBacktestPartial(t, p); });
    Emit(FormatBacktest(MergeBacktestParts(parts), format), a.output);
    return;
  }
  const std::vector<SimulationPart> parts = ReadParts<SimulationPart>(
      texts, a.parts,
      [](const std::string& t, const std::string& p) { return ParseSimulationPartial(t, p); });
  const SimulationResult r = MergeSimulationParts(parts);
  const Scenario& s = parts.front().scenario;
  const nlohmann::ordered_json json = SimulationJson(s, r);
  if (format != OutputFormat::kTable) {
    for (const std::string& w : r.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  }
  Emit(format == OutputFormat::kJson  ? json.dump(2) + "\n"
       : format == OutputFormat::kCsv ? SimulationCsv(json)
                                      : SimulationTable(s, r),
       a.output);
}

}  // namespace

void AddMergeCommand(CLI::App& app) {
  auto args = std::make_shared<MergeArgs>();
  auto* cmd = app.add_subcommand("merge",
                                 "Put the partial results of `simulate`, `sweep`, `backtest` or "
                                 "`calibrate --shard K/N` together (same output as one run)");
  cmd->add_option("parts", args->parts, "partial result files, one per shard (part-*.ent)")
      ->required();
  AddOutputFlags(*cmd, args->format, args->output);
  cmd->callback([args] { Run(*args); });
}

}  // namespace entente::cli
