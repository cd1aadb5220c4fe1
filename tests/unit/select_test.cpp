// SelectBits must return one of its two doubles bit for bit (NaN payloads and the sign of zero
// included): RoundHalfAway's last choice is made with it.
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "entente/core/select.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

using test::SameBits;

TEST(SelectBits, ReturnsTheChosenValueBitForBit) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const double values[] = {0.0, -0.0, 1.5, -2.25, 1e-310, -inf, inf, nan, -nan};
  for (const double a : values) {
    for (const double b : values) {
      EXPECT_TRUE(SameBits(SelectBits(true, a, b), a)) << a << " " << b;
      EXPECT_TRUE(SameBits(SelectBits(false, a, b), b)) << a << " " << b;
    }
  }
}

}  // namespace
}  // namespace entente
