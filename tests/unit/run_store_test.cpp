#include "entente/store/run_store.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/sha256.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/forecast_output.hpp"
#include "entente/store/run_record.hpp"
#include "entente/store/run_schema.hpp"
#include "entente/store/sqlite.hpp"
#include "test_support.hpp"

namespace entente {
namespace {
namespace fs = std::filesystem;

std::string TempDb(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / fmt::format("entente-{}-{}.db", name, ::getpid());
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p.string() + suffix);
  return p.string();
}

RunRecord FlagshipRun() {
  const Scenario s = LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  const Forecast f = RunForecast(s, "median", {});
  return MakeRunRecord(RunKind::kForecast, s, "scenarios/us-rok-2021.yaml", RunParameters{},
                       ForecastJson(s, f));
}

std::int64_t CountRuns(const std::string& path) {
  RunStore store = RunStore::Open(path).ValueOrThrow();
  return static_cast<std::int64_t>(store.List().ValueOrThrow().size());
}

// A database as the first released version wrote it, holding one run of `model` with
// `result_json` (version 1 had no rows: migrations must derive them from the JSON).
void WriteV1Database(const std::string& path, const std::string& model, const RunRecord& run) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, kRunSchemaV1, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_stmt* insert = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "INSERT INTO runs (created_at, kind, model, scenario_hash, "
                               "scenario_text, options_json, result_json) VALUES "
                               "('2026-01-01T00:00:00Z', 'forecast', ?1, ?2, 'x', '{}', ?3)",
                               -1, &insert, nullptr),
            SQLITE_OK);
  sqlite3_bind_text(insert, 1, model.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(insert, 2, run.scenario_hash.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(insert, 3, run.result_json.c_str(), -1, SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(insert), SQLITE_DONE);
  sqlite3_finalize(insert);
  sqlite3_close(db);
}

TEST(Sha256, Fips180TestVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(RunStore, RoundTripOfAForecastRun) {
  const std::string path = TempDb("rt");
  const RunRecord run = FlagshipRun();
  std::int64_t id = 0;
  {
    RunStore store = RunStore::Open(path).ValueOrThrow();
    EXPECT_EQ(store.SchemaVersion(), kRunSchemaVersion);
    id = store.Save(run).ValueOrThrow();
  }
  RunStore store = RunStore::Open(path).ValueOrThrow();
  const RunRecord back = store.Get(id).ValueOrThrow();
  EXPECT_EQ(back.kind, "forecast");
  EXPECT_EQ(back.scenario_text, run.scenario_text);
  EXPECT_EQ(back.scenario_hash, Sha256Hex(run.scenario_text));
  EXPECT_EQ(back.result_json, run.result_json);
  ASSERT_EQ(back.outcomes.size(), 10u);
  EXPECT_EQ(back.outcomes[2].issue, "sanctions_relief");
  EXPECT_EQ(back.outcomes[2].outcome, 25);
  EXPECT_EQ(back.outcomes[2].binding_veto, "US");
  EXPECT_FALSE(store.Get(id + 1).ok());
}

TEST(RunStore, MigratesTheFirstSchemaVersionAndBackfillsRows) {
  const std::string path = TempDb("v1");
  const RunRecord run = FlagshipRun();
  WriteV1Database(path, "median", run);
  RunStore store = RunStore::Open(path).ValueOrThrow();
  EXPECT_EQ(store.SchemaVersion(), kRunSchemaVersion);
  const RunRecord back = store.Get(1).ValueOrThrow();
  EXPECT_EQ(back.scenario_title, "U.S.-ROK alliance management, February 2021");
  ASSERT_EQ(back.outcomes.size(), 10u);
  EXPECT_EQ(back.outcomes[3].issue, "summit_terms");
  EXPECT_EQ(back.outcomes[3].outcome, 35);
  // The migrated database takes new runs like a fresh one.
  EXPECT_EQ(store.Save(run).ValueOrThrow(), 2);
}

RunRecord ExchangeRun() {
  const Scenario s = LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  const Forecast f = RunForecast(s, "exchange", {});
  RunParameters p;
  p.model.name = "exchange";
  return MakeRunRecord(RunKind::kForecast, s, "scenarios/us-rok-2021.yaml", p, ForecastJson(s, f));
}

// Version 2 kept exchanges only inside result_json; version 3 gives them a table.
TEST(RunStore, ExchangesGetRowsOfTheirOwn) {
  const RunRecord run = ExchangeRun();
  const nlohmann::json result = nlohmann::json::parse(run.result_json);
  ASSERT_FALSE(result["exchanges"].empty());
  ASSERT_EQ(run.exchanges.size(), result["exchanges"].size());
  const std::string path = TempDb("exchanges");
  RunStore store = RunStore::Open(path).ValueOrThrow();
  const RunRecord back = store.Get(store.Save(run).ValueOrThrow()).ValueOrThrow();
  ASSERT_EQ(back.exchanges.size(), run.exchanges.size());
  const nlohmann::json& first = result["exchanges"][0];
  EXPECT_EQ(back.exchanges[0].seq, 1);
  EXPECT_EQ(back.exchanges[0].round, first["round"].get<int>());
  EXPECT_EQ(back.exchanges[0].first_actor, first["first"]["actor"].get<std::string>());
  EXPECT_EQ(back.exchanges[0].second_issue, first["second"]["issue"].get<std::string>());
  EXPECT_EQ(back.exchanges[0].second_to, first["second"]["to"].get<double>());
  EXPECT_EQ(back.exchanges[0].gain, first["gain"].get<double>());
  EXPECT_EQ(back.exchanges.back().seq, static_cast<int>(run.exchanges.size()));
}

TEST(RunStore, MigrationBackfillsRoundsAndExchangesOfOldRuns) {
  const std::string path = TempDb("v1x");
  const RunRecord run = ExchangeRun();
  WriteV1Database(path, "exchange", run);
  RunStore store = RunStore::Open(path).ValueOrThrow();
  EXPECT_EQ(store.SchemaVersion(), kRunSchemaVersion);
  const RunRecord back = store.Get(1).ValueOrThrow();
  EXPECT_EQ(back.rounds.size(), run.rounds.size());
  EXPECT_FALSE(back.rounds.empty());
  ASSERT_EQ(back.exchanges.size(), run.exchanges.size());
  EXPECT_EQ(back.exchanges[0].first_actor, run.exchanges[0].first_actor);
}

TEST(RunStore, RefusesANewerSchema) {
  const std::string path = TempDb("newer");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version = 9", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  const Result<RunStore> store = RunStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.errors()[0].message.find("newer"), std::string::npos);
}

// The message ended in "not an error" (sqlite3_errmsg after a call that succeeded) and told
// the user to check that the file is an Entente database.
TEST(RunStore, NewerSchemaMessageEndedInNotAnError) {
  const std::string path = TempDb("newer-words");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version = 9", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  const Result<RunStore> store = RunStore::Open(path);
  ASSERT_FALSE(store.ok());
  const Error& e = store.errors()[0];
  EXPECT_EQ(e.message.find("not an error"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("schema version 9 is newer"), std::string::npos) << e.message;
  EXPECT_NE(e.hint.find("newer Entente"), std::string::npos) << e.hint;
}

TEST(RunStore, LockedDatabaseHintSaidCheckTheFileIsADatabase) {
  const std::string path = TempDb("locked");
  (void)RunStore::Open(path).ValueOrThrow();
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3* waiter = nullptr;  // no busy timeout: fails at once instead of after 10 s
  ASSERT_EQ(sqlite3_open(path.c_str(), &waiter), SQLITE_OK);
  Sqlite db(waiter, path);
  const Result<Unit> r = db.Exec("BEGIN IMMEDIATE");
  ASSERT_FALSE(r.ok());
  const Error& e = r.errors()[0];
  EXPECT_NE(e.message.find("database is locked"), std::string::npos) << e.message;
  EXPECT_EQ(e.message.find("not an error"), std::string::npos) << e.message;
  EXPECT_NE(e.hint.find("locked"), std::string::npos) << e.hint;
  EXPECT_EQ(e.hint.find("is an Entente runs database"), std::string::npos) << e.hint;
  sqlite3_close(waiter);
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
}

TEST(RunStore, AFileThatIsNotADatabaseSaysSo) {
  const std::string path = TempDb("notadb");
  { std::ofstream(path) << "these are my notes, not a database\n"; }
  const Result<RunStore> store = RunStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.errors()[0].hint.find("not an Entente runs database"), std::string::npos)
      << store.errors()[0].hint;
}

TEST(RunStore, AFailedSaveLeavesNothingHalfWritten) {
  const std::string path = TempDb("fail");
  RunRecord run = FlagshipRun();
  run.outcomes.push_back(run.outcomes.front());  // duplicate key: the 11th row insert fails
  RunStore store = RunStore::Open(path).ValueOrThrow();
  EXPECT_FALSE(store.Save(run).ok());
  EXPECT_TRUE(store.List().ValueOrThrow().empty()) << "the run row must be rolled back too";
}

TEST(RunStore, TwoProcessesWritingAtOnceBothLand) {
  const std::string path = TempDb("concurrent");
  const RunRecord run = FlagshipRun();
  (void)RunStore::Open(path).ValueOrThrow();
  pid_t children[2];
  for (pid_t& child : children) {
    child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      Result<RunStore> store = RunStore::Open(path);
      int failures = store.ok() ? 0 : 1;
      for (int i = 0; i < 25 && store.ok(); ++i) failures += store.value().Save(run).ok() ? 0 : 1;
      ::_exit(failures == 0 ? 0 : 1);
    }
  }
  for (pid_t child : children) {
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  EXPECT_EQ(CountRuns(path), 50);
}

TEST(RunStore, AKilledCliRunLeavesNoRows) {
  const std::string path = TempDb("killed");
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string scenario = test::SourceDir() + "/scenarios/us-rok-2021.yaml";
    ::execl(ENTENTE_CLI, ENTENTE_CLI, "simulate", scenario.c_str(), "--model", "compromise",
            "--noise", "10%", "--draws", "200000000", "--db", path.c_str(), "-o", "/dev/null",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::usleep(500 * 1000);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run finished before it could be killed";
  EXPECT_EQ(CountRuns(path), 0);
}

}  // namespace
}  // namespace entente
