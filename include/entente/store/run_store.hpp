#pragma once
/// \file
/// The runs database: every forecast, simulation, advice and comparison kept in SQLite, one
/// transaction per run. Schema in docs/database.md.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "entente/core/result.hpp"

struct sqlite3;

namespace entente {

/// One issue's result in a run (one row per variant for comparisons; "" otherwise).
struct OutcomeRow {
  std::string variant;                      ///< "" or the compared variant's label
  std::string issue;                        ///< Issue::id
  double outcome = 0;                       ///< point outcome after the decision rule
  std::optional<double> unconstrained;      ///< before the decision rule
  std::optional<double> status_quo;         ///< the issue's status quo
  std::optional<std::string> binding_veto;  ///< veto player that bound
  std::optional<double> mean;               ///< Monte Carlo mean
  std::optional<double> p05;                ///< Monte Carlo 5% quantile
  std::optional<double> p95;                ///< Monte Carlo 95% quantile
};

/// One bargaining round of a dynamic model.
struct RoundRow {
  std::string issue;           ///< Issue::id
  int round = 0;               ///< 0 = inputs
  double median = 0;           ///< weighted median after the round
  double mean = 0;             ///< weighted mean after the round
  std::string positions_json;  ///< {"actor": position, ...}
};

/// One realized exchange of the exchange model: `first_actor` gives way on `first_issue` to
/// `second_actor`, who gives way on `second_issue` in return.
struct ExchangeRow {
  int seq = 0;               ///< 1, 2, ... in the order the model realized them
  int round = 0;             ///< round it was realized in (1-based)
  std::string first_actor;   ///< the actor that gives way on first_issue
  std::string first_issue;   ///< Issue::id
  double first_from = 0;     ///< its position before the exchange
  double first_to = 0;       ///< and after
  std::string second_actor;  ///< the actor that gives way on second_issue
  std::string second_issue;  ///< Issue::id
  double second_from = 0;    ///< its position before the exchange
  double second_to = 0;      ///< and after
  double gain = 0;           ///< expected utility gain of each side (equal gain)
};

/// One model's backtest scores, over all scored issues (`subset` "") or one value of the
/// backtest's `--by` field.
struct ScoreRow {
  std::string subset;                       ///< "" or e.g. "COD QMV"
  std::string model;                        ///< model name
  int n = 0;                                ///< issues scored
  double mae = 0;                           ///< mean absolute error, scale units
  std::optional<double> mae_lo;             ///< its 95% bootstrap interval
  std::optional<double> mae_hi;             ///< upper end
  std::optional<double> rmse;               ///< root mean squared error
  std::optional<double> median_ae;          ///< median absolute error
  std::optional<double> bias;               ///< mean signed error
  std::optional<double> within10;           ///< share within 10 scale units
  std::optional<double> crps;               ///< CRPS (= MAE for point forecasts)
  std::optional<double> coverage90;         ///< share inside the central 90% interval (draws)
  std::optional<double> mae_vs_compromise;  ///< paired MAE difference to compromise
  std::optional<double> mae_vs_lo;          ///< its interval
  std::optional<double> mae_vs_hi;          ///< upper end
};

/// Everything stored about one run.
struct RunRecord {
  std::int64_t id = 0;                 ///< assigned by the database
  std::string created_at;              ///< UTC, ISO 8601
  std::string kind;                    ///< forecast, simulate, advise, compare, backtest
  std::string scenario_title;          ///< Metadata::title
  std::string scenario_path;           ///< as given on the command line
  std::string scenario_hash;           ///< SHA-256 of scenario_text
  std::string scenario_text;           ///< the scenario as canonical YAML
  std::string model;                   ///< model name
  std::string options_json;            ///< model and run options as a JSON object
  std::optional<std::uint64_t> seed;   ///< for simulations
  std::string version;                 ///< Entente version that made it
  std::string result_json;             ///< the full JSON output of the run
  std::vector<OutcomeRow> outcomes;    ///< per issue (and variant)
  std::vector<RoundRow> rounds;        ///< trajectories, when the model has rounds
  std::vector<ExchangeRow> exchanges;  ///< realized exchanges (exchange model)
  std::vector<ScoreRow> scores;        ///< backtest scores per model (and subset)
};

/// The current schema version (PRAGMA user_version). Version 1 is the first released layout;
/// opening an older database migrates it, one transaction per version step.
inline constexpr int kRunSchemaVersion = 4;

/// An open runs database.
class RunStore {
 public:
  /// Opens (creating if needed) and migrates `path`; WAL mode, 10 s busy timeout so concurrent
  /// writers wait for each other instead of failing.
  [[nodiscard]] static Result<RunStore> Open(const std::string& path);
  RunStore(RunStore&&) noexcept;
  RunStore& operator=(RunStore&&) noexcept;
  ~RunStore();

  /// Stores a run in one transaction (nothing is written if any part fails); returns its id.
  [[nodiscard]] Result<std::int64_t> Save(const RunRecord& run);
  /// Every run, newest first, without outcomes and rounds.
  [[nodiscard]] Result<std::vector<RunRecord>> List();
  /// One run with its outcomes, rounds and exchanges; a located error when there is no such id.
  [[nodiscard]] Result<RunRecord> Get(std::int64_t id);
  /// The schema version of the open database.
  [[nodiscard]] int SchemaVersion();

 private:
  RunStore(sqlite3* db, std::string path);
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
};

/// "2026-11-28T12:34:56Z" for now.
[[nodiscard]] std::string UtcNow();

}  // namespace entente
