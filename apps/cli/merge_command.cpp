// `entente merge PART...`: the partial results of `simulate --shard K/N` put together, printed
// exactly as the one-machine `simulate` prints the same run.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "entente/analysis/simulation_shard.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/simulation_partial.hpp"
#include "entente/output/simulation_output.hpp"
#include "entente/output/table_csv.hpp"

namespace entente::cli {
namespace {

struct MergeArgs {
  std::vector<std::string> parts;
  std::string format;
  std::string output;
};

void Run(const MergeArgs& a) {
  const OutputFormat format = OutputFormatOf(a.format, a.output);
  std::vector<SimulationPart> parts;
  Errors errors;
  for (const std::string& path : a.parts) {
    Result<SimulationPart> part = ReadSimulationPartial(path);
    if (!part) {
      errors.insert(errors.end(), part.errors().begin(), part.errors().end());
      continue;
    }
    parts.push_back(std::move(part).value());
  }
  if (!errors.empty()) throw InputError(std::move(errors));
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
  auto* cmd = app.add_subcommand(
      "merge",
      "Put the partial results of `simulate --shard K/N` together (same output as one run)");
  cmd->add_option("parts", args->parts, "partial result files, one per shard (part-*.ent)")
      ->required();
  AddOutputFlags(*cmd, args->format, args->output);
  cmd->callback([args] { Run(*args); });
}

}  // namespace entente::cli
