#include "request.hpp"

#include <fmt/format.h>

#include "entente/analysis/moves.hpp"
#include "entente/core/validation.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "error_json.hpp"

namespace entente::server {
namespace {

Error BodyError(std::string field, std::string message, std::string hint) {
  return Error{Location{"request body", 0, std::move(field)}, std::move(message), std::move(hint)};
}

}  // namespace

Result<nlohmann::json> ParseBody(std::string_view body) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    // e.what() starts with "[json.exception.parse_error.101] "; keep the readable part.
    std::string what = e.what();
    if (const std::size_t p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    return BodyError("", fmt::format("malformed JSON: {}", what), "send a valid JSON object");
  }
  if (!j.is_object()) {
    return BodyError("", fmt::format("expected a JSON object, got {}", j.type_name()),
                     "send {\"scenario\": {...}, ...}");
  }
  return j;
}

Result<std::string> TextField(const nlohmann::json& body, const char* key,
                              const std::string& fallback) {
  if (!body.contains(key) || body[key].is_null()) return fallback;
  if (!body[key].is_string()) {
    return BodyError(key, fmt::format("'{}' must be a string, got {}", key, body[key].type_name()),
                     "quote it");
  }
  return body[key].get<std::string>();
}

Result<ModelOptions> OptionsOfRequest(const nlohmann::json& options, const std::string& at) {
  ModelOptions out;
  if (options.is_null()) return out;
  if (!options.is_object()) {
    return BodyError(at, "model options must be an object", "send {\"rounds\": 8}");
  }
  Errors errors;
  for (const auto& [key, value] : options.items()) {
    if (value.is_string()) {
      out.Set(key, value.get<std::string>());
    } else if (value.is_number()) {
      out.Set(key, value.dump());
    } else {
      errors.push_back(BodyError(fmt::format("{}.{}", at, key),
                                 fmt::format("option '{}' must be a number or a string", key),
                                 "send e.g. \"rounds\": 8"));
    }
  }
  if (!errors.empty()) return errors;
  return out;
}

Result<Scenario> ScenarioOfRequest(const nlohmann::json& body, const Limits& limits) {
  const bool has_json = body.contains("scenario");
  const bool has_yaml = body.contains("yaml");
  if (has_json == has_yaml) {
    return BodyError("scenario", "give exactly one of 'scenario' (JSON) and 'yaml' (text)",
                     "send {\"scenario\": {...}} as GET /api/scenarios/NAME returns it");
  }
  Result<Scenario> parsed = Scenario{};
  if (has_yaml) {
    if (!body["yaml"].is_string())
      return BodyError("yaml", "'yaml' must be a string", "send the YAML file as text");
    parsed = ParseYamlScenario(body["yaml"].get<std::string>(), "scenario.yaml");
  } else {
    parsed = ScenarioFromJson(body["scenario"], "scenario");
  }
  if (!parsed) return parsed.errors();
  std::size_t stances = 0;
  for (const Issue& i : parsed.value().issues) stances += i.stances.size();
  if (stances > limits.max_stances) {
    return BodyError(
        "scenario",
        fmt::format("the scenario has {} stances, more than the {} a request may carry", stances,
                    limits.max_stances),
        "use the CLI for scenarios this large");
  }
  Result<Scenario> valid = Validated(std::move(parsed).value());
  if (!valid) return valid.errors();
  if (!body.contains("moves") || body["moves"].is_null()) return valid;
  const nlohmann::json& moves = body["moves"];
  if (!moves.is_array() ||
      !std::all_of(moves.begin(), moves.end(), [](const auto& m) { return m.is_string(); })) {
    return BodyError("moves", "'moves' must be a list of move ids", "send [\"press_opcon\"]");
  }
  try {
    const Scenario& s = valid.value();
    return WithMoves(s, FindMoves(s, moves.get<std::vector<std::string>>()));
  } catch (const InputError& e) {
    Errors errors = e.errors();
    for (Error& err : errors) err.where = Location{"request body", 0, "moves"};
    return errors;
  }
}

}  // namespace entente::server
