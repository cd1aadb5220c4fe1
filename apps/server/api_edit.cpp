// The endpoints a scenario editor needs beside the analyses: the decision rules it can offer,
// a scenario file opened from the browser, and the calibrations the server offers.
#include <fmt/format.h>

#include "api.hpp"
#include "entente/core/rule_presets.hpp"
#include "entente/core/validation.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "error_json.hpp"

namespace entente::server {

using Json = nlohmann::ordered_json;

ApiResponse Api::ListCalibrations() const {
  Json list = Json::array();
  for (const auto& [name, record] : config_.calibrations)
    list.push_back(CalibrationInfoJson(name, record));
  return JsonResponse(200, Json{{"calibrations", list}});
}

ApiResponse Api::ListRules() const {
  Json kinds = Json::array();
  for (DecisionKind k : {DecisionKind::kNone, DecisionKind::kUnanimity, DecisionKind::kMajority,
                         DecisionKind::kQualifiedMajority, DecisionKind::kBicameral})
    kinds.push_back(std::string(DecisionKindName(k)));
  // Each preset in words as the library expands it (without actors: the treaty's own members).
  Json presets = Json::array();
  for (std::string_view name : RulePresetNames()) {
    DecisionRule r;
    r.kind = DecisionKind::kQualifiedMajority;
    r.preset = std::string(name);
    presets.push_back({{"name", name}, {"description", DescribeRule(ExpandPreset(r, {}))}});
  }
  Json absent = Json::array();
  for (AbsentMembers a : {AbsentMembers::kAgainst, AbsentMembers::kDrop, AbsentMembers::kSupport})
    absent.push_back(std::string(AbsentMembersName(a)));
  return JsonResponse(200, Json{{"kinds", kinds},
                                {"presets", presets},
                                {"weights", {"capability", "equal", "table"}},
                                {"absent", absent}});
}

ApiResponse Api::PostImport(std::string_view body) const {
  Result<nlohmann::json> json = ParseBody(body);
  if (!json) return ErrorResponse(400, json.errors());
  const nlohmann::json& j = json.value();
  Result<std::string> filename = TextField(j, "filename", "scenario.yaml");
  if (!filename) return ErrorResponse(400, filename.errors());
  if (!j.contains("yaml") || !j["yaml"].is_string()) {
    return ErrorResponse(
        400, {Error{Location{"request body", 0, "yaml"}, "'yaml' must be the scenario file's text",
                    "send {\"yaml\": \"entente: 1\\n...\", \"filename\": ...}"}});
  }
  const std::string& text = j["yaml"].get_ref<const std::string&>();
  if (text.size() > config_.limits.max_body_bytes) {
    return ErrorResponse(413, {Error{Location{filename.value(), 0, ""}, "the file is too large",
                                     "use the CLI for scenarios this large"}});
  }
  // Messages name the file as the user knows it; only its name is used, never as a path.
  Result<ScenarioDocument> doc = ParseYamlDocument(text, filename.value());
  if (!doc) return ErrorResponse(400, doc.errors());
  Errors problems = Validate(doc.value().scenario);
  if (problems.empty()) {
    const Errors o = ValidateOutcomes(doc.value().scenario, doc.value().outcomes);
    problems.insert(problems.end(), o.begin(), o.end());
  }
  Json outcomes = Json::array();
  for (const Outcome& o : doc.value().outcomes) {
    outcomes.push_back(
        {{"issue", o.issue}, {"value", o.value}, {"date", o.date}, {"source", o.source}});
  }
  std::string name = filename.value();
  if (const std::size_t dot = name.rfind('.'); dot != std::string::npos && dot > 0)
    name.resize(dot);
  return JsonResponse(200, Json{{"name", name},
                                {"scenario", ScenarioToJson(doc.value().scenario)},
                                {"outcomes", outcomes},
                                {"errors", ErrorsJson(problems)["errors"]}});
}

}  // namespace entente::server
