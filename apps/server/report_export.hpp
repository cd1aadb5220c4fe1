#pragma once
/// \file
/// The HTML report export, present only when the report module is built in.

#include <string>

#include "entente/core/scenario.hpp"

namespace entente::server {

/// True when the report module was found at build time (`<entente/report/report.hpp>`).
[[nodiscard]] bool ReportModuleBuilt();

}  // namespace entente::server
