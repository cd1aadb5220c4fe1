// calibrate() locally or on a Dask cluster (entente._distributed): the calibration travels as a
// "job" (a calibrate partial file with no units: settings, date and the training files read
// once on the client), each Dask task returns one shard's partial result as bytes, and
// merge_calibrate fits and writes the calibration as `entente merge` does.
#include <map>

#include "bindings.hpp"
#include "entente/analysis/calibrate_shard.hpp"
#include "entente/core/error.hpp"
#include "entente/core/files.hpp"
#include "entente/formats/calibrate_partial.hpp"
#include "entente/formats/calibration_yaml.hpp"
#include "entente/formats/training_files.hpp"

namespace py = pybind11;

namespace entente::python {
namespace {

CalibratePart ReadJob(const py::bytes& bytes, const std::string& name) {
  return ParseCalibratePartial(std::string(bytes), name).ValueOrThrow();
}

}  // namespace

void BindCalibrate(py::module_& m) {
  m.def(
      "calibration_defaults",
      [] {
        const CalibrationSettings d;
        py::dict out;
        out["models"] = d.models;
        out["features"] = d.features;
        out["folds"] = d.folds;
        out["inner_folds"] = d.inner_folds;
        out["floor"] = d.floor;
        out["bootstrap"] = d.bootstrap;
        out["seed"] = d.seed;
        return out;
      },
      "The library's calibrate settings defaults (analysis/calibration_record.hpp), which "
      "`entente calibrate` takes too.");
  m.def(
      "calibrate_job",
      [](const std::vector<std::string>& paths, std::vector<std::string> models,
         std::vector<std::string> features, std::string setter,
         std::map<std::string, std::map<std::string, std::vector<std::string>>> grid, int folds,
         int inner_folds, double floor, int bootstrap, std::uint64_t seed,
         const std::string& created) {
        CalibrationSettings settings;
        settings.models = std::move(models);
        settings.features = std::move(features);
        settings.setter = std::move(setter);
        settings.grid = std::move(grid);
        settings.folds = folds;
        settings.inner_folds = inner_folds;
        settings.floor = floor;
        settings.bootstrap = bootstrap;
        settings.seed = seed;
        CalibratePart job = ReadTrainingFiles(paths).ValueOrThrow();
        job.created = created;
        job.settings = settings;
        const std::vector<TrainingInput> inputs = TrainingInputs(job);
        CheckCalibration(inputs, settings);
        job.units = CalibrationUnitCount(inputs, settings);
        return py::make_tuple(py::bytes(WriteCalibratePartial(job)), job.units);
      },
      py::arg("paths"), py::arg("models"), py::arg("features"), py::arg("setter"), py::arg("grid"),
      py::arg("folds"), py::arg("inner_folds"), py::arg("floor"), py::arg("bootstrap"),
      py::arg("seed"), py::arg("created"),
      "The training files and settings as a job, and its unit count (file x column).");
  m.def(
      "calibrate_shard",
      [](const py::bytes& bytes, std::int64_t index, std::int64_t count) {
        CalibratePart part = ReadJob(bytes, "calibrate job");
        part.shard = ParseShard(std::to_string(index) + "/" + std::to_string(count));
        {
          const py::gil_scoped_release release;
          part.forecasts = CalibrateShard(TrainingInputs(part), part.settings, part.shard);
        }
        return py::bytes(WriteCalibratePartial(part));
      },
      py::arg("job"), py::arg("index"), py::arg("count"),
      "Shard index/count of the job (calibrate_job) as a partial result file's bytes.");
  m.def(
      "merge_calibrate",
      [](const std::vector<py::bytes>& parts, const std::string& path) {
        std::vector<CalibratePart> read;
        for (std::size_t i = 0; i < parts.size(); ++i)
          read.push_back(ReadJob(parts[i], "part " + std::to_string(i + 1)));
        const py::gil_scoped_release release;
        std::string text = WriteCalibrationYaml(MergeCalibrateParts(read));
        if (!path.empty()) (void)WriteFileAtomic(path, text).ValueOrThrow();
        return text;
      },
      py::arg("parts"), py::arg("path") = "",
      "The calibration file's text from every shard's partial result; also written atomically "
      "to `path` when given.");
}

}  // namespace entente::python
