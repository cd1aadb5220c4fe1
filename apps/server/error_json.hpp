#pragma once
/// \file
/// Located errors as the API answers them, so the dashboard can put each message beside the
/// cell it concerns.

#include <nlohmann/json.hpp>

#include "entente/core/error.hpp"

namespace entente::server {

/// One error as JSON: `{"where", "path", "names", "line", "field", "message", "hint", "text"}`.
/// `where` is the file (YAML, with its line) or the file and tree path
/// (`scenario.issues[2].stances[0]`); `text` is the CLI's one-line form.
[[nodiscard]] nlohmann::ordered_json ErrorJson(const Error& error);

/// `{"errors": [ErrorJson...]}`.
[[nodiscard]] nlohmann::ordered_json ErrorsJson(const Errors& errors);

}  // namespace entente::server
