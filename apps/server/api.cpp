// The information endpoints (health, models, scenarios, runs) and the response helpers; the
// analysis endpoints are in api_analysis.cpp.
#include "api.hpp"

#include <fmt/format.h>

#include "entente/core/version.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/model_output.hpp"
#include "entente/store/run_store.hpp"
#include "error_json.hpp"

namespace entente::server {

using Json = nlohmann::ordered_json;

ApiResponse JsonResponse(int status, const nlohmann::ordered_json& body) {
  // Messages may quote invalid UTF-8 from the request; replace it rather than fail.
  return ApiResponse{status,
                     body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace),
                     "application/json", ""};
}

ApiResponse ErrorResponse(int status, const Errors& errors) {
  return JsonResponse(status, ErrorsJson(errors));
}

ApiResponse Api::Health() const {
  Json health{{"status", "ok"},
              {"version", std::string(Version())},
              {"dashboard", config_.dashboard},
              {"report", true},
              {"database", config_.db_path.empty() ? Json() : Json(config_.db_path)},
              {"scenarios", config_.catalog.entries().size()}};
  health["cancelled"] = cancelled();
  if (config_.connection_stats) health["connections"] = config_.connection_stats();
  return JsonResponse(200, health);
}

ApiResponse Api::ListModels() const {
  return JsonResponse(200, ModelsJson());
}

ApiResponse Api::ListScenarios() const {
  Json list = Json::array();
  for (const auto& [name, path] : config_.catalog.entries()) {
    Result<entente::Scenario> s = ReadScenario(path);
    Json item{{"name", name}, {"title", s ? Json(s.value().meta.title) : Json()}};
    if (!s) item["errors"] = ErrorsJson(s.errors())["errors"];
    list.push_back(item);
  }
  return JsonResponse(200, Json{{"scenarios", list}});
}

ApiResponse Api::GetScenario(const std::string& name) const {
  const std::string* path = config_.catalog.Find(name);
  if (path == nullptr) {
    return ErrorResponse(404, {Error{Location{"request path", 0, "name"},
                                     fmt::format("no scenario called '{}'", name),
                                     "GET /api/scenarios lists the served scenarios"}});
  }
  Result<ScenarioDocument> doc = LoadDocument(*path);
  if (!doc) return ErrorResponse(400, doc.errors());
  // Outcomes travel beside the scenario, never inside it: only /api/backtest reads them.
  Json outcomes = Json::array();
  for (const Outcome& o : doc.value().outcomes) {
    outcomes.push_back(
        {{"issue", o.issue}, {"value", o.value}, {"date", o.date}, {"source", o.source}});
  }
  return JsonResponse(200, Json{{"name", name},
                                {"scenario", ScenarioToJson(doc.value().scenario)},
                                {"outcomes", outcomes}});
}

ApiResponse Api::ListRuns() const {
  if (config_.db_path.empty())
    return JsonResponse(200, Json{{"database", nullptr}, {"runs", Json::array()}});
  Result<RunStore> store = RunStore::Open(config_.db_path);
  if (!store) return ErrorResponse(500, store.errors());
  Result<std::vector<RunRecord>> runs = store.value().List();
  if (!runs) return ErrorResponse(500, runs.errors());
  Json list = Json::array();
  for (const RunRecord& r : runs.value()) {
    if (list.size() == 200) break;  // the newest 200; `entente runs list` shows them all
    list.push_back({{"id", r.id},
                    {"created_at", r.created_at},
                    {"kind", r.kind},
                    {"scenario", r.scenario_title},
                    {"path", r.scenario_path},
                    {"model", r.model}});
  }
  return JsonResponse(200, Json{{"database", config_.db_path}, {"runs", list}});
}

}  // namespace entente::server
