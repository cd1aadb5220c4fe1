#pragma once
/// \file
/// The runs database's per-run rows (outcomes, rounds, exchanges): extracted from a run's JSON
/// output, inserted with the run, loaded back for `runs show` and the dashboard.

#include <cstdint>

#include <nlohmann/json_fwd.hpp>

#include "entente/store/run_store.hpp"
#include "entente/store/sqlite.hpp"

namespace entente {

/// Fills `run.outcomes`, `run.rounds` and `run.exchanges` from a run's JSON output (forecast,
/// simulate, advise or compare), as stored in `result_json`; also used to backfill databases
/// written by older versions.
void ExtractRows(const std::string& kind, const nlohmann::ordered_json& result, RunRecord& run);

/// Inserts the rows of `run` under run id `id`. With `keep_existing`, rows already present
/// (same key) are left as they are, for backfills that may meet rows a newer writer stored.
[[nodiscard]] Result<Unit> InsertRows(Sqlite& db, std::int64_t id, const RunRecord& run,
                                      bool keep_existing = false);

/// Loads the outcomes, rounds and exchanges of `run.id` into `run`.
[[nodiscard]] Result<Unit> LoadRows(Sqlite& db, RunRecord& run);

}  // namespace entente
