// sweep() locally or on a Dask cluster (entente._distributed): the sweep travels as a "job"
// (the sweep file's text and the scenario, read once on the client), each unit returns its
// shard's partial result as bytes, and merge_sweep puts them together as `entente merge` does.
#include <nlohmann/json.hpp>

#include "bindings.hpp"
#include "entente/analysis/sweep.hpp"
#include "entente/core/files.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "entente/formats/sweep_partial.hpp"
#include "entente/formats/sweep_spec.hpp"
#include "entente/formats/tree.hpp"
#include "entente/output/sweep_output.hpp"

namespace py = pybind11;

namespace entente::python {
namespace {

using Json = nlohmann::ordered_json;

struct Job {
  SweepSpec spec;
  Scenario scenario;
  std::string hash;
};

Job ReadJob(const std::string& bytes) {
  const Json j = Json::parse(bytes);
  Job job;
  const std::string file = j.at("file").get<std::string>();
  job.spec = ParseSweepSpec(j.at("spec").get<std::string>(), file).ValueOrThrow();
  job.scenario = ReadScenarioTree(TreeFromJson(j.at("scenario")), file).ValueOrThrow();
  job.hash = j.at("sha256").get<std::string>();
  return job;
}

// The three renderings of merged rows: (json, csv, table), as the CLI prints them.
py::tuple Rendered(const std::vector<SweepRow>& rows, std::int64_t draws) {
  const Json json = SweepJson(rows, draws);
  return py::make_tuple(json.dump(2) + "\n", SweepCsv(json), SweepTable(rows, draws));
}

}  // namespace

void BindSweep(py::module_& m) {
  m.def(
      "sweep_job",
      [](const std::string& path) {
        const std::string spec_text = ReadTextFile(path).ValueOrThrow();
        const SweepSpec spec = ParseSweepSpec(spec_text, path).ValueOrThrow();
        const std::string scenario_text = ReadTextFile(spec.scenario).ValueOrThrow();
        const Scenario scenario = LoadScenario(spec.scenario).ValueOrThrow();
        const Json job = {{"file", path},
                          {"spec", spec_text},
                          {"scenario", ScenarioToJson(scenario)},
                          {"sha256", SweepSpecHash(spec_text, scenario_text)}};
        return py::make_tuple(py::bytes(job.dump()), SweepUnits(spec.plan));
      },
      py::arg("path"), "The sweep file at `path` and its scenario as a job, and its unit count.");
  m.def(
      "sweep_shard",
      [](const py::bytes& bytes, std::int64_t index, std::int64_t count, int threads) {
        const Job job = ReadJob(std::string(bytes));
        SweepPart part;
        part.spec_sha256 = job.hash;
        part.units = SweepUnits(job.spec.plan);
        part.draws = job.spec.plan.draws;
        part.shard = ParseShard(std::to_string(index) + "/" + std::to_string(count));
        {
          const py::gil_scoped_release release;
          part.rows = RunSweep(job.scenario, job.spec.plan, part.shard, threads);
        }
        return py::bytes(WriteSweepPartial(part));
      },
      py::arg("job"), py::arg("index"), py::arg("count"), py::arg("threads") = 0,
      "Shard index/count of the job (sweep_job) as a partial result file's bytes.");
  m.def(
      "merge_sweep",
      [](const std::vector<py::bytes>& parts) {
        std::vector<SweepPart> read;
        for (std::size_t i = 0; i < parts.size(); ++i) {
          read.push_back(ParseSweepPartial(std::string(parts[i]), "part " + std::to_string(i + 1))
                             .ValueOrThrow());
        }
        if (read.empty()) throw InputError("merge needs at least one partial result");
        return Rendered(MergeSweepParts(read), read.front().draws);
      },
      py::arg("parts"), "(json, csv, table) of every shard's partial result, as `entente merge`.");
}

}  // namespace entente::python
