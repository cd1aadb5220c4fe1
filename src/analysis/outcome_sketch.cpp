#include "entente/analysis/outcome_sketch.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "entente/core/assert.hpp"

namespace entente {
namespace {
constexpr double kFixed = 4294967296.0;  // 2^32 steps per scale range
}

OutcomeSketch::OutcomeSketch(double lo, double hi, double reference)
    : lo_(lo),
      hi_(hi),
      reference_(reference),
      counts_(kBins, 0),
      bin_min_(kBins, std::numeric_limits<double>::infinity()),
      bin_max_(kBins, -std::numeric_limits<double>::infinity()) {
  ENTENTE_ASSERT(hi > lo, "outcome sketch needs a scale with max > min");
}

int OutcomeSketch::BinOf(double y) const {
  const double t = (y - lo_) / (hi_ - lo_) * kBins;
  return std::clamp(static_cast<int>(t), 0, kBins - 1);
}

void OutcomeSketch::Add(double y) {
  y = std::clamp(y, lo_, hi_);
  const int b = BinOf(y);
  ++counts_[b];
  bin_min_[b] = std::min(bin_min_[b], y);
  bin_max_[b] = std::max(bin_max_[b], y);
  const auto q = static_cast<std::int64_t>(std::llround((y - reference_) / (hi_ - lo_) * kFixed));
  sum_q_ += q;
  const UInt128 mag = static_cast<UInt128>(q < 0 ? -q : q);
  sum_q2_ += mag * mag;
  ++count_;
}

void OutcomeSketch::Merge(const OutcomeSketch& o) {
  ENTENTE_ASSERT(o.lo_ == lo_ && o.hi_ == hi_ && o.reference_ == reference_,
                 "merging sketches of different issues");
  for (int b = 0; b < kBins; ++b) {
    counts_[b] += o.counts_[b];
    bin_min_[b] = std::min(bin_min_[b], o.bin_min_[b]);
    bin_max_[b] = std::max(bin_max_[b], o.bin_max_[b]);
  }
  count_ += o.count_;
  sum_q_ += o.sum_q_;
  sum_q2_ += o.sum_q2_;
}

double OutcomeSketch::Mean() const {
  if (count_ == 0) return reference_;
  const long double mean_q = static_cast<long double>(sum_q_) / count_;
  return reference_ + static_cast<double>(mean_q / kFixed * (hi_ - lo_));
}

double OutcomeSketch::Sd() const {
  if (count_ < 2) return 0;
  const long double n = count_;
  const long double s = static_cast<long double>(sum_q_);
  const long double ss = static_cast<long double>(sum_q2_) - s * s / n;
  if (ss <= 0) return 0;
  return static_cast<double>(std::sqrt(ss / (n - 1)) / kFixed * (hi_ - lo_));
}

double OutcomeSketch::OrderStatistic(std::int64_t rank) const {
  std::int64_t seen = 0;
  for (int b = 0; b < kBins; ++b) {
    const std::int64_t c = counts_[b];
    if (rank < seen + c) {
      if (c == 1 || bin_min_[b] == bin_max_[b]) return bin_min_[b];
      const double frac = static_cast<double>(rank - seen) / static_cast<double>(c - 1);
      return bin_min_[b] + frac * (bin_max_[b] - bin_min_[b]);
    }
    seen += c;
  }
  return Max();
}

double OutcomeSketch::Quantile(double p) const {
  if (count_ == 0) return reference_;
  const double h = p * static_cast<double>(count_ - 1);
  const auto k = static_cast<std::int64_t>(std::floor(h));
  const double lower = OrderStatistic(k);
  if (h == static_cast<double>(k) || k + 1 >= count_) return lower;
  const double upper = OrderStatistic(k + 1);
  return lower + (h - static_cast<double>(k)) * (upper - lower);
}

double OutcomeSketch::Min() const {
  for (int b = 0; b < kBins; ++b) {
    if (counts_[b] > 0) return bin_min_[b];
  }
  return reference_;
}

double OutcomeSketch::Max() const {
  for (int b = kBins - 1; b >= 0; --b) {
    if (counts_[b] > 0) return bin_max_[b];
  }
  return reference_;
}

std::vector<HistogramBin> OutcomeSketch::Histogram(int bars) const {
  std::vector<HistogramBin> out(bars);
  const double width = (hi_ - lo_) / bars;
  for (int i = 0; i < bars; ++i) {
    out[i].lo = lo_ + i * width;
    out[i].hi = i + 1 == bars ? hi_ : lo_ + (i + 1) * width;
  }
  for (int b = 0; b < kBins; ++b) {
    if (counts_[b] == 0) continue;
    // Assign by the bin's lowest value: fine bins never straddle a coarse edge by more than
    // their own width, and this keeps point masses in one bar.
    const int bar = std::clamp(static_cast<int>((bin_min_[b] - lo_) / width), 0, bars - 1);
    out[bar].count += counts_[b];
  }
  return out;
}

}  // namespace entente
