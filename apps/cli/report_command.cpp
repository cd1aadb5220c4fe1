// `entente report`: one self-contained HTML report (or its Markdown summary) from a scenario
// or a stored run. The library gathers and renders; this file only maps flags and files.
#include <filesystem>

#include <unistd.h>  // access

#include <fmt/format.h>

#include "commands.hpp"
#include "entente/core/error.hpp"
#include "entente/core/files.hpp"
#include "entente/store/run_store.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/core/text.hpp"
#include "entente/report/report.hpp"
#include "run_database.hpp"
#include "run_flags.hpp"

namespace entente::cli {
namespace {

struct ReportArgs {
  std::string scenario;
  std::int64_t run = 0;
  std::string output;
  std::string format;
  std::string models;
  RunFlags flags;
  DbArgs db;
  // Which optional flags were given, so a stored run's own settings survive unless overridden.
  CLI::Option* run_opt = nullptr;
  CLI::Option* model_opt = nullptr;
};

// An output the user cannot write to is bad input (exit 2); checked before any computing.
void RequireWritable(const std::string& path) {
  if (path.empty() || path == "-") return;
  const std::filesystem::path p(path);
  const std::filesystem::path folder = p.has_parent_path() ? p.parent_path() : ".";
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec)) {
    throw InputError(
        Errors{Error{Location{path, 0, "-o"}, "is a folder", "name a file, e.g. -o report.html"}});
  }
  if (!std::filesystem::is_directory(folder, ec) || ::access(folder.c_str(), W_OK) != 0) {
    throw InputError(Errors{Error{
        Location{path, 0, "-o"},
        fmt::format("cannot write here: folder '{}' is missing or not writable", folder.string()),
        "choose an existing folder you can write to"}});
  }
}

ReportInputs FromRun(const ReportArgs& a) {
  const std::string path = DbPath(a.db);
  if (path.empty()) throw InputError("--run needs the runs database; drop --no-db");
  if (!std::filesystem::exists(path)) {
    throw InputError(
        Errors{Error{Location{path}, "no runs database here",
                     "give --db FILE (or set ENTENTE_DB) naming the database the run is in"}});
  }
  RunStore store = RunStore::Open(path).ValueOrThrow();
  return ReportInputsFromRun(store.Get(a.run).ValueOrThrow());
}

void Run(const ReportArgs& a) {
  const bool from_run = a.run_opt->count() > 0;
  if (from_run == !a.scenario.empty()) {
    throw InputError(
        "give a SCENARIO file or --run ID (one of them); e.g. entente report "
        "scenarios/us-rok-2021.yaml -o report.html");
  }
  std::string format_text = a.format;
  if (format_text.empty()) format_text = a.output.ends_with(".md") ? "md" : "html";
  const ReportFormat format = ParseReportFormat(format_text).ValueOrThrow();
  RequireWritable(a.output);
  ReportInputs in;
  if (from_run) {
    in = FromRun(a);
  } else {
    in.scenario = LoadScenario(a.scenario).ValueOrThrow();
    in.options.source = a.scenario;
  }
  // The flags given override what a stored run brings; without --run every flag applies.
  RunFlags flags = a.flags;
  flags.params.models = SplitList(a.models, ',');
  const RunParameters given = ToParameters(flags, RunKind::kReport);
  RunParameters& o = in.options.run;
  const ModelOptions& options = given.model.options;
  if (!from_run || a.model_opt->count() > 0) o.model.name = given.model.name;
  if (!from_run || a.model_opt->count() > 0 || !options.values().empty())
    o.model.options = options;
  o.models = given.models;
  if (!from_run || a.flags.draws_flag->count() > 0) o.draws = given.draws;
  if (!from_run || a.flags.seed_flag->count() > 0) o.seed = given.seed;
  if (!from_run || a.flags.noise_flag->count() > 0) o.noise_percent = given.noise_percent;
  o.threads = given.threads;
  o.tornado_bars = given.tornado_bars;
  const std::string text = BuildReport(in.scenario, in.options, format);
  if (a.output.empty() || a.output == "-") {
    Emit(text, "");
    return;
  }
  // The folder was checked above; a failure now (disk full, races) still leaves no partial file.
  Result<Unit> written = WriteFileAtomic(a.output, text);
  if (!written) throw IoError(FormatErrors(written.errors()));
}

}  // namespace

void AddReportCommand(CLI::App& app) {
  auto a = std::make_shared<ReportArgs>();
  ResetFlags(a->flags, RunKind::kReport);
  auto* cmd =
      app.add_subcommand("report", "Self-contained HTML report (or Markdown summary) with charts");
  cmd->add_option("scenario", a->scenario, "YAML file or CSV bundle folder");
  a->run_opt =
      cmd->add_option("--run", a->run, "report a stored run (its scenario and settings) instead");
  cmd->add_option("-o,--output", a->output, "write to FILE (atomically) instead of stdout");
  cmd->add_option("-f,--format", a->format,
                  "html (default) or md (the summary as Markdown; default for *.md)");
  AddModelFlags(*cmd, a->flags, "primary model: summary, Monte Carlo, tornado, cohesion");
  a->model_opt = cmd->get_option("--model");
  cmd->add_option("--models", a->models, "models shown beside it, comma-separated (default: all)");
  AddDrawFlags(*cmd, a->flags, "Monte Carlo draws; 0 skips uncertainty");
  AddDbOptions(cmd, a->db);
  cmd->callback([a] { Run(*a); });
}

}  // namespace entente::cli
