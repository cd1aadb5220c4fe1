#include "calibrations.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "entente/formats/calibration_yaml.hpp"

namespace entente::server {
namespace {

namespace fs = std::filesystem;

Error BodyError(std::string field, std::string message, std::string hint) {
  return Error{Location{"request body", 0, std::move(field)}, std::move(message), std::move(hint)};
}

nlohmann::ordered_json IntervalJson(const Interval& i) {
  return {i.value, i.lo, i.hi};
}

}  // namespace

Result<CalibrationShelf> LoadCalibrations(const std::vector<std::string>& paths) {
  CalibrationShelf shelf;
  Errors errors;
  const auto add = [&](const fs::path& p) {
    Result<CalibrationRecord> r = ReadCalibration(p.string());
    if (!r) {
      errors.insert(errors.end(), r.errors().begin(), r.errors().end());
      return;
    }
    const std::string name = p.stem().string();
    if (!shelf.emplace(name, std::move(r).value()).second) {
      errors.push_back(Error{Location{p.string(), 0, ""},
                             fmt::format("two calibrations are called '{}'", name),
                             "rename one of them"});
    }
  };
  for (const std::string& given : paths) {
    const fs::path p(given);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (const auto& e : fs::directory_iterator(p, ec)) {
        if (e.is_regular_file() &&
            (e.path().extension() == ".yaml" || e.path().extension() == ".yml"))
          found.push_back(e.path());
      }
      std::sort(found.begin(), found.end());
      for (const fs::path& f : found) add(f);
    } else if (fs::is_regular_file(p, ec)) {
      add(p);
    } else {
      errors.push_back(Error{Location{given, 0, ""}, "no such calibration file or folder",
                             "give a file written by `entente calibrate`, or a folder of them"});
    }
  }
  if (!errors.empty()) return errors;
  return shelf;
}

Result<std::optional<ChosenCalibration>> CalibrationOfRequest(const nlohmann::json& body,
                                                              const CalibrationShelf& shelf) {
  const bool named =
      body.contains("calibration") && !body["calibration"].is_null() &&
      !(body["calibration"].is_string() && body["calibration"].get<std::string>().empty());
  const bool uploaded = body.contains("calibration_yaml") && !body["calibration_yaml"].is_null();
  if (named && uploaded) {
    return BodyError("calibration", "give either 'calibration' or 'calibration_yaml', not both",
                     "name a served calibration, or send a calibration file's text");
  }
  if (uploaded) {
    if (!body["calibration_yaml"].is_string()) {
      return BodyError("calibration_yaml", "'calibration_yaml' must be a string",
                       "send the calibration file's text");
    }
    const std::string name = "uploaded calibration";
    Result<CalibrationRecord> r =
        ParseCalibrationYaml(body["calibration_yaml"].get<std::string>(), name);
    if (!r) return r.errors();
    return std::optional<ChosenCalibration>(ChosenCalibration{name, std::move(r).value()});
  }
  if (!named) return std::optional<ChosenCalibration>();
  if (!body["calibration"].is_string()) {
    return BodyError("calibration", "'calibration' must be the name of a served calibration",
                     "GET /api/calibrations lists them");
  }
  // A name, never a path: only what the server was started with can be used.
  const std::string name = body["calibration"].get<std::string>();
  const auto it = shelf.find(name);
  if (it == shelf.end()) {
    std::string offered;
    for (const auto& [n, r] : shelf) offered += (offered.empty() ? "" : ", ") + n;
    return BodyError(
        "calibration", fmt::format("this server offers no calibration called '{}'", name),
        offered.empty() ? "start it with --calibration FILE, or send the file's text as "
                          "'calibration_yaml'"
                        : fmt::format("use one of: {} (GET /api/calibrations)", offered));
  }
  return std::optional<ChosenCalibration>(ChosenCalibration{name, it->second});
}

nlohmann::ordered_json CalibrationInfoJson(const std::string& name,
                                           const CalibrationRecord& record) {
  using J = nlohmann::ordered_json;
  J training = J::array();
  std::string data;
  for (const TrainingFile& t : record.training) {
    training.push_back(
        {{"path", t.path}, {"sha256", t.sha256}, {"issues", t.issues}, {"groups", t.groups}});
    data += (data.empty() ? "" : ", ") + t.path;
  }
  J scores = J::array();
  for (const CvScore& s : record.scores) {
    J one{{"name", s.name}, {"mae", IntervalJson(s.mae)}};
    if (s.mae_vs_compromise) one["mae_vs_compromise"] = IntervalJson(*s.mae_vs_compromise);
    if (s.crps) one["crps"] = IntervalJson(*s.crps);
    if (!s.coverage.empty()) {
      J cov = J::object();
      const char* levels[] = {"50", "80", "90"};
      for (std::size_t i = 0; i < s.coverage.size() && i < 3; ++i)
        cov[levels[i]] = IntervalJson(s.coverage[i]);
      one["coverage"] = cov;
    }
    scores.push_back(one);
  }
  J weights = J::object();
  for (const auto& [base, w] : record.weights) weights[base] = w;
  J residuals = J::array();
  for (const auto& [model, z] : record.z) residuals.push_back(model);
  return J{
      {"name", name},
      {"created", record.created},
      {"entente_version", record.entente_version},
      {"training", training},
      {"cases", record.cases},
      {"groups", record.groups},
      {"design", record.design},
      {"weights", weights},
      {"models_with_residuals", residuals},
      {"scores", scores},
      {"source", fmt::format("fitted on {} issues in {} groups of {}, created {}", record.cases,
                             record.groups, data.empty() ? "no file" : data, record.created)},
      {"caveat",
       "A calibration is only as good as the resemblance of a new case to its training "
       "data: its quantiles say how wrong the model was on those cases, not on this one."}};
}

}  // namespace entente::server
