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

// Where a number that does not fit a double sits: nlohmann reports the token, not its place,
// so the body is parsed again with a callback that keeps the path of keys and indices.
Error OverflowError(std::string_view body, const std::string& token) {
  struct Frame {
    bool array = false;
    std::string key;
    std::size_t index = 0;
  };
  std::vector<Frame> stack;
  const auto step = [&stack] {
    if (!stack.empty() && stack.back().array) ++stack.back().index;
  };
  try {
    [[maybe_unused]] const nlohmann::json partial = nlohmann::json::parse(
        body, [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
          using E = nlohmann::json::parse_event_t;
          switch (event) {
            case E::object_start: stack.push_back({false, "", 0}); break;
            case E::array_start: stack.push_back({true, "", 0}); break;
            case E::key: stack.back().key = parsed.get<std::string>(); break;
            case E::object_end:
            case E::array_end:
              stack.pop_back();
              step();
              break;
            case E::value: step(); break;
          }
          return true;
        });
  } catch (const nlohmann::json::exception&) {
  }
  // The last frame holds the failing member's key or element's index; the rest lead to it.
  std::string where, field;
  for (std::size_t i = 0; i < stack.size(); ++i) {
    const Frame& f = stack[i];
    const std::string part = f.array ? fmt::format("[{}]", f.index) : f.key;
    if (i + 1 == stack.size() && !f.array) {
      field = part;
    } else {
      where += (f.array || where.empty()) ? part : "." + part;
    }
  }
  const std::string name = where.empty() ? field : where + (field.empty() ? "" : "." + field);
  return Error{Location{where.empty() ? "request body" : where, 0, field},
               fmt::format("the number {} in {} is too large for a double (at most about 1.8e308)",
                           token, name.empty() ? "the body" : "'" + name + "'"),
               "send a finite number"};
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
  } catch (const nlohmann::json::out_of_range& e) {
    // 406: "number overflow parsing '1e400'", the only range error parsing raises.
    const std::string what = e.what();
    const std::size_t open = what.find('\''), close = what.rfind('\'');
    const std::string token =
        open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
    return OverflowError(body, token);
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
