#include "entente/io/run_schema.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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

std::optional<double> Num(const J& j, const char* key) {
  if (!j.contains(key) || !j[key].is_number()) return std::nullopt;
  return j[key].get<double>();
}

std::optional<std::string> Str(const J& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
  return j[key].get<std::string>();
}

void AddIssueRows(const J& issue, const std::string& variant, RunRecord& run) {
  OutcomeRow row;
  row.variant = variant;
  row.issue = Str(issue, "id").value_or(Str(issue, "issue").value_or(""));
  row.outcome = Num(issue, "outcome").value_or(Num(issue, "point").value_or(0));
  row.unconstrained = Num(issue, "unconstrained");
  row.status_quo = Num(issue, "status_quo");
  row.binding_veto = Str(issue, "binding_veto");
  row.mean = Num(issue, "mean");
  if (issue.contains("quantiles")) {
    row.p05 = Num(issue["quantiles"], "p05");
    row.p95 = Num(issue["quantiles"], "p95");
  } else {
    row.p05 = Num(issue, "p05");
    row.p95 = Num(issue, "p95");
  }
  run.outcomes.push_back(row);
  if (!issue.contains("rounds")) return;
  for (const J& r : issue["rounds"]) {
    run.rounds.push_back(RoundRow{row.issue, r.value("round", 0), r.value("median", 0.0),
                                  r.value("mean", 0.0),
                                  r.contains("positions") ? r["positions"].dump() : "{}"});
  }
}

// Binds one outcomes row (the table's ten columns) for run `id`.
void BindOutcome(Statement& s, std::int64_t id, const OutcomeRow& o) {
  s.Bind(1, id)
      .Bind(2, o.variant)
      .Bind(3, o.issue)
      .Bind(4, o.outcome)
      .Bind(5, o.unconstrained)
      .Bind(6, o.status_quo)
      .Bind(7, o.binding_veto)
      .Bind(8, o.mean)
      .Bind(9, o.p05)
      .Bind(10, o.p95);
}

Result<Unit> MigrateV1ToV2(Sqlite& db) {
  if (Result<Unit> r = db.Exec(kMigrateV1ToV2); !r) return r;
  // Backfill the new columns and tables from each run's stored JSON.
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
    Result<Statement> title = db.Prepare("UPDATE runs SET scenario_title = ?1 WHERE id = ?2");
    if (!title) return title.errors();
    title.value().Bind(1, result.value("scenario", std::string())).Bind(2, run.id);
    if (Result<bool> r = title.value().Step(); !r) return r.errors();
    for (const OutcomeRow& o : run.outcomes) {
      Result<Statement> ins = db.Prepare(
          "INSERT OR REPLACE INTO outcomes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
      if (!ins) return ins.errors();
      BindOutcome(ins.value(), run.id, o);
      if (Result<bool> r = ins.value().Step(); !r) return r.errors();
    }
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

void ExtractRows(const std::string& kind, const J& result, RunRecord& run) {
  if (kind == "compare" && result.contains("variants")) {
    for (const J& v : result["variants"]) {
      const std::string label = v.value("variant", std::string());
      for (const J& issue : v["issues"]) AddIssueRows(issue, label, run);
    }
    return;
  }
  if (!result.contains("issues")) return;
  for (const J& issue : result["issues"]) AddIssueRows(issue, "", run);
}

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
    if (Result<Unit> m = MigrateV1ToV2(db); !m) return m;
    return db.Exec("PRAGMA user_version = 2");
  });
  return r;
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
    Result<Statement> out =
        db.Prepare("INSERT INTO outcomes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!out) return out.errors();
    for (const OutcomeRow& o : run.outcomes) {
      out.value().Reset();
      BindOutcome(out.value(), id, o);
      if (Result<bool> r = out.value().Step(); !r) return r.errors();
    }
    Result<Statement> rounds = db.Prepare("INSERT INTO rounds VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!rounds) return rounds.errors();
    for (const RoundRow& r : run.rounds) {
      rounds.value().Reset();
      rounds.value()
          .Bind(1, id)
          .Bind(2, r.issue)
          .Bind(3, static_cast<std::int64_t>(r.round))
          .Bind(4, r.median)
          .Bind(5, r.mean)
          .Bind(6, r.positions_json);
      if (Result<bool> step = rounds.value().Step(); !step) return step.errors();
    }
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

Result<Unit> LoadRunDetails(Sqlite& db, RunRecord& run) {
  Result<Statement> q = db.Prepare(
      "SELECT variant, issue, outcome, unconstrained, status_quo, binding_veto, mean, p05, p95 "
      "FROM outcomes WHERE run_id = ?1 ORDER BY rowid");
  if (!q) return q.errors();
  q.value().Bind(1, run.id);
  while (true) {
    Result<bool> row = q.value().Step();
    if (!row) return row.errors();
    if (!row.value()) break;
    const Statement& s = q.value();
    run.outcomes.push_back(OutcomeRow{s.Text(0), s.Text(1), s.Real(2), s.OptReal(3), s.OptReal(4),
                                      s.OptText(5), s.OptReal(6), s.OptReal(7), s.OptReal(8)});
  }
  Result<Statement> r = db.Prepare(
      "SELECT issue, round, median, mean, positions_json FROM rounds WHERE run_id = ?1 "
      "ORDER BY rowid");
  if (!r) return r.errors();
  r.value().Bind(1, run.id);
  while (true) {
    Result<bool> row = r.value().Step();
    if (!row) return row.errors();
    if (!row.value()) break;
    const Statement& s = r.value();
    run.rounds.push_back(
        RoundRow{s.Text(0), static_cast<int>(s.Int(1)), s.Real(2), s.Real(3), s.Text(4)});
  }
  return Unit{};
}

}  // namespace entente
