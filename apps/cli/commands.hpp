#pragma once
/// \file
/// Sub-command registration for the `entente` CLI. Each function adds its sub-commands to the
/// app; the callbacks throw entente exceptions, which main() turns into exit codes.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "entente/models/options.hpp"

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

/// "10%" or "10" as the fraction 0.1 (InputError otherwise).
double ParseNoisePercent(const std::string& text);

/// The process exit code when no exception ends the command (130 after Ctrl-C).
int& ExitCode();

/// Parses repeated `--option KEY=VALUE` flags (InputError on a malformed one).
ModelOptions ParseModelOptions(const std::vector<std::string>& pairs);

/// Writes `text` to stdout, or atomically to `path` when it is not empty (IoError on failure).
void Emit(const std::string& text, const std::string& path);

}  // namespace entente::cli
