#pragma once
/// \file
/// Sub-command registration for the `entente` CLI. Each function adds its sub-commands to the
/// app; the callbacks throw entente exceptions, which main() turns into exit codes.

#include <string>

#include <CLI/CLI.hpp>

#include <optional>

#include "entente/analysis/calibration_record.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/options.hpp"
#include "entente/output/output_file.hpp"

namespace entente::cli {

/// `validate` and `convert`.
void AddScenarioCommands(CLI::App& app);
/// `forecast` and `models`.
void AddForecastCommands(CLI::App& app);
/// `simulate` and `sensitivity`.
void AddSimulateCommands(CLI::App& app);

/// Refuses `--shard` without `-o FILE` or with `--format` (a partial result is a file of one
/// format); nothing when `shard` is empty. Shared by `simulate` and `sweep`.
void CheckShardFlags(const std::string& shard, const std::string& format,
                     const std::string& output);

/// `merge`: the partial results of `simulate --shard` put together.
void AddMergeCommand(CLI::App& app);

/// `sweep`: a scenario at a grid or list of points x models.
void AddSweepCommand(CLI::App& app);

/// `calibrate`: fit or re-check a calibration file.
void AddCalibrateCommand(CLI::App& app);

/// `cohesion`, `advise` and `compare`.
void AddAdvisorCommands(CLI::App& app);

/// `diff A [B]`: two scenarios' inputs and forecasts side by side.
void AddDiffCommand(CLI::App& app);

/// `runs list|show|diff|export`.
void AddRunsCommands(CLI::App& app);

/// `report`: the HTML report or its Markdown summary.
void AddReportCommand(CLI::App& app);

/// Checks a --seed before CLI11 converts it: a whole number from 0 to 2^64 - 1. (CLI11 read -1,
/// 2^64 and 1e23 all as 2^64 - 1, silently.)
[[nodiscard]] CLI::Validator SeedRange();

/// The process exit code when no exception ends the command (130 after Ctrl-C).
int& ExitCode();

/// `serve`: the web dashboard and JSON API.
void AddServeCommand(CLI::App& app);

/// `cli-reference` (hidden): every command and option as Markdown, for docs/cli.md.
void AddCliReferenceCommand(CLI::App& app);

/// `explain`: a dynamic model's bargaining trail for one issue, in words.
void AddExplainCommand(CLI::App& app);

/// Adds `--reader-option KEY=VALUE` (options of the file's reader, e.g. the DEU conventions).
void AddReaderOptionFlag(CLI::App& cmd, std::vector<std::string>& items);

/// The reader options `--reader-option` gave; InputError naming a bad key or value.
[[nodiscard]] ReaderOptions ReaderOptionsOf(const std::vector<std::string>& items);

/// `backtest`: score models against the outcomes a scenario carries.
void AddBacktestCommand(CLI::App& app);
/// `coders`: several coders' numbers, the outcome with each coder alone, who to ask again.
void AddCodersCommand(CLI::App& app);

/// The formats a table command writes: table, JSON and CSV.
inline const std::vector<OutputFormat> kTableFormats = {OutputFormat::kTable, OutputFormat::kJson,
                                                        OutputFormat::kCsv};

/// -f/--format (one of `formats`; by default the one -o's extension names, else the table)
/// and -o/--output.
void AddOutputFlags(CLI::App& cmd, std::string& format, std::string& output,
                    const std::vector<OutputFormat>& formats = kTableFormats);

/// The format to write (ChooseOutputFormat); InputError naming the format and the file.
[[nodiscard]] OutputFormat OutputFormatOf(const std::string& format, const std::string& output,
                                          const std::vector<OutputFormat>& formats = kTableFormats);

/// Writes `text` to stdout, or atomically to `path` when it is not empty (IoError on failure).
void Emit(const std::string& text, const std::string& path);

}  // namespace entente::cli
