// RFC 4180 reader: cells written by CsvLine must read back unchanged. They are read back below
// a header of as many columns, because a byte-order mark opening a file is dropped (as it should
// be) and a data row's first cell may well start with one (found by this target:
// "\xb1\n\xef\xbb\xbf").
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entente/formats/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  entente::Result<entente::CsvTable> t = entente::ParseCsv(text, "fuzz.csv");
  if (!t.ok()) return 0;
  for (const entente::CsvRow& row : t.value().rows) {
    const std::string header = entente::CsvLine(std::vector<std::string>(row.cells.size(), "h"));
    const auto again = entente::ParseCsv(header + entente::CsvLine(row.cells), "x");
    if (!again.ok() || again.value().rows.size() != 1 || again.value().rows[0].cells != row.cells) {
      __builtin_trap();
    }
  }
  return 0;
}
