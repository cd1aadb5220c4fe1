#pragma once
/// \file
/// The `--db FILE` / `--no-db` options and saving a run from any command.

#include <cstdint>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "entente/analysis/run_parameters.hpp"
#include "entente/core/scenario.hpp"

namespace entente::cli {

/// Where runs go. The default is `entente.db` in the current folder, or $ENTENTE_DB.
struct DbArgs {
  std::string path;  ///< --db
  bool off = false;  ///< --no-db
};

/// Adds --db and --no-db to `cmd`.
void AddDbOptions(CLI::App* cmd, DbArgs& db);

/// The database path in effect ("" when --no-db).
[[nodiscard]] std::string DbPath(const DbArgs& db);

/// Saves one run with its parameters (one transaction); says "saved as run N" on stderr when
/// it is a terminal. IoError if the database cannot take it.
void SaveRun(const DbArgs& db, RunKind kind, const Scenario& scenario,
             const std::string& scenario_path, const RunParameters& params,
             const nlohmann::ordered_json& result);

}  // namespace entente::cli
