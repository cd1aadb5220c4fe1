#include "entente/core/assert.hpp"

#include <fmt/format.h>

#include "entente/core/error.hpp"

namespace entente::detail {

void AssertFail(std::string_view condition, std::string_view why, const char* file, int line) {
  throw InternalError(fmt::format("internal error: {} ({} failed at {}:{}); please report this",
                                  why, condition, file, line));
}

}  // namespace entente::detail
