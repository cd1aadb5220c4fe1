// The analysis endpoints: validate, forecast, simulate, advise, export YAML and the report.
#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "api.hpp"
#include "budget.hpp"
#include "cost.hpp"
#include "entente/analysis/advisor.hpp"
#include "entente/analysis/backtest.hpp"
#include "entente/analysis/cohesion.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/advisor_output.hpp"
#include "entente/output/backtest_output.hpp"
#include "entente/output/forecast_output.hpp"
#include "entente/output/simulation_output.hpp"
#include "entente/report/report.hpp"
#include "entente/store/run_record.hpp"
#include "entente/store/run_store.hpp"
#include "scenario_json.hpp"

namespace entente::server {
namespace {

using Json = nlohmann::ordered_json;
using In = nlohmann::json;
using Clock = std::chrono::steady_clock;
using Stop = const std::atomic<bool>*;  // set when the models should stop (budget.hpp)

Error BodyError(std::string field, std::string message, std::string hint) {
  return Error{Location{"request body", 0, std::move(field)}, std::move(message), std::move(hint)};
}

// What a request whose client hung up gets (nobody reads it; the status shows in logs).
ApiResponse CancelledResponse() {
  return ErrorResponse(503, {Error{Location{"request", 0, ""},
                                   "the client closed the connection, so the work was stopped",
                                   "keep the connection open until the answer arrives"}});
}

// What a request gets that used up its CPU budget while it ran (its estimate was within it).
ApiResponse ExhaustedResponse(const Budget& budget, const Limits& limits) {
  return ErrorResponse(
      422, {Error{Location{"request body", 0, ""},
                  fmt::format("this request was stopped after {:.1f} s of work, the most this "
                              "server allows per request (--max-work {:.2g} units, about a "
                              "nanosecond of one core each)",
                              budget.cpu_seconds(), limits.cost.max_work),
                  "ask for fewer actors, issues, rounds, models or draws, or run it with the "
                  "CLI, which has no such limit"}});
}

// Runs `work` on the parsed body and scenario, turning every failure into a located answer:
// bad input is 400, work over the limits 422 (refused up front by `work`, or stopped by the
// budget while it ran), a request whose client left (`client_gone`) 503, a failing database
// or a bug 500. `work` gets the flag that stops its models.
template <typename F>
ApiResponse WithScenario(const Api& api, std::string_view body, Stop client_gone, F work) {
  const Limits& limits = api.config().limits;
  Result<nlohmann::json> json = ParseBody(body);
  if (!json) return ErrorResponse(400, json.errors());
  Result<Scenario> s = ScenarioOfRequest(json.value(), limits);
  if (!s) return ErrorResponse(400, s.errors());
  const Budget budget(client_gone, limits.cost.max_work);
  try {
    ApiResponse answer = work(json.value(), s.value(), budget.stop());
    if (!budget.stop()->load()) return answer;
  } catch (const InputError& e) {
    return ErrorResponse(400, e.errors());
  } catch (const Cancelled&) {
  } catch (const std::exception& e) {
    return ErrorResponse(500, {Error{Location{}, fmt::format("internal error: {}", e.what()),
                                     "please report this"}});
  }
  if (budget.exhausted() && !budget.client_gone()) return ExhaustedResponse(budget, limits);
  api.NoteCancelled();
  return CancelledResponse();
}

// The number `key` of the body, `fallback` when absent; InputError when not a number.
double NumberField(const nlohmann::json& body, const char* key, double fallback) {
  if (!body.contains(key) || body[key].is_null()) return fallback;
  if (!body[key].is_number())
    throw InputError({BodyError(key, fmt::format("'{}' must be a number", key), "send a number")});
  return body[key].get<double>();
}

std::string Text(const nlohmann::json& body, const char* key, const std::string& fallback) {
  return TextField(body, key, fallback).ValueOrThrow();
}

// The Monte Carlo settings of a simulate or report request, checked against the limits.
struct Draws {
  std::int64_t draws;
  std::uint64_t seed;
  double noise;  // fraction
};

Draws DrawsOf(const nlohmann::json& j, const Limits& limits) {
  const double draws = NumberField(j, "draws", 2000);
  if (draws < 1 || draws > static_cast<double>(limits.max_draws) || draws != std::floor(draws)) {
    throw InputError({BodyError(
        "draws", fmt::format("'draws' must be a whole number from 1 to {}", limits.max_draws),
        "ask for fewer draws, or use `entente simulate` for more")});
  }
  const double seed = NumberField(j, "seed", 1);
  if (seed < 0 || seed != std::floor(seed) || seed > 9.0e15) {
    throw InputError({BodyError("seed", "'seed' must be a whole number >= 0", "send e.g. 1")});
  }
  const double noise = NumberField(j, "noise_percent", 10) / 100;
  if (noise < 0 || noise > 1) {
    throw InputError(
        {BodyError("noise_percent", "'noise_percent' must be between 0 and 100", "send e.g. 10")});
  }
  return Draws{static_cast<std::int64_t>(draws), static_cast<std::uint64_t>(seed), noise};
}

ModelOptions OptionsFor(const nlohmann::json& body, const std::string& model) {
  if (!body.contains("options") || !body["options"].is_object() || !body["options"].contains(model))
    return {};
  return OptionsOfRequest(body["options"][model], "options." + model).ValueOrThrow();
}

// Stores the run when the request asks for it ("save": true); its id, or null.
Json MaybeSave(const std::string& db, const nlohmann::json& body, const std::string& kind,
               const Scenario& s, const std::string& model, const Json& options,
               std::optional<std::uint64_t> seed, const Json& result) {
  if (!body.value("save", false)) return nullptr;
  if (db.empty())
    throw InputError(
        {BodyError("save", "this server keeps no runs database", "start it without --no-db")});
  Result<RunStore> store = RunStore::Open(db);
  if (!store) throw IoError(FormatErrors(store.errors()));
  const std::string path = "api:" + Text(body, "scenario_name", "dashboard");
  Result<std::int64_t> id =
      store.value().Save(MakeRunRecord(kind, s, path, model, options, seed, result));
  if (!id) throw IoError(FormatErrors(id.errors()));
  return id.value();
}

// The forecast that repeated runs (draws, lever searches) are counted by (cost.hpp): refused
// with 422 when one forecast is over the limits already, else run (stopped by `stop`).
std::optional<ApiResponse> RunPilot(const Scenario& s, const std::string& model,
                                    ModelOptions options, const Limits& limits, Stop stop,
                                    entente::Forecast& pilot) {
  if (auto over = OverLimit(ForecastCost(s, model, options, Keep::kRounds), limits.cost))
    return ErrorResponse(422, {*over});
  options.set_cancel(stop);
  pilot = RunForecast(s, model, options);
  return std::nullopt;
}

double Millis(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

}  // namespace

ApiResponse Api::PostValidate(std::string_view body, Stop cancel) const {
  return WithScenario(*this, body, cancel, [](const In&, const Scenario& s, Stop) {
    std::size_t stances = 0;
    for (const Issue& i : s.issues) stances += i.stances.size();
    return JsonResponse(200, Json{{"valid", true},
                                  {"title", s.meta.title},
                                  {"actors", s.actors.size()},
                                  {"issues", s.issues.size()},
                                  {"stances", stances}});
  });
}

ApiResponse Api::PostForecast(std::string_view body, Stop cancel) const {
  return WithScenario(*this, body, cancel, [this](const In& j, const Scenario& s, Stop stop) {
    const auto start = Clock::now();
    std::vector<std::string> models{Text(j, "model", "compromise")};
    if (j.contains("models")) {
      if (!j["models"].is_array() || j["models"].empty() || j["models"].size() > 8 ||
          !std::all_of(j["models"].begin(), j["models"].end(),
                       [](const auto& m) { return m.is_string(); })) {
        throw InputError({BodyError("models", "'models' must be a list of 1 to 8 model names",
                                    "send [\"compromise\", \"eu\"]")});
      }
      models = j["models"].get<std::vector<std::string>>();
    }
    const bool events = j.value("events", true);
    Cost cost;
    for (const std::string& m : models)
      cost.Then(
          ForecastCost(s, m, OptionsFor(j, m), events ? Keep::kRoundsAndEvents : Keep::kRounds));
    if (auto over = OverLimit(cost, config_.limits.cost)) return ErrorResponse(422, {*over});
    Json results = Json::array();
    for (const std::string& m : models) {
      ModelOptions options = OptionsFor(j, m);
      options.set_cancel(stop);
      entente::Forecast f = RunForecast(s, m, options);
      if (!events) {
        for (IssueForecast& issue : f.issues) issue.events.clear();  // never built as JSON
      }
      Json forecast = ForecastJson(s, f);
      if (!events) {
        for (Json& issue : forecast["issues"])
          issue.erase("events");  // the dashboard draws rounds only
      }
      Json run = MaybeSave(config_.db_path, j, "forecast", s, m,
                           Json{{"model_options", options.values()}}, std::nullopt, forecast);
      results.push_back({{"model", m},
                         {"forecast", forecast},
                         {"cohesion", CohesionJson(m, Cohesion(s, f))},
                         {"run_id", run}});
    }
    return JsonResponse(
        200, Json{{"title", s.meta.title}, {"results", results}, {"elapsed_ms", Millis(start)}});
  });
}

ApiResponse Api::PostSimulate(std::string_view body, Stop cancel) const {
  return WithScenario(*this, body, cancel, [this](const In& j, const Scenario& s, Stop stop) {
    SimulationOptions o;
    o.model = Text(j, "model", "compromise");
    o.model_options = OptionsFor(j, o.model);
    const Draws d = DrawsOf(j, config_.limits);
    entente::Forecast pilot;
    if (auto refused = RunPilot(s, o.model, o.model_options, config_.limits, stop, pilot))
      return *refused;
    const Cost cost = SimulationCost(s, o.model, o.model_options, d.draws, pilot);
    if (auto over = OverLimit(cost, config_.limits.cost)) return ErrorResponse(422, {*over});
    o.cancel = stop;
    o.model_options.set_cancel(stop);
    o.draws = d.draws;
    o.seed = d.seed;
    o.noise.fraction = d.noise;
    o.threads = 1;  // requests run in parallel already; one thread each keeps the server fair
    const SimulationResult r = entente::Simulate(s, o);
    if (r.interrupted) throw Cancelled("simulation stopped");
    const Json result = SimulationJson(s, r);
    Json out{{"simulation", result}};
    out["run_id"] = MaybeSave(config_.db_path, j, "simulate", s, o.model,
                              Json{{"model_options", o.model_options.values()},
                                   {"draws", o.draws},
                                   {"noise", o.noise.fraction},
                                   {"thresholds", Json::array()},
                                   {"sensitivity", false}},
                              o.seed, result);
    return JsonResponse(200, out);
  });
}

ApiResponse Api::PostAdvise(std::string_view body, Stop cancel) const {
  return WithScenario(*this, body, cancel, [this](const In& j, const Scenario& s, Stop stop) {
    AdviceRequest r;
    r.actor = Text(j, "actor", "");
    if (r.actor.empty())
      throw InputError(
          {BodyError("actor", "'actor' is missing", "name the actor to advise, e.g. \"US\"")});
    const std::string issue = Text(j, "issue", "");
    if (!issue.empty()) r.issue = issue;
    if (j.contains("target") && !j["target"].is_null()) r.target = NumberField(j, "target", 0);
    r.model = Text(j, "model", "compromise");
    r.model_options = OptionsFor(j, r.model);
    r.tolerance = NumberField(j, "tolerance_percent", 0.5) / 100;
    entente::Forecast pilot;
    if (auto refused = RunPilot(s, r.model, r.model_options, config_.limits, stop, pilot))
      return *refused;
    const Cost cost = AdviceCost(s, r.model, r.model_options, r.actor, issue, pilot);
    if (auto over = OverLimit(cost, config_.limits.cost)) return ErrorResponse(422, {*over});
    r.model_options.set_cancel(stop);
    const auto advice = entente::Advise(s, r);
    const Json result = AdviceJson(r.actor, r.model, advice);
    Json out{{"advice", result}};
    out["run_id"] = MaybeSave(config_.db_path, j, "advise", s, r.model,
                              Json{{"model_options", r.model_options.values()},
                                   {"actor", r.actor},
                                   {"issue", issue},
                                   {"target", r.target ? Json(*r.target) : Json()},
                                   {"tolerance", r.tolerance}},
                              std::nullopt, result);
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

ApiResponse Api::PostBacktest(std::string_view body, Stop cancel) const {
  return WithScenario(*this, body, cancel, [this](const In& j, const Scenario& s, Stop stop) {
    BacktestOptions o;
    o.models = {"compromise", "median"};
    if (j.contains("models")) {
      if (!j["models"].is_array() || j["models"].empty() || j["models"].size() > 8 ||
          !std::all_of(j["models"].begin(), j["models"].end(),
                       [](const auto& m) { return m.is_string(); })) {
        throw InputError({BodyError("models", "'models' must be a list of 1 to 8 model names",
                                    "send [\"compromise\", \"eu\"]")});
      }
      o.models = j["models"].get<std::vector<std::string>>();
    }
    for (const std::string& m : o.models) o.model_options[m] = OptionsFor(j, m);
    const double bootstrap = NumberField(j, "bootstrap", 1000);
    if (bootstrap < 0 || bootstrap > 10000 || bootstrap != std::floor(bootstrap)) {
      throw InputError({BodyError("bootstrap", "'bootstrap' must be a whole number from 0 to 10000",
                                  "send e.g. 1000")});
    }
    o.bootstrap = static_cast<int>(bootstrap);
    if (NumberField(j, "draws", 0) > 0) {
      const Draws d = DrawsOf(j, config_.limits);
      o.draws = d.draws;
      o.seed = d.seed;
      o.noise.fraction = d.noise;
    }
    o.threads = 1;  // one thread per request, as for simulate
    // Within the server's bounds: a forecast of each model (its pilot), and with draws a
    // simulation of each; every model then polls the client's connection between rounds.
    Cost cost;
    for (const std::string& m : o.models) {
      entente::Forecast pilot;
      if (auto refused = RunPilot(s, m, o.model_options[m], config_.limits, stop, pilot))
        return *refused;
      cost.Then(o.draws > 0 ? SimulationCost(s, m, o.model_options[m], o.draws, pilot)
                            : ForecastCost(s, m, o.model_options[m], Keep::kOutcomes));
      o.model_options[m].set_cancel(stop);
    }
    if (auto over = OverLimit(cost, config_.limits.cost)) return ErrorResponse(422, {*over});
    const BacktestResult r = RunBacktest(s, OutcomesOfRequest(j), o);
    return JsonResponse(200, Json{{"backtest", BacktestJson(r)}});
  });
}

ApiResponse Api::ExportYaml(std::string_view body, Stop cancel) const {
  return WithScenario(*this, body, cancel, [](const In& j, const Scenario& s, Stop) {
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

ApiResponse Api::ExportReport(std::string_view body, Stop cancel) const {
  return WithScenario(*this, body, cancel, [this](const In& j, const Scenario& s, Stop stop) {
    ReportOptions o;
    // The dashboard sends the models it shows; the first is the report's primary model.
    if (j.contains("models")) {
      if (!j["models"].is_array() || j["models"].empty() ||
          !std::all_of(j["models"].begin(), j["models"].end(),
                       [](const nlohmann::json& m) { return m.is_string(); })) {
        throw InputError({BodyError("models", "'models' must be a non-empty list of model names",
                                    "send e.g. [\"compromise\", \"eu\"]")});
      }
      for (const nlohmann::json& m : j["models"]) o.models.push_back(m.get<std::string>());
    }
    o.model = Text(j, "model", o.models.empty() ? o.model : o.models.front());
    o.model_options = OptionsFor(j, o.model);
    const Draws d = DrawsOf(j, config_.limits);
    o.draws = d.draws;
    o.seed = d.seed;
    o.noise = d.noise;
    o.threads = 1;  // as for simulate: one thread per request
    o.source = Text(j, "name", s.meta.title);
    const std::string format = Text(j, "format", "html");
    const ReportFormat f = ParseReportFormat(format).ValueOrThrow();
    // The report's models: the primary first, then those asked for (every model by default).
    std::vector<std::string> models{o.model};
    if (o.models.empty()) {
      for (const ModelInfo& m : Models()) models.emplace_back(m.name);
    }
    for (const std::string& m : o.models) models.push_back(m);
    std::sort(models.begin() + 1, models.end());
    models.erase(std::unique(models.begin() + 1, models.end()), models.end());
    models.erase(std::remove(models.begin() + 1, models.end(), o.model), models.end());
    Cost cost = ReportCost(s, models, o.model_options);
    if (auto over = OverLimit(cost, config_.limits.cost)) return ErrorResponse(422, {*over});
    if (o.draws > 0) {
      entente::Forecast pilot;
      if (auto refused = RunPilot(s, o.model, o.model_options, config_.limits, stop, pilot))
        return *refused;
      cost.Then(SimulationCost(s, o.model, o.model_options, o.draws, pilot));
      if (auto over = OverLimit(cost, config_.limits.cost)) return ErrorResponse(422, {*over});
    }
    o.model_options.set_cancel(stop);
    std::string text = BuildReport(s, o, f).ValueOrThrow();
    const bool html = f == ReportFormat::kHtml;
    return ApiResponse{200, std::move(text),
                       html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8",
                       html ? "report.html" : "report.md"};
  });
}

}  // namespace entente::server
