#include "entente/models/aggregate.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

#include "entente/core/assert.hpp"

namespace entente {

double WeightedMean(std::span<const double> x, std::span<const double> w) {
  ENTENTE_ASSERT(x.size() == w.size(), "positions and weights differ in length");
  double num = 0;
  double den = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    num += w[i] * x[i];
    den += w[i];
  }
  ENTENTE_ASSERT(den > 0, "weighted mean of zero total weight (validation should have caught it)");
  return num / den;
}

namespace {

// Both medians: `midpoint` selects the tie rule on an exact half.
double Median(std::span<const double> x, std::span<const double> w, bool midpoint) {
  ENTENTE_ASSERT(x.size() == w.size(), "positions and weights differ in length");
  // Reused per thread: Monte Carlo calls this millions of times.
  thread_local std::vector<std::pair<double, double>> points;
  points.clear();
  double total = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (w[i] > 0) {
      points.emplace_back(x[i], w[i]);
      total += w[i];
    }
  }
  ENTENTE_ASSERT(total > 0, "weighted median of zero total weight");
  if (points.size() <= 32) {
    // Insertion sort: the same order as std::sort (pairs compare as a total order, and equal
    // pairs are interchangeable) at a fraction of its cost for the few actors of an issue,
    // where eu calls this twice a round.
    for (std::size_t i = 1; i < points.size(); ++i) {
      const std::pair<double, double> v = points[i];
      std::size_t j = i;
      for (; j > 0 && v < points[j - 1]; --j) points[j] = points[j - 1];
      points[j] = v;
    }
  } else {
    std::sort(points.begin(), points.end());
  }
  const double half = total / 2;
  const double eps = 1e-12 * total;
  double cum = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    // Merge equal positions so a tie is judged on the position, not the actor.
    cum += points[i].second;
    if (i + 1 < points.size() && points[i + 1].first == points[i].first) continue;
    if (cum >= half - eps) {
      if (midpoint && std::abs(cum - half) <= eps && i + 1 < points.size()) {
        return (points[i].first + points[i + 1].first) / 2;
      }
      return points[i].first;
    }
  }
  return points.back().first;
}

}  // namespace

double WeightedMedian(std::span<const double> x, std::span<const double> w) {
  return Median(x, w, true);
}

double WeightedMedianLower(std::span<const double> x, std::span<const double> w) {
  return Median(x, w, false);
}

}  // namespace entente

namespace entente {

Forecast AggregateEachIssue(const Scenario& scenario, std::string model,
                            double (*aggregate)(std::span<const double>, std::span<const double>)) {
  Forecast out;
  out.model = std::move(model);
  out.issues.reserve(scenario.issues.size());
  std::vector<double> w;
  for (const Issue& issue : scenario.issues) {
    IssueForecast f;
    f.issue_id = issue.id;
    f.final_positions.reserve(issue.stances.size());
    w.clear();
    for (const Stance& s : issue.stances) {
      f.final_positions.push_back(s.position);
      w.push_back(s.Weight());
    }
    f.unconstrained = aggregate(f.final_positions, w);
    out.issues.push_back(std::move(f));
  }
  return out;
}

}  // namespace entente
