// The partial-result file of a calibrate shard (layout: docs/scale-out.md). The forecasts are
// doubles in their shortest round-trip form, which nlohmann writes and reads back bit for bit,
// so the merged fit sees the numbers one machine computes.
#include "entente/formats/calibrate_partial.hpp"

#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/sha256.hpp"
#include "entente/core/version.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "entente/formats/simulation_partial.hpp"

#include "partial_envelope.hpp"

namespace entente {
namespace {

using Json = nlohmann::ordered_json;

Json SettingsJson(const CalibrationSettings& s) {
  Json grid = Json::object();
  for (const auto& [model, keys] : s.grid) {
    Json k = Json::object();
    for (const auto& [key, values] : keys) k[key] = values;
    grid[model] = k;
  }
  return {{"models", s.models}, {"features", s.features},   {"setter", s.setter},
          {"grid", grid},       {"folds", s.folds},         {"inner_folds", s.inner_folds},
          {"floor", s.floor},   {"bootstrap", s.bootstrap}, {"seed", s.seed}};
}

CalibrationSettings SettingsFromJson(const Json& j) {
  CalibrationSettings s;
  s.models = j.at("models").get<std::vector<std::string>>();
  s.features = j.at("features").get<std::vector<std::string>>();
  s.setter = j.at("setter").get<std::string>();
  for (const auto& [model, keys] : j.at("grid").items()) {
    for (const auto& [key, values] : keys.items())
      s.grid[model][key] = values.get<std::vector<std::string>>();
  }
  s.folds = j.at("folds").get<int>();
  s.inner_folds = j.at("inner_folds").get<int>();
  s.floor = j.at("floor").get<double>();
  s.bootstrap = j.at("bootstrap").get<int>();
  s.seed = j.at("seed").get<std::uint64_t>();
  return s;
}

}  // namespace

std::string WriteCalibratePartial(const CalibratePart& part) {
  Json training = Json::array();
  for (std::size_t f = 0; f < part.documents.size(); ++f) {
    training.push_back({{"path", part.paths[f]},
                        {"sha256", part.sha256[f]},
                        {"scenario", ScenarioToJson(part.documents[f].scenario)},
                        {"outcomes", detail::OutcomesToJson(part.documents[f].outcomes)}});
  }
  Json units = Json::array();
  for (const CalibrationUnit& u : part.forecasts) units.push_back({u.unit, u.forecasts});
  Json j = {{"format", std::string(kPartialFormat)},
            {"version", kPartialVersion},
            {"kind", "calibrate"},
            {"entente", std::string(Version())},
            {"shard", {{"index", part.shard.index}, {"count", part.shard.count}}},
            {"created", part.created},
            {"settings", SettingsJson(part.settings)},
            {"training", training},
            {"units", part.units},
            {"forecasts", units}};
  j["sha256"] = Sha256Hex(j.dump());
  return j.dump() + "\n";
}

Result<CalibratePart> ParseCalibratePartial(std::string_view text, const std::string& file) {
  const auto fail = [&file](std::string field, std::string message, std::string hint) {
    return Result<CalibratePart>(
        Error{Location{file, 0, std::move(field)}, std::move(message), std::move(hint)});
  };
  const std::string again = "compute this shard again with `entente calibrate ... --shard K/N`";
  Result<Json> opened = detail::OpenPartial(text, "calibrate", file,
                                            "entente calibrate ... --shard K/N -o FILE", again);
  if (!opened) return opened.errors();
  Json j = std::move(opened).value();
  try {
    CalibratePart part;
    part.source = file;
    part.version = j.at("entente").get<std::string>();
    const std::optional<ShardSpec> shard = detail::ShardFromJson(j.at("shard"));
    if (!shard) return fail("shard", "the shard is not K of N with 1 <= K <= N", again);
    part.shard = *shard;
    part.created = j.at("created").get<std::string>();
    part.settings = SettingsFromJson(j.at("settings"));
    for (const Json& t : j.at("training")) {
      part.paths.push_back(t.at("path").get<std::string>());
      part.sha256.push_back(t.at("sha256").get<std::string>());
      Result<Scenario> scenario = ReadScenarioTree(TreeFromJson(t.at("scenario")), file);
      if (!scenario) return scenario.errors();
      ScenarioDocument& doc = part.documents.emplace_back();
      doc.scenario = std::move(scenario).value();
      doc.outcomes = detail::OutcomesFromJson(t.at("outcomes"), file);
    }
    part.units = j.at("units").get<std::int64_t>();
    for (const Json& u : j.at("forecasts")) {
      part.forecasts.push_back(
          CalibrationUnit{u.at(0).get<std::int64_t>(), u.at(1).get<std::vector<double>>()});
    }
    return part;
  } catch (const std::exception& e) {
    return fail("", fmt::format("a field is missing or of the wrong type ({})", e.what()), again);
  }
}

}  // namespace entente
