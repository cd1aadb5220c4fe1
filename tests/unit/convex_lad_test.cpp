#include "entente/analysis/convex_lad.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "entente/core/error.hpp"
#include "entente/core/random.hpp"

namespace entente {
namespace {

double Objective(const std::vector<std::vector<double>>& f, const std::vector<double>& y,
                 const std::vector<double>& w) {
  double s = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    double p = 0;
    for (std::size_t j = 0; j < f.size(); ++j) p += w[j] * f[j][i];
    s += std::abs(y[i] - p);
  }
  return s;
}

TEST(convex_lad, an_exact_forecaster_takes_all_the_weight) {
  const ConvexLadFit fit = FitConvexLad({{0, 0, 0}, {1, 2, 3}}, std::vector<double>{1, 2, 3});
  EXPECT_DOUBLE_EQ(fit.weights[0], 0);
  EXPECT_DOUBLE_EQ(fit.weights[1], 1);
  EXPECT_DOUBLE_EQ(fit.objective, 0);
}

TEST(convex_lad, by_hand_the_median_of_the_ratios) {
  // Columns 0 and 100, outcomes 10, 20, 90: w on the second column gives 100 w, so the fit is
  // the median of the outcomes / 100 = 0.2 (objective |10-20| + 0 + |90-20| = 80).
  const ConvexLadFit fit =
      FitConvexLad({{0, 0, 0}, {100, 100, 100}}, std::vector<double>{10, 20, 90});
  EXPECT_NEAR(fit.weights[1], 0.2, 1e-12);
  EXPECT_NEAR(fit.objective, 80, 1e-9);
}

// Two columns: the objective is piecewise linear in t = w_0, so its minimum over [0, 1] is at
// 0, 1 or a breakpoint where a residual is zero; enumerating them gives the exact optimum.
TEST(convex_lad, two_columns_match_the_breakpoint_enumeration) {
  Rng rng(7, 1);
  for (int rep = 0; rep < 200; ++rep) {
    const int n = 3 + static_cast<int>(Uniform01(rng) * 40);
    std::vector<std::vector<double>> f(2, std::vector<double>(n));
    std::vector<double> y(n);
    for (int i = 0; i < n; ++i) {
      f[0][i] = std::round(Uniform01(rng) * 100);
      f[1][i] = std::round(Uniform01(rng) * 100);
      y[i] = std::round(Uniform01(rng) * 100);
    }
    std::vector<double> ts = {0, 1};
    for (int i = 0; i < n; ++i) {
      const double d = f[0][i] - f[1][i];
      if (d != 0) ts.push_back(std::clamp((y[i] - f[1][i]) / d, 0.0, 1.0));
    }
    double best = 1e300;
    for (double t : ts) best = std::min(best, Objective(f, y, {t, 1 - t}));
    const ConvexLadFit fit = FitConvexLad(f, y);
    EXPECT_NEAR(fit.objective, best, 1e-7 * (1 + best)) << "rep " << rep;
  }
}

// Five columns: no point of the simplex (vertices, random points, and the fit nudged along
// every edge direction) does better than the fit.
TEST(convex_lad, no_point_of_the_simplex_beats_the_fit) {
  Rng rng(11, 2);
  for (int rep = 0; rep < 30; ++rep) {
    const int n = 60;
    const int k = 5;
    std::vector<std::vector<double>> f(k, std::vector<double>(n));
    std::vector<double> y(n);
    for (int i = 0; i < n; ++i) {
      y[i] = Uniform01(rng) * 100;
      for (int j = 0; j < k; ++j)
        f[j][i] = std::clamp(y[i] + (Uniform01(rng) - 0.5) * 60, 0.0, 100.0);
    }
    const ConvexLadFit fit = FitConvexLad(f, y);
    double sum = 0;
    for (double w : fit.weights) {
      EXPECT_GE(w, 0);
      sum += w;
    }
    EXPECT_NEAR(sum, 1, 1e-12);
    EXPECT_NEAR(fit.objective, Objective(f, y, fit.weights), 1e-9);
    for (int trial = 0; trial < 300; ++trial) {
      std::vector<double> w(k);
      double s = 0;
      for (double& v : w) s += (v = -std::log(1 - Uniform01(rng)));
      for (double& v : w) v /= s;
      EXPECT_GE(Objective(f, y, w), fit.objective - 1e-7);
    }
    for (int a = 0; a < k; ++a) {
      for (int b = 0; b < k; ++b) {
        if (a == b || fit.weights[a] <= 0) continue;
        std::vector<double> w = fit.weights;
        const double step = std::min(1e-3, w[a]);
        w[a] -= step;
        w[b] += step;
        EXPECT_GE(Objective(f, y, w), fit.objective - 1e-7);
      }
    }
  }
}

TEST(convex_lad, degenerate_data_end_without_cycling) {
  // Every column and outcome equal: all residuals zero at every vertex (maximal degeneracy).
  std::vector<std::vector<double>> f(4, std::vector<double>(50, 50.0));
  const ConvexLadFit fit = FitConvexLad(f, std::vector<double>(50, 50.0));
  EXPECT_DOUBLE_EQ(fit.objective, 0);
  EXPECT_DOUBLE_EQ(fit.weights[0], 1);  // the first best column, deterministically
}

TEST(convex_lad, rejects_malformed_input) {
  EXPECT_THROW((void)FitConvexLad({}, std::vector<double>{1}), InternalError);
  EXPECT_THROW((void)FitConvexLad({{1, 2}}, std::vector<double>{1}), InternalError);
  EXPECT_THROW((void)FitConvexLad({{NAN}}, std::vector<double>{1}), InternalError);
}

}  // namespace
}  // namespace entente
