// The partial-result file of a Monte Carlo shard (layout: docs/scale-out.md). JSON because
// every number in it must come back exact: integers as JSON integers (128-bit sums as decimal
// strings), doubles in their shortest round-trip form, which nlohmann writes and reads back
// bit for bit.
#include "entente/formats/simulation_partial.hpp"

#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/files.hpp"
#include "entente/core/sha256.hpp"
#include "entente/core/version.hpp"
#include "entente/formats/scenario_tree.hpp"

#include "partial_envelope.hpp"

namespace entente {
namespace {

using Json = nlohmann::ordered_json;
__extension__ using Int128 = __int128;

std::string Decimal(UInt128 v) {
  std::string out;
  do {
    out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  return out;
}

std::string Decimal(Int128 v) {
  if (v >= 0) return Decimal(static_cast<UInt128>(v));
  return "-" + Decimal(static_cast<UInt128>(-(v + 1)) + 1);
}

// A damaged number is the file's fault, reported through the exception the reader turns into
// its one error.
UInt128 ParseUnsigned(std::string_view s) {
  if (s.empty() || s.size() > 39) throw std::invalid_argument("bad 128-bit number");
  UInt128 v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') throw std::invalid_argument("bad 128-bit number");
    const UInt128 next = v * 10 + static_cast<unsigned>(c - '0');
    if (next / 10 != v) throw std::invalid_argument("128-bit number out of range");
    v = next;
  }
  return v;
}

Int128 ParseSigned(std::string_view s) {
  const bool negative = !s.empty() && s.front() == '-';
  const UInt128 mag = ParseUnsigned(negative ? s.substr(1) : s);
  if (mag > (static_cast<UInt128>(1) << 127) - (negative ? 0 : 1))
    throw std::invalid_argument("128-bit number out of range");
  return negative ? -static_cast<Int128>(mag - 1) - 1 : static_cast<Int128>(mag);
}

Json RunJson(const SimulationOptions& o) {
  Json options = Json::object();
  for (const auto& [key, value] : o.model_options.values()) options[key] = value;
  Json thresholds = Json::array();
  for (const Threshold& t : o.thresholds)
    thresholds.push_back({{"issue", t.issue}, {"value", t.value}});
  return {{"model", o.model},
          {"model_options", options},
          {"draws", o.draws},
          {"seed", o.seed},
          {"noise_percent", o.noise_percent},
          {"thresholds", thresholds},
          {"sensitivity", o.sensitivity},
          {"sensitivity_bins", o.sensitivity_bins},
          {"error_floor", o.error_floor},
          {"model_error_z", o.model_error_z}};
}

SimulationOptions RunFromJson(const Json& j) {
  SimulationOptions o;
  o.model = j.at("model").get<std::string>();
  for (const auto& [key, value] : j.at("model_options").items())
    o.model_options.Set(key, value.get<std::string>());
  o.draws = j.at("draws").get<std::int64_t>();
  o.seed = j.at("seed").get<std::uint64_t>();
  o.noise_percent = j.at("noise_percent").get<double>();
  for (const Json& t : j.at("thresholds"))
    o.thresholds.push_back(
        Threshold{t.at("issue").get<std::string>(), t.at("value").get<double>()});
  o.sensitivity = j.at("sensitivity").get<bool>();
  o.sensitivity_bins = j.at("sensitivity_bins").get<int>();
  o.error_floor = j.at("error_floor").get<double>();
  o.model_error_z = j.at("model_error_z").get<std::vector<double>>();
  return o;
}

Json TallyJson(const SimulationTally& t) {
  Json issues = Json::array();
  for (const IssueTally& it : t.issues) {
    const OutcomeSketch::State& s = it.sketch;
    Json bins = Json::array();
    for (const OutcomeSketch::BinState& b : s.bins)
      bins.push_back({b.index, b.count, b.min, b.max});
    issues.push_back({{"count", s.count},
                      {"min", s.count > 0 ? Json(s.min) : Json()},
                      {"max", s.count > 0 ? Json(s.max) : Json()},
                      {"sum_q", Decimal(s.sum_q)},
                      {"sum_q2", Decimal(s.sum_q2)},
                      {"bins", bins},
                      {"status_quo_holds", it.status_quo_holds},
                      {"fallbacks", it.fallbacks},
                      {"ge", it.ge},
                      {"le", it.le},
                      {"binds", it.binds}});
  }
  Json cells = Json::array();
  for (const FirstOrderAccumulator::CellState& c : t.first_order)
    cells.push_back({c.index, c.n, Decimal(c.sum), Decimal(c.sum_sq)});
  return {{"draws", t.draws}, {"issues", issues}, {"first_order", cells}};
}

SimulationTally TallyFromJson(const Json& j) {
  SimulationTally t;
  t.draws = j.at("draws").get<std::int64_t>();
  for (const Json& i : j.at("issues")) {
    IssueTally it;
    OutcomeSketch::State& s = it.sketch;
    s.count = i.at("count").get<std::int64_t>();
    if (s.count > 0) {
      s.min = i.at("min").get<double>();
      s.max = i.at("max").get<double>();
    }
    s.sum_q = ParseSigned(i.at("sum_q").get<std::string>());
    s.sum_q2 = ParseUnsigned(i.at("sum_q2").get<std::string>());
    for (const Json& b : i.at("bins")) {
      s.bins.push_back(
          OutcomeSketch::BinState{b.at(0).get<std::uint32_t>(), b.at(1).get<std::uint32_t>(),
                                  b.at(2).get<std::uint16_t>(), b.at(3).get<std::uint16_t>()});
    }
    it.status_quo_holds = i.at("status_quo_holds").get<std::int64_t>();
    it.fallbacks = i.at("fallbacks").get<std::int64_t>();
    it.ge = i.at("ge").get<std::vector<std::int64_t>>();
    it.le = i.at("le").get<std::vector<std::int64_t>>();
    it.binds = i.at("binds").get<std::vector<std::int64_t>>();
    t.issues.push_back(std::move(it));
  }
  for (const Json& c : j.at("first_order")) {
    t.first_order.push_back(FirstOrderAccumulator::CellState{
        c.at(0).get<std::uint64_t>(), c.at(1).get<std::int64_t>(),
        ParseSigned(c.at(2).get<std::string>()), ParseUnsigned(c.at(3).get<std::string>())});
  }
  return t;
}

}  // namespace

std::string PartialScenarioHash(const Scenario& scenario) {
  return Sha256Hex(ScenarioToJson(scenario).dump());
}

std::string WriteSimulationPartial(const SimulationPart& part) {
  const Json scenario = ScenarioToJson(part.scenario);
  Json j = {
      {"format", std::string(kPartialFormat)},
      {"version", kPartialVersion},
      {"kind", "simulate"},
      {"entente", std::string(Version())},
      {"shard", {{"index", part.shard.index}, {"count", part.shard.count}, {"block", part.block}}},
      {"scenario_sha256", Sha256Hex(scenario.dump())},
      {"run", RunJson(part.options)},
      {"scenario", scenario},
      {"tally", TallyJson(part.tally)}};
  j["sha256"] = Sha256Hex(j.dump());
  return j.dump() + "\n";
}

Result<SimulationPart> ParseSimulationPartial(std::string_view text, const std::string& file) {
  const auto fail = [&file](std::string field, std::string message, std::string hint) {
    return Result<SimulationPart>(
        Error{Location{file, 0, std::move(field)}, std::move(message), std::move(hint)});
  };
  const std::string again = "compute this shard again with `entente simulate ... --shard K/N`";
  Result<Json> opened =
      detail::OpenPartial(text, "simulate", file, "entente simulate --shard K/N -o FILE", again);
  if (!opened) return opened.errors();
  Json j = std::move(opened).value();
  try {
    SimulationPart part;
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
    part.options = RunFromJson(j.at("run"));
    part.tally = TallyFromJson(j.at("tally"));
    return part;
  } catch (const std::exception& e) {
    return fail("", fmt::format("a field is missing or of the wrong type ({})", e.what()), again);
  }
}

Result<SimulationPart> ReadSimulationPartial(const std::string& path) {
  Result<std::string> text = ReadTextFile(path);
  if (!text) return text.errors();
  return ParseSimulationPartial(text.value(), path);
}

}  // namespace entente
