// The analysis endpoints: validate, forecast, simulate, advise, export YAML and the report.
#include <chrono>

#include <fmt/format.h>

#include "api.hpp"
#include "entente/analysis/advisor.hpp"
#include "entente/analysis/backtest.hpp"
#include "entente/analysis/cohesion.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/analysis/run_parameters.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/advisor_output.hpp"
#include "entente/output/backtest_output.hpp"
#include "entente/output/forecast_output.hpp"
#include "entente/output/simulation_output.hpp"
#include "entente/report/report.hpp"
#include "entente/store/run_record.hpp"
#include "entente/store/run_store.hpp"
#include "error_json.hpp"

namespace entente::server {
namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

Error BodyError(std::string field, std::string message, std::string hint) {
  return Error{Location{"request body", 0, std::move(field)}, std::move(message), std::move(hint)};
}

// Runs `work` on the parsed body and scenario, turning every failure into a located answer:
// bad input is 400, a failing database or a bug is 500.
template <typename F>
ApiResponse WithScenario(std::string_view body, const Limits& limits, F work) {
  Result<nlohmann::json> json = ParseBody(body);
  if (!json) return ErrorResponse(400, json.errors());
  Result<Scenario> s = ScenarioOfRequest(json.value(), limits);
  if (!s) return ErrorResponse(400, s.errors());
  try {
    return work(json.value(), s.value());
  } catch (const InputError& e) {
    return ErrorResponse(400, e.errors());
  } catch (const std::exception& e) {
    return ErrorResponse(500, {Error{Location{}, fmt::format("internal error: {}", e.what()),
                                     "please report this"}});
  }
}

std::string Text(const nlohmann::json& body, const char* key, const std::string& fallback) {
  Result<std::string> text = TextField(body, key, fallback);
  if (!text) throw InputError(text.errors());
  return std::move(text).value();
}

// `"options": {"MODEL": {...}}`, the options of each model the request names.
ModelOptions OptionsFor(const nlohmann::json& body, const std::string& model) {
  if (!body.contains("options") || !body["options"].is_object() || !body["options"].contains(model))
    return {};
  Result<ModelOptions> options = OptionsOfRequest(body["options"][model], "options." + model);
  if (!options) throw InputError(options.errors());
  return std::move(options).value();
}

// The run parameters of a request (the library's contract, the same keys as a stored run's
// options), with the keys the server reads itself set aside. Model options may come as
// "model_options" (for the one model) or per model under "options"; not both.
RunParameters ParametersOf(const nlohmann::json& body, RunKind kind, const Limits& limits,
                           std::vector<std::string> own) {
  for (const char* key : {"scenario", "yaml", "moves", "scenario_name", "save", "options"})
    own.emplace_back(key);
  RunParameters p = RunParameters::FromJson(body, kind, "request body", own);
  if (body.contains("options") && !body["options"].is_null()) {
    if (body.contains("model_options")) {
      throw InputError({BodyError("options", "give either 'options' or 'model_options', not both",
                                  "send {\"model_options\": {\"rounds\": 8}}")});
    }
    if (!body["options"].is_object()) {
      throw InputError({BodyError("options", "'options' must map model names to their options",
                                  "send {\"options\": {\"eu\": {\"rounds\": 8}}}")});
    }
    p.model.options = OptionsFor(body, p.model.name);
  }
  if (p.draws > limits.max_draws) {
    throw InputError({BodyError(
        "draws", fmt::format("'draws' must be a whole number from 1 to {}", limits.max_draws),
        "ask for fewer draws, or use `entente simulate` for more")});
  }
  p.threads = 1;  // requests run in parallel already; one thread each keeps the server fair
  return p;
}

// Stores the run when the request asks for it ("save": true); its id, or null.
Json MaybeSave(const std::string& db, const nlohmann::json& body, RunKind kind, const Scenario& s,
               const RunParameters& params, const Json& result) {
  if (!body.value("save", false)) return nullptr;
  if (db.empty())
    throw InputError(
        {BodyError("save", "this server keeps no runs database", "start it without --no-db")});
  Result<RunStore> store = RunStore::Open(db);
  if (!store) throw IoError(FormatErrors(store.errors()));
  const std::string path = "api:" + Text(body, "scenario_name", "dashboard");
  Result<std::int64_t> id = store.value().Save(MakeRunRecord(kind, s, path, params, result));
  if (!id) throw IoError(FormatErrors(id.errors()));
  return id.value();
}

double Millis(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

}  // namespace

ApiResponse Api::PostValidate(std::string_view body) const {
  return WithScenario(body, config_.limits, [](const nlohmann::json&, const Scenario& s) {
    std::size_t stances = 0;
    for (const Issue& i : s.issues) stances += i.stances.size();
    return JsonResponse(200, Json{{"valid", true},
                                  {"title", s.meta.title},
                                  {"actors", s.actors.size()},
                                  {"issues", s.issues.size()},
                                  {"stances", stances}});
  });
}

ApiResponse Api::PostForecast(std::string_view body) const {
  return WithScenario(body, config_.limits, [this](const nlohmann::json& j, const Scenario& s) {
    const auto start = Clock::now();
    const RunParameters p = ParametersOf(j, RunKind::kForecast, config_.limits, {"events"});
    if (j.contains("models") && (p.models.empty() || p.models.size() > 8)) {
      throw InputError({BodyError("models", "'models' must be a list of 1 to 8 model names",
                                  "send [\"compromise\", \"eu\"]")});
    }
    std::vector<std::string> models = p.models.empty() ? std::vector{p.model.name} : p.models;
    Json results = Json::array();
    for (const std::string& m : models) {
      RunParameters one = p;
      one.model = ModelChoice{m, m == p.model.name ? p.model.options : OptionsFor(j, m)};
      one.models.clear();
      const entente::Forecast f = RunForecast(s, one.model);
      Json forecast = ForecastJson(s, f);
      if (!j.value("events", true)) {
        for (Json& issue : forecast["issues"])
          issue.erase("events");  // the dashboard draws rounds only
      }
      Json run = MaybeSave(config_.db_path, j, RunKind::kForecast, s, one, forecast);
      results.push_back({{"model", m},
                         {"forecast", forecast},
                         {"cohesion", CohesionJson(m, Cohesion(s, f))},
                         {"run_id", run}});
    }
    return JsonResponse(
        200, Json{{"title", s.meta.title}, {"results", results}, {"elapsed_ms", Millis(start)}});
  });
}

ApiResponse Api::PostSimulate(std::string_view body) const {
  return WithScenario(body, config_.limits, [this](const nlohmann::json& j, const Scenario& s) {
    const RunParameters p = ParametersOf(j, RunKind::kSimulate, config_.limits, {});
    const SimulationResult r = entente::Simulate(s, ToSimulation(p));
    const Json result = SimulationJson(s, r);
    Json out{{"simulation", result}};
    out["run_id"] = MaybeSave(config_.db_path, j, RunKind::kSimulate, s, p, result);
    return JsonResponse(200, out);
  });
}

ApiResponse Api::PostAdvise(std::string_view body) const {
  return WithScenario(body, config_.limits, [this](const nlohmann::json& j, const Scenario& s) {
    const RunParameters p = ParametersOf(j, RunKind::kAdvise, config_.limits, {});
    const auto advice = entente::Advise(s, ToAdvice(p));
    const Json result = AdviceJson(p.actor, p.model.name, advice);
    Json out{{"advice", result}};
    out["run_id"] = MaybeSave(config_.db_path, j, RunKind::kAdvise, s, p, result);
    return JsonResponse(200, out);
  });
}

namespace {

// `"outcomes": [{"issue", "value", "date"?, "source"?}]`, each located by its index.
std::vector<Outcome> OutcomesOfRequest(const nlohmann::json& j) {
  if (!j.contains("outcomes") || !j["outcomes"].is_array() || j["outcomes"].empty()) {
    throw InputError({BodyError("outcomes", "'outcomes' must be a non-empty list",
                                "send [{\"issue\": \"i1\", \"value\": 40}, ...]")});
  }
  std::vector<Outcome> out;
  for (std::size_t k = 0; k < j["outcomes"].size(); ++k) {
    const nlohmann::json& o = j["outcomes"][k];
    const std::string at = fmt::format("outcomes[{}]", k);
    if (!o.is_object() || !o.contains("issue") || !o["issue"].is_string() || !o.contains("value") ||
        !o["value"].is_number()) {
      throw InputError({BodyError(at, "an outcome needs 'issue' (text) and 'value' (number)",
                                  "send {\"issue\": \"i1\", \"value\": 40}")});
    }
    out.push_back(Outcome{o["issue"].get<std::string>(), o["value"].get<double>(),
                          Text(o, "date", ""), Text(o, "source", ""),
                          Location{"request body", 0, at}});
  }
  return out;
}

}  // namespace

ApiResponse Api::PostBacktest(std::string_view body) const {
  return WithScenario(body, config_.limits, [this](const nlohmann::json& j, const Scenario& s) {
    // The request's outcomes are a list of {issue, value}, not the CLI's outcomes file.
    nlohmann::json params = j;
    params.erase("outcomes");
    if (params.contains("model")) {
      throw InputError({BodyError("model", "a backtest scores 'models', a list",
                                  "send \"models\": [\"compromise\", \"eu\"]")});
    }
    RunParameters p = ParametersOf(params, RunKind::kBacktest, config_.limits, {});
    if (!j.contains("models")) p.models = {"compromise", "median"};  // cheap, for the dashboard
    if (p.models.empty() || p.models.size() > 8) {
      throw InputError({BodyError("models", "'models' must be a list of 1 to 8 model names",
                                  "send [\"compromise\", \"eu\"]")});
    }
    if (p.bootstrap > 10000) {
      throw InputError({BodyError("bootstrap", "'bootstrap' must be a whole number from 0 to 10000",
                                  "send e.g. 1000")});
    }
    for (const std::string& m : p.models) {
      (void)RequireModel(m);
      if (!p.model_options_by_model.contains(m)) p.model_options_by_model[m] = OptionsFor(j, m);
    }
    const BacktestResult r = RunBacktest(s, OutcomesOfRequest(j), ToBacktest(p));
    return JsonResponse(200, Json{{"backtest", BacktestJson(r)}});
  });
}

ApiResponse Api::ExportYaml(std::string_view body) const {
  return WithScenario(body, config_.limits, [](const nlohmann::json& j, const Scenario& s) {
    std::string name = Text(j, "filename", "scenario.yaml");
    // Only a plain file name goes into the header: the browser picks where to save it.
    const bool plain =
        !name.empty() && name.size() <= 100 && std::all_of(name.begin(), name.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
        });
    if (!plain || name.front() == '.') {
      throw InputError(
          {BodyError("filename", fmt::format("'{}' is not a plain file name", name),
                     "use letters, digits, '-', '_' and '.', e.g. us-rok-edited.yaml")});
    }
    return ApiResponse{200, WriteYamlScenario(s), "application/yaml", name};
  });
}

ApiResponse Api::ExportReport(std::string_view body) const {
  return WithScenario(body, config_.limits, [this](const nlohmann::json& j, const Scenario& s) {
    ReportOptions o;
    o.run = ParametersOf(j, RunKind::kReport, config_.limits, {"format", "name"});
    // The dashboard sends the models it shows; the first is the primary model unless "model"
    // names it.
    if (!j.contains("model") && !o.run.models.empty()) {
      o.run.model = ModelChoice{o.run.models.front(), OptionsFor(j, o.run.models.front())};
    }
    o.source = Text(j, "name", s.meta.title);
    const std::string format = Text(j, "format", "html");
    Result<ReportFormat> f = ParseReportFormat(format);
    if (!f) throw InputError(f.errors());
    std::string text = BuildReport(s, o, f.value());
    const bool html = f.value() == ReportFormat::kHtml;
    return ApiResponse{200, std::move(text),
                       html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8",
                       html ? "report.html" : "report.md"};
  });
}

}  // namespace entente::server
