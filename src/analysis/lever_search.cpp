#include "entente/analysis/lever_search.hpp"

#include <cmath>
#include <vector>

namespace entente {
namespace {

constexpr int kHalvings = 50;
constexpr int kGrid = 41;

// Bisection for the boundary of {x : |f(x) - target| <= tol} between a (outside the band)
// and b (inside); returns the inside point nearest a.
double Boundary(const std::function<double(double)>& f, double a, double b, double target,
                double tol) {
  for (int i = 0; i < kHalvings; ++i) {
    const double mid = (a + b) / 2;
    (std::abs(f(mid) - target) <= tol ? b : a) = mid;
  }
  return b;
}

// Crossing of f - target between a and b where they have opposite signs (neither in band).
std::optional<double> Crossing(const std::function<double(double)>& f, double a, double b,
                               double target, double tol) {
  double fa = f(a) - target;
  for (int i = 0; i < kHalvings; ++i) {
    const double mid = (a + b) / 2;
    const double fm = f(mid) - target;
    if (std::abs(fm) <= tol) return mid;
    if ((fm < 0) == (fa < 0)) {
      a = mid;
      fa = fm;
    } else {
      b = mid;
    }
  }
  return std::abs(f(b) - target) <= tol ? std::optional<double>(b) : std::nullopt;
}

}  // namespace

const char* SearchMethodName(SearchMethod method) {
  switch (method) {
    case SearchMethod::kAnalytic: return "analytic";
    case SearchMethod::kBisection: return "bisection";
    case SearchMethod::kGrid: return "grid search";
  }
  return "";
}

std::optional<LeverSolution> SolveLever(const std::function<double(double)>& f, double current,
                                        double lo, double hi, double target, double tol,
                                        bool monotone) {
  const double here = f(current);
  if (std::abs(here - target) <= tol) return LeverSolution{current, here, SearchMethod::kBisection};
  if (monotone) {
    // Search towards whichever end moves the outcome towards the target.
    for (const double end : {lo, hi}) {
      if (end == current) continue;
      const double f_end = f(end);
      const bool towards = (f_end - here) * (target - here) > 0;
      if (!towards) continue;
      // Find where f first enters the band on [current, end].
      if (std::abs(f_end - target) > tol && (f_end - target) * (here - target) > 0) continue;
      std::optional<double> x;
      if (std::abs(f_end - target) <= tol) {
        x = Boundary(f, current, end, target, tol);
      } else {
        x = Crossing(f, current, end, target, tol);
        if (x) x = Boundary(f, current, *x, target, tol);
      }
      if (x) return LeverSolution{*x, f(*x), SearchMethod::kBisection};
    }
    return std::nullopt;
  }
  std::vector<double> xs(kGrid);
  std::vector<double> fs(kGrid);
  for (int i = 0; i < kGrid; ++i) {
    xs[i] = lo + (hi - lo) * i / (kGrid - 1);
    fs[i] = f(xs[i]) - target;
  }
  std::optional<double> best;
  const auto consider = [&](double x) {
    if (!best || std::abs(x - current) < std::abs(*best - current)) best = x;
  };
  for (int i = 0; i < kGrid; ++i) {
    if (std::abs(fs[i]) <= tol) consider(xs[i]);
    if (i + 1 < kGrid && std::abs(fs[i]) > tol && std::abs(fs[i + 1]) > tol &&
        (fs[i] < 0) != (fs[i + 1] < 0)) {
      if (auto x = Crossing(f, xs[i], xs[i + 1], target, tol)) consider(*x);
    }
  }
  if (!best) return std::nullopt;
  // Pull the answer towards `current` while it stays in the band.
  if (std::abs(f(current) - target) > tol) best = Boundary(f, current, *best, target, tol);
  return LeverSolution{*best, f(*best), SearchMethod::kGrid};
}

}  // namespace entente
