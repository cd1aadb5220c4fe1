#pragma once
/// \file
/// The sweep file (`entente sweep SPEC.yaml`, layout in docs/cli.md#sweep): the scenario, the
/// models, the draws, a base run and the points, as a grid (every combination of the values
/// given, the first key varying slowest) and/or a list.

#include <string>
#include <string_view>

#include "entente/analysis/sweep.hpp"
#include "entente/core/result.hpp"

namespace entente {

/// A sweep file read: the scenario's path (relative paths resolved against the file's folder)
/// and the plan.
struct SweepSpec {
  std::string scenario;  ///< path of the scenario to sweep
  SweepPlan plan;        ///< models, draws and points
};

/// Parses a sweep file's text; `file` names it in messages and anchors a relative scenario
/// path. Every problem located by line and key, with the fix.
[[nodiscard]] Result<SweepSpec> ParseSweepSpec(std::string_view text, const std::string& file);

/// Reads and parses the file at `path`.
[[nodiscard]] Result<SweepSpec> ReadSweepSpec(const std::string& path);

}  // namespace entente
