#pragma once
/// \file
/// The partial-result file of one backtest shard (`entente backtest ... --draws N --shard K/N
/// -o part-K.ent`, read by `entente merge`): one line of JSON with the format name and version
/// (those of simulation_partial.hpp), kind "backtest", the entente version, the shard, the
/// run's options, the scenario and outcomes scored, per model the point forecasts and the
/// counts of its draws' exact outcomes, and a SHA-256 of the rest (docs/scale-out.md).

#include <string>
#include <string_view>

#include "entente/analysis/backtest_shard.hpp"
#include "entente/core/result.hpp"

namespace entente {

/// The file's text for `part` (its `source` is not stored; `version` and `scenario_hash` are
/// filled from this build and the scenario). Deterministic: the same part gives the same bytes.
[[nodiscard]] std::string WriteBacktestPartial(const BacktestPart& part);

/// Parses a backtest partial file; `file` names it in messages and becomes the part's source.
/// Refuses another format, version or kind, a checksum that does not match (a damaged or
/// edited file) and fields of the wrong shape, each with an error naming the file.
[[nodiscard]] Result<BacktestPart> ParseBacktestPartial(std::string_view text,
                                                        const std::string& file);

}  // namespace entente
