#include "entente/store/run_store.hpp"

#include <chrono>
#include <ctime>

#include <fmt/format.h>
#include <sqlite3.h>

#include "entente/store/run_rows.hpp"
#include "entente/store/run_schema.hpp"
#include "entente/store/sqlite.hpp"

namespace entente {

void RunStore::Closer::operator()(sqlite3* db) const {
  sqlite3_close_v2(db);
}

RunStore::RunStore(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
RunStore::RunStore(RunStore&&) noexcept = default;
RunStore& RunStore::operator=(RunStore&&) noexcept = default;
RunStore::~RunStore() = default;

std::string UtcNow() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

Result<RunStore> RunStore::Open(const std::string& path) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  RunStore store(raw, path);
  if (rc != SQLITE_OK) {
    return Error{Location{path},
                 fmt::format("cannot open the runs database: {}", sqlite3_errstr(rc)),
                 DatabaseHint(rc)};
  }
  Sqlite db(raw, path);
  sqlite3_busy_timeout(raw, 10000);
  // WAL lets readers and one writer proceed together; two writers queue on the busy timeout.
  if (Result<Unit> r = db.Exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"); !r)
    return r.errors();
  if (Result<Unit> r = MigrateRunSchema(db); !r) return r.errors();
  return store;
}

int RunStore::SchemaVersion() {
  Sqlite db(db_.get(), path_);
  return db.UserVersion();
}

Result<std::int64_t> RunStore::Save(const RunRecord& run) {
  Sqlite db(db_.get(), path_);
  return InsertRun(db, run);
}

Result<std::vector<RunRecord>> RunStore::List() {
  Sqlite db(db_.get(), path_);
  return SelectRuns(db, std::nullopt);
}

Result<RunRecord> RunStore::Get(std::int64_t id) {
  Sqlite db(db_.get(), path_);
  Result<std::vector<RunRecord>> runs = SelectRuns(db, id);
  if (!runs) return runs.errors();
  if (runs.value().empty()) {
    return Error{Location{path_}, fmt::format("no run {} in the database", id),
                 "see `entente runs list` for the ids"};
  }
  RunRecord run = std::move(runs.value().front());
  if (Result<Unit> r = LoadRows(db, run); !r) return r.errors();
  return run;
}

}  // namespace entente
