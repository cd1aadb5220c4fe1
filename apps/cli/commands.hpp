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
/// `simulate` and `sensitivity`.
void AddSimulateCommands(CLI::App& app);

/// `cohesion`, `advise` and `compare`.
void AddAdvisorCommands(CLI::App& app);

/// `runs list|show|diff|export`.
void AddRunsCommands(CLI::App& app);

/// `report`: the HTML report or its Markdown summary.
void AddReportCommand(CLI::App& app);

/// The process exit code when no exception ends the command (130 after Ctrl-C).
int& ExitCode();

/// `serve`: the web dashboard and JSON API.
void AddServeCommand(CLI::App& app);

/// `explain`: a dynamic model's bargaining trail for one issue, in words.
void AddExplainCommand(CLI::App& app);

/// Writes `text` to stdout, or atomically to `path` when it is not empty (IoError on failure).
void Emit(const std::string& text, const std::string& path);

}  // namespace entente::cli
