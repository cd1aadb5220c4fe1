#include "entente/core/location.hpp"

#include <fmt/format.h>

namespace entente {

std::string Location::ToString() const {
  if (!sheet.empty()) {
    return line > 0 ? fmt::format("{} [{}] row {}", file, sheet, line)
                    : fmt::format("{} [{}]", file, sheet);
  }
  if (line > 0)
    return file.empty() ? fmt::format("line {}", line) : fmt::format("{}:{}", file, line);
  if (path.empty()) return file;
  return names.empty() ? Where() : fmt::format("{} ({})", Where(), names);
}

std::string Location::Where() const {
  if (path.empty()) return file;
  return file.empty() ? path : fmt::format("{}.{}", file, path);
}

Location Location::WithField(std::string name) const {
  Location copy = *this;
  copy.field = std::move(name);
  return copy;
}

}  // namespace entente
