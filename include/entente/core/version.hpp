#pragma once
/// \file
/// The library version, stored with every run so results can be traced to the code.

#include <string_view>

namespace entente {

/// Semantic version of this build, e.g. "0.1.0".
[[nodiscard]] std::string_view Version();

}  // namespace entente
