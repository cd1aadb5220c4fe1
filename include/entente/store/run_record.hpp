#pragma once
/// \file
/// Building the database record of a run from its inputs and JSON output, and reading a
/// record's run parameters back.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "entente/analysis/run_parameters.hpp"
#include "entente/core/scenario.hpp"
#include "entente/store/run_store.hpp"

namespace entente {

/// A complete record: the scenario as canonical YAML with its SHA-256, the run parameters as
/// `params.ToJson(kind)` (the seed also in its own column when the run drew), the version and
/// time, the JSON output, and the outcome and round rows extracted from it.
[[nodiscard]] RunRecord MakeRunRecord(RunKind kind, const Scenario& scenario,
                                      const std::string& scenario_path, const RunParameters& params,
                                      const nlohmann::ordered_json& result);

/// The run parameters `run` was made with (RunParameters::FromJson of its options; located at
/// "run N"). Also reads what earlier versions stored: noise and tolerance as fractions, the
/// model and seed only in their own columns. InputError when the stored options are damaged.
[[nodiscard]] RunParameters StoredParameters(const RunRecord& run);

/// What tells stored runs apart at a glance (`entente runs list`), read from the stored
/// options without re-checking them, so runs of any version list.
struct RunSummary {
  std::string options;                  ///< model options, "KEY=VALUE" (backtest: MODEL.KEY)
  std::optional<std::int64_t> draws;    ///< Monte Carlo draws, when the kind draws
  std::optional<double> noise_percent;  ///< noise, when the run drew
  std::vector<std::string> edits;       ///< what-if edits, TARGET.FIELD=VALUE
  std::string pool;   ///< how several coders were pooled, when not the mean ("" otherwise)
  std::string coder;  ///< the coder whose numbers alone were run (backtest --coder), or ""
};

/// The summary of `run`; empty fields for options that are missing or not as expected.
[[nodiscard]] RunSummary SummarizeRun(const RunRecord& run);

/// The kind a record names; InputError for a kind this version does not know.
[[nodiscard]] RunKind StoredKind(const RunRecord& run);

}  // namespace entente
