// RFC 4180 reader: cells written by CsvLine must read back unchanged.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entente/io/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  entente::Result<entente::CsvTable> t = entente::ParseCsv(text, "fuzz.csv");
  if (!t.ok()) return 0;
  for (const entente::CsvRow& row : t.value().rows) {
    const auto again =
        entente::ParseCsv(entente::CsvLine(row.cells) + entente::CsvLine(row.cells), "x");
    if (!again.ok() || again.value().rows.size() != 1 || again.value().rows[0].cells != row.cells) {
      __builtin_trap();
    }
  }
  return 0;
}
