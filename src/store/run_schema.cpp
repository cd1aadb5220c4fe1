#include "entente/store/run_schema.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/store/run_rows.hpp"

namespace entente {
namespace {

using J = nlohmann::ordered_json;

constexpr const char* kMigrateV1ToV2 = R"sql(
ALTER TABLE runs ADD COLUMN scenario_title TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN scenario_path TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN seed INTEGER;
ALTER TABLE runs ADD COLUMN version TEXT NOT NULL DEFAULT '';
CREATE TABLE outcomes(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  variant TEXT NOT NULL,
  issue TEXT NOT NULL,
  outcome REAL NOT NULL,
  unconstrained REAL,
  status_quo REAL,
  binding_veto TEXT,
  mean REAL,
  p05 REAL,
  p95 REAL,
  PRIMARY KEY(run_id, variant, issue));
CREATE TABLE rounds(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  issue TEXT NOT NULL,
  round INTEGER NOT NULL,
  median REAL NOT NULL,
  mean REAL NOT NULL,
  positions_json TEXT NOT NULL,
  PRIMARY KEY(run_id, issue, round));
CREATE INDEX runs_by_hash ON runs(scenario_hash);
)sql";

constexpr const char* kMigrateV2ToV3 = R"sql(
CREATE TABLE exchanges(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  round INTEGER NOT NULL,
  first_actor TEXT NOT NULL,
  first_issue TEXT NOT NULL,
  first_from REAL NOT NULL,
  first_to REAL NOT NULL,
  second_actor TEXT NOT NULL,
  second_issue TEXT NOT NULL,
  second_from REAL NOT NULL,
  second_to REAL NOT NULL,
  gain REAL NOT NULL,
  PRIMARY KEY(run_id, seq));
)sql";

constexpr const char* kMigrateV3ToV4 = R"sql(
CREATE TABLE scores(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  subset TEXT NOT NULL,
  model TEXT NOT NULL,
  n INTEGER NOT NULL,
  mae REAL NOT NULL,
  mae_lo REAL,
  mae_hi REAL,
  rmse REAL,
  median_ae REAL,
  bias REAL,
  within10 REAL,
  crps REAL,
  coverage90 REAL,
  mae_vs_compromise REAL,
  mae_vs_lo REAL,
  mae_vs_hi REAL,
  PRIMARY KEY(run_id, subset, model));
)sql";

// Re-derives every run's rows from its stored JSON and inserts those missing. Version 2 gets
// its title, outcomes and rounds this way; version 3 its exchanges, and the rounds that earlier
// version-2 migrations left out (they backfilled outcomes only).
Result<Unit> Backfill(Sqlite& db, int to_version) {
  Result<Statement> select = db.Prepare("SELECT id, kind, result_json FROM runs");
  if (!select) return select.errors();
  Statement& s = select.value();
  while (true) {
    Result<bool> row = s.Step();
    if (!row) return row.errors();
    if (!row.value()) break;
    RunRecord run;
    run.id = s.Int(0);
    const J result = J::parse(s.Text(2), nullptr, false);
    if (result.is_discarded()) continue;  // unreadable JSON keeps its run, without rows
    ExtractRows(s.Text(1), result, run);
    if (to_version == 2) {
      Result<Statement> title = db.Prepare("UPDATE runs SET scenario_title = ?1 WHERE id = ?2");
      if (!title) return title.errors();
      title.value().Bind(1, result.value("scenario", std::string())).Bind(2, run.id);
      if (Result<bool> r = title.value().Step(); !r) return r.errors();
    }
    if (to_version < 3) run.exchanges.clear();  // their table comes with version 3
    if (to_version < 4) run.scores.clear();     // and scores with version 4
    if (Result<Unit> r = InsertRows(db, run.id, run, /*keep_existing=*/true); !r) return r;
  }
  return Unit{};
}

// Runs `body` inside BEGIN IMMEDIATE ... COMMIT, rolling back on any error.
template <typename T, typename F>
Result<T> Transaction(Sqlite& db, F&& body) {
  if (Result<Unit> r = db.Exec("BEGIN IMMEDIATE"); !r) return r.errors();
  Result<T> out = body();
  if (!out) {
    (void)db.Exec("ROLLBACK");
    return out;
  }
  if (Result<Unit> r = db.Exec("COMMIT"); !r) {
    (void)db.Exec("ROLLBACK");
    return r.errors();
  }
  return out;
}

}  // namespace

const char* const kRunSchemaV1 = R"sql(
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  model TEXT NOT NULL,
  scenario_hash TEXT NOT NULL,
  scenario_text TEXT NOT NULL,
  options_json TEXT NOT NULL,
  result_json TEXT NOT NULL);
PRAGMA user_version = 1;
)sql";

Result<Unit> MigrateRunSchema(Sqlite& db) {
  const int version = db.UserVersion();
  if (version > kRunSchemaVersion) {
    return db.Fail(fmt::format("schema version {} is newer than this Entente knows ({})", version,
                               kRunSchemaVersion));
  }
  // Each step re-reads the version inside its transaction: another process may have migrated
  // the file while this one waited for the lock.
  if (version == 0) {
    Result<Unit> r = Transaction<Unit>(db, [&]() -> Result<Unit> {
      if (db.UserVersion() != 0) return Unit{};
      return db.Exec(kRunSchemaV1);
    });
    if (!r) return r;
  }
  Result<Unit> r = Transaction<Unit>(db, [&]() -> Result<Unit> {
    if (db.UserVersion() != 1) return Unit{};
    if (Result<Unit> m = db.Exec(kMigrateV1ToV2); !m) return m;
    if (Result<Unit> m = Backfill(db, 2); !m) return m;
    return db.Exec("PRAGMA user_version = 2");
  });
  if (!r) return r;
  r = Transaction<Unit>(db, [&]() -> Result<Unit> {
    if (db.UserVersion() != 2) return Unit{};
    if (Result<Unit> m = db.Exec(kMigrateV2ToV3); !m) return m;
    if (Result<Unit> m = Backfill(db, 3); !m) return m;
    return db.Exec("PRAGMA user_version = 3");
  });
  if (!r) return r;
  return Transaction<Unit>(db, [&]() -> Result<Unit> {
    if (db.UserVersion() != 3) return Unit{};
    if (Result<Unit> m = db.Exec(kMigrateV3ToV4); !m) return m;
    if (Result<Unit> m = Backfill(db, 4); !m) return m;
    return db.Exec("PRAGMA user_version = 4");
  });
}

Result<std::int64_t> InsertRun(Sqlite& db, const RunRecord& run) {
  return Transaction<std::int64_t>(db, [&]() -> Result<std::int64_t> {
    Result<Statement> ins = db.Prepare(
        "INSERT INTO runs (created_at, kind, model, scenario_hash, scenario_text, options_json, "
        "result_json, scenario_title, scenario_path, seed, version) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!ins) return ins.errors();
    Statement& s = ins.value();
    s.Bind(1, run.created_at)
        .Bind(2, run.kind)
        .Bind(3, run.model)
        .Bind(4, run.scenario_hash)
        .Bind(5, run.scenario_text)
        .Bind(6, run.options_json)
        .Bind(7, run.result_json)
        .Bind(8, run.scenario_title)
        .Bind(9, run.scenario_path)
        .Bind(10, std::optional<double>())
        .Bind(11, run.version);
    // Seeds are unsigned 64-bit; SQLite stores signed, so the bits are kept as they are.
    if (run.seed) s.Bind(10, static_cast<std::int64_t>(*run.seed));
    if (Result<bool> r = s.Step(); !r) return r.errors();
    const std::int64_t id = db.LastId();
    if (Result<Unit> r = InsertRows(db, id, run); !r) return r.errors();
    return id;
  });
}

Result<std::vector<RunRecord>> SelectRuns(Sqlite& db, std::optional<std::int64_t> id) {
  Result<Statement> q = db.Prepare(
      std::string("SELECT id, created_at, kind, model, scenario_hash, scenario_text, options_json, "
                  "result_json, scenario_title, scenario_path, seed, version FROM runs ") +
      (id ? "WHERE id = ?1" : "ORDER BY id DESC"));
  if (!q) return q.errors();
  Statement& s = q.value();
  if (id) s.Bind(1, *id);
  std::vector<RunRecord> out;
  while (true) {
    Result<bool> row = s.Step();
    if (!row) return row.errors();
    if (!row.value()) break;
    RunRecord r;
    r.id = s.Int(0);
    r.created_at = s.Text(1);
    r.kind = s.Text(2);
    r.model = s.Text(3);
    r.scenario_hash = s.Text(4);
    r.scenario_text = s.Text(5);
    r.options_json = s.Text(6);
    r.result_json = s.Text(7);
    r.scenario_title = s.Text(8);
    r.scenario_path = s.Text(9);
    if (s.OptReal(10)) r.seed = static_cast<std::uint64_t>(s.Int(10));
    r.version = s.Text(11);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace entente
