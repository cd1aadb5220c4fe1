#pragma once
/// \file
/// Rendering gathered report data: one self-contained HTML page (inline SVG and CSS, no
/// network) or the summary as Markdown for memos.

#include <string>

#include "entente/report/report_data.hpp"

namespace entente {

/// The full report as one HTML document: summary page first, then one section per issue with
/// its charts (scale, Monte Carlo, tornado, trajectories, allies' gap). Print-friendly.
[[nodiscard]] std::string RenderHtml(const ReportData& data);

/// The summary and the forecasts table as Markdown (GitHub-flavoured tables).
[[nodiscard]] std::string RenderMarkdown(const ReportData& data);

}  // namespace entente
