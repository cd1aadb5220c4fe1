#include "entente/analysis/outcome_sketch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "entente/core/random.hpp"

namespace entente {
namespace {

// Type 7 quantile of a sorted sample, the definition the sketch approximates.
double ExactQuantile(const std::vector<double>& sorted, double p) {
  const double h = p * static_cast<double>(sorted.size() - 1);
  const auto k = static_cast<std::size_t>(std::floor(h));
  if (k + 1 >= sorted.size()) return sorted.back();
  return sorted[k] + (h - static_cast<double>(k)) * (sorted[k + 1] - sorted[k]);
}

TEST(OutcomeSketch, QuantilesOfAContinuousSampleAreWithinABin) {
  OutcomeSketch sketch(0, 100, 50);
  std::vector<double> ys;
  Rng rng = DrawRng(1, 0);
  for (int i = 0; i < 200000; ++i) {
    const double y = std::clamp(50 + 8 * StandardNormal(rng), 0.0, 100.0);
    ys.push_back(y);
    sketch.Add(y);
  }
  std::sort(ys.begin(), ys.end());
  const double bin = 100.0 / OutcomeSketch::kBins;
  for (double p : {0.0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1.0}) {
    EXPECT_NEAR(sketch.Quantile(p), ExactQuantile(ys, p), bin) << "p = " << p;
  }
  double mean = 0;
  for (double y : ys) mean += y;
  mean /= static_cast<double>(ys.size());
  EXPECT_NEAR(sketch.Mean(), mean, 1e-8);
  EXPECT_NEAR(sketch.Min(), ys.front(), 1e-7);
  EXPECT_NEAR(sketch.Max(), ys.back(), 1e-7);
}

// A binding veto pins many draws to the status quo: its quantiles must read back exactly.
TEST(OutcomeSketch, PointMassesAtAnchorsReadBackExactly) {
  const double status_quo = 100.0 / 3;
  OutcomeSketch sketch(0, 100, 41.7, status_quo);
  for (int i = 0; i < 600; ++i) sketch.Add(status_quo);
  for (int i = 0; i < 300; ++i) sketch.Add(41.7);
  for (int i = 0; i < 100; ++i) sketch.Add(250);  // clipped to the scale's end
  EXPECT_EQ(sketch.Quantile(0.05), status_quo);
  EXPECT_EQ(sketch.Quantile(0.5), status_quo);
  EXPECT_EQ(sketch.Quantile(0.75), 41.7);
  EXPECT_EQ(sketch.Max(), 100.0);
  EXPECT_EQ(sketch.Min(), status_quo);
  const std::vector<HistogramBin> bars = sketch.Histogram(10);
  EXPECT_EQ(bars[3].count, 600);
  EXPECT_EQ(bars[4].count, 300);
  EXPECT_EQ(bars[9].count, 100);
}

// The report drew the status quo's point mass as the bar [50, 55), beyond the status quo.
TEST(OutcomeSketch, StatusQuoMassWasABarBeyondTheStatusQuo) {
  OutcomeSketch sketch(0, 100, 60, 50.0);
  for (int i = 0; i < 400; ++i) sketch.Add(50);    // the veto binds: the status quo holds
  for (int i = 0; i < 100; ++i) sketch.Add(52.5);  // close by, in the same bar
  for (int i = 0; i < 500; ++i) sketch.Add(72.5);
  const std::vector<HistogramBin> bars = sketch.Histogram(20, 50.0, 400);
  ASSERT_EQ(bars.size(), 21u);
  EXPECT_EQ(bars[10].count, 100) << "the bar [50, 55) keeps only the draws that are not 50";
  EXPECT_EQ(bars[14].count, 500);
  EXPECT_EQ(bars[20].lo, 50.0);
  EXPECT_EQ(bars[20].hi, 50.0);
  EXPECT_EQ(bars[20].count, 400);
  std::int64_t total = 0;
  for (const HistogramBin& b : bars) total += b.count;
  EXPECT_EQ(total, sketch.count());
  // Without draws at the status quo nothing is added.
  EXPECT_EQ(sketch.Histogram(20, 30.0, 0).size(), 20u);
}

TEST(OutcomeSketch, ZeroSpreadGivesTheReferenceExactly) {
  OutcomeSketch sketch(-5, 7, 0.1);
  for (int i = 0; i < 1000; ++i) sketch.Add(0.1);
  EXPECT_EQ(sketch.Mean(), 0.1);
  EXPECT_EQ(sketch.Sd(), 0.0);
  EXPECT_EQ(sketch.Quantile(0.5), 0.1);
}

TEST(OutcomeSketch, MergingInAnyOrderGivesIdenticalSummaries) {
  Rng rng = DrawRng(3, 0);
  std::vector<double> ys;
  for (int i = 0; i < 30000; ++i) ys.push_back(20 + 30 * Uniform01(rng));
  OutcomeSketch a(0, 100, 35), b(0, 100, 35), c(0, 100, 35), whole(0, 100, 35);
  for (std::size_t i = 0; i < ys.size(); ++i) {
    (i % 3 == 0 ? a : i % 3 == 1 ? b : c).Add(ys[i]);
    whole.Add(ys[i]);
  }
  OutcomeSketch abc = a, cba = c;
  abc.Merge(b);
  abc.Merge(c);
  cba.Merge(b);
  cba.Merge(a);
  for (const OutcomeSketch* s : {&abc, &cba}) {
    EXPECT_EQ(s->count(), whole.count());
    EXPECT_EQ(s->Mean(), whole.Mean());
    EXPECT_EQ(s->Sd(), whole.Sd());
    for (double p : {0.05, 0.5, 0.95}) EXPECT_EQ(s->Quantile(p), whole.Quantile(p));
  }
}

}  // namespace
}  // namespace entente
