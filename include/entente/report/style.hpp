#pragma once
/// \file
/// The report's stylesheet: grey-scale chart classes, readable type, print rules.

#include <string_view>

namespace entente::report {

/// CSS inlined into every HTML report (no external resources).
[[nodiscard]] std::string_view ReportCss();

}  // namespace entente::report
