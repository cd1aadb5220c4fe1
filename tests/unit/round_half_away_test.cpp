// RoundHalfAway must be std::round bit for bit (sign of zero included): ktab-smp's bargains
// round with it, and its KTAB reference runs were matched with std::round.
#include <cmath>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "entente/core/round_half_away.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

using test::SameBits;

TEST(RoundHalfAway, MatchesStdRoundOnEdges) {
  const double inf = std::numeric_limits<double>::infinity();
  const double edges[] = {0.0,
                          -0.0,
                          0.5,
                          -0.5,
                          1.5,
                          -1.5,
                          2.5,
                          -2.5,
                          0.49999999999999994,
                          -0.49999999999999994,
                          0.3,
                          -0.3,
                          -0.7,
                          1e-300,
                          -1e-300,
                          0x1p52,
                          -0x1p52,
                          0x1p52 - 0.5,
                          -(0x1p52 - 0.5),
                          0x1p53 + 2,
                          1e300,
                          -1e300,
                          inf,
                          -inf,
                          4503599627370495.5,
                          123456.49999,
                          -98765.5};
  for (const double v : edges) {
    EXPECT_TRUE(SameBits(RoundHalfAway(v), std::round(v))) << v;
  }
  EXPECT_TRUE(std::isnan(RoundHalfAway(std::nan(""))));
  EXPECT_TRUE(std::signbit(RoundHalfAway(-0.3)));  // -0, as std::round gives
}

TEST(RoundHalfAway, MatchesStdRoundOnRandomScaledPositions) {
  std::mt19937_64 gen(7);
  std::uniform_real_distribution<double> u(-1e6, 1e6);
  for (int k = 0; k < 200000; ++k) {
    // ktab-smp's use: a position times 1e4; also values exactly on a half.
    const double v = k % 4 == 0 ? std::floor(u(gen)) + 0.5 : u(gen) * 1e4 / 7;
    ASSERT_TRUE(SameBits(RoundHalfAway(v), std::round(v))) << v;
  }
}

}  // namespace
}  // namespace entente
