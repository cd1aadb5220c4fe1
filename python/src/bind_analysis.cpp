// simulate(), advise(), compare() and cohesion(). Monte Carlo outcomes go to numpy without
// copying: the library's vector is moved into a capsule that owns it and is the array's base.
#include <pybind11/numpy.h>
#include <nlohmann/json.hpp>

#include "bindings.hpp"
#include "entente/analysis/advisor.hpp"
#include "entente/analysis/apply_calibration.hpp"
#include "entente/analysis/cohesion.hpp"
#include "entente/analysis/compare.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/analysis/simulation_shard.hpp"
#include "entente/formats/calibration_yaml.hpp"
#include "entente/formats/simulation_partial.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/advisor_output.hpp"
#include "entente/output/simulation_output.hpp"
#include "entente/report/histogram_chart.hpp"
#include "interruptible.hpp"

namespace py = pybind11;

namespace entente::python {

namespace {

/// A simulation with its scenario snapshot and, when kept, the draws x issues outcomes.
struct SimulationRun {
  Scenario scenario;
  SimulationResult result;
  py::object outcomes = py::none();
};

py::object OutcomeArray(std::vector<double> values, std::size_t issues) {
  if (values.empty()) return py::none();
  auto* owned = new std::vector<double>(std::move(values));
  const py::capsule owner(owned, [](void* p) { delete static_cast<std::vector<double>*>(p); });
  const auto cols = static_cast<py::ssize_t>(issues);
  const auto rows = static_cast<py::ssize_t>(owned->size() / issues);
  py::array a(
      py::dtype::of<double>(), {rows, cols},
      {cols * static_cast<py::ssize_t>(sizeof(double)), static_cast<py::ssize_t>(sizeof(double))},
      owned->data(), owner);
  a.attr("setflags")(py::arg("write") = false);
  return a;
}

// Runs `work` without the GIL, Ctrl-C setting `cancel` (see interruptible.hpp).
void Run(const std::function<void()>& work, std::atomic<bool>& cancel, const Progress& progress,
         const py::object& on_progress) {
  RunInterruptible(work, cancel, progress, on_progress);
}

// The run's options as simulate() builds them (calibration applied); the calibration's warning,
// if any, in `warning`.
SimulationOptions OptionsOf(const RunParameters& p, std::optional<std::string>& warning) {
  SimulationOptions o = ToSimulation(p);
  if (!p.calibration.empty()) {
    // The model's own error on held-out cases joins the input noise, as in the CLI.
    warning = CalibrateSimulation(ReadCalibration(p.calibration).ValueOrThrow(), o);
  } else {
    ApplyCalibrationOptions(o.model, nullptr, o.model_options);
  }
  return o;
}

// Shards for a distributed simulate (entente._distributed): the run travels as a partial
// result with no draws (the "job"), each unit returns its shard's partial result as bytes,
// and merge_shards puts them together exactly as `entente merge` does.
void BindShards(py::module_& m) {
  m.def(
      "simulate_job",
      [](const Scenario& scenario, const std::string& params) {
        const RunParameters p = ParametersFrom(params, RunKind::kSimulate);
        std::optional<std::string> warning;
        SimulationPart job;
        job.scenario = EditedScenario(scenario, p);
        job.options = OptionsOf(p, warning);
        // Checks the run here (shard 2 of 2 of one draw has none: only the point forecast
        // runs), so a bad option raises InputError on the client, not on every worker.
        SimulationOptions check = job.options;
        check.draws = 1;
        (void)SimulateShard(job.scenario, check, ShardSpec{2, 2});
        return py::make_tuple(py::bytes(WriteSimulationPartial(job)),
                              warning ? py::cast(*warning) : py::none());
      },
      py::arg("scenario"), py::arg("params"),
      "The run as a partial result with no draws, and the calibration's warning or None.");
  m.def(
      "simulate_shard",
      [](const py::bytes& job, std::int64_t index, std::int64_t count) {
        SimulationPart part =
            ParseSimulationPartial(std::string(job), "simulate job").ValueOrThrow();
        part.shard = ParseShard(std::to_string(index) + "/" + std::to_string(count));
        {
          const py::gil_scoped_release release;
          part.tally = SimulateShard(part.scenario, part.options, part.shard);
        }
        return py::bytes(WriteSimulationPartial(part));
      },
      py::arg("job"), py::arg("index"), py::arg("count"),
      "Shard index/count of the job (simulate_job) as a partial result file's bytes.");
  m.def(
      "merge_shards",
      [](const std::vector<py::bytes>& parts) {
        std::vector<SimulationPart> read;
        for (std::size_t i = 0; i < parts.size(); ++i) {
          read.push_back(
              ParseSimulationPartial(std::string(parts[i]), "part " + std::to_string(i + 1))
                  .ValueOrThrow());
        }
        auto run = std::make_unique<SimulationRun>();
        {
          const py::gil_scoped_release release;
          run->result = MergeSimulationParts(read);
        }
        run->scenario = read.front().scenario;
        return run;
      },
      py::arg("parts"), "The simulation of every shard's partial result, as `entente merge`.");
}

void BindSimulate(py::module_& m) {
  py::class_<SimulationRun>(m, "SimulationRun")
      .def_property_readonly("model", [](const SimulationRun& r) { return r.result.model; })
      .def_property_readonly("draws", [](const SimulationRun& r) { return r.result.draws_done; })
      .def_property_readonly("seed", [](const SimulationRun& r) { return r.result.seed; })
      .def_property_readonly("warnings", [](const SimulationRun& r) { return r.result.warnings; })
      .def_readonly("outcomes", &SimulationRun::outcomes,
                    "draws x issues outcomes (read-only), or None.")
      .def(
          "json",
          [](const SimulationRun& r) { return SimulationJson(r.scenario, r.result).dump(2); },
          "The CLI's `simulate --format json` text.")
      .def("table", [](const SimulationRun& r) { return SimulationTable(r.scenario, r.result); })
      .def(
          "histogram_charts",
          [](const SimulationRun& r) {
            std::vector<std::string> charts;
            for (std::size_t k = 0; k < r.result.issues.size(); ++k) {
              const Issue& issue = r.scenario.issues[k];
              charts.push_back(report::HistogramChart(r.result.issues[k], issue.scale,
                                                      "Monte Carlo distribution of " + issue.name));
            }
            return charts;
          },
          "Per issue, the HTML report's Monte Carlo histogram (SVG).");

  m.def(
      "simulate",
      [](const Scenario& scenario, const std::string& params, bool keep_draws,
         const py::object& progress_fn) {
        auto run = std::make_unique<SimulationRun>();
        std::atomic<bool> cancel{false};
        Progress progress;
        const RunParameters p = ParametersFrom(params, RunKind::kSimulate);
        run->scenario = EditedScenario(scenario, p);
        std::optional<std::string> calibration_warning;
        SimulationOptions o = OptionsOf(p, calibration_warning);
        o.keep_outcomes = keep_draws;
        o.cancel = &cancel;
        o.model_options.set_cancel(&cancel);  // Ctrl-C stops a long draw of a dynamic model too
        o.progress = [&progress](std::int64_t done, std::int64_t total) {
          progress.total.store(total);
          progress.done.store(done);
        };
        Run([&] { run->result = Simulate(run->scenario, o); }, cancel, progress, progress_fn);
        if (calibration_warning) run->result.warnings.push_back(*calibration_warning);
        run->outcomes = OutcomeArray(std::move(run->result.outcomes), run->scenario.issues.size());
        return run;
      },
      py::arg("scenario"), py::arg("params"), py::arg("keep_draws"), py::arg("progress"));
  BindShards(m);
}

}  // namespace

void BindAnalysis(py::module_& m) {
  BindSimulate(m);

  // The rest return (json text, table text), exactly what the CLI prints with -f json / table.
  m.def(
      "advise",
      [](const Scenario& scenario, const std::string& params) {
        const RunParameters p = ParametersFrom(params, RunKind::kAdvise);
        const Scenario s = EditedScenario(scenario, p);
        std::vector<IssueAdvice> advice;
        std::atomic<bool> cancel{false};
        AdviceRequest request = ToAdvice(p);
        request.model_options.set_cancel(&cancel);  // Ctrl-C stops a dynamic model within a round
        Run([&] { advice = Advise(s, request); }, cancel, Progress{}, py::none());
        return py::make_tuple(AdviceJson(p.actor, p.model.name, advice).dump(2),
                              AdviceTable(p.actor, p.model.name, advice));
      },
      py::arg("scenario"), py::arg("params"));

  m.def(
      "cohesion",
      [](const Scenario& scenario, const std::string& params) {
        const RunParameters p = ParametersFrom(params, RunKind::kCohesion);
        const Scenario s = EditedScenario(scenario, p);
        std::vector<AllianceCohesion> c;
        std::atomic<bool> cancel{false};
        ModelChoice choice = p.model;
        choice.options.set_cancel(&cancel);
        Run([&] { c = Cohesion(s, RunForecast(s, choice)); }, cancel, Progress{}, py::none());
        return py::make_tuple(CohesionJson(p.model.name, c).dump(2),
                              CohesionTable(s, p.model.name, c));
      },
      py::arg("scenario"), py::arg("params"));

  m.def(
      "compare",
      [](const Scenario& scenario, const std::string& params) {
        const RunParameters p = ParametersFrom(params, RunKind::kCompare);
        const Scenario s = EditedScenario(scenario, p);
        std::atomic<bool> cancel{false};
        CompareRequest r = ToCompare(p);
        if (r.simulation) r.simulation->cancel = &cancel;
        std::vector<Variant> variants;
        Run([&] { variants = Compare(s, r); }, cancel, Progress{}, py::none());
        return py::make_tuple(ComparisonJson(s, variants).dump(2), ComparisonTable(s, variants));
      },
      py::arg("scenario"), py::arg("params"));
}

}  // namespace entente::python
