// `entente`: forecasts multi-actor negotiations. Exit codes: 0 success, 2 bad input (the
// message names the file, line and field), 1 internal or output error.
#include <cstdio>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "entente/core/error.hpp"
#include "entente/core/files.hpp"
#include "entente/core/version.hpp"

namespace entente::cli {

int& ExitCode() {
  static int code = 0;
  return code;
}

void Emit(const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") {
    std::cout << text << std::flush;
    if (!std::cout) throw IoError("cannot write to standard output");
    return;
  }
  Result<Unit> written = WriteFileAtomic(path, text);
  if (!written) throw IoError(FormatErrors(written.errors()));
}

void AddOutputFlags(CLI::App& cmd, std::string& format, std::string& output,
                    const std::vector<OutputFormat>& formats) {
  std::string names;
  for (const OutputFormat f : formats)
    names += (names.empty() ? "" : ", ") + std::string(OutputFormatName(f));
  cmd.add_option("-f,--format", format,
                 fmt::format("{} (default: what -o's extension says: .csv, .json, .txt/.md; "
                             "else table)",
                             names));
  cmd.add_option("-o,--output", output,
                 "write to FILE (atomically) instead of stdout; its extension picks the format");
}

OutputFormat OutputFormatOf(const std::string& format, const std::string& output,
                            const std::vector<OutputFormat>& formats) {
  return ChooseOutputFormat(format, output == "-" ? "" : output, formats).ValueOrThrow();
}

}  // namespace entente::cli

namespace {

int Run(int argc, char** argv) {
  CLI::App app{"Entente: forecast multi-actor negotiations and manage alliances", "entente"};
  app.set_version_flag("--version", std::string("entente ") + std::string(entente::Version()));
  app.require_subcommand(1);
  entente::cli::AddScenarioCommands(app);
  entente::cli::AddForecastCommands(app);
  entente::cli::AddSimulateCommands(app);
  entente::cli::AddMergeCommand(app);
  entente::cli::AddSweepCommand(app);
  entente::cli::AddAdvisorCommands(app);
  entente::cli::AddDiffCommand(app);
  entente::cli::AddCalibrateCommand(app);
  entente::cli::AddRunsCommands(app);
  entente::cli::AddReportCommand(app);
  entente::cli::AddExplainCommand(app);
  entente::cli::AddBacktestCommand(app);
  entente::cli::AddCodersCommand(app);
  entente::cli::AddServeCommand(app);
  entente::cli::AddCliReferenceCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 uses exit code 0 for --help/--version; usage mistakes are bad input.
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const entente::InputError& e) {
    for (const entente::Error& err : e.errors()) std::cerr << "error: " << err.ToString() << '\n';
    if (e.errors().size() > 1) std::cerr << e.errors().size() << " problems found\n";
    return 2;
  } catch (const entente::Exception& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "internal error: " << e.what() << "; please report this\n";
    return 1;
  }
  return entente::cli::ExitCode();
}

}  // namespace

int main(int argc, char** argv) {
  // Run's handlers cover every error a command reports; this one only what escapes them
  // (setting up the commands, or a handler failing), so the process still exits with 1.
  try {
    return Run(argc, argv);
  } catch (...) {
    std::fputs("internal error: unexpected exception; please report this\n", stderr);
    return 1;
  }
}
