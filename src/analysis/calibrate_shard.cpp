// Shards of a calibration: which (file, column) units a shard runs, and the checks that a set
// of partial results is one complete calibration before its forecasts are handed to Calibrate.
#include "entente/analysis/calibrate_shard.hpp"

#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <tbb/parallel_for.h>

#include "entente/analysis/shard_set.hpp"
#include "entente/core/error.hpp"

namespace entente {
namespace {

std::string SettingsDifference(const CalibrationSettings& x, const CalibrationSettings& y) {
  if (x.models != y.models)
    return fmt::format("models {} (not {})", fmt::join(y.models, ","), fmt::join(x.models, ","));
  if (x.features != y.features) return "features";
  if (x.setter != y.setter) return fmt::format("setter '{}' (not '{}')", y.setter, x.setter);
  if (x.grid != y.grid) return "grid";
  if (x.folds != y.folds) return fmt::format("folds {} (not {})", y.folds, x.folds);
  if (x.inner_folds != y.inner_folds)
    return fmt::format("inner folds {} (not {})", y.inner_folds, x.inner_folds);
  if (x.floor != y.floor) return fmt::format("floor {} (not {})", y.floor, x.floor);
  if (x.bootstrap != y.bootstrap)
    return fmt::format("bootstrap {} (not {})", y.bootstrap, x.bootstrap);
  if (x.seed != y.seed) return fmt::format("seed {} (not {})", y.seed, x.seed);
  return {};
}

std::string RunDifference(const CalibratePart& a, const CalibratePart& b) {
  if (a.version != b.version)
    return fmt::format("entente version {} (not {})", b.version, a.version);
  if (a.paths != b.paths || a.sha256 != b.sha256) return "training files (names or contents)";
  if (std::string d = SettingsDifference(a.settings, b.settings); !d.empty()) return d;
  if (a.created != b.created)
    return fmt::format("date {} (not {}; give every shard the same --date)", b.created, a.created);
  if (a.units != b.units) return fmt::format("units {} (not {})", b.units, a.units);
  if (a.shard.count != b.shard.count)
    return fmt::format("shard count {} (not {})", b.shard.count, a.shard.count);
  return {};
}

[[noreturn]] void Refuse(const CalibratePart& p, std::string message, std::string hint) {
  RefusePart(p.source, std::move(message), std::move(hint));
}

}  // namespace

std::int64_t CalibrationUnitCount(const std::vector<TrainingInput>& inputs,
                                  const CalibrationSettings& settings) {
  return static_cast<std::int64_t>(inputs.size() * CalibrationColumns(settings).size());
}

std::int64_t ShardUnits(std::int64_t units, ShardSpec shard) {
  const std::int64_t first = shard.index - 1;
  return units > first ? (units - first + shard.count - 1) / shard.count : 0;
}

std::vector<CalibrationUnit> CalibrateShard(const std::vector<TrainingInput>& inputs,
                                            const CalibrationSettings& settings, ShardSpec shard,
                                            const std::atomic<bool>* cancel) {
  CheckCalibration(inputs, settings);
  const std::vector<CalibrationColumn> columns = CalibrationColumns(settings);
  const std::int64_t units = static_cast<std::int64_t>(inputs.size() * columns.size());
  const std::int64_t mine = ShardUnits(units, shard);
  std::vector<CalibrationUnit> out(static_cast<std::size_t>(mine));
  std::vector<char> done(out.size(), 0);
  tbb::parallel_for(std::int64_t{0}, mine, [&](std::int64_t i) {
    if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) return;
    const std::int64_t u = shard.index - 1 + i * shard.count;
    const auto file = static_cast<std::size_t>(u) / columns.size();
    const auto column = static_cast<std::size_t>(u) % columns.size();
    out[static_cast<std::size_t>(i)] =
        CalibrationUnit{u, CalibrationUnitForecasts(inputs, settings, columns, file, column)};
    done[static_cast<std::size_t>(i)] = 1;
  });
  std::vector<CalibrationUnit> kept;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (done[i] != 0) kept.push_back(std::move(out[i]));
  }
  return kept;
}

std::vector<TrainingInput> TrainingInputs(const CalibratePart& part) {
  std::vector<TrainingInput> inputs;
  for (std::size_t f = 0; f < part.documents.size(); ++f)
    inputs.push_back(TrainingInput{part.paths[f], part.sha256[f], &part.documents[f]});
  return inputs;
}

CalibrationRecord MergeCalibrateParts(const std::vector<CalibratePart>& parts,
                                      const std::function<void(const std::string&)>& progress) {
  if (parts.empty()) throw InputError("merge needs at least one partial result");
  const CalibratePart& head = parts.front();
  const std::vector<TrainingInput> inputs = TrainingInputs(head);
  const std::size_t columns = CalibrationColumns(head.settings).size();
  if (head.units != static_cast<std::int64_t>(inputs.size() * columns)) {
    Refuse(head,
           fmt::format("{} units where the settings make {}", head.units, inputs.size() * columns),
           "compute this shard again; the file is damaged");
  }
  ShardSet shards;
  std::vector<const std::vector<double>*> forecasts(static_cast<std::size_t>(head.units), nullptr);
  for (const CalibratePart& p : parts) {
    if (const std::string diff = RunDifference(head, p); !diff.empty()) {
      Refuse(p, fmt::format("this part is of another calibration than {}: {}", head.source, diff),
             "merge only the parts of one calibration (same training files, settings, date and "
             "shard count)");
    }
    shards.Add(p.source, p.shard, static_cast<std::int64_t>(p.forecasts.size()),
               ShardUnits(p.units, p.shard), "units");
    for (std::size_t i = 0; i < p.forecasts.size(); ++i) {
      const CalibrationUnit& u = p.forecasts[i];
      const std::int64_t want = p.shard.index - 1 + static_cast<std::int64_t>(i) * p.shard.count;
      const std::size_t file = static_cast<std::size_t>(want) / columns;
      if (u.unit != want || u.forecasts.size() != head.documents[file].scenario.issues.size()) {
        Refuse(p,
               fmt::format("unit {} is not the one its shard runs, or of the wrong length", u.unit),
               "compute this shard again; the file is damaged");
      }
      forecasts[static_cast<std::size_t>(want)] = &u.forecasts;
    }
  }
  shards.CheckComplete();
  return Calibrate(
      inputs, head.settings, head.created, progress,
      [&](std::size_t file, std::size_t column) { return *forecasts[file * columns + column]; });
}

}  // namespace entente
