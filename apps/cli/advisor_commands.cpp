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
#include "run_database.hpp"

namespace entente::cli {
namespace {

struct Common {
  std::string scenario;
  std::string model = "median";
  std::string format = "table";
  std::string output;
  ModelFlags flags;
  DbArgs db;
};

void AddCommon(CLI::App* cmd, Common& c) {
  cmd->add_option("scenario", c.scenario, "YAML file or CSV bundle folder")->required();
  cmd->add_option("-m,--model", c.model, "model to forecast with")->capture_default_str();
  cmd->add_option("-f,--format", c.format, "table or json")->capture_default_str();
  cmd->add_option("-o,--output", c.output, "write to FILE (atomically) instead of stdout");
  AddModelFlags(*cmd, c.flags);
  AddDbOptions(cmd, c.db);
}

bool WantJson(const std::string& format) {
  Result<OutputFormat> f = ParseOutputFormat(format);
  if (!f || f.value() == OutputFormat::kCsv) throw InputError("--format: use table or json");
  return f.value() == OutputFormat::kJson;
}

struct AdviseArgs : Common {
  std::string actor;
  std::string issue;
  std::optional<double> target;
  std::string goal = "own-position";
  double tolerance = 0.5;
};

struct CompareArgs : Common {
  std::string moves;
  std::int64_t draws = 0;
  std::uint64_t seed = 1;
  std::string noise = "10%";
};

}  // namespace

void AddAdvisorCommands(CLI::App& app) {
  auto coh = std::make_shared<Common>();
  auto* cohesion =
      app.add_subcommand("cohesion", "Where each alliance is strained, issue by issue");
  AddCommon(cohesion, *coh);
  cohesion->callback([coh] {
    const bool json = WantJson(coh->format);
    const Scenario s = LoadScenario(coh->scenario).ValueOrThrow();
    const Forecast f = RunForecast(s, coh->model, ToModelOptions(coh->flags));
    const auto c = Cohesion(s, f);
    const nlohmann::ordered_json result = CohesionJson(coh->model, c);
    Emit(json ? result.dump(2) + "\n" : CohesionTable(s, coh->model, c), coh->output);
    SaveRun(coh->db, "cohesion", s, coh->scenario, coh->model,
            {{"model_options", ToModelOptions(coh->flags).values()}}, std::nullopt, result);
  });

  auto adv = std::make_shared<AdviseArgs>();
  auto* advise = app.add_subcommand("advise", "What it takes to move each outcome to a target");
  AddCommon(advise, *adv);
  advise->add_option("--actor", adv->actor, "whose goals to advise on")->required();
  advise->add_option("--issue", adv->issue, "one issue (default: every issue the actor is in)");
  auto* target = advise->add_option("--target", adv->target, "target outcome on the issue's scale");
  advise->add_option("--goal", adv->goal, "own-position: the actor's own position (default)")
      ->excludes(target)
      ->check(CLI::IsMember({"own-position"}));
  advise
      ->add_option("--tolerance", adv->tolerance,
                   "reached when within this % of the scale of the target")
      ->capture_default_str();
  advise->callback([adv] {
    const bool json = WantJson(adv->format);
    const Scenario s = LoadScenario(adv->scenario).ValueOrThrow();
    AdviceRequest r;
    r.actor = adv->actor;
    if (!adv->issue.empty()) r.issue = adv->issue;
    r.target = adv->target;
    r.model = adv->model;
    r.model_options = ToModelOptions(adv->flags);
    r.tolerance = adv->tolerance / 100;
    const auto advice = Advise(s, r);
    const nlohmann::ordered_json result = AdviceJson(r.actor, r.model, advice);
    Emit(json ? result.dump(2) + "\n" : AdviceTable(r.actor, r.model, advice), adv->output);
    SaveRun(adv->db, "advise", s, adv->scenario, r.model,
            {{"model_options", r.model_options.values()},
             {"actor", r.actor},
             {"issue", adv->issue},
             {"target", r.target ? nlohmann::ordered_json(*r.target) : nlohmann::ordered_json()},
             {"tolerance", r.tolerance}},
            std::nullopt, result);
  });

  auto cmp = std::make_shared<CompareArgs>();
  auto* compare = app.add_subcommand(
      "compare", "Forecast named moves and their combinations against the baseline");
  AddCommon(compare, *cmp);
  compare->add_option("--moves", cmp->moves, "comma-separated move ids of the scenario")
      ->required();
  compare->add_option("--draws", cmp->draws, "compare under uncertainty with this many draws");
  compare->add_option("--seed", cmp->seed, "random seed for --draws")->capture_default_str();
  compare->add_option("--noise", cmp->noise, "spread for uncertain-free stances with --draws")
      ->capture_default_str();
  compare->callback([cmp] {
    const bool json = WantJson(cmp->format);
    const Scenario s = LoadScenario(cmp->scenario).ValueOrThrow();
    CompareRequest r;
    r.moves = SplitList(cmp->moves, ',');
    r.model = cmp->model;
    r.model_options = ToModelOptions(cmp->flags);
    if (cmp->draws > 0) {
      SimulationOptions o;
      o.draws = cmp->draws;
      o.seed = cmp->seed;
      o.noise.fraction = ParseNoisePercent(cmp->noise);
      r.simulation = o;
    }
    const auto variants = Compare(s, r);
    const nlohmann::ordered_json result = ComparisonJson(s, variants);
    Emit(json ? result.dump(2) + "\n" : ComparisonTable(s, variants), cmp->output);
    SaveRun(cmp->db, "compare", s, cmp->scenario, r.model,
            {{"model_options", r.model_options.values()},
             {"moves", r.moves},
             {"draws", cmp->draws},
             {"noise", r.simulation ? r.simulation->noise.fraction : 0.0}},
            r.simulation ? std::optional<std::uint64_t>(cmp->seed) : std::nullopt, result);
  });
}

}  // namespace entente::cli
