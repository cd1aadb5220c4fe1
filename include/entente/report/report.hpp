#pragma once
/// \file
/// One call from a scenario to a finished report, for the CLI and the server; and rebuilding
/// a report's inputs from a stored run.

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

/// Gathers and renders a report. Bad input (invalid scenario, unknown model, bad option)
/// comes back as errors, never as an exception, so a server can answer 400 with the text.
///
/// Example:
/// ```
/// Result<std::string> html = BuildReport(flagship, ReportOptions{}, ReportFormat::kHtml);
/// ```
[[nodiscard]] Result<std::string> BuildReport(const Scenario& scenario,
                                              const ReportOptions& options, ReportFormat format);

/// A scenario and the options a stored run was made with.
struct ReportInputs {
  Scenario scenario;      ///< parsed from the run's canonical YAML and validated
  ReportOptions options;  ///< its model, model options and (for simulations) draws, seed, noise
};

/// Rebuilds what `run` was computed from. Forecast, advise and compare runs keep the report's
/// default draws and noise; simulations bring their own. Errors name the run.
[[nodiscard]] Result<ReportInputs> ReportInputsFromRun(const RunRecord& run);

}  // namespace entente
