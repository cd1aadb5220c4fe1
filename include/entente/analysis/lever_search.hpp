#pragma once
/// \file
/// Finding the smallest change of one number (a lever) that brings an outcome to a target.

#include <functional>
#include <optional>

namespace entente {

/// How a lever search found its answer, for the record.
enum class SearchMethod {
  kAnalytic,   ///< closed form (compromise model), verified through the full pipeline
  kBisection,  ///< exact bisection: the outcome is monotone in the lever (static models)
  kGrid,       ///< 41-point grid over the range, then bisection in each cell that crosses
};

/// "analytic", "bisection", "grid search".
[[nodiscard]] const char* SearchMethodName(SearchMethod method);

/// The answer of a lever search.
struct LeverSolution {
  double value = 0;    ///< the lever value nearest the current one that reaches the target
  double outcome = 0;  ///< the outcome there
  SearchMethod method = SearchMethod::kBisection;  ///< how it was found
};

/// Searches [lo, hi] for the value nearest `current` at which |outcome(value) - target| <=
/// tol. With `monotone`, bisection on the side of `current` towards the target (exact up to
/// 50 halvings); otherwise a 41-point grid plus bisection in every grid cell whose ends straddle
/// the target band (solutions narrower than a cell can be missed; documented). nullopt when no
/// value in range reaches the target.
[[nodiscard]] std::optional<LeverSolution> SolveLever(const std::function<double(double)>& outcome,
                                                      double current, double lo, double hi,
                                                      double target, double tol, bool monotone);

}  // namespace entente
