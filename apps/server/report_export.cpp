#include "report_export.hpp"

#include <fmt/format.h>

#include "api.hpp"

namespace entente::server {

bool ReportModuleBuilt() {
  // The report module lives on its own branch. Once it is merged, ExportReport below calls it
  // and this returns true; until then the endpoint says plainly (501) that it is missing.
  return false;
}

ApiResponse Api::ExportReport(std::string_view body) const {
  Result<nlohmann::json> json = ParseBody(body);
  if (!json) return ErrorResponse(400, json.errors());
  Result<entente::Scenario> s = ScenarioOfRequest(json.value(), config_.limits);
  if (!s) return ErrorResponse(400, s.errors());
  return ErrorResponse(501, {Error{Location{}, "report module not built",
                                   "build Entente with the report module to export HTML reports"}});
}

}  // namespace entente::server
