#include "entente/core/location.hpp"

#include <fmt/format.h>

namespace entente {

std::string Location::ToString() const {
  if (file.empty()) return line > 0 ? fmt::format("line {}", line) : std::string();
  if (line <= 0) return file;
  return fmt::format("{}:{}", file, line);
}

Location Location::WithField(std::string name) const {
  Location copy = *this;
  copy.field = std::move(name);
  return copy;
}

}  // namespace entente
