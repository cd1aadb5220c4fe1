#pragma once
/// \file
/// SHA-256 (FIPS 180-4), to identify a scenario's exact text in the runs database.

#include <string>
#include <string_view>

namespace entente {

/// The SHA-256 digest of `data` as 64 lowercase hex digits.
[[nodiscard]] std::string Sha256Hex(std::string_view data);

}  // namespace entente
