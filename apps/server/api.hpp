#pragma once
/// \file
/// The JSON API of `entente serve`, independent of HTTP so tests and benchmarks call it
/// directly: each endpoint takes the request body and returns status, content type and body.
/// Endpoints are documented in docs/api.md.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "calibrations.hpp"
#include "catalog.hpp"
#include "request.hpp"

namespace entente::server {

/// What an endpoint answers.
struct ApiResponse {
  int status = 200;                               ///< HTTP status
  std::string body;                               ///< JSON unless content_type says otherwise
  std::string content_type = "application/json";  ///< MIME type
  std::string filename;                           ///< set for downloads (Content-Disposition)
};

/// Server-wide settings shared by every request.
struct ApiConfig {
  Catalog catalog;                ///< scenarios offered by name
  CalibrationShelf calibrations;  ///< calibrations offered by name (--calibration)
  std::string db_path;            ///< runs database; "" stores nothing
  Limits limits;                  ///< request bounds
  bool dashboard = false;  ///< whether the web front end is built in (reported by /api/health)
  /// Connection counters for /api/health (the HTTP layer's); none when empty.
  std::function<nlohmann::ordered_json()> connection_stats;
};

/// The endpoints. Thread-safe: handlers share only the read-only config (the runs database
/// is opened per request; SQLite serialises writers). The analysis endpoints refuse work
/// over the limits (422, cost.hpp) and take a `cancel` flag that the HTTP layer sets when the
/// client hangs up: the models stop within a round and the answer is 503.
class Api {
 public:
  /// An API over `config`.
  explicit Api(ApiConfig config) : config_(std::move(config)) {}

  /// GET /api/health: status, version, whether the dashboard and report module are built.
  [[nodiscard]] ApiResponse Health() const;
  /// GET /api/models: every model with its declared options (name, type, default, range,
  /// help) and the defaults every front end takes (ModelsJson).
  [[nodiscard]] ApiResponse ListModels() const;
  /// GET /api/scenarios: the served scenarios' names and titles.
  [[nodiscard]] ApiResponse ListScenarios() const;
  /// GET /api/scenarios/{name}: one served scenario in the JSON form, with the outcomes its
  /// file carries; 404 for unknown names.
  [[nodiscard]] ApiResponse GetScenario(const std::string& name) const;
  /// POST /api/validate: 200 `{"valid": true, ...}` or 400 with every located problem.
  [[nodiscard]] ApiResponse PostValidate(std::string_view body,
                                         const std::atomic<bool>* cancel = nullptr) const;
  /// POST /api/forecast: forecasts of each requested model, cohesion, and a run id if saved.
  [[nodiscard]] ApiResponse PostForecast(std::string_view body,
                                         const std::atomic<bool>* cancel = nullptr) const;
  /// POST /api/simulate: Monte Carlo distribution of each issue's outcome (bounded draws).
  [[nodiscard]] ApiResponse PostSimulate(std::string_view body,
                                         const std::atomic<bool>* cancel = nullptr) const;
  /// POST /api/advise: "what would it take" for one actor.
  [[nodiscard]] ApiResponse PostAdvise(std::string_view body,
                                       const std::atomic<bool>* cancel = nullptr) const;
  /// POST /api/backtest: every requested model scored against the request's outcomes.
  [[nodiscard]] ApiResponse PostBacktest(std::string_view body,
                                         const std::atomic<bool>* cancel = nullptr) const;
  /// POST /api/coders: for a scenario coded by several analysts, the library's coders analysis
  /// (CodersJson: per issue the outcome with each coder alone, the stances whose disagreement
  /// moves it most; per stance the coders' numbers) under `"model"` and `"pool"`; 400 naming
  /// the fix when the scenario has no coders.
  [[nodiscard]] ApiResponse PostCoders(std::string_view body,
                                       const std::atomic<bool>* cancel = nullptr) const;
  /// POST /api/export/yaml: the scenario as a YAML file to download.
  [[nodiscard]] ApiResponse ExportYaml(std::string_view body,
                                       const std::atomic<bool>* cancel = nullptr) const;
  /// POST /api/export/report: the HTML report; 501 while the report module is not built in.
  [[nodiscard]] ApiResponse ExportReport(std::string_view body,
                                         const std::atomic<bool>* cancel = nullptr) const;
  /// GET /api/runs: the latest runs of the runs database, newest first.
  [[nodiscard]] ApiResponse ListRuns() const;
  /// GET /api/calibrations: the calibrations the server offers, each with its training data,
  /// scores and caveat (CalibrationInfoJson).
  [[nodiscard]] ApiResponse ListCalibrations() const;
  /// GET /api/rules: the decision rules' kinds, presets (with their words), weight sources and
  /// absent-member conventions, for rule editors.
  [[nodiscard]] ApiResponse ListRules() const;
  /// POST /api/import: a scenario file's text (`"yaml"`, `"filename"`) as the JSON form with its
  /// outcomes, and the validation problems it still has (200, so an editor can fix them); 400
  /// when it does not parse.
  [[nodiscard]] ApiResponse PostImport(std::string_view body) const;

  /// The settings in force.
  [[nodiscard]] const ApiConfig& config() const { return config_; }
  /// Requests stopped because their client hung up (GET /api/health reports it).
  [[nodiscard]] std::int64_t cancelled() const { return cancelled_->load(); }
  /// Counts one more such request.
  void NoteCancelled() const { ++*cancelled_; }

 private:
  ApiConfig config_;
  // Shared by copies of the Api, which serve the same clients.
  std::shared_ptr<std::atomic<std::int64_t>> cancelled_ =
      std::make_shared<std::atomic<std::int64_t>>(0);
};

/// A JSON answer with `status`.
[[nodiscard]] ApiResponse JsonResponse(int status, const nlohmann::ordered_json& body);

/// `{"errors": [...]}` with `status` (400 for bad input).
[[nodiscard]] ApiResponse ErrorResponse(int status, const Errors& errors);

}  // namespace entente::server
