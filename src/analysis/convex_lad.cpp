// Convex least absolute deviations (the ensemble fit of `entente calibrate`).
//
//   minimise  sum_i |y_i - sum_j w_j F_ij|   over  w_j >= 0,  sum_j w_j = 1.
//
// As a linear program (Charnes, Cooper & Ferguson 1955; Koenker & Bassett 1978 for LAD as an
// LP), with u_i, v_i >= 0 the positive and negative parts of the residual:
//
//   minimise  sum_i (u_i + v_i)
//   subject to  sum_j F_ij w_j + u_i - v_i = y_i   (i = 1..n)
//               sum_j w_j = 1,   w, u, v >= 0.
//
// At any feasible point u_i + v_i >= |y_i - F_i w|, with equality when one of the two is zero;
// at an optimum one of them is (else lowering both by the smaller keeps the point feasible and
// lowers the objective), so the LP optimum is the LAD optimum.
//
// Solved by the primal simplex method on a dense tableau. Start: the vertex w = e_s, where s is
// the single forecast with the smallest sum of absolute errors; row i's basic variable is u_i
// when y_i - F_is >= 0 and v_i otherwise (its row negated), so the start is feasible and no
// phase 1 is needed. Entering and leaving variables follow Bland's rule (lowest index), which
// never cycles (Bland 1977), so the method ends after finitely many pivots at a basis whose
// reduced costs are all >= 0: by LP duality that certifies the vertex optimal. The answer is
// therefore the exact minimiser up to floating-point rounding (tolerance 1e-9 on reduced costs
// and pivots, data on scales of order 100), not an approximation as iteratively reweighted
// least squares or subgradient steps would give. The weights are cleaned of rounding (clamped
// at 0, renormalised) and the objective recomputed from them.
#include "entente/analysis/convex_lad.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

#include "entente/core/error.hpp"

namespace entente {
namespace {

constexpr double kTol = 1e-9;

class Tableau {
 public:
  Tableau(std::size_t rows, std::size_t cols)
      : rows_(rows), cols_(cols), a_(rows * (cols + 1), 0.0), basis_(rows, 0) {}
  double& At(std::size_t r, std::size_t c) { return a_[r * (cols_ + 1) + c]; }
  double& Rhs(std::size_t r) { return a_[r * (cols_ + 1) + cols_]; }
  std::size_t& Basic(std::size_t r) { return basis_[r]; }

  /// Gauss-Jordan pivot on (r, c); `cost` (the reduced-cost row, length cols + 1 with the
  /// negated objective last) is updated too.
  void Pivot(std::size_t r, std::size_t c, std::vector<double>& cost) {
    const std::size_t width = cols_ + 1;
    double* pr = &a_[r * width];
    const double inv = 1.0 / pr[c];
    for (std::size_t j = 0; j < width; ++j) pr[j] *= inv;
    pr[c] = 1.0;
    for (std::size_t i = 0; i < rows_; ++i) {
      if (i == r) continue;
      double* pi = &a_[i * width];
      const double f = pi[c];
      if (f == 0.0) continue;
      for (std::size_t j = 0; j < width; ++j) pi[j] -= f * pr[j];
      pi[c] = 0.0;
    }
    const double f = cost[c];
    if (f != 0.0) {
      for (std::size_t j = 0; j < width; ++j) cost[j] -= f * pr[j];
      cost[c] = 0.0;
    }
    basis_[r] = c;
  }

 private:
  std::size_t rows_;
  std::size_t cols_;
  std::vector<double> a_;
  std::vector<std::size_t> basis_;
};

double SumAbs(const std::vector<std::vector<double>>& columns, std::span<const double> y,
              const std::vector<double>& w) {
  double total = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    double f = 0;
    for (std::size_t j = 0; j < columns.size(); ++j) f += w[j] * columns[j][i];
    total += std::abs(y[i] - f);
  }
  return total;
}

}  // namespace

ConvexLadFit FitConvexLad(const std::vector<std::vector<double>>& columns,
                          std::span<const double> y) {
  const std::size_t k = columns.size();
  const std::size_t n = y.size();
  if (k == 0 || n == 0) throw InternalError("convex LAD needs at least one column and one case");
  for (const auto& col : columns) {
    if (col.size() != n) throw InternalError("convex LAD: a column's length differs from y's");
    for (double v : col) {
      if (!std::isfinite(v)) throw InternalError("convex LAD: a forecast is not finite");
    }
  }
  for (double v : y) {
    if (!std::isfinite(v)) throw InternalError("convex LAD: an outcome is not finite");
  }

  // Start at the best single forecast.
  std::size_t start = 0;
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t j = 0; j < k; ++j) {
    std::vector<double> e(k, 0.0);
    e[j] = 1.0;
    const double s = SumAbs(columns, y, e);
    if (s < best) {
      best = s;
      start = j;
    }
  }

  // Columns: w_0..w_{k-1}, u_0..u_{n-1}, v_0..v_{n-1}. Rows: n residual rows, then sum w = 1.
  const std::size_t cols = k + 2 * n;
  Tableau t(n + 1, cols);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < k; ++j) t.At(i, j) = columns[j][i];
    t.At(i, k + i) = 1.0;
    t.At(i, k + n + i) = -1.0;
    t.Rhs(i) = y[i];
  }
  for (std::size_t j = 0; j < k; ++j) t.At(n, j) = 1.0;
  t.Rhs(n) = 1.0;

  // Canonical form for the start basis {w_start, u_i or v_i}, with the cost row alongside.
  std::vector<double> cost(cols + 1, 0.0);
  for (std::size_t c = k; c < cols; ++c) cost[c] = 1.0;
  t.Pivot(n, start, cost);
  for (std::size_t i = 0; i < n; ++i) {
    if (t.Rhs(i) >= 0) {
      t.Pivot(i, k + i, cost);
    } else {
      t.Pivot(i, k + n + i, cost);
    }
  }

  int pivots = 0;
  const int limit = 50 * static_cast<int>(n + k) + 1000;
  for (;;) {
    std::size_t enter = cols;
    for (std::size_t c = 0; c < cols; ++c) {
      if (cost[c] < -kTol) {
        enter = c;
        break;
      }
    }
    if (enter == cols) break;  // all reduced costs >= 0: optimal
    std::size_t leave = n + 1;
    double ratio = std::numeric_limits<double>::infinity();
    for (std::size_t r = 0; r <= n; ++r) {
      const double a = t.At(r, enter);
      if (a <= kTol) continue;
      const double q = t.Rhs(r) / a;
      if (leave > n || q < ratio - kTol) {
        ratio = q;
        leave = r;
      } else if (q <= ratio + kTol && t.Basic(r) < t.Basic(leave)) {
        leave = r;  // Bland: on a tie the lowest-index basic variable leaves
      }
    }
    if (leave > n) throw InternalError("convex LAD: the LP is unbounded, which cannot happen");
    t.Pivot(leave, enter, cost);
    if (++pivots > limit) throw InternalError("convex LAD: the simplex method did not finish");
  }

  ConvexLadFit fit;
  fit.weights.assign(k, 0.0);
  for (std::size_t r = 0; r <= n; ++r) {
    if (t.Basic(r) < k) fit.weights[t.Basic(r)] = std::max(0.0, t.Rhs(r));
  }
  double sum = 0;
  for (double w : fit.weights) sum += w;
  if (!(sum > 0)) throw InternalError("convex LAD: the weights vanished");
  for (double& w : fit.weights) w /= sum;
  fit.objective = SumAbs(columns, y, fit.weights);
  fit.pivots = pivots;
  return fit;
}

}  // namespace entente
