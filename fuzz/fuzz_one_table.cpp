// One-table CSV reader and its detection: any bytes must give a document or located errors,
// never a crash; a scenario that parses must go through validation (which reports, never
// throws).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entente/core/validation.hpp"
#include "entente/formats/one_table_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)entente::LooksLikeOneTable(text);
  entente::Result<entente::ScenarioDocument> r = entente::ParseOneTableCsv(text, "fuzz.csv");
  if (r.ok()) (void)entente::Validate(r.value().scenario);
  return 0;
}
