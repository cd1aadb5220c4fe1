#include "entente/core/draw_stream.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "entente/core/random.hpp"

namespace entente {
namespace {

// Monte Carlo draws switched from pcg32 to DrawStream for speed; results must not move.
TEST(DrawStream, GivesExactlyTheNumbersOfPcg32) {
  for (std::uint64_t seed : {0ULL, 1ULL, 42ULL, 0xDEADBEEFCAFEULL, ~0ULL}) {
    for (std::uint64_t stream : {0ULL, 1ULL, 7ULL, 123456789ULL, ~0ULL >> 1}) {
      Rng reference = DrawRng(seed, stream);
      DrawStream fast(seed, stream);
      for (int i = 0; i < 1000; ++i) {
        ASSERT_EQ(fast(), reference()) << "seed " << seed << " stream " << stream << " #" << i;
      }
    }
  }
}

TEST(DrawStream, NormalsMatchThoseDrawnFromPcg32) {
  Rng reference = DrawRng(9, 3);
  DrawStream fast(9, 3);
  for (int i = 0; i < 100000; ++i) ASSERT_EQ(StandardNormal(fast), StandardNormal(reference));
}

// The ziggurat of Marsaglia & Tsang (2000) with the wedge decided by exp every time: the
// squeeze in NormalSlowPath must not change a single number.
double ExactZigguratNormal(Rng& rng) {
  const detail::Ziggurat& t = detail::kZiggurat;
  constexpr double r = 3.442619855899;
  const auto uniform = [&rng] { return (static_cast<double>(rng()) + 0.5) / 4294967296.0; };
  auto j = static_cast<std::int32_t>(rng());
  while (true) {
    const int i = j & 127;
    const std::uint32_t mag =
        j < 0 ? 0u - static_cast<std::uint32_t>(j) : static_cast<std::uint32_t>(j);
    const double x = j * t.w[i];
    if (mag < t.k[i]) return x;
    if (i == 0) {
      double tx;
      double ty;
      do {
        tx = -std::log(uniform()) / r;
        ty = -std::log(uniform());
      } while (ty + ty < tx * tx);
      return j > 0 ? r + tx : -r - tx;
    }
    if (t.f[i] + uniform() * (t.f[i - 1] - t.f[i]) < std::exp(-0.5 * x * x)) return x;
    j = static_cast<std::int32_t>(rng());
  }
}

TEST(DrawStream, SqueezedWedgesDrawTheSameNormalsAsTheExactTest) {
  Rng exact = DrawRng(2024, 11);
  Rng fast = DrawRng(2024, 11);
  for (int i = 0; i < 2000000; ++i) {
    ASSERT_EQ(StandardNormal(fast), ExactZigguratNormal(exact)) << "normal #" << i;
  }
}

}  // namespace
}  // namespace entente
