#pragma once
/// \file
/// Building the database record of a run from its inputs and JSON output.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "entente/core/scenario.hpp"
#include "entente/store/run_store.hpp"

namespace entente {

/// A complete record: the scenario as canonical YAML with its SHA-256, the options, the
/// version and time, the JSON output, and the outcome and round rows extracted from it.
[[nodiscard]] RunRecord MakeRunRecord(const std::string& kind, const Scenario& scenario,
                                      const std::string& scenario_path, const std::string& model,
                                      const nlohmann::ordered_json& options,
                                      std::optional<std::uint64_t> seed,
                                      const nlohmann::ordered_json& result);

}  // namespace entente
