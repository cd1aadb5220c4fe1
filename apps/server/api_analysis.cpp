// The analysis endpoints: validate, forecast, simulate, advise, backtest, coders, export YAML
// and the report.
#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "api.hpp"
#include "budget.hpp"
#include "cost.hpp"
#include "entente/analysis/advisor.hpp"
#include "entente/analysis/apply_calibration.hpp"
#include "entente/analysis/backtest.hpp"
#include "entente/analysis/coders.hpp"
#include "entente/analysis/cohesion.hpp"
#include "entente/analysis/disagreement.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/analysis/run_parameters.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/advisor_output.hpp"
#include "entente/output/backtest_output.hpp"
#include "entente/output/coders_output.hpp"
#include "entente/output/forecast_output.hpp"
#include "entente/output/simulation_output.hpp"
#include "entente/report/report.hpp"
#include "entente/store/run_record.hpp"
#include "entente/store/run_store.hpp"
#include "error_json.hpp"

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
    // What-if edits ("set", as the CLI's --set) apply before any work; every endpoint's run
    // parameters carry them too, so a saved run records them.
    const Scenario edited =
        json.value().contains("set")
            ? EditedScenario(s.value(), RunParameters::FromJson({{"set", json.value()["set"]}},
                                                                RunKind::kForecast, "request body"))
            : s.value();
    ApiResponse answer = work(json.value(), edited, budget.stop());
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
  for (const char* key :
       {"scenario", "yaml", "moves", "scenario_name", "save", "options", "calibration_yaml"})
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

// The request's calibration (a served one by name, or an uploaded file's text), if any.
std::optional<ChosenCalibration> Calibration(const nlohmann::json& body,
                                             const CalibrationShelf& shelf) {
  Result<std::optional<ChosenCalibration>> c = CalibrationOfRequest(body, shelf);
  if (!c) throw InputError(c.errors());
  return std::move(c).value();
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
    const RunParameters p = ParametersOf(j, RunKind::kForecast, config_.limits, {"events"});
    if (j.contains("models") && (p.models.empty() || p.models.size() > 8)) {
      throw InputError({BodyError("models", "'models' must be a list of 1 to 8 model names",
                                  "send [\"compromise\", \"eu\"]")});
    }
    const bool events = j.value("events", true);
    const std::optional<ChosenCalibration> calibration = Calibration(j, config_.calibrations);
    const CalibrationRecord* record = calibration ? &calibration->record : nullptr;
    std::vector<std::string> models = p.models.empty() ? std::vector{p.model.name} : p.models;
    const auto options_of = [&](const std::string& m) {
      ModelOptions o = m == p.model.name ? p.model.options : OptionsFor(j, m);
      ApplyCalibrationOptions(m, record, o);  // the ensemble's weights; others unchanged
      return o;
    };
    Cost cost;
    for (const std::string& m : models)
      cost.Then(ForecastCost(s, m, options_of(m), events ? Keep::kRoundsAndEvents : Keep::kRounds));
    if (p.models_agree) {
      // The disagreement check runs every model that needs no calibration once more.
      for (const ModelInfo& m : Models()) {
        if (!m.calibrated) cost.Then(ForecastCost(s, std::string(m.name), {}, Keep::kOutcomes));
      }
    }
    if (auto over = OverLimit(cost, config_.limits.cost)) return ErrorResponse(422, {*over});
    Json results = Json::array();
    std::optional<Forecast> agreement;  // the disagreement of the first model, shared by all
    for (const std::string& m : models) {
      RunParameters one = p;
      one.model = ModelChoice{m, options_of(m)};
      one.models.clear();
      ModelChoice choice = one.model;
      choice.options.set_cancel(stop);
      entente::Forecast f = RunForecast(s, choice);
      if (!events) {
        for (IssueForecast& issue : f.issues) issue.events.clear();  // never built as JSON
      }
      if (record) AddQuantiles(s, f, *record);
      if (p.models_agree) {
        if (!agreement) {
          agreement = f;
          AddDisagreement(s, *agreement);
        }
        for (std::size_t k = 0; k < f.issues.size(); ++k)
          f.issues[k].disagreement = agreement->issues[k].disagreement;
      }
      Json forecast = ForecastJson(s, f);
      if (!events) {
        for (Json& issue : forecast["issues"])
          issue.erase("events");  // the dashboard draws rounds only
      }
      Json run = MaybeSave(config_.db_path, j, RunKind::kForecast, s, one, forecast);
      results.push_back({{"model", m},
                         {"forecast", forecast},
                         {"cohesion", CohesionJson(m, Cohesion(s, f))},
                         {"run_id", run}});
    }
    Json answer{{"title", s.meta.title}, {"results", results}, {"elapsed_ms", Millis(start)}};
    if (calibration) answer["calibration"] = CalibrationInfoJson(calibration->name, *record);
    return JsonResponse(200, answer);
  });
}

ApiResponse Api::PostSimulate(std::string_view body, Stop cancel) const {
  return WithScenario(*this, body, cancel, [this](const In& j, const Scenario& s, Stop stop) {
    const RunParameters p = ParametersOf(j, RunKind::kSimulate, config_.limits, {});
    SimulationOptions o = ToSimulation(p);
    const std::optional<ChosenCalibration> calibration = Calibration(j, config_.calibrations);
    std::optional<std::string> warning;
    if (calibration) {
      warning = CalibrateSimulation(calibration->record, o);  // the model's own error joins in
    } else {
      ApplyCalibrationOptions(o.model, nullptr, o.model_options);  // the ensemble needs one
    }
    entente::Forecast pilot;
    if (auto refused = RunPilot(s, o.model, o.model_options, config_.limits, stop, pilot))
      return *refused;
    const Cost cost = SimulationCost(s, o.model, o.model_options, o.draws, pilot);
    if (auto over = OverLimit(cost, config_.limits.cost)) return ErrorResponse(422, {*over});
    o.cancel = stop;
    o.model_options.set_cancel(stop);
    const SimulationResult r = entente::Simulate(s, o);
    if (r.interrupted) throw Cancelled("simulation stopped");
    const Json result = SimulationJson(s, r);
    Json out{{"simulation", result}};
    if (calibration) {
      out["calibration"] = CalibrationInfoJson(calibration->name, calibration->record);
      if (warning) out["warnings"] = Json::array({*warning});
    }
    out["run_id"] = MaybeSave(config_.db_path, j, RunKind::kSimulate, s, p, result);
    return JsonResponse(200, out);
  });
}

ApiResponse Api::PostAdvise(std::string_view body, Stop cancel) const {
  return WithScenario(*this, body, cancel, [this](const In& j, const Scenario& s, Stop stop) {
    const RunParameters p = ParametersOf(j, RunKind::kAdvise, config_.limits, {});
    AdviceRequest r = ToAdvice(p);
    entente::Forecast pilot;
    if (auto refused = RunPilot(s, r.model, r.model_options, config_.limits, stop, pilot))
      return *refused;
    const Cost cost = AdviceCost(s, r.model, r.model_options, r.actor, r.issue.value_or(""), pilot);
    if (auto over = OverLimit(cost, config_.limits.cost)) return ErrorResponse(422, {*over});
    r.model_options.set_cancel(stop);
    const auto advice = entente::Advise(s, r);
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

ApiResponse Api::PostBacktest(std::string_view body, Stop cancel) const {
  return WithScenario(*this, body, cancel, [this](const In& j, const Scenario& s, Stop stop) {
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
    BacktestOptions o = ToBacktest(p);
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
    // The request's pool rule or one coder ("coder", as the CLI's --coder), then its edits.
    const BacktestResult r = RunBacktest(EditedScenario(s, p), OutcomesOfRequest(j), o);
    return JsonResponse(200, Json{{"backtest", BacktestJson(r)}});
  });
}

ApiResponse Api::PostCoders(std::string_view body, Stop cancel) const {
  return WithScenario(*this, body, cancel, [this](const In& j, const Scenario& s, Stop stop) {
    for (const char* key : {"models", "models_agree", "stability", "calibration"}) {
      if (j.contains(key)) {
        throw InputError({BodyError(key, fmt::format("the coders analysis takes no '{}'", key),
                                    "send \"model\" (one model), \"pool\" and \"set\"")});
      }
    }
    RunParameters p = ParametersOf(j, RunKind::kForecast, config_.limits, {});
    // Pooled by the request's rule, then its edits (as the CLI's `coders --pool`).
    const Scenario pooled = EditedScenario(s, p);
    if (pooled.codings.empty()) {
      throw InputError({BodyError(
          "scenario", "the scenario names no coders",
          "give stances a \"coder\" (several entries per actor and issue, one per coder)")});
    }
    const Cost cost = CodersCost(pooled, p.model.name, p.model.options);
    if (auto over = OverLimit(cost, config_.limits.cost)) return ErrorResponse(422, {*over});
    p.model.options.set_cancel(stop);
    const CodersAnalysis a = AnalyseCoders(pooled, p.model, std::string(PoolRuleName(p.pool)));
    return JsonResponse(200, Json{{"title", s.meta.title}, {"coders", CodersJson(a)}});
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
    // The outcomes the editor holds go into the file beside each issue (`outcome:`).
    ScenarioDocument doc{s, {}, {}};
    if (j.contains("outcomes") && !j["outcomes"].is_null()) {
      if (!j["outcomes"].is_array() || !j["outcomes"].empty()) doc.outcomes = OutcomesOfRequest(j);
      const Errors bad = ValidateOutcomes(s, doc.outcomes);
      if (!bad.empty()) throw InputError(bad);
    }
    return ApiResponse{200, WriteYamlDocument(doc), "application/yaml", name};
  });
}

ApiResponse Api::ExportReport(std::string_view body, Stop cancel) const {
  return WithScenario(*this, body, cancel, [this](const In& j, const Scenario& s, Stop stop) {
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
    // The report's models: the primary first, then those asked for (every model by default).
    std::vector<std::string> models{o.run.model.name};
    if (o.run.models.empty()) {
      for (const ModelInfo& m : Models()) models.emplace_back(m.name);
    }
    for (const std::string& m : o.run.models) models.push_back(m);
    std::sort(models.begin() + 1, models.end());
    models.erase(std::unique(models.begin() + 1, models.end()), models.end());
    models.erase(std::remove(models.begin() + 1, models.end(), o.run.model.name), models.end());
    Cost cost = ReportCost(s, models, o.run.model.options);
    if (auto over = OverLimit(cost, config_.limits.cost)) return ErrorResponse(422, {*over});
    if (o.run.draws > 0) {
      entente::Forecast pilot;
      if (auto refused =
              RunPilot(s, o.run.model.name, o.run.model.options, config_.limits, stop, pilot))
        return *refused;
      cost.Then(SimulationCost(s, o.run.model.name, o.run.model.options, o.run.draws, pilot));
      if (auto over = OverLimit(cost, config_.limits.cost)) return ErrorResponse(422, {*over});
    }
    o.run.model.options.set_cancel(stop);
    std::string text = BuildReport(s, o, f.value());
    const bool html = f.value() == ReportFormat::kHtml;
    return ApiResponse{200, std::move(text),
                       html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8",
                       html ? "report.html" : "report.md"};
  });
}

}  // namespace entente::server
