// The partial-result file of a backtest shard (layout: docs/scale-out.md). Doubles in their
// shortest round-trip form, which nlohmann writes and reads back bit for bit (-0 included), so
// the merged columns are the ones one machine sorts.
#include "entente/formats/backtest_partial.hpp"

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

Json RunJson(const BacktestOptions& o) {
  Json options = Json::object();
  for (const auto& [model, set] : o.model_options) {
    Json values = Json::object();
    for (const auto& [key, value] : set.values()) values[key] = value;
    options[model] = values;
  }
  return {{"models", o.models},
          {"model_options", options},
          {"draws", o.draws},
          {"seed", o.seed},
          {"noise_percent", o.noise_percent},
          {"bootstrap", o.bootstrap},
          {"by", o.by},
          {"pool", std::string(PoolRuleName(o.pool))}};
}

BacktestOptions RunFromJson(const Json& j) {
  BacktestOptions o;
  o.models = j.at("models").get<std::vector<std::string>>();
  for (const auto& [model, values] : j.at("model_options").items()) {
    ModelOptions& set = o.model_options[model];
    for (const auto& [key, value] : values.items()) set.Set(key, value.get<std::string>());
  }
  o.draws = j.at("draws").get<std::int64_t>();
  o.seed = j.at("seed").get<std::uint64_t>();
  o.noise_percent = j.at("noise_percent").get<double>();
  o.bootstrap = j.at("bootstrap").get<int>();
  o.by = j.at("by").get<std::string>();
  const auto pool = ParsePoolRule(j.at("pool").get<std::string>());
  if (!pool) throw std::invalid_argument("unknown pool rule");
  o.pool = *pool;
  return o;
}

Json TallyJson(const BacktestTally& t) {
  Json models = Json::array();
  for (const BacktestModelTally& m : t.models) {
    Json issues = Json::array();
    for (const DrawCounts& c : m.issues) {
      Json runs = Json::array();
      for (std::size_t i = 0; i < c.values.size(); ++i) runs.push_back({c.values[i], c.counts[i]});
      issues.push_back(runs);
    }
    models.push_back({{"model", m.model}, {"point", m.point}, {"issues", issues}});
  }
  return {{"draws", t.draws}, {"models", models}};
}

BacktestTally TallyFromJson(const Json& j) {
  BacktestTally t;
  t.draws = j.at("draws").get<std::int64_t>();
  for (const Json& m : j.at("models")) {
    BacktestModelTally& model = t.models.emplace_back();
    model.model = m.at("model").get<std::string>();
    model.point = m.at("point").get<std::vector<double>>();
    for (const Json& runs : m.at("issues")) {
      DrawCounts& c = model.issues.emplace_back();
      for (const Json& r : runs) {
        c.values.push_back(r.at(0).get<double>());
        c.counts.push_back(r.at(1).get<std::int64_t>());
      }
    }
  }
  return t;
}

}  // namespace

std::string WriteBacktestPartial(const BacktestPart& part) {
  const Json scenario = ScenarioToJson(part.scenario);
  Json j = {
      {"format", std::string(kPartialFormat)},
      {"version", kPartialVersion},
      {"kind", "backtest"},
      {"entente", std::string(Version())},
      {"shard", {{"index", part.shard.index}, {"count", part.shard.count}, {"block", part.block}}},
      {"scenario_sha256", Sha256Hex(scenario.dump())},
      {"run", RunJson(part.options)},
      {"scenario", scenario},
      {"outcomes", detail::OutcomesToJson(part.outcomes)},
      {"tally", TallyJson(part.tally)}};
  j["sha256"] = Sha256Hex(j.dump());
  return j.dump() + "\n";
}

Result<BacktestPart> ParseBacktestPartial(std::string_view text, const std::string& file) {
  const auto fail = [&file](std::string field, std::string message, std::string hint) {
    return Result<BacktestPart>(
        Error{Location{file, 0, std::move(field)}, std::move(message), std::move(hint)});
  };
  const std::string again =
      "compute this shard again with `entente backtest ... --draws N --shard K/N`";
  Result<Json> opened = detail::OpenPartial(
      text, "backtest", file, "entente backtest ... --draws N --shard K/N -o FILE", again);
  if (!opened) return opened.errors();
  Json j = std::move(opened).value();
  try {
    BacktestPart part;
    part.source = file;
    part.version = j.at("entente").get<std::string>();
    const std::optional<ShardSpec> shard = detail::ShardFromJson(j.at("shard"));
    if (!shard) return fail("shard", "the shard is not K of N with 1 <= K <= N", again);
    part.shard = *shard;
    part.block = j.at("shard").at("block").get<std::int64_t>();
    part.scenario_hash = j.at("scenario_sha256").get<std::string>();
    if (Sha256Hex(j.at("scenario").dump()) != part.scenario_hash)
      return fail("scenario", "the scenario does not match its hash", again);
    Result<Scenario> scenario = ReadScenarioTree(TreeFromJson(j.at("scenario")), file);
    if (!scenario) return scenario.errors();
    part.scenario = std::move(scenario).value();
    part.outcomes = detail::OutcomesFromJson(j.at("outcomes"), file);
    part.options = RunFromJson(j.at("run"));
    part.tally = TallyFromJson(j.at("tally"));
    return part;
  } catch (const std::exception& e) {
    return fail("", fmt::format("a field is missing or of the wrong type ({})", e.what()), again);
  }
}

}  // namespace entente
