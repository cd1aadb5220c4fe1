// `entente diff A [B]`: two scenario files side by side, inputs and forecasts. Without B the
// second side is A with the --set edits, so a what-if needs no second file.
#include <fmt/format.h>

#include "commands.hpp"
#include "entente/analysis/apply_calibration.hpp"
#include "entente/analysis/scenario_pair.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/output/diff_output.hpp"
#include "run_flags.hpp"

namespace entente::cli {
namespace {

struct DiffArgs {
  std::string first;
  std::string second;
  std::string format;
  std::string output;
  RunFlags run;
};

}  // namespace

void AddDiffCommand(CLI::App& app) {
  auto a = std::make_shared<DiffArgs>();
  ResetFlags(a->run, RunKind::kForecast);
  auto* cmd = app.add_subcommand(
      "diff", "Two scenarios side by side: what changed in the inputs, how each forecast moved");
  cmd->add_option("first", a->first, "scenario before (YAML file or CSV bundle folder)")
      ->required();
  cmd->add_option("second", a->second,
                  "scenario after; without it, the first with the --set edits");
  AddModelFlags(*cmd, a->run, "model to forecast both with (see `entente models`)");
  AddOutputFlags(*cmd, a->format, a->output);
  cmd->callback([a] {
    const OutputFormat format = OutputFormatOf(a->format, a->output);
    const Scenario first = LoadScenario(a->first).ValueOrThrow();
    const Scenario second_file = a->second.empty() ? first : LoadScenario(a->second).ValueOrThrow();
    RunParameters p = ToParameters(a->run, RunKind::kForecast);
    if (a->second.empty() && p.edits.empty()) {
      throw InputError(
          "give a second scenario, or --set edits to compare the first with; e.g. entente diff "
          "a.yaml b.yaml, or entente diff a.yaml --set US.opcon_transfer.salience=0.8");
    }
    // The edits make the second side (a what-if of one file, or of the second).
    const Scenario second = EditedScenario(second_file, p);
    ApplyCalibrationOptions(p.model.name, nullptr, p.model.options);
    std::string label = a->second.empty() ? a->first : a->second;
    for (const ScenarioEdit& e : p.edits) label += " --set " + e.ToString();
    Emit(FormatDiff(CompareScenarios(first, second, p.model), a->first, label, format), a->output);
  });
}

}  // namespace entente::cli
