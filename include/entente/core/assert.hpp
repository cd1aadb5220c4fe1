#pragma once
/// \file
/// Assertions for programmer errors only (never for bad input, which gets a located Error).

#include <string_view>

namespace entente::detail {
/// Throws InternalError naming the failed condition, the file and line, and why it matters.
[[noreturn]] void AssertFail(std::string_view condition, std::string_view why, const char* file,
                             int line);
}  // namespace entente::detail

/// Always-on check of an invariant; `why` says what went wrong in words.
#define ENTENTE_ASSERT(cond, why)                                               \
  do {                                                                          \
    if (!(cond)) ::entente::detail::AssertFail(#cond, why, __FILE__, __LINE__); \
  } while (false)

/// Costly invariant check, compiled only with ENTENTE_DEV_CHECKS (on in the debug preset).
#ifdef ENTENTE_DEV_CHECKS
#define ENTENTE_DEV_ASSERT(cond, why) ENTENTE_ASSERT(cond, why)
#else
#define ENTENTE_DEV_ASSERT(cond, why) \
  do {                                \
  } while (false)
#endif
