#include "entente/analysis/predictive.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "test_support.hpp"

namespace entente {
namespace {

TEST(predictive, spread_is_the_weighted_sd_around_the_compromise) {
  // Weights 1 and 3 at 0 and 100: mean 75, variance (1*75^2 + 3*25^2)/4 = 1875.
  const Scenario s = test::OneIssue({0, 100}, {1, 1}, {1, 3});
  EXPECT_NEAR(PositionSpread(s.issues[0]), std::sqrt(1875.0), 1e-12);
}

TEST(predictive, a_unanimous_issue_gets_the_floor) {
  const Scenario s = test::OneIssue({40, 40, 40}, {1, 0.5, 0.2}, {1, 1, 1});
  EXPECT_DOUBLE_EQ(PositionSpread(s.issues[0]), 0);
  EXPECT_DOUBLE_EQ(ErrorScale(s.issues[0], 0.05), 5);
}

TEST(predictive, atoms_are_scaled_shifted_clipped_and_sorted) {
  const std::vector<double> z = {1.0, -2.0, 0.5, 3.0};
  const std::vector<double> atoms = PredictiveAtoms(60, 20, z, 0, 100);
  EXPECT_EQ(atoms, (std::vector<double>{20, 70, 80, 100}));
}

TEST(predictive, quantiles_invert_the_step_cdf) {
  // Ten atoms 1..10: Q(0.05) = 1 (1/10 >= 0.05), Q(0.1) = 1, Q(0.25) = 3, Q(0.5) = 5,
  // Q(0.75) = 8, Q(0.9) = 9, Q(0.95) = 10.
  std::vector<double> a;
  for (int i = 1; i <= 10; ++i) a.push_back(i);
  const auto q = AtomQuantiles(a);
  EXPECT_EQ(q, (std::array<double, 7>{1, 1, 3, 5, 8, 9, 10}));
  EXPECT_DOUBLE_EQ(AtomQuantile(a, 1.0), 10);
}

TEST(predictive, the_central_interval_covers_its_share_of_the_atoms) {
  // With 100 distinct atoms, [Q(0.1), Q(0.9)] holds 81 of them (the 10th to the 90th).
  std::vector<double> a;
  for (int i = 0; i < 100; ++i) a.push_back(i);
  const double lo = AtomQuantile(a, 0.1);
  const double hi = AtomQuantile(a, 0.9);
  EXPECT_EQ(lo, 9);
  EXPECT_EQ(hi, 89);
}

}  // namespace
}  // namespace entente
