// The scenario tree reader over JSON (formats/scenario_tree.hpp), as a server request body or a
// Python dict reaches it: any bytes must give a Scenario or located errors, never a crash; a
// scenario that parses and validates must survive the dashboard's write/read round trip unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "entente/core/validation.hpp"
#include "entente/formats/scenario_tree.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const nlohmann::json j = nlohmann::json::parse(data, data + size, nullptr, false);
  if (j.is_discarded()) return 0;
  entente::Result<entente::Scenario> r = entente::ScenarioFromJson(j, "scenario");
  if (!r.ok() || !entente::Validate(r.value()).empty()) return 0;
  const std::string text = entente::ScenarioToJson(r.value()).dump();
  entente::Result<entente::Scenario> back =
      entente::ScenarioFromJson(nlohmann::json::parse(text), "again");
  if (!back.ok() || !(back.value() == r.value())) {
    std::fprintf(stderr, "JSON round trip changed the scenario: %s\n", text.c_str());
    std::abort();
  }
  return 0;
}
