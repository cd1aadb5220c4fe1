#pragma once
/// \file
/// A choice between two doubles made on their bits, for loops meant to vectorise.

#include <bit>
#include <cstdint>

namespace entente {

/// `take_a ? a : b`, computed from the bits of both. Both are always evaluated: written as a
/// select of doubles, g++ computes a value used on one side only on that side's branch
/// (floating-point operations may trap), and a loop with a branch does not vectorise.
[[nodiscard]] inline double SelectBits(bool take_a, double a, double b) {
  const std::uint64_t keep = take_a ? ~std::uint64_t{0} : 0;
  return std::bit_cast<double>((std::bit_cast<std::uint64_t>(a) & keep) |
                               (std::bit_cast<std::uint64_t>(b) & ~keep));
}

}  // namespace entente
