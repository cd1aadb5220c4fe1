// `entente cohesion`, `entente advise`, `entente compare`: the alliance advisor.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "entente/analysis/advisor.hpp"
#include "entente/analysis/cohesion.hpp"
#include "entente/analysis/compare.hpp"
#include "entente/core/error.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/advisor_output.hpp"
#include "entente/output/forecast_output.hpp"
#include "entente/output/table_csv.hpp"
#include "run_database.hpp"
#include "run_flags.hpp"
#include "workbook_output.hpp"

namespace entente::cli {
namespace {

struct Common {
  std::string scenario;
  std::string format;
  std::string output;
  RunFlags run;
  DbArgs db;
};

void AddCommon(CLI::App* cmd, Common& c, RunKind kind) {
  ResetFlags(c.run, kind);
  cmd->add_option("scenario", c.scenario, "YAML file or CSV bundle folder")->required();
  AddModelFlags(*cmd, c.run, "model to forecast with");
  AddOutputFlags(*cmd, c.format, c.output);
  AddDbOptions(cmd, c.db);
}

// The format a command's -f and -o ask for; a workbook (-o NAME.xlsx) is the CSV as a sheet.
struct Wanted {
  OutputFormat format = OutputFormat::kTable;
  bool workbook = false;
};

Wanted WantedOf(const Common& c) {
  if (WorkbookOutput(c.format, c.output)) return Wanted{OutputFormat::kCsv, true};
  return Wanted{OutputFormatOf(c.format, c.output), false};
}

// The result as asked: its JSON, the CSV made from that JSON (or a workbook with that CSV as
// the sheet `sheet`), or the table.
template <typename TableFn, typename CsvFn>
std::string Render(Wanted wanted, const char* sheet, const nlohmann::ordered_json& json,
                   TableFn table, CsvFn csv) {
  const OutputFormat format = wanted.format;
  if (wanted.workbook) return Workbook({{sheet, csv(json)}});
  if (format == OutputFormat::kJson) return json.dump(2) + "\n";
  if (format == OutputFormat::kCsv) return csv(json);
  return table();
}

struct AdviseArgs : Common {
  std::string issue;
  std::string goal = "own-position";
};

struct CompareArgs : Common {
  std::string moves;
};

}  // namespace

void AddAdvisorCommands(CLI::App& app) {
  auto coh = std::make_shared<Common>();
  auto* cohesion =
      app.add_subcommand("cohesion", "Where each alliance is strained, issue by issue");
  AddCommon(cohesion, *coh, RunKind::kCohesion);
  cohesion->callback([coh] {
    const Wanted format = WantedOf(*coh);
    const Scenario file = LoadScenario(coh->scenario).ValueOrThrow();
    const RunParameters p = ToParameters(coh->run, RunKind::kCohesion);
    const Scenario s = EditedScenario(file, p);
    const Forecast f = RunForecast(s, p.model);
    const auto c = Cohesion(s, f);
    const nlohmann::ordered_json result = CohesionJson(p.model.name, c);
    Emit(Render(
             format, "cohesion", result, [&] { return CohesionTable(s, p.model.name, c); },
             CohesionCsv),
         coh->output);
    SaveRun(coh->db, RunKind::kCohesion, s, coh->scenario, p, result);
  });

  auto adv = std::make_shared<AdviseArgs>();
  auto* advise = app.add_subcommand("advise", "What it takes to move each outcome to a target");
  AddCommon(advise, *adv, RunKind::kAdvise);
  advise->add_option("--actor", adv->run.params.actor, "whose goals to advise on")->required();
  advise->add_option("--issue", adv->issue, "one issue (default: every issue the actor is in)");
  auto* target =
      advise->add_option("--target", adv->run.params.target, "target outcome on the issue's scale");
  advise->add_option("--goal", adv->goal, "own-position: the actor's own position (default)")
      ->excludes(target)
      ->check(CLI::IsMember({"own-position"}));
  advise
      ->add_option("--tolerance", adv->run.params.tolerance_percent,
                   "reached when within this % of the scale of the target")
      ->capture_default_str();
  advise->callback([adv] {
    const Wanted format = WantedOf(*adv);
    const Scenario file = LoadScenario(adv->scenario).ValueOrThrow();
    RunFlags flags = adv->run;
    if (!adv->issue.empty()) flags.params.issue = adv->issue;
    const RunParameters p = ToParameters(flags, RunKind::kAdvise);
    const Scenario s = EditedScenario(file, p);
    const auto advice = Advise(s, ToAdvice(p));
    const nlohmann::ordered_json result = AdviceJson(p.actor, p.model.name, advice);
    Emit(Render(
             format, "advice", result, [&] { return AdviceTable(p.actor, p.model.name, advice); },
             AdviceCsv),
         adv->output);
    SaveRun(adv->db, RunKind::kAdvise, s, adv->scenario, p, result);
  });

  auto cmp = std::make_shared<CompareArgs>();
  auto* compare = app.add_subcommand(
      "compare", "Forecast named moves and their combinations against the baseline");
  AddCommon(compare, *cmp, RunKind::kCompare);
  compare->add_option("--moves", cmp->moves, "comma-separated move ids of the scenario")
      ->required();
  AddDrawFlags(*compare, cmp->run, "compare under uncertainty with this many draws (0: no draws)");
  compare->callback([cmp] {
    const Wanted format = WantedOf(*cmp);
    const Scenario file = LoadScenario(cmp->scenario).ValueOrThrow();
    RunFlags flags = cmp->run;
    flags.params.moves = SplitList(cmp->moves, ',');
    const RunParameters p = ToParameters(flags, RunKind::kCompare);
    const Scenario s = EditedScenario(file, p);
    const auto variants = Compare(s, ToCompare(p));
    const nlohmann::ordered_json result = ComparisonJson(s, variants);
    Emit(Render(
             format, "comparison", result, [&] { return ComparisonTable(s, variants); },
             ComparisonCsv),
         cmp->output);
    SaveRun(cmp->db, RunKind::kCompare, s, cmp->scenario, p, result);
  });
}

}  // namespace entente::cli
