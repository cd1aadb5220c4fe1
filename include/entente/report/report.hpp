#pragma once
/// \file
/// One call from a scenario to a finished report, for the CLI, the server and Python; and
/// rebuilding a report's inputs from a stored run.

#include <string>
#include <string_view>

#include "entente/core/result.hpp"
#include "entente/report/report_data.hpp"
#include "entente/store/run_store.hpp"

namespace entente {

/// The report's form.
enum class ReportFormat {
  kHtml,      ///< the full self-contained page
  kMarkdown,  ///< the summary only
};

/// Parses "html" or "md" (also "markdown"); a located error naming the choices otherwise.
[[nodiscard]] Result<ReportFormat> ParseReportFormat(std::string_view text);

/// The report format to write: `format` when given, else the one `path`'s extension names
/// (.html/.htm HTML, .md Markdown), else HTML. Errors (fields "format", "output") for an
/// extension that is neither (a .pdf is not written as HTML) and for a format and an
/// extension that disagree, naming both.
[[nodiscard]] Result<ReportFormat> ChooseReportFormat(std::string_view format,
                                                      std::string_view path);

/// Gathers and renders a report. Throws InputError for bad input (invalid scenario, unknown
/// model, bad option or parameter), as every analysis does; front ends turn it into their
/// message (exit code 2, HTTP 400, a Python exception).
///
/// Example:
/// ```
/// std::string html = BuildReport(flagship, ReportOptions{}, ReportFormat::kHtml);
/// ```
[[nodiscard]] std::string BuildReport(const Scenario& scenario, const ReportOptions& options,
                                      ReportFormat format);

/// A scenario and the options a stored run was made with.
struct ReportInputs {
  Scenario scenario;      ///< parsed from the run's canonical YAML and validated
  ReportOptions options;  ///< its model, model options and (for simulations) draws, seed, noise
};

/// Rebuilds what `run` was computed from (StoredParameters). Simulations bring their draws,
/// seed and noise; other runs take the report's defaults for them. InputError naming the run
/// when its scenario or options do not read back.
[[nodiscard]] ReportInputs ReportInputsFromRun(const RunRecord& run);

}  // namespace entente
