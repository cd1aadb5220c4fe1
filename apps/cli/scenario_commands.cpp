// `entente validate` and `entente convert`.
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"

namespace entente::cli {
namespace {

Scenario LoadOrThrow(const std::string& path) {
  return LoadScenario(path).ValueOrThrow();
}

std::size_t CountStances(const Scenario& s) {
  std::size_t n = 0;
  for (const Issue& i : s.issues) n += i.stances.size();
  return n;
}

}  // namespace

void AddScenarioCommands(CLI::App& app) {
  auto* validate = app.add_subcommand("validate", "Check a scenario and list every problem");
  auto validate_path = std::make_shared<std::string>();
  validate->add_option("scenario", *validate_path, "YAML file or CSV bundle folder")->required();
  validate->callback([validate_path] {
    const Scenario s = LoadOrThrow(*validate_path);
    std::cout << fmt::format("ok: {}: {} actors, {} issues, {} stances\n", *validate_path,
                             s.actors.size(), s.issues.size(), CountStances(s));
  });

  auto* convert = app.add_subcommand(
      "convert", "Convert a scenario between YAML (*.yaml) and a CSV bundle (folder)");
  struct ConvertArgs {
    std::string in, out;
    bool force = false;
  };
  auto args = std::make_shared<ConvertArgs>();
  convert->add_option("in", args->in, "scenario to read")->required();
  convert->add_option("out", args->out, "where to write: NAME.yaml, or a folder for a CSV bundle")
      ->required();
  convert->add_flag("--force", args->force,
                    "replace OUT if it exists (a folder only when it holds nothing but bundle "
                    "files; other files are never deleted)");
  convert->callback([args] {
    const Scenario s = LoadOrThrow(args->in);
    Result<Unit> written = WriteScenario(s, args->out, args->force);
    if (!written) throw InputError(written.errors());
    std::cout << fmt::format("wrote {}\n", args->out);
  });
}

}  // namespace entente::cli
