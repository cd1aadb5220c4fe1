// The partial-result file of a sweep shard: the shard's rows, whose doubles nlohmann writes in
// a form that reads back bit for bit, so merged rows print as the one-machine sweep's.
#include "entente/formats/sweep_partial.hpp"

#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/sha256.hpp"
#include "entente/core/version.hpp"
#include "entente/formats/simulation_partial.hpp"

#include "partial_envelope.hpp"

namespace entente {
namespace {

using Json = nlohmann::ordered_json;

Json OptionalJson(const std::optional<double>& v) {
  return v ? Json(*v) : Json();
}

std::optional<double> OptionalFrom(const Json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<double>();
}

}  // namespace

std::string SweepSpecHash(std::string_view spec_text, std::string_view scenario_text) {
  return Sha256Hex(Sha256Hex(spec_text) + Sha256Hex(scenario_text));
}

std::string WriteSweepPartial(const SweepPart& part) {
  Json rows = Json::array();
  for (const SweepRow& r : part.rows) {
    rows.push_back({r.unit, r.point, r.label, r.model, r.issue, r.outcome, OptionalJson(r.mean),
                    OptionalJson(r.p05), OptionalJson(r.p50), OptionalJson(r.p95)});
  }
  Json j = {{"format", std::string(kPartialFormat)},
            {"version", kPartialVersion},
            {"kind", "sweep"},
            {"entente", std::string(Version())},
            {"shard", {{"index", part.shard.index}, {"count", part.shard.count}}},
            {"sweep_sha256", part.spec_sha256},
            {"units", part.units},
            {"draws", part.draws},
            {"rows", rows}};
  j["sha256"] = Sha256Hex(j.dump());
  return j.dump() + "\n";
}

std::string PartialKind(std::string_view text) {
  const Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("format", "") != kPartialFormat) return {};
  const auto kind = j.find("kind");
  return kind != j.end() && kind->is_string() ? kind->get<std::string>() : std::string();
}

Result<SweepPart> ParseSweepPartial(std::string_view text, const std::string& file) {
  const auto fail = [&file](std::string field, std::string message, std::string hint) {
    return Result<SweepPart>(
        Error{Location{file, 0, std::move(field)}, std::move(message), std::move(hint)});
  };
  const std::string again = "compute this shard again with `entente sweep SPEC --shard K/N`";
  Result<Json> opened =
      detail::OpenPartial(text, "sweep", file, "entente sweep SPEC --shard K/N -o FILE", again);
  if (!opened) return opened.errors();
  Json j = std::move(opened).value();
  try {
    SweepPart part;
    part.source = file;
    part.version = j.at("entente").get<std::string>();
    const std::optional<ShardSpec> shard = detail::ShardFromJson(j.at("shard"));
    if (!shard) return fail("shard", "the shard is not K of N with 1 <= K <= N", again);
    part.shard = *shard;
    part.spec_sha256 = j.at("sweep_sha256").get<std::string>();
    part.units = j.at("units").get<std::int64_t>();
    part.draws = j.at("draws").get<std::int64_t>();
    for (const Json& r : j.at("rows")) {
      part.rows.push_back(SweepRow{r.at(0).get<std::int64_t>(), r.at(1).get<std::int64_t>(),
                                   r.at(2).get<std::string>(), r.at(3).get<std::string>(),
                                   r.at(4).get<std::string>(), r.at(5).get<double>(),
                                   OptionalFrom(r.at(6)), OptionalFrom(r.at(7)),
                                   OptionalFrom(r.at(8)), OptionalFrom(r.at(9))});
    }
    return part;
  } catch (const std::exception& e) {
    return fail("", fmt::format("a field is missing or of the wrong type ({})", e.what()), again);
  }
}

}  // namespace entente
