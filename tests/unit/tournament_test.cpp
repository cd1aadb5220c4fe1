// Tournament: the best item under a changing order, checked against a scan of all items after
// every change (random keys with many ties, items leaving and coming back).
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "entente/core/random.hpp"
#include "entente/models/exchange/tournament.hpp"

namespace entente::detail {
namespace {

TEST(Tournament, KeepsTheBestThroughUpdates) {
  constexpr std::uint32_t kItems = 37;
  std::vector<int> key(kItems);
  std::vector<bool> in(kItems);
  Rng rng(5, 0);
  for (std::uint32_t k = 0; k < kItems; ++k) {
    key[k] = static_cast<int>(rng() % 8);  // few values: ties decide by index
    in[k] = rng() % 4 != 0;
  }
  // Larger key first, then the smaller index.
  const auto before = [&key](std::uint32_t a, std::uint32_t b) {
    return key[a] > key[b] || (key[a] == key[b] && a < b);
  };
  Tournament<decltype(before)> best(in, before);
  for (int step = 0; step < 2000; ++step) {
    std::uint32_t expected = Tournament<decltype(before)>::kNone;
    for (std::uint32_t k = 0; k < kItems; ++k) {
      if (in[k] && (expected == Tournament<decltype(before)>::kNone || before(k, expected))) {
        expected = k;
      }
    }
    ASSERT_EQ(best.Best(), expected) << "step " << step;
    const auto k = static_cast<std::uint32_t>(rng() % kItems);
    key[k] = static_cast<int>(rng() % 8);
    in[k] = rng() % 5 != 0;
    best.Update(k, in[k]);
  }
}

TEST(Tournament, EmptyAndSingle) {
  const auto before = [](std::uint32_t a, std::uint32_t b) { return a < b; };
  Tournament<decltype(before)> none(std::vector<bool>(3, false), before);
  EXPECT_EQ(none.Best(), decltype(none)::kNone);
  none.Update(2, true);
  EXPECT_EQ(none.Best(), 2u);
  none.Update(2, false);
  EXPECT_EQ(none.Best(), decltype(none)::kNone);
}

}  // namespace
}  // namespace entente::detail
