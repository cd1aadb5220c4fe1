// YAML scenario reader: any bytes must give a Scenario or located errors, never a crash; a
// scenario that parses and validates must survive a write/read round trip unchanged.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entente/core/validation.hpp"
#include "entente/formats/yaml_scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  entente::Result<entente::Scenario> r = entente::ParseYamlScenario(text, "fuzz.yaml");
  if (!r.ok() || !entente::Validate(r.value()).empty()) return 0;
  const auto back = entente::ParseYamlScenario(entente::WriteYamlScenario(r.value()), "again.yaml");
  if (!back.ok() || !(back.value() == r.value())) __builtin_trap();
  return 0;
}
