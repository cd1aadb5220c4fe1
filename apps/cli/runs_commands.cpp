// `entente runs list|show|diff|export`: the runs database from the command line.
#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "entente/core/error.hpp"
#include "entente/core/scenario_diff.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/store/run_store.hpp"
#include "run_database.hpp"

namespace entente::cli {
namespace {

RunStore OpenStore(const DbArgs& db) {
  const std::string path = DbPath(db);
  if (path.empty()) throw InputError("runs commands need a database; drop --no-db");
  return RunStore::Open(path).ValueOrThrow();
}

std::string Opt(const std::optional<double>& v) {
  return v ? FormatFixed(*v, 1) : "-";
}

// The five largest exchanges (equal gains in the order realized), as the forecast table
// words them.
std::string ShowExchanges(const std::vector<ExchangeRow>& rows) {
  std::vector<const ExchangeRow*> top;
  top.reserve(rows.size());
  for (const ExchangeRow& e : rows) top.push_back(&e);
  std::stable_sort(top.begin(), top.end(),
                   [](const ExchangeRow* a, const ExchangeRow* b) { return a->gain > b->gain; });
  top.resize(std::min<std::size_t>(top.size(), 5));
  std::string out = fmt::format("\n{} exchanges stored; the largest:\n", rows.size());
  for (const ExchangeRow* e : top) {
    out += fmt::format(
        "  #{} round {}: {} gives way on {} ({} -> {}) to {} for {}, where {} gives way ({} -> "
        "{}); "
        "gain {}\n",
        e->seq, e->round, e->first_actor, e->first_issue, FormatFixed(e->first_from, 1),
        FormatFixed(e->first_to, 1), e->second_actor, e->second_issue, e->second_actor,
        FormatFixed(e->second_from, 1), FormatFixed(e->second_to, 1), FormatFixed(e->gain, 3));
  }
  return out;
}

std::string ShowRun(const RunRecord& r) {
  std::string out = fmt::format(
      "run {}  {}  {}  model {}\nscenario: {} ({})\nsha256: {}\noptions: {}\n{}entente {}\n\n",
      r.id, r.created_at, r.kind, r.model,
      r.scenario_title.empty() ? "(untitled)" : r.scenario_title, r.scenario_path, r.scenario_hash,
      r.options_json, r.seed ? fmt::format("seed: {}\n", *r.seed) : "", r.version);
  std::string variant = "\x01";
  for (const OutcomeRow& o : r.outcomes) {
    if (o.variant != variant) {
      variant = o.variant;
      if (!variant.empty()) out += fmt::format("{}:\n", variant);
      out += fmt::format("  {:<26} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}  {}\n", "issue", "outcome",
                         "model", "sq", "mean", "5%", "95%", "binding veto");
    }
    out += fmt::format("  {:<26} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}  {}\n", o.issue,
                       FormatFixed(o.outcome, 1), Opt(o.unconstrained), Opt(o.status_quo),
                       Opt(o.mean), Opt(o.p05), Opt(o.p95), o.binding_veto.value_or("-"));
  }
  if (!r.rounds.empty())
    out += fmt::format("\n{} rounds of trajectories stored\n", r.rounds.size());
  if (!r.exchanges.empty()) out += ShowExchanges(r.exchanges);
  return out;
}

std::string DiffRuns(const RunRecord& a, const RunRecord& b) {
  std::string out = fmt::format("run {} -> run {}\n", a.id, b.id);
  if (a.model != b.model) out += fmt::format("model: {} -> {}\n", a.model, b.model);
  if (a.options_json != b.options_json)
    out += fmt::format("options: {} -> {}\n", a.options_json, b.options_json);
  if (a.scenario_hash == b.scenario_hash) {
    out += "inputs: identical scenario\n";
  } else {
    const Scenario sa =
        ParseYamlScenario(a.scenario_text, fmt::format("run {}", a.id)).ValueOrThrow();
    const Scenario sb =
        ParseYamlScenario(b.scenario_text, fmt::format("run {}", b.id)).ValueOrThrow();
    out += "inputs:\n";
    for (const std::string& line : DiffScenarios(sa, sb)) out += "  " + line + "\n";
  }
  out +=
      fmt::format("outcomes:\n  {:<26} {:>8} {:>8} {:>8}\n", "issue", "before", "after", "change");
  for (const OutcomeRow& ob : b.outcomes) {
    const OutcomeRow* oa = nullptr;
    for (const OutcomeRow& x : a.outcomes) {
      if (x.issue == ob.issue && x.variant == ob.variant) oa = &x;
    }
    const std::string label = ob.variant.empty() ? ob.issue : ob.variant + ": " + ob.issue;
    if (oa == nullptr) {
      out += fmt::format("  {:<26} {:>8} {:>8}\n", label, "-", FormatFixed(ob.outcome, 1));
      continue;
    }
    const double d = ob.outcome - oa->outcome;
    out += fmt::format("  {:<26} {:>8} {:>8} {:>8}\n", label, FormatFixed(oa->outcome, 1),
                       FormatFixed(ob.outcome, 1), std::abs(d) < 5e-10 ? "=" : FormatFixed(d, 2));
  }
  return out;
}

std::string ExportCsv(const RunRecord& r) {
  std::string out = CsvLine({"run", "variant", "issue", "outcome", "unconstrained", "status_quo",
                             "binding_veto", "mean", "p05", "p95"});
  const auto opt = [](const std::optional<double>& v) {
    return v ? FormatNumber(*v) : std::string();
  };
  for (const OutcomeRow& o : r.outcomes) {
    out += CsvLine({std::to_string(r.id), o.variant, o.issue, FormatNumber(o.outcome),
                    opt(o.unconstrained), opt(o.status_quo), o.binding_veto.value_or(""),
                    opt(o.mean), opt(o.p05), opt(o.p95)});
  }
  return out;
}

nlohmann::ordered_json ExportJson(const RunRecord& r) {
  using J = nlohmann::ordered_json;
  return {{"id", r.id},
          {"created_at", r.created_at},
          {"kind", r.kind},
          {"model", r.model},
          {"options", J::parse(r.options_json, nullptr, false)},
          {"seed", r.seed ? J(*r.seed) : J()},
          {"entente_version", r.version},
          {"scenario",
           {{"title", r.scenario_title},
            {"path", r.scenario_path},
            {"sha256", r.scenario_hash},
            {"yaml", r.scenario_text}}},
          {"result", J::parse(r.result_json, nullptr, false)}};
}

}  // namespace

void AddRunsCommands(CLI::App& app) {
  auto* runs = app.add_subcommand("runs", "The runs database: list, show, diff, export");
  runs->require_subcommand(1);
  auto db = std::make_shared<DbArgs>();
  AddDbOptions(runs, *db);

  // --db may come before or after the sub-command: unknown options fall through to `runs`.
  auto* list = runs->add_subcommand("list", "Every stored run, newest first")->fallthrough();
  list->callback([db] {
    RunStore store = OpenStore(*db);
    const auto all = store.List().ValueOrThrow();
    std::string out = fmt::format("{:>5}  {:<20}  {:<9}  {:<11}  {:<12}  {}\n", "id",
                                  "created (UTC)", "kind", "model", "sha256", "scenario");
    for (const RunRecord& r : all) {
      out += fmt::format("{:>5}  {:<20}  {:<9}  {:<11}  {:<12}  {}\n", r.id, r.created_at, r.kind,
                         r.model, r.scenario_hash.substr(0, 12), r.scenario_title);
    }
    if (all.empty()) out += fmt::format("(no runs yet in {})\n", DbPath(*db));
    Emit(out, "");
  });

  auto id = std::make_shared<std::int64_t>(0);
  auto* show = runs->add_subcommand("show", "One run: inputs, options and outcomes")->fallthrough();
  show->add_option("id", *id, "run id")->required();
  show->callback([db, id] { Emit(ShowRun(OpenStore(*db).Get(*id).ValueOrThrow()), ""); });

  auto ids = std::make_shared<std::vector<std::int64_t>>();
  auto* diff = runs->add_subcommand("diff", "What changed in the inputs and how each outcome moved")
                   ->fallthrough();
  diff->add_option("ids", *ids, "two run ids: before after")->required()->expected(2);
  diff->callback([db, ids] {
    RunStore store = OpenStore(*db);
    Emit(DiffRuns(store.Get((*ids)[0]).ValueOrThrow(), store.Get((*ids)[1]).ValueOrThrow()), "");
  });

  auto format = std::make_shared<std::string>("json");
  auto output = std::make_shared<std::string>();
  auto* exp = runs->add_subcommand("export", "One run as JSON (everything) or CSV (outcomes)")
                  ->fallthrough();
  exp->add_option("id", *id, "run id")->required();
  exp->add_option("-f,--format", *format, "json or csv")
      ->check(CLI::IsMember({"json", "csv"}))
      ->capture_default_str();
  exp->add_option("-o,--output", *output, "write to FILE (atomically) instead of stdout");
  exp->callback([db, id, format, output] {
    const RunRecord r = OpenStore(*db).Get(*id).ValueOrThrow();
    Emit(*format == "csv" ? ExportCsv(r) : ExportJson(r).dump(2) + "\n", *output);
  });
}

}  // namespace entente::cli
