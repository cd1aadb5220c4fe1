#pragma once
/// \file
/// The partial-result file of one Monte Carlo shard (`entente simulate --shard K/N -o
/// part-K.ent`, read by `entente merge`): one line of JSON holding the format name and version,
/// the entente version, the shard, the run's options, the scenario simulated, its tallies
/// (sketch counts, not draws) and a SHA-256 of the rest. The layout is documented in
/// docs/scale-out.md.

#include <string>
#include <string_view>

#include "entente/analysis/simulation_shard.hpp"
#include "entente/core/result.hpp"

namespace entente {

/// The `format` field every partial file starts with.
inline constexpr std::string_view kPartialFormat = "entente-partial";

/// The layout version this build writes and the only one it reads.
inline constexpr int kPartialVersion = 1;

/// SHA-256 of the scenario as a partial file stores it (its JSON shape, compact).
[[nodiscard]] std::string PartialScenarioHash(const Scenario& scenario);

/// The file's text for `part` (its `source` is not stored; `version` and `scenario_hash` are
/// filled from this build and the scenario). Deterministic: the same part gives the same bytes.
[[nodiscard]] std::string WriteSimulationPartial(const SimulationPart& part);

/// Parses a partial file; `file` names it in messages and becomes the part's source. Refuses
/// another format, another version, a checksum that does not match (a damaged or edited file)
/// and a scenario or tally of the wrong shape, each with an error naming the file.
[[nodiscard]] Result<SimulationPart> ParseSimulationPartial(std::string_view text,
                                                            const std::string& file);

/// Reads and parses the file at `path`.
[[nodiscard]] Result<SimulationPart> ReadSimulationPartial(const std::string& path);

}  // namespace entente
