#pragma once
/// \file
/// A thin C++ face on the SQLite C API: statements with RAII, errors as located Results.

#include <cstdint>
#include <optional>
#include <string>

#include "entente/core/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace entente {

class Statement;

/// What to do about a failure with SQLite result code `code` (primary or extended): a locked
/// database, a file that is not a database, one that cannot be written, a full disk.
[[nodiscard]] std::string DatabaseHint(int code);

/// A borrowed connection plus the path for messages.
class Sqlite {
 public:
  /// Wraps `db` (not owned); `path` names it in errors.
  Sqlite(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  /// Runs one or more statements without results.
  [[nodiscard]] Result<Unit> Exec(const std::string& sql);
  /// Compiles one statement.
  [[nodiscard]] Result<Statement> Prepare(const std::string& sql);
  /// PRAGMA user_version.
  [[nodiscard]] int UserVersion();
  /// The last inserted rowid.
  [[nodiscard]] std::int64_t LastId();
  /// A located error: `what` failed (may be empty), with the connection's last error message
  /// (if any) and the hint for its code (DatabaseHint).
  [[nodiscard]] Error Fail(const std::string& what) const;
  /// The database file, for messages.
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  sqlite3* db_;
  std::string path_;
};

/// A prepared statement; bind 1-based, read columns 0-based.
class Statement {
 public:
  Statement(sqlite3_stmt* stmt, Sqlite* db) : stmt_(stmt), db_(db) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  /// Binds text.
  Statement& Bind(int i, const std::string& v);
  /// Binds an integer.
  Statement& Bind(int i, std::int64_t v);
  /// Binds a real.
  Statement& Bind(int i, double v);
  /// Binds a real or NULL.
  Statement& Bind(int i, const std::optional<double>& v);
  /// Binds text or NULL.
  Statement& Bind(int i, const std::optional<std::string>& v);
  /// Steps once: true while a row is available, false when done; errors as Result.
  [[nodiscard]] Result<bool> Step();
  /// Resets for reuse with new bindings.
  void Reset();
  /// Column as text ("" for NULL), always well-formed UTF-8: bytes that are not (runs stored
  /// before Entente checked encodings) are read as Windows-1252 (RepairUtf8).
  [[nodiscard]] std::string Text(int c) const;
  /// Column as integer.
  [[nodiscard]] std::int64_t Int(int c) const;
  /// Column as real.
  [[nodiscard]] double Real(int c) const;
  /// Column as real, nullopt for NULL.
  [[nodiscard]] std::optional<double> OptReal(int c) const;
  /// Column as text, nullopt for NULL.
  [[nodiscard]] std::optional<std::string> OptText(int c) const;

 private:
  sqlite3_stmt* stmt_;
  Sqlite* db_;
};

}  // namespace entente
