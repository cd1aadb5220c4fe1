#pragma once
/// \file
/// Reading a request body: JSON syntax, the scenario it carries (JSON object or YAML text),
/// named moves and model options. Every problem becomes a located Error (HTTP 400).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cost.hpp"
#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"
#include "entente/models/options.hpp"

namespace entente::server {

/// Bounds on what one request may ask for.
struct Limits {
  std::size_t max_body_bytes = 2 * 1024 * 1024;  ///< larger bodies get 413
  std::size_t max_stances = 20000;               ///< stances over all issues
  std::int64_t max_draws = 50000;                ///< Monte Carlo draws per request
  CostLimits cost;                               ///< estimated work and memory (422)
};

/// The body as a JSON object; a located error ("request body: line 3, column 7: ...") else.
[[nodiscard]] Result<nlohmann::json> ParseBody(std::string_view body);

/// The validated scenario of `body`: `"scenario"` (the JSON form) or `"yaml"` (the YAML
/// format, located by line as in the CLI), with the named `"moves"` applied. Every structural
/// and validation problem, located; too many stances is an error too.
[[nodiscard]] Result<Scenario> ScenarioOfRequest(const nlohmann::json& body, const Limits& limits);

/// `"options": {"key": "value" | number}` as model options (numbers kept as typed).
[[nodiscard]] Result<ModelOptions> OptionsOfRequest(const nlohmann::json& options,
                                                    const std::string& at);

/// A string field of the body, `fallback` when absent; a located error when not a string.
[[nodiscard]] Result<std::string> TextField(const nlohmann::json& body, const char* key,
                                            const std::string& fallback);

}  // namespace entente::server
