#pragma once
/// \file
/// The runs database's tables, migrations and row mapping (used by RunStore).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "entente/store/run_store.hpp"
#include "entente/store/sqlite.hpp"

namespace entente {

/// The first released schema (version 1): one table of runs with their JSON.
extern const char* const kRunSchemaV1;

/// Brings the database to kRunSchemaVersion: creates version 1 on an empty file, then applies
/// each migration in its own transaction. Refuses a newer version than this build knows.
[[nodiscard]] Result<Unit> MigrateRunSchema(Sqlite& db);

/// Inserts a run and its rows in one transaction; the new id.
[[nodiscard]] Result<std::int64_t> InsertRun(Sqlite& db, const RunRecord& run);

/// Runs (all, newest first, or the one with `id`) without their rows.
[[nodiscard]] Result<std::vector<RunRecord>> SelectRuns(Sqlite& db, std::optional<std::int64_t> id);

}  // namespace entente
