// `entente coders`: where several coders disagree and which disagreements move the forecast.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "entente/analysis/coders.hpp"
#include "entente/analysis/run_parameters.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/output/coders_output.hpp"
#include "run_flags.hpp"

namespace entente::cli {
namespace {

struct CodersArgs {
  std::string scenario;
  std::string format;
  std::string output;
  RunFlags run;
};

}  // namespace

void AddCodersCommand(CLI::App& app) {
  auto a = std::make_shared<CodersArgs>();
  auto* cmd = app.add_subcommand(
      "coders",
      "Several coders' numbers per stance, the outcome with each coder alone, and "
      "the stances whose disagreement moves it most (who to ask again)");
  ResetFlags(a->run, RunKind::kForecast);
  cmd->add_option("scenario", a->scenario, "YAML file or CSV bundle folder with coders")
      ->required();
  AddModelFlags(*cmd, a->run, "model to forecast with (see `entente models`)");
  AddOutputFlags(*cmd, a->format, a->output);
  cmd->callback([a] {
    const OutputFormat format = OutputFormatOf(a->format, a->output);
    const Scenario file = LoadScenario(a->scenario).ValueOrThrow();
    const RunParameters p = ToParameters(a->run, RunKind::kForecast);
    const Scenario s = EditedScenario(file, p);
    const CodersAnalysis analysis = AnalyseCoders(s, p.model, std::string(PoolRuleName(p.pool)));
    const nlohmann::ordered_json json = CodersJson(analysis);
    std::string text;
    if (format == OutputFormat::kJson) {
      text = json.dump(2) + "\n";
    } else if (format == OutputFormat::kCsv) {
      text = CodersCsv(json);
    } else {
      text = CodersTable(s, analysis);
    }
    Emit(text, a->output);
  });
}

}  // namespace entente::cli
