#include "entente/store/sqlite.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include "entente/core/encoding.hpp"

namespace entente {

std::string DatabaseHint(int code) {
  switch (code & 0xFF) {  // the primary code of an extended one
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "another process kept the database locked for over 10 s (a long write, or a "
             "program holding it open); try again when it is done, give another --db file, or "
             "pass --no-db to skip storing the run";
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return "the file is not an Entente runs database, or is damaged: give another --db file "
             "(a new name creates one), or pass --no-db";
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return "check that the file and its folder exist and are writable, give another --db "
             "file, or pass --no-db";
    case SQLITE_FULL: return "the disk is full: free some space, or pass --no-db";
    default: return "check the file is an Entente runs database and is writable, or pass --no-db";
  }
}

Result<Unit> Sqlite::Exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    sqlite3_free(message);  // the same text as sqlite3_errmsg, which Fail adds
    Error e = Fail("");
    return e;
  }
  return Unit{};
}

Result<Statement> Sqlite::Prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    return Fail("cannot prepare a statement");
  }
  return Statement(stmt, this);
}

int Sqlite::UserVersion() {
  sqlite3_stmt* stmt = nullptr;
  int version = -1;
  if (sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    version = sqlite3_column_int(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return version;
}

std::int64_t Sqlite::LastId() {
  return sqlite3_last_insert_rowid(db_);
}

Error Sqlite::Fail(const std::string& what) const {
  const int code = sqlite3_errcode(db_);
  // After a call that succeeded, sqlite3_errmsg says "not an error": say only what failed.
  std::string message = "runs database";
  if (!what.empty()) message += ": " + what;
  if (code != SQLITE_OK) message += std::string(": ") + sqlite3_errmsg(db_);
  return Error{Location{path_}, message, DatabaseHint(code)};
}

Statement::Statement(Statement&& other) noexcept : stmt_(other.stmt_), db_(other.db_) {
  other.stmt_ = nullptr;
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::Bind(int i, const std::string& v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::Bind(int i, std::int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, const std::optional<double>& v) {
  if (v) return Bind(i, *v);
  sqlite3_bind_null(stmt_, i);
  return *this;
}
Statement& Statement::Bind(int i, const std::optional<std::string>& v) {
  if (v) return Bind(i, *v);
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Fail("statement failed");
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::Text(int c) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
  if (p == nullptr) return {};
  // Versions before the encoding rule stored whatever bytes a scenario held; reading them as
  // Windows-1252 keeps such runs readable and exportable as JSON.
  return RepairUtf8(std::string_view(p, sqlite3_column_bytes(stmt_, c)));
}
std::int64_t Statement::Int(int c) const {
  return sqlite3_column_int64(stmt_, c);
}
double Statement::Real(int c) const {
  return sqlite3_column_double(stmt_, c);
}
std::optional<double> Statement::OptReal(int c) const {
  if (sqlite3_column_type(stmt_, c) == SQLITE_NULL) return std::nullopt;
  return Real(c);
}
std::optional<std::string> Statement::OptText(int c) const {
  if (sqlite3_column_type(stmt_, c) == SQLITE_NULL) return std::nullopt;
  return Text(c);
}

}  // namespace entente
