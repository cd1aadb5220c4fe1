#include "partial_envelope.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "entente/core/error.hpp"
#include "entente/core/sha256.hpp"
#include "entente/formats/simulation_partial.hpp"

namespace entente::detail {

Result<nlohmann::ordered_json> OpenPartial(std::string_view text, std::string_view kind,
                                           const std::string& file, std::string_view writer,
                                           const std::string& again) {
  using Json = nlohmann::ordered_json;
  const auto fail = [&file](std::string field, std::string message, std::string hint) {
    return Result<Json>(
        Error{Location{file, 0, std::move(field)}, std::move(message), std::move(hint)});
  };
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("format") ||
      j["format"] != std::string(kPartialFormat)) {
    return fail("", "not an entente partial result (no 'format: entente-partial' JSON)",
                fmt::format("give the files `{}` wrote", writer));
  }
  if (!j.contains("version") || !j["version"].is_number_integer() ||
      j["version"].get<std::int64_t>() != kPartialVersion) {
    return fail(
        "version",
        fmt::format("partial-result version {} is not the version {} this entente reads",
                    j.contains("version") ? j["version"].dump() : "(none)", kPartialVersion),
        "merge with the entente version that wrote it, or compute the shard again");
  }
  if (!j.contains("kind") || j["kind"] != std::string(kind)) {
    return fail(
        "kind",
        fmt::format(
            "a partial result of `{}`, not of `{}`",
            j.contains("kind") && j["kind"].is_string() ? j["kind"].get<std::string>() : "?", kind),
        "merge the parts of one command's run together");
  }
  if (!j.contains("sha256") || !j["sha256"].is_string()) {
    return fail("sha256", "the checksum is missing (the file is damaged)", again);
  }
  const std::string stated = j["sha256"].get<std::string>();
  j.erase("sha256");
  if (Sha256Hex(j.dump()) != stated) {
    return fail("sha256",
                "the checksum does not match the contents (the file is damaged or edited)", again);
  }
  return j;
}

nlohmann::ordered_json OutcomesToJson(const std::vector<Outcome>& outcomes) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Outcome& c : outcomes) out.push_back({c.issue, c.value, c.date, c.source});
  return out;
}

std::vector<Outcome> OutcomesFromJson(const nlohmann::ordered_json& j, const std::string& file) {
  std::vector<Outcome> out;
  for (const auto& c : j) {
    out.push_back(Outcome{c.at(0).get<std::string>(), c.at(1).get<double>(),
                          c.at(2).get<std::string>(), c.at(3).get<std::string>(),
                          Location{file, 0, "outcomes"}});
  }
  return out;
}

std::optional<ShardSpec> ShardFromJson(const nlohmann::ordered_json& shard) {
  const ShardSpec spec{shard.at("index").get<std::int64_t>(),
                       shard.at("count").get<std::int64_t>()};
  if (spec.count < 1 || spec.index < 1 || spec.index > spec.count) return std::nullopt;
  return spec;
}

}  // namespace entente::detail
