// `entente calibrate`: fit a calibration on scenarios with outcomes, or re-score one (--check).
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.hpp"
#include "entente/analysis/calibrate.hpp"
#include "entente/analysis/calibrate_shard.hpp"
#include "entente/core/error.hpp"
#include "entente/core/files.hpp"
#include "entente/core/sha256.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/calibrate_partial.hpp"
#include "entente/formats/calibration_yaml.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/formats/training_files.hpp"
#include "progress.hpp"

namespace entente::cli {
namespace {

// The library's defaults (analysis/calibration_record.hpp), shown by --help.
const CalibrationSettings kDefaults;

struct CalibrateArgs {
  std::vector<std::string> train;
  std::string models = fmt::format("{}", fmt::join(kDefaults.models, ","));
  std::string features = fmt::format("{}", fmt::join(kDefaults.features, ","));
  std::string setter = kDefaults.setter;
  std::vector<std::string> grid;
  std::string folds = std::to_string(kDefaults.folds);
  int inner_folds = kDefaults.inner_folds;
  double floor = kDefaults.floor;
  int bootstrap = kDefaults.bootstrap;
  std::uint64_t seed = kDefaults.seed;
  std::string date;
  std::string output;
  std::string check;
  std::string shard;  // --shard K/N; empty for the whole run
};

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string item(Trim(std::string_view(text).substr(start, end - start)));
    if (!item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

// "eu.q=0.5,0.9" -> grid["eu"]["q"] = {"0.5", "0.9"}.
void AddGrid(CalibrationSettings& s, const std::string& item) {
  const std::size_t dot = item.find('.');
  const std::size_t eq = item.find('=');
  if (dot == std::string::npos || eq == std::string::npos || dot == 0 || eq < dot + 2 ||
      eq + 1 == item.size()) {
    throw InputError(fmt::format(
        "--grid '{}' is not MODEL.KEY=V1,V2,...; write e.g. --grid eu.q=0.5,0.9,1", item));
  }
  auto& values = s.grid[item.substr(0, dot)][item.substr(dot + 1, eq - dot - 1)];
  if (!values.empty()) {
    throw InputError(
        fmt::format("--grid gives {} twice; list all values once", item.substr(0, eq)));
  }
  values = SplitList(item.substr(eq + 1));
}

// --date, else SOURCE_DATE_EPOCH (reproducible builds), else today (UTC).
std::string CreatedDate(const std::string& given) {
  if (!given.empty()) return given;
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != 0) {
    const auto v = ParseNumber(epoch);
    if (!v || *v < 0) {
      throw InputError(fmt::format("SOURCE_DATE_EPOCH '{}' is not a count of seconds", epoch));
    }
    t = static_cast<std::time_t>(*v);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

// Reads each file with its outcomes, and the hash of its bytes.
// The training files and their inputs, which point into `files`.
std::vector<TrainingInput> LoadTraining(const std::vector<std::string>& paths,
                                        CalibratePart& files) {
  files = ReadTrainingFiles(paths).ValueOrThrow();
  return TrainingInputs(files);
}

void Progress(const std::string& stage) {
  std::cerr << "calibrate: " << stage << "...\n";
}

int Check(const std::string& path, const std::vector<std::string>& paths) {
  const CalibrationRecord old = ReadCalibration(path).ValueOrThrow();
  const std::string text = ReadTextFile(path).ValueOrThrow();
  if (paths.size() != old.training.size()) {
    std::string names;
    for (const TrainingFile& t : old.training) names += " " + t.path;
    throw InputError(fmt::format("--check {}: give its {} training file(s) in order:{}", path,
                                 old.training.size(), names));
  }
  CalibratePart files;
  const std::vector<TrainingInput> inputs = LoadTraining(paths, files);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].sha256 != old.training[i].sha256) {
      std::cerr << fmt::format(
          "check failed: training file {} changed (sha256 {} in the calibration, {} now)\n",
          paths[i], old.training[i].sha256, inputs[i].sha256);
      return 1;
    }
  }
  CalibrationRecord fresh = Calibrate(inputs, old.settings, old.created, Progress);
  if (fresh.entente_version != old.entente_version) {
    std::cerr << fmt::format("note: fitted by entente {}, re-scored by {}\n", old.entente_version,
                             fresh.entente_version);
    fresh.entente_version = old.entente_version;
  }
  const std::string again = WriteCalibrationYaml(fresh);
  if (again == text) {
    std::cout << fmt::format("{}: reproduced byte for byte ({} issues, {} groups)\n", path,
                             fresh.cases, fresh.groups);
    return 0;
  }
  std::size_t line = 1;
  std::size_t i = 0;
  while (i < again.size() && i < text.size() && again[i] == text[i]) {
    if (again[i] == '\n') ++line;
    ++i;
  }
  const auto line_at = [](const std::string& s, std::size_t pos) {
    const std::size_t b = s.rfind('\n', pos == 0 ? 0 : pos - 1);
    const std::size_t start = b == std::string::npos ? 0 : b + 1;
    return s.substr(start, s.find('\n', start) - start);
  };
  std::cerr << fmt::format(
      "check failed: {} differs from a refit at line {}\n  file:  {}\n  refit: {}\n", path, line,
      line_at(text, i), line_at(again, i));
  return 1;
}

// `--shard K/N`: only that shard's (file, column) units, written as a partial result for
// `entente merge`, which fits and writes the calibration.
void RunShard(const CalibrateArgs& a, const CalibrationSettings& s) {
  CheckShardFlags(a.shard, "", a.output);
  const ShardSpec shard = ParseShard(a.shard);
  CalibratePart part;
  const std::vector<TrainingInput> inputs = LoadTraining(a.train, part);
  part.created = CreatedDate(a.date);
  part.forecasts = CalibrateShard(inputs, s, shard, &InterruptFlag());
  part.units = CalibrationUnitCount(inputs, s);
  if (static_cast<std::int64_t>(part.forecasts.size()) < ShardUnits(part.units, shard)) {
    std::cerr << fmt::format("interrupted: shard {}/{} not written\n", shard.index, shard.count);
    ExitCode() = 130;
    return;
  }
  part.settings = s;
  part.shard = shard;
  Emit(WriteCalibratePartial(part), a.output);
}

}  // namespace

void AddCalibrateCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "calibrate",
      "Fit an ensemble and a predictive error model on scenarios with outcomes (grouped CV)");
  auto args = std::make_shared<CalibrateArgs>();
  cmd->add_option("train", args->train, "training scenarios with outcomes (DEU table, YAML)");
  cmd->add_option("--models", args->models, "models to combine (comma-separated)")
      ->capture_default_str();
  cmd->add_option("--features", args->features,
                  "issue features to combine: status_quo, setter, mean (comma-separated; "
                  "'none' for none)")
      ->capture_default_str();
  cmd->add_option("--setter", args->setter, "actor id of the agenda setter (e.g. com for DEU)");
  cmd->add_option("--grid", args->grid,
                  "option grid MODEL.KEY=V1,V2 (repeatable; the product of a model's keys)");
  cmd->add_option("--folds", args->folds, "grouped folds: N, or group (one per group)")
      ->capture_default_str();
  cmd->add_option("--inner-folds", args->inner_folds, "folds of the nested choices")
      ->capture_default_str();
  cmd->add_option("--floor", args->floor, "error-scale floor, fraction of the scale range")
      ->capture_default_str();
  cmd->add_option("--bootstrap", args->bootstrap, "bootstrap resamples for the intervals")
      ->capture_default_str();
  cmd->add_option("--seed", args->seed, "bootstrap seed")->capture_default_str();
  cmd->add_option("--date", args->date,
                  "date stored in the file (default: SOURCE_DATE_EPOCH, else today, UTC)");
  cmd->add_option("-o,--output", args->output, "write the calibration to FILE (atomically)");
  cmd->add_option("--check", args->check,
                  "re-fit calibration FILE on the training files given (same content, by "
                  "sha256) with its recorded settings; exit 1 if any byte differs");
  cmd->add_option("--shard", args->shard,
                  "K/N: run only shard K of N of the (training file x model option set) units "
                  "and write a partial result to -o; `entente merge` of all shards fits and "
                  "writes the calibration");
  cmd->callback([args] {
    if (!args->check.empty()) {
      ExitCode() = Check(args->check, args->train);
      return;
    }
    if (args->train.empty()) {
      throw InputError("give training scenarios with outcomes, e.g. entente calibrate deu.tsv");
    }
    CalibrationSettings s;
    s.models = SplitList(args->models);
    s.features = args->features == "none" ? std::vector<std::string>{} : SplitList(args->features);
    s.setter = args->setter;
    for (const std::string& g : args->grid) AddGrid(s, g);
    if (args->folds == "group") {
      s.folds = 0;
    } else {
      const auto v = ParseNumber(args->folds);
      if (!v || *v < 2 || *v != static_cast<int>(*v)) {
        throw InputError(
            fmt::format("--folds '{}' is not group or a whole number >= 2", args->folds));
      }
      s.folds = static_cast<int>(*v);
    }
    s.inner_folds = args->inner_folds;
    s.floor = args->floor;
    s.bootstrap = args->bootstrap;
    s.seed = args->seed;
    if (!args->shard.empty()) {
      RunShard(*args, s);
      return;
    }
    CalibratePart files;
    const std::vector<TrainingInput> inputs = LoadTraining(args->train, files);
    const CalibrationRecord r = Calibrate(inputs, s, CreatedDate(args->date), Progress);
    Emit(WriteCalibrationYaml(r), args->output);
    if (!args->output.empty()) {
      for (const CvScore& c : r.scores) {
        std::cerr << fmt::format("  {:<12} CV MAE {:6.2f}", c.name, c.mae.value);
        if (c.mae_vs_compromise) {
          std::cerr << fmt::format("  vs compromise {:+.2f} [{:+.2f}, {:+.2f}]",
                                   c.mae_vs_compromise->value, c.mae_vs_compromise->lo,
                                   c.mae_vs_compromise->hi);
        }
        if (c.crps) std::cerr << fmt::format("  CRPS {:.2f}", c.crps->value);
        std::cerr << "\n";
      }
      std::cerr << fmt::format("calibrate: design {}; wrote {}\n", r.design, args->output);
    }
  });
}

}  // namespace entente::cli
