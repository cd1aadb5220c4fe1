#pragma once
/// \file
/// Sub-command registration for the `entente` CLI. Each function adds its sub-commands to the
/// app; the callbacks throw entente exceptions, which main() turns into exit codes.

#include <string>

#include <CLI/CLI.hpp>

namespace entente::cli {

/// `validate` and `convert`.
void AddScenarioCommands(CLI::App& app);
/// `forecast` and `models`.
void AddForecastCommands(CLI::App& app);

/// Writes `text` to stdout, or atomically to `path` when it is not empty (IoError on failure).
void Emit(const std::string& text, const std::string& path);

}  // namespace entente::cli
