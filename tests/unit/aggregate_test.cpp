#include "entente/models/aggregate.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "entente/core/error.hpp"

namespace entente {
namespace {

TEST(Aggregate, WeightedMeanByHand) {
  const std::vector<double> x = {0, 10, 40};
  const std::vector<double> w = {1, 2, 1};
  EXPECT_DOUBLE_EQ(WeightedMean(x, w), (0 + 20 + 40) / 4.0);
}

TEST(Aggregate, WeightedMedianFirstPositionReachingHalf) {
  // Cumulative weights 1, 3, 4 of 4: half (2) is first reached at 10.
  EXPECT_DOUBLE_EQ(WeightedMedian(std::vector<double>{40, 0, 10}, std::vector<double>{1, 1, 2}),
                   10);
}

TEST(Aggregate, WeightedMedianExactTieTakesMidpoint) {
  // Two actors of equal weight: every point in [20, 60] is a median; the rule is the midpoint.
  EXPECT_DOUBLE_EQ(WeightedMedian(std::vector<double>{60, 20}, std::vector<double>{0.5, 0.5}), 40);
}

TEST(Aggregate, WeightedMedianTieIsSymmetricUnderReflection) {
  const std::vector<double> w = {1, 1, 1, 1};
  const double up = WeightedMedian(std::vector<double>{0, 10, 30, 100}, w);
  const double down = WeightedMedian(std::vector<double>{100, 90, 70, 0}, w);
  EXPECT_DOUBLE_EQ(up, 20);
  EXPECT_DOUBLE_EQ(down, 80);  // 100 - 20: the rule does not favour either end
}

TEST(Aggregate, WeightedMedianMergesActorsAtOnePosition) {
  // 0.3 + 0.2 at 10 together pass half of 1.0; the next position does not matter.
  EXPECT_DOUBLE_EQ(
      WeightedMedian(std::vector<double>{10, 10, 90}, std::vector<double>{0.3, 0.2, 0.5}), 50);
  EXPECT_DOUBLE_EQ(
      WeightedMedian(std::vector<double>{10, 10, 90}, std::vector<double>{0.3, 0.3, 0.4}), 10);
}

TEST(Aggregate, WeightedMedianIgnoresZeroWeights) {
  EXPECT_DOUBLE_EQ(WeightedMedian(std::vector<double>{0, 50, 100}, std::vector<double>{0, 1, 0}),
                   50);
}

TEST(Aggregate, ZeroTotalWeightIsAnInternalErrorNotNan) {
  EXPECT_THROW((void)WeightedMean(std::vector<double>{1}, std::vector<double>{0}), InternalError);
  EXPECT_THROW((void)WeightedMedian(std::vector<double>{1}, std::vector<double>{0}), InternalError);
}

}  // namespace
}  // namespace entente
