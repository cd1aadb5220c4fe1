#pragma once
/// \file
/// The report's section on a scenario coded by several analysts: the outcome with each coder
/// alone and the stances whose disagreement moves it most (who to ask again).

#include <string>

#include "entente/report/report_data.hpp"

namespace entente::report {

/// The HTML section, or "" when the report has no coder analysis (one coder).
[[nodiscard]] std::string CodersSectionHtml(const ReportData& data);

/// The same as Markdown, or "".
[[nodiscard]] std::string CodersSectionMarkdown(const ReportData& data);

}  // namespace entente::report
