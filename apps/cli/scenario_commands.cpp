// `entente validate`, `entente convert` and `entente init`.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "entente/core/error.hpp"
#include "entente/core/files.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/xlsx_scenario.hpp"
#include "entente/output/csv_workbook.hpp"

namespace entente::cli {
namespace {

ReaderOptions ToReaderOptions(const std::vector<std::string>& items) {
  ReaderOptions options;
  for (const std::string& item : items) {
    Result<Unit> set = SetReaderOption(options, item);
    if (!set) throw InputError(set.errors());
  }
  return options;
}

std::size_t CountStances(const Scenario& s) {
  std::size_t n = 0;
  for (const Issue& i : s.issues) n += i.stances.size();
  return n;
}

}  // namespace

void AddReaderOptionFlag(CLI::App& cmd, std::vector<std::string>& items) {
  cmd.add_option("--reader-option", items,
                 "KEY=VALUE for the file's reader (repeatable); DEU tables: "
                 "com_ep_capability=largest|mean|NUMBER, min_actors=N, "
                 "regime=auto|pre_nice|nice|lisbon, rules=none|procedure (docs/deu.md)");
}

ReaderOptions ReaderOptionsOf(const std::vector<std::string>& items) {
  return ToReaderOptions(items);
}

void AddScenarioCommands(CLI::App& app) {
  auto* validate = app.add_subcommand("validate", "Check a scenario and list every problem");
  struct ValidateArgs {
    std::string path;
    std::vector<std::string> reader_options;
  };
  auto validate_args = std::make_shared<ValidateArgs>();
  validate->add_option("scenario", validate_args->path, "YAML file or CSV bundle folder")
      ->required();
  AddReaderOptionFlag(*validate, validate_args->reader_options);
  validate->callback([validate_args] {
    const ScenarioDocument doc =
        LoadDocument(validate_args->path, ToReaderOptions(validate_args->reader_options))
            .ValueOrThrow();
    const Scenario& s = doc.scenario;
    for (const Error& note : doc.notes) std::cout << "note: " << note.ToString() << '\n';
    std::string extra;
    if (!s.groups.empty()) extra += fmt::format(", {} groups", s.groups.size());
    if (!doc.outcomes.empty()) extra += fmt::format(", {} outcomes", doc.outcomes.size());
    std::cout << fmt::format("ok: {}: {} actors, {} issues, {} stances{}\n", validate_args->path,
                             s.actors.size(), s.issues.size(), CountStances(s), extra);
  });

  auto* convert = app.add_subcommand(
      "convert",
      "Convert a scenario between YAML (*.yaml), a CSV bundle (folder) and a workbook (*.xlsx)");
  struct ConvertArgs {
    std::string in, out;
    bool force = false;
    std::vector<std::string> reader_options;
  };
  auto args = std::make_shared<ConvertArgs>();
  convert->add_option("in", args->in, "scenario to read")->required();
  convert
      ->add_option("out", args->out,
                   "where to write: NAME.yaml, NAME.xlsx, or a folder for a CSV bundle")
      ->required();
  convert->add_flag("--force", args->force,
                    "replace OUT if it exists (a folder only when it holds nothing but bundle "
                    "files; other files are never deleted)");
  AddReaderOptionFlag(*convert, args->reader_options);
  convert->callback([args] {
    const ScenarioDocument doc =
        LoadDocument(args->in, ToReaderOptions(args->reader_options)).ValueOrThrow();
    Result<Unit> written = WriteDocument(doc, args->out, args->force);
    if (!written) throw InputError(written.errors());
    std::cout << fmt::format("wrote {}\n", args->out);
  });

  auto* init = app.add_subcommand(
      "init", "Write a scenario workbook to fill in: every sheet's headers, units and an example");
  struct InitArgs {
    std::string xlsx;
    bool force = false;
  };
  auto init_args = std::make_shared<InitArgs>();
  init->add_option("--xlsx", init_args->xlsx,
                   "the workbook to write, NAME.xlsx (sheets actors, issues, stances, groups, "
                   "outcomes, scenario and a README of the columns)")
      ->required();
  init->add_flag("--force", init_args->force, "replace the file if it exists");
  init->callback([init_args] {
    const std::string& path = init_args->xlsx;
    if (!IsXlsxPath(path)) {
      throw InputError(Errors{Error{Location{path, 0, "xlsx"}, "the template is a workbook",
                                    "name the file NAME.xlsx"}});
    }
    std::error_code ec;
    if (!init_args->force && std::filesystem::exists(path, ec)) {
      throw InputError(Errors{Error{Location{path}, "file already exists",
                                    "choose another name, or replace it (entente init --force)"}});
    }
    Result<std::string> bytes = XlsxTemplate();
    if (!bytes) throw IoError(FormatErrors(bytes.errors()));
    Result<Unit> written = WriteFileAtomic(path, bytes.value());
    if (!written) throw IoError(FormatErrors(written.errors()));
    std::cout << fmt::format("wrote {}: fill in its sheets, then `entente validate {}`\n", path,
                             path);
  });
}

}  // namespace entente::cli
