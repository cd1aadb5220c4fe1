#include "entente/analysis/draw_stream.hpp"

#include <gtest/gtest.h>

#include "entente/analysis/random.hpp"

namespace entente {
namespace {

// Monte Carlo draws switched from pcg32 to DrawStream for speed; results must not move.
TEST(draw_stream, gives_exactly_the_numbers_of_pcg32) {
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

TEST(draw_stream, normals_match_those_drawn_from_pcg32) {
  Rng reference = DrawRng(9, 3);
  DrawStream fast(9, 3);
  for (int i = 0; i < 100000; ++i) ASSERT_EQ(StandardNormal(fast), StandardNormal(reference));
}

}  // namespace
}  // namespace entente
