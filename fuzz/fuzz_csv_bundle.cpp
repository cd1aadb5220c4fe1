// CSV bundle reader: the input is split at NUL bytes into actors, issues and stances files.
#include <cstddef>
#include <cstdint>
#include <string>

#include "entente/core/validation.hpp"
#include "entente/formats/csv_bundle.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string all(reinterpret_cast<const char*>(data), size);
  entente::FileSet files;
  const char* names[] = {"actors.csv", "issues.csv", "stances.csv", "moves.csv"};
  std::size_t start = 0;
  for (const char* name : names) {
    const std::size_t end = all.find('\0', start);
    files[name] = all.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  entente::Result<entente::Scenario> r = entente::ParseCsvBundle(files, "fuzz");
  if (r.ok()) (void)entente::Validate(r.value());
  return 0;
}
