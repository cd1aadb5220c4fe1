#pragma once
// The envelope every partial-result file shares (format, version, kind, checksum), checked in
// one place for `simulate` and `sweep` shards. Internal to the formats module (not public API).
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "entente/analysis/simulation_shard.hpp"
#include "entente/core/outcome.hpp"
#include "entente/core/result.hpp"

namespace entente::detail {

/// The JSON of a partial result whose envelope holds: the entente-partial format, this
/// entente's partial-result version, `kind` (simulate, sweep) and a checksum that matches its
/// contents (the checksum is removed from the JSON returned). Errors name `file`; `writer` is
/// the command that writes such files and `again` how to compute a shard again (the fixes).
[[nodiscard]] Result<nlohmann::ordered_json> OpenPartial(std::string_view text,
                                                         std::string_view kind,
                                                         const std::string& file,
                                                         std::string_view writer,
                                                         const std::string& again);

/// A part's `shard` object as every partial file stores it ({index, count, ...}); nullopt when
/// it is not K of N with 1 <= K <= N (throws nlohmann's exceptions on a wrong shape).
[[nodiscard]] std::optional<ShardSpec> ShardFromJson(const nlohmann::ordered_json& shard);

/// Outcomes as a partial file stores them: [[issue, value, date, source], ...].
[[nodiscard]] nlohmann::ordered_json OutcomesToJson(const std::vector<Outcome>& outcomes);

/// Reads OutcomesToJson's array (throws nlohmann's exceptions on a wrong shape); each outcome is
/// located at `file`.
[[nodiscard]] std::vector<Outcome> OutcomesFromJson(const nlohmann::ordered_json& j,
                                                    const std::string& file);

}  // namespace entente::detail
