// forecast(): a model run whose round trajectories reach numpy without copying: each issue's
// rounds are packed once into one rounds x stances block owned by the run object, and the
// arrays handed out are read-only views that keep that object alive.
#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <nlohmann/json.hpp>

#include "bindings.hpp"
#include "entente/analysis/apply_calibration.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/calibration_yaml.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/forecast_output.hpp"
#include "entente/report/scale_chart.hpp"
#include "entente/report/trajectory_chart.hpp"
#include "interruptible.hpp"

namespace py = pybind11;

namespace entente::python {
namespace {

/// A forecast with the scenario it came from (a snapshot: later edits do not change it).
struct ForecastRun {
  Scenario scenario;
  Forecast forecast;
  std::vector<std::vector<double>> trajectories;  ///< per issue: rounds x stances, row-major
};

const IssueForecast& IssueAt(const ForecastRun& run, std::size_t k) {
  if (k >= run.forecast.issues.size()) throw py::index_error("issue index out of range");
  return run.forecast.issues[k];
}

py::array View(const py::object& owner, const double* data, std::vector<py::ssize_t> shape) {
  std::vector<py::ssize_t> strides(shape.size(), sizeof(double));
  if (shape.size() == 2) strides[0] = shape[1] * static_cast<py::ssize_t>(sizeof(double));
  py::array a(py::dtype::of<double>(), shape, strides, data, owner);
  a.attr("setflags")(py::arg("write") = false);
  return a;
}

}  // namespace

RunKind KindFrom(const std::string& name) {
  for (RunKind k : {RunKind::kForecast, RunKind::kSimulate, RunKind::kAdvise, RunKind::kCompare,
                    RunKind::kCohesion, RunKind::kReport, RunKind::kBacktest}) {
    if (RunKindName(k) == name) return k;
  }
  throw InputError(fmt::format("unknown kind of run '{}'", name));
}

RunParameters ParametersFrom(const std::string& json, RunKind kind) {
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded())
    throw InternalError("the Python layer sent run parameters that are not JSON");
  return RunParameters::FromJson(j, kind, "");
}

void BindForecast(py::module_& m) {
  py::class_<ForecastRun>(m, "ForecastRun")
      .def_property_readonly("model", [](const ForecastRun& r) { return r.forecast.model; })
      .def_property_readonly("warnings", [](const ForecastRun& r) { return r.forecast.warnings; })
      .def_property_readonly("scenario", [](const ForecastRun& r) { return r.scenario; })
      .def(
          "json", [](const ForecastRun& r) { return ForecastJson(r.scenario, r.forecast).dump(2); },
          "The CLI's `forecast --format json` text.")
      .def(
          "table", [](const ForecastRun& r) { return ForecastTable(r.scenario, r.forecast); },
          "The CLI's table.")
      .def("csv", [](const ForecastRun& r) { return ForecastCsv(r.scenario, r.forecast); })
      .def(
          "stance_actors",
          [](const ForecastRun& r, std::size_t k) {
            (void)IssueAt(r, k);
            std::vector<std::string> ids;
            for (const Stance& s : r.scenario.issues[k].stances) ids.push_back(s.actor);
            return ids;
          },
          py::arg("issue"))
      .def(
          "final_positions",
          [](const py::object& self, std::size_t k) {
            const IssueForecast& f = IssueAt(self.cast<const ForecastRun&>(), k);
            return View(self, f.final_positions.data(),
                        {static_cast<py::ssize_t>(f.final_positions.size())});
          },
          py::arg("issue"), "Positions after the model ran, per stance (read-only view).")
      .def(
          "trajectory",
          [](const py::object& self, std::size_t k) {
            const ForecastRun& r = self.cast<const ForecastRun&>();
            (void)IssueAt(r, k);
            const auto cols = static_cast<py::ssize_t>(r.scenario.issues[k].stances.size());
            const auto rows = static_cast<py::ssize_t>(r.forecast.issues[k].rounds.size());
            return View(self, r.trajectories[k].data(), {rows, cols});
          },
          py::arg("issue"),
          "rounds x stances positions (read-only view; 0 rows for static models).")
      .def(
          "scale_charts",
          [](const ForecastRun& r) {
            std::vector<std::string> charts;
            for (std::size_t k = 0; k < r.forecast.issues.size(); ++k) {
              charts.push_back(report::ScaleChart(
                  r.scenario.issues[k], {report::MarkOf(r.forecast.model, r.forecast.issues[k])}));
            }
            return charts;
          },
          "Per issue, the HTML report's scale chart (SVG) with this forecast's row.")
      .def(
          "trajectory_charts",
          [](const ForecastRun& r) {
            std::vector<std::string> charts;
            for (std::size_t k = 0; k < r.forecast.issues.size(); ++k) {
              if (r.forecast.issues[k].rounds.empty()) continue;
              charts.push_back(report::TrajectoryChart(r.scenario.issues[k], r.forecast.issues[k],
                                                       r.forecast.model));
            }
            return charts;
          },
          "Per issue with bargaining rounds, the HTML report's trajectory chart (SVG); none "
          "for static models.");

  m.def(
      "forecast",
      [](const Scenario& scenario, const std::string& params) {
        auto run = std::make_unique<ForecastRun>();
        RunParameters p = ParametersFrom(params, RunKind::kForecast);
        run->scenario = EditedScenario(scenario, p);  // snapshot, taken with the GIL held
        std::optional<CalibrationRecord> record;
        if (!p.calibration.empty()) {
          record = ReadCalibration(p.calibration).ValueOrThrow();
          if (p.model.name == "ensemble") {
            if (!p.model.options.values().empty()) {
              throw InputError(
                  "model ensemble takes its options from the calibration file; pass no options");
            }
            p.model.options = EnsembleOptions(*record);
          }
        }
        std::atomic<bool> cancel{false};
        p.model.options.set_cancel(&cancel);  // Ctrl-C stops a dynamic model within a round
        Progress progress;
        RunInterruptible([&] { run->forecast = RunForecast(run->scenario, p.model); }, cancel,
                         progress, py::none());
        if (record) AddQuantiles(run->scenario, run->forecast, *record);
        for (const IssueForecast& f : run->forecast.issues) {
          std::vector<double> packed;
          for (const Round& round : f.rounds)
            packed.insert(packed.end(), round.positions.begin(), round.positions.end());
          run->trajectories.push_back(std::move(packed));
        }
        return run;
      },
      py::arg("scenario"), py::arg("params"),
      "Validates, runs the model and applies the decision rules, without the GIL; with a "
      "calibration file in the parameters, adds predictive quantiles (and the ensemble model's "
      "weights).");
}

}  // namespace entente::python
