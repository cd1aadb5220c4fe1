#pragma once
/// \file
/// Least absolute deviations over the probability simplex: the weights of a convex combination
/// of forecasts that minimise the sum of absolute errors. Solved exactly as a linear program
/// (equations and the optimality argument in convex_lad.cpp).

#include <span>
#include <vector>

namespace entente {

/// The fitted weights and what they achieve on the data they were fitted to.
struct ConvexLadFit {
  std::vector<double> weights;  ///< one per column, >= 0, summing to 1
  double objective = 0;         ///< sum_i |y_i - sum_j w_j F_ij| at `weights`
  int pivots = 0;               ///< simplex pivots taken (for tests and benchmarks)
};

/// Minimises sum_i |y_i - sum_j w_j columns[j][i]| over w >= 0, sum w = 1. `columns` holds k >= 1
/// forecasts of the n = y.size() cases (each of length n, finite). Deterministic: the same data
/// give the same weights (on a tie between optima, the one the pivot rule reaches first).
/// InternalError on malformed input (empty, lengths differ, non-finite values).
///
/// Example:
/// ```
/// // Two forecasters, the first exact: all weight goes to it.
/// ConvexLadFit f = FitConvexLad({{1, 2, 3}, {0, 0, 0}}, std::vector<double>{1, 2, 3});
/// // f.weights == {1, 0}, f.objective == 0
/// ```
[[nodiscard]] ConvexLadFit FitConvexLad(const std::vector<std::vector<double>>& columns,
                                        std::span<const double> y);

}  // namespace entente
