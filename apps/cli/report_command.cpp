// `entente report`: one self-contained HTML report (or its Markdown summary) from a scenario
// or a stored run. The library gathers and renders; this file only maps flags and files.
#include <filesystem>

#include <unistd.h>  // access

#include <fmt/format.h>

#include "commands.hpp"
#include "entente/analysis/apply_calibration.hpp"
#include "entente/core/error.hpp"
#include "entente/core/files.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/calibration_yaml.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/report/report.hpp"
#include "entente/store/run_store.hpp"
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
  std::vector<std::string> reader_options;
  // Which optional flags were given, so a stored run's own settings survive unless overridden.
  CLI::Option* run_opt = nullptr;
  CLI::Option* model_opt = nullptr;
};

// An output the user cannot write to is bad input (exit 2); checked before any computing.
void RequireWritable(const std::string& path) {
  if (path.empty() || path == "-") return;
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);  // through symbolic links
  if (fs::is_directory(status)) {
    throw InputError(
        Errors{Error{Location{path, 0, "-o"}, "is a folder", "name a file, e.g. -o report.html"}});
  }
  // A device or pipe is written in place (WriteFileAtomic); a file is replaced by a rename in
  // the folder of the file a link points to.
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    if (::access(path.c_str(), W_OK) == 0) return;
    throw InputError(Errors{Error{Location{path, 0, "-o"}, "cannot write to it",
                                  "check its permissions, or choose a file"}});
  }
  const fs::path target = fs::exists(status) ? fs::canonical(path, ec) : fs::path(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : ".";
  if (!fs::is_directory(folder, ec) || ::access(folder.c_str(), W_OK) != 0) {
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
  const ReportFormat format =
      ChooseReportFormat(a.format, a.output == "-" ? "" : a.output).ValueOrThrow();
  RequireWritable(a.output);
  ReportInputs in;
  if (from_run) {
    in = FromRun(a);
  } else {
    ScenarioDocument doc =
        LoadDocument(a.scenario, ReaderOptionsOf(a.reader_options)).ValueOrThrow();
    in.scenario = std::move(doc.scenario);
    in.options.outcomes = std::move(doc.outcomes);  // the backtest section's; models never see them
    in.options.source = a.scenario;
  }
  // The flags given override what a stored run brings; without --run every flag applies.
  RunFlags flags = a.flags;
  flags.params.models = SplitList(a.models, ',');
  const RunParameters given = ToParameters(flags, RunKind::kReport);
  RunParameters& o = in.options.run;
  const ModelOptions& options = given.model.options;
  if (!from_run || a.model_opt->count() > 0) o.model.name = given.model.name;
  if (!from_run || a.model_opt->count() > 0 || !options.values().empty()) o.model.options = options;
  o.models = given.models;
  // A stored run's scenario has its edits applied already; new ones go on top.
  in.scenario = EditedScenario(in.scenario, given);
  o.edits.insert(o.edits.end(), given.edits.begin(), given.edits.end());
  if (!from_run || a.flags.draws_flag->count() > 0) o.draws = given.draws;
  if (!from_run || a.flags.seed_flag->count() > 0) o.seed = given.seed;
  if (!from_run || a.flags.noise_flag->count() > 0) o.noise_percent = given.noise_percent;
  o.threads = given.threads;
  o.tornado_bars = given.tornado_bars;
  o.calibration = given.calibration;
  if (!o.calibration.empty()) {
    const CalibrationRecord c = ReadCalibration(o.calibration).ValueOrThrow();
    ApplyCalibrationOptions(o.model.name, &c, o.model.options);
    std::string data;
    for (const TrainingFile& t : c.training) data += (data.empty() ? "" : ", ") + t.path;
    in.options.calibration_note = fmt::format("calibration {} (fitted on {} issues of {}, {})",
                                              o.calibration, c.cases, data, c.created);
  } else if (o.model.name == "ensemble") {
    ApplyCalibrationOptions(o.model.name, nullptr, o.model.options);
  }
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
  cmd->add_option("-o,--output", a->output,
                  "write to FILE (atomically) instead of stdout: .html, or .md for the summary");
  cmd->add_option("-f,--format", a->format,
                  "html (default) or md (the summary as Markdown; default for *.md); must agree "
                  "with -o's extension");
  AddModelFlags(*cmd, a->flags, "primary model: summary, Monte Carlo, tornado, cohesion");
  a->model_opt = cmd->get_option("--model");
  cmd->add_option("--models", a->models, "models shown beside it, comma-separated (default: all)");
  AddDrawFlags(*cmd, a->flags, "Monte Carlo draws; 0 skips uncertainty");
  cmd->add_option("--calibration", a->flags.params.calibration,
                  "calibration file (entente calibrate): the ensemble model's weights");
  AddReaderOptionFlag(*cmd, a->reader_options);
  AddDbOptions(cmd, a->db);
  cmd->callback([a] { Run(*a); });
}

}  // namespace entente::cli
