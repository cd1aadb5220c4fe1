// Scenario input and output: every format io::ReadScenario reads, YAML and CSV bundle texts
// (for dicts and DataFrames), validation, and atomic writes.
#include <nlohmann/json.hpp>

#include "bindings.hpp"
#include "entente/analysis/noise.hpp"
#include "entente/core/defaults.hpp"
#include "entente/core/validation.hpp"
#include "entente/core/version.hpp"
#include "entente/formats/csv_bundle.hpp"
#include "entente/formats/one_table_csv.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/model_output.hpp"
#include "entente/store/run_record.hpp"
#include "entente/store/run_store.hpp"
#include "errors.hpp"

namespace py = pybind11;

namespace entente::python {
namespace {

template <typename T>
T OrRaise(Result<T> r) {
  if (!r) ThrowErrors(r.errors());
  return std::move(r).value();
}

}  // namespace

void BindIo(py::module_& m) {
  m.def(
      "read_scenario", [](const std::string& path) { return OrRaise(ReadScenario(path)); },
      py::arg("path"), "Reads a scenario in any supported format, without range checks.");
  m.def(
      "load_scenario", [](const std::string& path) { return OrRaise(LoadScenario(path)); },
      py::arg("path"), "Reads and validates a scenario in any supported format.");
  m.def(
      "parse_yaml",
      [](const std::string& text, const std::string& file) {
        return OrRaise(ParseYamlScenario(text, file));
      },
      py::arg("text"), py::arg("file") = "<text>", "Parses YAML scenario text (structure only).");
  m.def(
      "parse_csv_bundle",
      [](const FileSet& files, const std::string& folder) {
        return OrRaise(ParseCsvBundle(files, folder));
      },
      py::arg("files"), py::arg("folder") = "<frames>",
      "Parses CSV bundle texts by file name (structure only).");
  m.def(
      "parse_one_table",
      [](const std::string& text, const std::string& file) {
        return OrRaise(ParseOneTableCsv(text, file)).scenario;
      },
      py::arg("text"), py::arg("file") = "<frame>",
      "Parses a one-table CSV (Actor,Capability,Position,Salience[,...]); structure only.");
  m.def("looks_like_one_table", &LooksLikeOneTable, py::arg("text"),
        "True when the text's header is a one-table CSV's.");
  m.def(
      "one_table_field",
      [](const std::string& header) -> std::string {
        const std::optional<OneTableColumn> c = MatchOneTableColumn(header);
        return c ? OneTableFieldName(c->field) : "";
      },
      py::arg("header"), "The field a one-table column header names, or ''.");
  m.def("to_yaml", &WriteYamlScenario, py::arg("scenario"), "The scenario as YAML text.");
  m.def(
      "scenario_to_json", [](const Scenario& s) { return ScenarioToJson(s).dump(); },
      py::arg("scenario"), "The scenario in the YAML format's shape, as JSON text.");
  m.def(
      "scenario_from_json",
      [](const std::string& text, const std::string& label) {
        // In the dict's order: metadata, weights and populations keep the order written.
        const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text, nullptr, false);
        if (j.is_discarded()) throw InternalError("the Python layer sent a dict that is not JSON");
        return OrRaise(ReadScenarioTree(TreeFromJson(j), label));
      },
      py::arg("text"), py::arg("label"),
      "Reads a scenario tree (JSON text in the YAML shape); errors located by path and names.");
  m.def(
      "to_csv_bundle", [](const Scenario& s) { return OrRaise(WriteCsvBundle(s)); },
      py::arg("scenario"), "The scenario's CSV bundle files by name.");
  m.def(
      "write_scenario",
      [](const Scenario& s, const std::string& path, bool overwrite) {
        (void)OrRaise(WriteScenario(s, path, overwrite));
      },
      py::arg("scenario"), py::arg("path"), py::arg("overwrite") = false,
      "Writes atomically in the format the path denotes.");
  m.def(
      "validate",
      [](const Scenario& s) {
        Errors errors = Validate(s);
        // A scenario built in Python has no file: its problems are still the scenario's
        // (ScenarioError), labelled as such.
        for (Error& e : errors) {
          if (e.where.file.empty()) e.where.file = "scenario";
        }
        if (!errors.empty()) ThrowErrors(errors);
      },
      py::arg("scenario"), "Raises ScenarioError listing every problem; None when valid.");
  m.def(
      "models", [] { return ModelsJson().dump(); },
      "Every model with its declared options and the library's defaults, as JSON text.");
  m.def("version", [] { return std::string(Version()); });
  m.def(
      "save_run",
      [](const std::string& kind, const Scenario& s, const std::string& scenario_path,
         const std::string& params, const std::string& result_json, const std::string& db_path) {
        const RunKind k = KindFrom(kind);
        // Parsed with ordered_json so the stored text keeps the result's key order, as the
        // CLI stores it.
        const auto result = nlohmann::ordered_json::parse(result_json);
        RunStore store = OrRaise(RunStore::Open(db_path));
        const RunParameters p = ParametersFrom(params, k);
        // The scenario the run was computed on, as the CLI stores it: with its edits.
        return OrRaise(
            store.Save(MakeRunRecord(k, EditedScenario(s, p), scenario_path, p, result)));
      },
      py::arg("kind"), py::arg("scenario"), py::arg("scenario_path"), py::arg("params"),
      py::arg("result_json"), py::arg("db_path"),
      "Stores a run in the runs database at db_path (created if needed); returns its id.");
  m.def(
      "run_parameters",
      [](const std::string& kind, const std::string& params) {
        const RunKind k = KindFrom(kind);
        return ParametersFrom(params, k).ToJson(k).dump();
      },
      py::arg("kind"), py::arg("params"),
      "The run parameters as the runs database stores them (checked; InputError naming the "
      "field otherwise).");
  m.def(
      "parse_noise", [](const std::string& text) { return ParseNoisePercent(text, "noise"); },
      py::arg("text"),
      "Noise in percent from \"10%\" or \"10\"; InputError for an ambiguous 0.1 and the like.");
  m.def(
      "defaults",
      [] {
        py::dict d;
        d["model"] = std::string(defaults::kModel);
        d["draws"] = defaults::kDraws;
        d["seed"] = defaults::kSeed;
        d["noise_percent"] = defaults::kNoisePercent;
        d["tolerance_percent"] = defaults::kTolerancePercent;
        d["tornado_bars"] = defaults::kTornadoBars;
        d["bootstrap"] = defaults::kBootstrap;
        return d;
      },
      "The library's defaults (core/defaults.hpp), which every front end takes.");
}

}  // namespace entente::python
