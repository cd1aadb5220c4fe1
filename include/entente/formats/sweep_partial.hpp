#pragma once
/// \file
/// The partial-result file of one sweep shard (`entente sweep SPEC --shard K/N -o part-K.ent`,
/// read by `entente merge`): one line of JSON with the format name and version (those of
/// simulation_partial.hpp), kind "sweep", the entente version, the shard, a SHA-256 of the
/// sweep file and scenario, the units' rows and a SHA-256 of the rest (docs/scale-out.md).

#include <string>
#include <string_view>

#include "entente/analysis/sweep.hpp"
#include "entente/core/result.hpp"

namespace entente {

/// SHA-256 of a sweep file's text and its scenario's text: what identifies one sweep.
[[nodiscard]] std::string SweepSpecHash(std::string_view spec_text, std::string_view scenario_text);

/// The file's text for `part` (its `source` is not stored; `version` comes from this build).
[[nodiscard]] std::string WriteSweepPartial(const SweepPart& part);

/// The `kind` of a partial file's text ("simulate", "sweep"), or empty when it is not one.
[[nodiscard]] std::string PartialKind(std::string_view text);

/// Parses a sweep partial file; `file` names it in messages and becomes the part's source.
/// Refuses another format or version, another kind, a checksum that does not match and rows
/// of the wrong shape, each with an error naming the file.
[[nodiscard]] Result<SweepPart> ParseSweepPartial(std::string_view text, const std::string& file);

}  // namespace entente
