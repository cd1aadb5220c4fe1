// backtest() and load_document(): scenarios with their outcomes, scored by the library's
// backtest. Results travel as the CLI's JSON and table; the Python layer builds DataFrames.
#include <nlohmann/json.hpp>

#include "bindings.hpp"
#include "entente/analysis/backtest.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/output/backtest_output.hpp"
#include "errors.hpp"
#include "interruptible.hpp"

namespace py = pybind11;

namespace entente::python {
namespace {

using OutcomeTuple = std::tuple<std::string, double, std::string, std::string>;

std::vector<Outcome> OutcomesFrom(const std::vector<OutcomeTuple>& items) {
  std::vector<Outcome> out;
  out.reserve(items.size());
  for (const auto& [issue, value, date, source] : items) {
    out.push_back(Outcome{issue, value, date, source, Location{"<outcomes>"}});
  }
  return out;
}

}  // namespace

void BindBacktest(py::module_& m) {
  m.def(
      "load_document",
      [](const std::string& path, const std::vector<std::string>& reader_options) {
        ReaderOptions options;
        for (const std::string& item : reader_options) {
          Result<Unit> set = SetReaderOption(options, item);
          if (!set) ThrowErrors(set.errors());
        }
        Result<ScenarioDocument> doc = LoadDocument(path, options);
        if (!doc) ThrowErrors(doc.errors());
        std::vector<OutcomeTuple> outcomes;
        for (const Outcome& o : doc.value().outcomes) {
          outcomes.emplace_back(o.issue, o.value, o.date, o.source);
        }
        std::vector<std::string> notes;
        for (const Error& e : doc.value().notes) notes.push_back(e.ToString());
        return py::make_tuple(doc.value().scenario, outcomes, notes);
      },
      py::arg("path"), py::arg("reader_options"),
      "(scenario, [(issue, value, date, source)], notes) of a scenario file, validated.");
  m.def(
      "read_outcomes",
      [](const std::string& path) {
        Result<std::vector<Outcome>> r = ReadOutcomesFile(path);
        if (!r) ThrowErrors(r.errors());
        std::vector<OutcomeTuple> out;
        for (const Outcome& o : r.value()) out.emplace_back(o.issue, o.value, o.date, o.source);
        return out;
      },
      py::arg("path"), "[(issue, value, date, source)] of an outcomes CSV (structure only).");
  m.def(
      "backtest",
      [](const Scenario& scenario, const std::vector<OutcomeTuple>& outcomes,
         const std::string& params) {
        const RunParameters p = ParametersFrom(params, RunKind::kBacktest);
        const Scenario s = EditedScenario(scenario, p);
        const std::vector<Outcome> o = OutcomesFrom(outcomes);
        BacktestOptions b = ToBacktest(p);
        std::atomic<bool> cancel{false};
        b.cancel = &cancel;
        BacktestResult r;
        RunInterruptible([&] { r = RunBacktest(s, o, b); }, cancel, Progress{}, py::none());
        return py::make_tuple(BacktestJson(r).dump(2), BacktestTable(r));
      },
      py::arg("scenario"), py::arg("outcomes"), py::arg("params"),
      "(json text, table text) of `entente backtest` on the scenario and outcomes.");
}

}  // namespace entente::python
