#include "entente/analysis/outcome_sketch.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "entente/core/assert.hpp"

namespace entente {
namespace {
constexpr double kFixed = 4294967296.0;  // 2^32 steps per scale range
}

OutcomeSketch::OutcomeSketch(double lo, double hi, double reference,
                             std::optional<double> status_quo)
    : lo_(lo),
      hi_(hi),
      reference_(hi > lo ? std::clamp(reference, lo, hi) : reference),
      to_fixed_(kFixed / (hi - lo)),
      bins_(kBins),
      min_(std::numeric_limits<double>::infinity()),
      max_(-std::numeric_limits<double>::infinity()) {
  ENTENTE_ASSERT(hi > lo, "outcome sketch needs a scale with max > min");
  // A width that overflows (to_fixed_ 0) or one so narrow that 2^32 steps of it overflow
  // (to_fixed_ inf) would turn every deviation into 0, inf or NaN and its integer conversion
  // into undefined behaviour.
  ENTENTE_ASSERT(std::isfinite(hi - lo) && std::isfinite(to_fixed_) && to_fixed_ > 0,
                 "outcome sketch needs a scale whose width and 2^32 steps of it are finite");
  // Earlier anchors win when two share a key (they then differ by under 2^-30 of the range).
  for (double a : {reference, lo, hi}) anchors_.push_back(a);
  if (status_quo) anchors_.insert(anchors_.begin(), *status_quo);
  for (double& a : anchors_) {
    a = std::clamp(a, lo, hi);
    anchor_keys_.push_back(KeyOfFixed(Fixed(a)));
  }
}

std::int64_t OutcomeSketch::Fixed(double y) const {
  y = std::clamp(y, lo_, hi_);
  // Half up on a nonnegative step count, as Add does (keys must agree).
  // NOLINTNEXTLINE(bugprone-incorrect-roundings)
  return static_cast<std::int64_t>((y - lo_) * to_fixed_ + 0.5);
}

double OutcomeSketch::Value(std::uint32_t key) const {
  for (std::size_t i = 0; i < anchors_.size(); ++i) {
    if (anchor_keys_[i] == key) return anchors_[i];
  }
  const double cell = (hi_ - lo_) / static_cast<double>(1u << kKeyBits);
  return std::clamp(lo_ + (static_cast<double>(key) + 0.5) * cell, lo_, hi_);
}

void OutcomeSketch::Merge(const OutcomeSketch& o) {
  ENTENTE_ASSERT(o.lo_ == lo_ && o.hi_ == hi_ && o.reference_ == reference_,
                 "merging sketches of different issues");
  for (int b = 0; b < kBins; ++b) {
    bins_[b].count += o.bins_[b].count;
    bins_[b].min = std::min(bins_[b].min, o.bins_[b].min);
    bins_[b].max = std::max(bins_[b].max, o.bins_[b].max);
  }
  count_ += o.count_;
  min_ = std::min(min_, o.min_);
  max_ = std::max(max_, o.max_);
  sum_q_ += o.sum_q_;
  sum_q2_ += o.sum_q2_;
}

OutcomeSketch::State OutcomeSketch::Export() const {
  State s{count_, min_, max_, sum_q_, sum_q2_, {}};
  for (int b = 0; b < kBins; ++b) {
    if (bins_[b].count == 0) continue;
    s.bins.push_back(
        BinState{static_cast<std::uint32_t>(b), bins_[b].count, bins_[b].min, bins_[b].max});
  }
  return s;
}

std::string OutcomeSketch::CheckState(const State& s) const {
  if (s.count < 0) return "a negative count";
  if (s.count > 0 && !(s.min >= lo_ && s.min <= s.max && s.max <= hi_))
    return "extremes outside the issue's scale";
  std::int64_t total = 0;
  for (std::size_t i = 0; i < s.bins.size(); ++i) {
    const BinState& b = s.bins[i];
    if (b.index >= static_cast<std::uint32_t>(kBins)) return "a bin index beyond the last bin";
    if (i > 0 && b.index <= s.bins[i - 1].index) return "bins out of order";
    if (b.count == 0 || b.min > b.max) return "an empty or inverted bin";
    total += b.count;
  }
  if (total != s.count) return "bin counts that do not add up to the count";
  return {};
}

void OutcomeSketch::Import(const State& s) {
  ENTENTE_ASSERT(CheckState(s).empty(), "importing an unchecked sketch state");
  bins_.assign(kBins, Bin{});
  for (const BinState& b : s.bins) bins_[b.index] = Bin{b.count, b.min, b.max};
  count_ = s.count;
  min_ = s.count > 0 ? s.min : std::numeric_limits<double>::infinity();
  max_ = s.count > 0 ? s.max : -std::numeric_limits<double>::infinity();
  sum_q_ = s.sum_q;
  sum_q2_ = s.sum_q2;
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
  if (rank <= 0) return min_;
  if (rank >= count_ - 1) return max_;
  std::int64_t seen = 0;
  for (int b = 0; b < kBins; ++b) {
    const std::int64_t c = bins_[b].count;
    if (rank < seen + c) {
      const auto base = static_cast<std::uint32_t>(b) << kOffsetBits;
      const double low = std::max(min_, Value(base | bins_[b].min));
      if (c == 1 || bins_[b].min == bins_[b].max) return low;
      const double high = std::min(max_, Value(base | bins_[b].max));
      const double frac = static_cast<double>(rank - seen) / static_cast<double>(c - 1);
      return low + frac * (high - low);
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
  return count_ > 0 ? min_ : reference_;
}

double OutcomeSketch::Max() const {
  return count_ > 0 ? max_ : reference_;
}

std::vector<HistogramBin> OutcomeSketch::Histogram(int bars, std::optional<double> mass_at,
                                                   std::int64_t mass_count) const {
  std::vector<HistogramBin> out(bars);
  const double width = (hi_ - lo_) / bars;
  for (int i = 0; i < bars; ++i) {
    out[i].lo = lo_ + i * width;
    out[i].hi = i + 1 == bars ? hi_ : lo_ + (i + 1) * width;
  }
  // Assign by the bin's lowest value: bins never straddle a bar's edge by more than their own
  // width, and this keeps point masses in one bar.
  const auto bar_of = [&](int b) {
    const double low = Value((static_cast<std::uint32_t>(b) << kOffsetBits) | bins_[b].min);
    return std::clamp(static_cast<int>((low - lo_) / width), 0, bars - 1);
  };
  for (int b = 0; b < kBins; ++b) {
    if (bins_[b].count != 0) out[bar_of(b)].count += bins_[b].count;
  }
  if (mass_at && mass_count > 0) {
    // The mass's draws sit in the bin of its key; take them out of that bin's bar (at most
    // what the bar holds) and report them as a bar of zero width on the value itself.
    const double at = std::clamp(*mass_at, lo_, hi_);
    const int b = static_cast<int>(KeyOfFixed(Fixed(at)) >> kOffsetBits);
    std::int64_t taken = 0;
    if (bins_[b].count != 0) {
      HistogramBin& bar = out[bar_of(b)];
      taken = std::min(mass_count, bar.count);
      bar.count -= taken;
    }
    if (taken > 0) out.push_back(HistogramBin{at, at, taken});
  }
  return out;
}

}  // namespace entente
