// Proper scores: hand-computed cases, the published CRPS of a standard normal, and the sample
// formula against the integral form on random cases.
#include "entente/analysis/scoring.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "entente/core/random.hpp"

namespace entente {
namespace {

// The standard normal quantile by bisection on erfc (exact to ~1e-15, slow but only a test).
double NormalQuantile(double p) {
  double lo = -40;
  double hi = 40;
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

// int (F(x) - 1{x >= y})^2 dx for the step CDF of `sorted`, summed exactly piece by piece.
double CrpsIntegral(const std::vector<double>& sorted, double y) {
  std::vector<double> knots = sorted;
  knots.push_back(y);
  std::sort(knots.begin(), knots.end());
  const double n = static_cast<double>(sorted.size());
  double total = 0;
  for (std::size_t k = 0; k + 1 < knots.size(); ++k) {
    const double a = knots[k];
    const double b = knots[k + 1];
    if (b <= a) continue;
    // On [a, b) the CDF is the share of points <= a.
    const double f =
        static_cast<double>(std::upper_bound(sorted.begin(), sorted.end(), a) - sorted.begin()) / n;
    const double step = a >= y ? 1.0 : 0.0;
    total += (f - step) * (f - step) * (b - a);
  }
  return total;
}

TEST(Scoring, crps_of_a_point_forecast_is_the_absolute_error) {
  const std::vector<double> one = {42.5};
  EXPECT_DOUBLE_EQ(CrpsSample(one, 50), 7.5);
  EXPECT_DOUBLE_EQ(CrpsFair(one, 50), 7.5);
  EXPECT_DOUBLE_EQ(CrpsSample(one, 42.5), 0);
}

TEST(Scoring, crps_of_two_draws_by_hand) {
  // Draws {0, 1}, outcome 0: E|X - y| = 0.5, E|X - X'| = (0 + 1 + 1 + 0) / 4 = 0.5, so
  // CRPS = 0.5 - 0.25 = 0.25; fair: the pair sum 2 over 2 N (N - 1) = 4 gives 0.5 - 0.5 = 0.
  const std::vector<double> s = {0, 1};
  EXPECT_DOUBLE_EQ(CrpsSample(s, 0), 0.25);
  EXPECT_DOUBLE_EQ(CrpsFair(s, 0), 0.0);
  // Outcome 0.5 between them: E|X - y| = 0.5, CRPS = 0.25 as well (the CDF is 1/2 on [0, 1)).
  EXPECT_DOUBLE_EQ(CrpsSample(s, 0.5), 0.25);
  // Outcome 3 beyond both: E|X - y| = 2.5, CRPS = 2.25.
  EXPECT_DOUBLE_EQ(CrpsSample(s, 3), 2.25);
}

TEST(Scoring, crps_of_the_standard_normal_at_zero_is_the_published_value) {
  constexpr double kPublished = 0.23369497725510913;  // (sqrt 2 - 1) / sqrt pi
  EXPECT_NEAR(CrpsNormal(0, 1, 0), kPublished, 1e-15);
  // The same from a fine quantile grid of N(0, 1): the empirical formula converges to it.
  const int n = 20000;
  std::vector<double> grid(n);
  for (int k = 0; k < n; ++k) grid[k] = NormalQuantile((k + 0.5) / n);
  EXPECT_NEAR(CrpsSample(grid, 0), kPublished, 1e-6);
  EXPECT_NEAR(CrpsFair(grid, 0), kPublished, 5e-5);  // fair is unbiased for draws, not grids
  // And from seeded draws, within sampling error (sd of the estimate ~ 0.002 at 20,000).
  Rng rng(7, 0);
  std::vector<double> draws(n);
  for (double& d : draws) d = StandardNormal(rng);
  std::sort(draws.begin(), draws.end());
  EXPECT_NEAR(CrpsFair(draws, 0), kPublished, 0.01);
}

TEST(Scoring, sample_formula_matches_the_integral_form_on_random_cases) {
  Rng rng(20240601, 3);
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 1 + static_cast<int>(rng(40));
    std::vector<double> s(n);
    for (double& x : s) {
      // Integers make ties (point masses) frequent, as on clipped scales.
      x = trial % 2 == 0 ? Uniform01(rng) * 100 : static_cast<double>(rng(6)) * 10;
    }
    std::sort(s.begin(), s.end());
    const double y =
        trial % 3 == 0 ? s[rng(static_cast<std::uint32_t>(n))] : Uniform01(rng) * 120 - 10;
    EXPECT_NEAR(CrpsSample(s, y), CrpsIntegral(s, y), 1e-9) << "trial " << trial;
  }
}

TEST(Scoring, mid_pit_splits_point_masses) {
  const std::vector<double> s = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(MidPit(s, 2.5), 0.5);
  EXPECT_DOUBLE_EQ(MidPit(s, 2), 0.375);  // F(2-) = 1/4, F(2) = 2/4
  EXPECT_DOUBLE_EQ(MidPit(s, 0), 0.0);
  EXPECT_DOUBLE_EQ(MidPit(s, 5), 1.0);
  const std::vector<double> mass = {50, 50, 50, 50};
  EXPECT_DOUBLE_EQ(MidPit(mass, 50), 0.5);
}

TEST(Scoring, quantiles_and_interval_score_by_hand) {
  const std::vector<double> s = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(SampleQuantile(s, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(SampleQuantile(s, 0.25), 1.75);
  EXPECT_DOUBLE_EQ(SampleQuantile(s, 1), 4);
  // 80% interval [2, 4]: alpha = 0.2; outside by 1 costs 2 / 0.2 = 10 per unit.
  EXPECT_DOUBLE_EQ(IntervalScore(2, 4, 3, 0.2), 2);
  EXPECT_DOUBLE_EQ(IntervalScore(2, 4, 5, 0.2), 12);
  EXPECT_DOUBLE_EQ(IntervalScore(2, 4, 1.5, 0.2), 7);
}

}  // namespace
}  // namespace entente
