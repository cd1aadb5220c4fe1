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
#include "entente/store/run_record.hpp"
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

// A backtest's scores per model (subsets after), with the MAE interval and the paired
// difference to the compromise model.
std::string ShowScores(const RunRecord& r) {
  std::string out;
  std::string subset = "\x01";
  for (const ScoreRow& s : r.scores) {
    if (s.subset != subset) {
      subset = s.subset;
      out += fmt::format("{}  {:<12} {:>4} {:>8} {:>17} {:>8} {:>8} {:>8}  {}\n",
                         subset.empty() ? "" : "\n" + subset + ":\n", "model", "n", "MAE",
                         "95% interval", "RMSE", "bias", "CRPS", "MAE vs compromise");
    }
    const std::string ci = s.mae_lo && s.mae_hi ? fmt::format("[{}, {}]", FormatFixed(*s.mae_lo, 2),
                                                              FormatFixed(*s.mae_hi, 2))
                                                : "-";
    out +=
        fmt::format("  {:<12} {:>4} {:>8} {:>17} {:>8} {:>8} {:>8}  {}\n", s.model, s.n,
                    FormatFixed(s.mae, 2), ci, s.rmse ? FormatFixed(*s.rmse, 2) : "-",
                    s.bias ? FormatFixed(*s.bias, 2) : "-", s.crps ? FormatFixed(*s.crps, 2) : "-",
                    s.mae_vs_compromise ? FormatFixed(*s.mae_vs_compromise, 2) : "-");
  }
  return out + fmt::format("\n{} forecasts stored (model x issue)\n", r.outcomes.size());
}

std::string ShowRun(const RunRecord& r) {
  std::string out = fmt::format(
      "run {}  {}  {}  model {}\nscenario: {} ({})\nsha256: {}\noptions: {}\n{}entente {}\n\n",
      r.id, r.created_at, r.kind, r.model,
      r.scenario_title.empty() ? "(untitled)" : r.scenario_title, r.scenario_path, r.scenario_hash,
      r.options_json, r.seed ? fmt::format("seed: {}\n", *r.seed) : "", r.version);
  if (r.kind == "backtest") return out + ShowScores(r);
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

// One outcome of the later run beside the earlier run's (absent when the earlier lacks it).
struct OutcomeMove {
  std::string variant;
  std::string issue;
  std::optional<double> before;
  double after = 0;
};

std::vector<OutcomeMove> OutcomeMoves(const RunRecord& a, const RunRecord& b) {
  std::vector<OutcomeMove> moves;
  for (const OutcomeRow& ob : b.outcomes) {
    OutcomeMove m{ob.variant, ob.issue, std::nullopt, ob.outcome};
    for (const OutcomeRow& x : a.outcomes) {
      if (x.issue == ob.issue && x.variant == ob.variant) m.before = x.outcome;
    }
    moves.push_back(std::move(m));
  }
  return moves;
}

std::vector<std::string> InputChanges(const RunRecord& a, const RunRecord& b) {
  if (a.scenario_hash == b.scenario_hash) return {};
  const Scenario sa =
      ParseYamlScenario(a.scenario_text, fmt::format("run {}", a.id)).ValueOrThrow();
  const Scenario sb =
      ParseYamlScenario(b.scenario_text, fmt::format("run {}", b.id)).ValueOrThrow();
  return DiffScenarios(sa, sb);
}

std::string DiffRuns(const RunRecord& a, const RunRecord& b, OutputFormat format) {
  using J = nlohmann::ordered_json;
  const std::vector<OutcomeMove> moves = OutcomeMoves(a, b);
  const auto change = [](const OutcomeMove& m) -> std::optional<double> {
    if (!m.before) return std::nullopt;
    const double d = m.after - *m.before;
    return std::abs(d) < 5e-10 ? 0.0 : d;
  };
  if (format == OutputFormat::kCsv) {
    std::string out =
        CsvLine({"before_run", "after_run", "variant", "issue", "before", "after", "change"});
    for (const OutcomeMove& m : moves) {
      const std::optional<double> d = change(m);
      out += CsvLine({std::to_string(a.id), std::to_string(b.id), m.variant, m.issue,
                      m.before ? FormatNumber(*m.before) : "", FormatNumber(m.after),
                      d ? FormatNumber(*d) : ""});
    }
    return out;
  }
  const std::vector<std::string> inputs = InputChanges(a, b);
  if (format == OutputFormat::kJson) {
    J outcomes = J::array();
    for (const OutcomeMove& m : moves) {
      const std::optional<double> d = change(m);
      outcomes.push_back({{"variant", m.variant},
                          {"issue", m.issue},
                          {"before", m.before ? J(*m.before) : J()},
                          {"after", m.after},
                          {"change", d ? J(*d) : J()}});
    }
    const J j{{"before", a.id},
              {"after", b.id},
              {"model", {{"before", a.model}, {"after", b.model}}},
              {"options",
               {{"before", J::parse(a.options_json, nullptr, false)},
                {"after", J::parse(b.options_json, nullptr, false)}}},
              {"same_scenario", a.scenario_hash == b.scenario_hash},
              {"inputs", inputs},
              {"outcomes", outcomes}};
    return j.dump(2) + "\n";
  }
  std::string out = fmt::format("run {} -> run {}\n", a.id, b.id);
  if (a.model != b.model) out += fmt::format("model: {} -> {}\n", a.model, b.model);
  if (a.options_json != b.options_json)
    out += fmt::format("options: {} -> {}\n", a.options_json, b.options_json);
  if (a.scenario_hash == b.scenario_hash) {
    out += "inputs: identical scenario\n";
  } else {
    out += "inputs:\n";
    for (const std::string& line : inputs) out += "  " + line + "\n";
  }
  out +=
      fmt::format("outcomes:\n  {:<26} {:>8} {:>8} {:>8}\n", "issue", "before", "after", "change");
  for (const OutcomeMove& m : moves) {
    const std::string label = m.variant.empty() ? m.issue : m.variant + ": " + m.issue;
    if (!m.before) {
      out += fmt::format("  {:<26} {:>8} {:>8}\n", label, "-", FormatFixed(m.after, 1));
      continue;
    }
    const double d = *change(m);
    out += fmt::format("  {:<26} {:>8} {:>8} {:>8}\n", label, FormatFixed(*m.before, 1),
                       FormatFixed(m.after, 1), d == 0.0 ? "=" : FormatFixed(d, 2));
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

// Every run with what tells runs apart: model, options, draws, noise, what-if edits and, for a
// scenario with several coders, the pool rule or the one coder run.
std::string ListRuns(const std::vector<RunRecord>& all, OutputFormat format) {
  using J = nlohmann::ordered_json;
  std::vector<RunSummary> summaries;
  summaries.reserve(all.size());
  for (const RunRecord& r : all) summaries.push_back(SummarizeRun(r));
  const auto edits = [](const RunSummary& s) {
    std::string out;
    for (const std::string& e : s.edits) out += (out.empty() ? "" : " ") + e;
    return out;
  };
  if (format == OutputFormat::kJson) {
    J list = J::array();
    for (std::size_t i = 0; i < all.size(); ++i) {
      const RunRecord& r = all[i];
      const RunSummary& s = summaries[i];
      list.push_back({{"id", r.id},
                      {"created_at", r.created_at},
                      {"kind", r.kind},
                      {"model", r.model},
                      {"options", s.options},
                      {"draws", s.draws ? J(*s.draws) : J()},
                      {"noise_percent", s.noise_percent ? J(*s.noise_percent) : J()},
                      {"set", s.edits},
                      {"pool", s.pool.empty() ? J() : J(s.pool)},
                      {"coder", s.coder.empty() ? J() : J(s.coder)},
                      {"sha256", r.scenario_hash},
                      {"scenario", r.scenario_title},
                      {"path", r.scenario_path}});
    }
    return list.dump(2) + "\n";
  }
  if (format == OutputFormat::kCsv) {
    std::string out =
        CsvLine({"id", "created_at", "kind", "model", "options", "draws", "noise_percent", "set",
                 "pool", "coder", "sha256", "scenario", "path"});
    for (std::size_t i = 0; i < all.size(); ++i) {
      const RunRecord& r = all[i];
      const RunSummary& s = summaries[i];
      out += CsvLine({std::to_string(r.id), r.created_at, r.kind, r.model, s.options,
                      s.draws ? std::to_string(*s.draws) : "",
                      s.noise_percent ? FormatNumber(*s.noise_percent) : "", edits(s), s.pool,
                      s.coder, r.scenario_hash, r.scenario_title, r.scenario_path});
    }
    return out;
  }
  // Options, edits, pool and coder vary most in length; their column is as wide as the widest.
  std::vector<std::string> settings;
  std::size_t width = std::string_view("options / what-if").size();
  for (const RunSummary& s : summaries) {
    std::string text = s.options;
    const auto add = [&text](const std::string& part) {
      text += (text.empty() ? "" : "; ") + part;
    };
    if (!s.edits.empty()) add("set " + edits(s));
    if (!s.pool.empty()) add("pool " + s.pool);
    if (!s.coder.empty()) add("coder " + s.coder);
    if (text.empty()) text = "-";
    width = std::max(width, text.size());
    settings.push_back(std::move(text));
  }
  std::string out = fmt::format("{:>5}  {:<20}  {:<9}  {:<11}  {:>7}  {:>5}  {:<{}}  {:<12}  {}\n",
                                "id", "created (UTC)", "kind", "model", "draws", "noise",
                                "options / what-if", width, "sha256", "scenario");
  for (std::size_t i = 0; i < all.size(); ++i) {
    const RunRecord& r = all[i];
    const RunSummary& s = summaries[i];
    out += fmt::format("{:>5}  {:<20}  {:<9}  {:<11}  {:>7}  {:>5}  {:<{}}  {:<12}  {}\n", r.id,
                       r.created_at, r.kind, r.model, s.draws ? std::to_string(*s.draws) : "-",
                       s.noise_percent ? FormatNumber(*s.noise_percent) + "%" : "-", settings[i],
                       width, r.scenario_hash.substr(0, 12), r.scenario_title);
  }
  return out;
}

}  // namespace

void AddRunsCommands(CLI::App& app) {
  auto* runs = app.add_subcommand("runs", "The runs database: list, show, diff, export");
  runs->require_subcommand(1);
  auto db = std::make_shared<DbArgs>();
  AddDbOptions(runs, *db);

  // --db may come before or after the sub-command: unknown options fall through to `runs`.
  auto* list = runs->add_subcommand("list",
                                    "Every stored run, newest first, with its model, "
                                    "options, draws, noise, what-if edits and coders' pool "
                                    "or coder")
                   ->fallthrough();
  auto list_format = std::make_shared<std::string>();
  auto list_output = std::make_shared<std::string>();
  AddOutputFlags(*list, *list_format, *list_output);
  list->callback([db, list_format, list_output] {
    const OutputFormat format = OutputFormatOf(*list_format, *list_output);
    RunStore store = OpenStore(*db);
    const auto all = store.List().ValueOrThrow();
    std::string out = ListRuns(all, format);
    if (all.empty() && format == OutputFormat::kTable)
      out += fmt::format("(no runs yet in {})\n", DbPath(*db));
    Emit(out, *list_output);
  });

  auto id = std::make_shared<std::int64_t>(0);
  auto* show = runs->add_subcommand("show", "One run: inputs, options and outcomes")->fallthrough();
  show->add_option("id", *id, "run id")->required();
  auto show_format = std::make_shared<std::string>();
  auto show_output = std::make_shared<std::string>();
  AddOutputFlags(*show, *show_format, *show_output);
  show->callback([db, id, show_format, show_output] {
    const OutputFormat format = OutputFormatOf(*show_format, *show_output);
    const RunRecord r = OpenStore(*db).Get(*id).ValueOrThrow();
    // JSON and CSV are `runs export`'s: everything stored, and the outcomes one row each.
    if (format == OutputFormat::kJson) return Emit(ExportJson(r).dump(2) + "\n", *show_output);
    if (format == OutputFormat::kCsv) return Emit(ExportCsv(r), *show_output);
    Emit(ShowRun(r), *show_output);
  });

  auto ids = std::make_shared<std::vector<std::int64_t>>();
  auto* diff = runs->add_subcommand("diff", "What changed in the inputs and how each outcome moved")
                   ->fallthrough();
  diff->add_option("ids", *ids, "two run ids: before after")->required()->expected(2);
  auto diff_format = std::make_shared<std::string>();
  auto diff_output = std::make_shared<std::string>();
  AddOutputFlags(*diff, *diff_format, *diff_output);
  diff->callback([db, ids, diff_format, diff_output] {
    const OutputFormat format = OutputFormatOf(*diff_format, *diff_output);
    RunStore store = OpenStore(*db);
    Emit(DiffRuns(store.Get((*ids)[0]).ValueOrThrow(), store.Get((*ids)[1]).ValueOrThrow(), format),
         *diff_output);
  });

  auto format = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  auto* exp = runs->add_subcommand("export", "One run as JSON (everything) or CSV (outcomes)")
                  ->fallthrough();
  exp->add_option("id", *id, "run id")->required();
  const std::vector<OutputFormat> exported = {OutputFormat::kJson, OutputFormat::kCsv};
  exp->add_option("-f,--format", *format,
                  "json (default) or csv; by default what -o's extension says");
  exp->add_option("-o,--output", *output,
                  "write to FILE (atomically) instead of stdout; .json or .csv picks the format");
  exp->callback([db, id, format, output, exported] {
    // JSON unless asked or named otherwise (ChooseOutputFormat's own default is the table).
    const Result<std::optional<OutputFormat>> by_name = FormatOfPath(*output);
    const bool named = !by_name || by_name.value().has_value();
    const OutputFormat f =
        OutputFormatOf(format->empty() && !named ? "json" : *format, *output, exported);
    const RunRecord r = OpenStore(*db).Get(*id).ValueOrThrow();
    Emit(f == OutputFormat::kCsv ? ExportCsv(r) : ExportJson(r).dump(2) + "\n", *output);
  });
}

}  // namespace entente::cli
