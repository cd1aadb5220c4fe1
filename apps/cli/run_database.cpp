#include "run_database.hpp"

#include <cstdio>
#include <cstdlib>

#include <unistd.h>  // isatty

#include <fmt/format.h>

#include "entente/core/error.hpp"
#include "entente/store/run_record.hpp"
#include "entente/store/run_store.hpp"

namespace entente::cli {

void AddDbOptions(CLI::App* cmd, DbArgs& db) {
  cmd->add_option("--db", db.path, "runs database (default: entente.db here, or $ENTENTE_DB)");
  cmd->add_flag("--no-db", db.off, "do not store this run");
}

std::string DbPath(const DbArgs& db) {
  if (db.off) return {};
  if (!db.path.empty()) return db.path;
  const char* env = std::getenv("ENTENTE_DB");
  return env != nullptr && *env != '\0' ? env : "entente.db";
}

void SaveRun(const DbArgs& db, RunKind kind, const Scenario& scenario,
             const std::string& scenario_path, const RunParameters& params,
             const nlohmann::ordered_json& result) {
  const std::string path = DbPath(db);
  if (path.empty()) return;
  // A database that cannot be opened is a bad input file, as for `runs list` (exit 2); a run
  // that cannot be stored in a good one is an output error (exit 1).
  Result<RunStore> store = RunStore::Open(path);
  if (!store) throw InputError(store.errors());
  Result<std::int64_t> id =
      store.value().Save(MakeRunRecord(kind, scenario, scenario_path, params, result));
  if (!id) throw IoError(FormatErrors(id.errors()));
  if (::isatty(STDERR_FILENO) != 0) {
    std::fprintf(stderr, "saved as run %lld in %s\n", static_cast<long long>(id.value()),
                 path.c_str());
  }
}

}  // namespace entente::cli
