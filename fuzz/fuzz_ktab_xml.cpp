// KTAB XML reader: any bytes must give a Scenario and ktab-smp options or located errors, never
// a crash (a file nesting 200,000 elements overflowed the stack before the depth bound).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entente/core/validation.hpp"
#include "entente/formats/ktab_xml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  entente::Result<entente::KtabXmlScenario> r = entente::ParseKtabXml(text, "fuzz.xml");
  if (r.ok()) (void)entente::Validate(r.value().scenario);
  return 0;
}
