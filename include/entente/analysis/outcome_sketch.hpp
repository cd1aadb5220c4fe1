#pragma once
/// \file
/// A streaming summary of one issue's Monte Carlo outcomes: constant memory whatever the
/// number of draws, and exactly the same result whatever order the draws arrive in.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace entente {

__extension__ using UInt128 = unsigned __int128;  ///< exact sums of squares

/// One bar of a coarse histogram, or (lo == hi) a point mass: draws at exactly that value.
struct HistogramBin {
  double lo = 0;           ///< lower edge
  double hi = 0;           ///< upper edge (== lo for a point mass)
  std::int64_t count = 0;  ///< draws in [lo, hi) (the last bar includes hi)
};

/// Each outcome becomes a 30-bit key, its place on the scale in steps of 2^-30 of the
/// range. Keys are counted in 16,384 equal bins, and each bin keeps the smallest and largest
/// key it saw: 8 bytes per bin, so the bins the draws touch stay in the processor's cache
/// (three 8-byte arrays of 65,536 bins did not: perf put a quarter of a compromise draw on them).
/// The mean and sd come from fixed-point sums (2^-32 of the range) of the deviation from the
/// point forecast. All sums are integers, so merging per-thread sketches in any order gives
/// identical bytes.
///
/// Values that carry point masses are "anchors": the scale's ends (clipping), the point
/// forecast and the status quo (a binding veto). A key that equals an anchor's key reads back
/// as the anchor itself, so such quantiles are exact; any other key reads back within 2^-31
/// of the range. A quantile falling in a bin that holds several distinct keys is interpolated
/// by rank between the bin's smallest and largest, an error below the bin's width (1/16,384
/// of the range) and in practice far smaller. The smallest and largest outcomes are kept
/// exactly.
class OutcomeSketch {
 public:
  /// Bins over [lo, hi]; `reference` (the point forecast, clamped into [lo, hi]) anchors the
  /// fixed-point sums, so draws equal to it contribute exactly zero; `status_quo`, if any, is
  /// one more anchor. Throws InternalError unless hi - lo and 2^32 / (hi - lo) are finite and
  /// positive (validation's scale limits, kMaxMagnitude and kMinScaleWidth, ensure it), so that
  /// every fixed-point value below stays within +-2^32.
  OutcomeSketch(double lo, double hi, double reference,
                std::optional<double> status_quo = std::nullopt);

  /// Adds one outcome (clamped into [lo, hi]; callers pass finite outcomes, and a NaN counts
  /// as lo rather than reaching an integer conversion). Counts are 32-bit: at most 2^32 - 1.
  void Add(double y) {
    y = y >= lo_ ? (y > hi_ ? hi_ : y) : lo_;
    // The deviation from the point forecast, rounded to the nearest step (ties to even: adding
    // and taking away 1.5 x 2^52 leaves an integer, without a call into libm).
    constexpr double kRound = 6755399441055744.0;
    const auto dev = static_cast<std::int64_t>(((y - reference_) * to_fixed_ + kRound) - kRound);
    sum_q_ += dev;
    const UInt128 mag = static_cast<UInt128>(dev < 0 ? -dev : dev);
    sum_q2_ += mag * mag;
    ++count_;
    min_ = y < min_ ? y : min_;
    max_ = y > max_ ? y : max_;
    // y >= lo_: rounds a nonnegative step count half up, as Fixed() does for the anchors
    // (keys must agree), without a call into libm in the draw loop.
    // NOLINTNEXTLINE(bugprone-incorrect-roundings)
    const std::uint32_t key = KeyOfFixed(static_cast<std::int64_t>((y - lo_) * to_fixed_ + 0.5));
    Bin& b = bins_[key >> kOffsetBits];
    const auto offset = static_cast<std::uint16_t>(key & 0xFFFFu);
    ++b.count;
    b.min = offset < b.min ? offset : b.min;
    b.max = offset > b.max ? offset : b.max;
  }

  /// Adds another sketch of the same issue.
  void Merge(const OutcomeSketch& other);

  /// Number of outcomes added.
  [[nodiscard]] std::int64_t count() const { return count_; }
  /// Mean outcome.
  [[nodiscard]] double Mean() const;
  /// Sample standard deviation (0 for fewer than two draws).
  [[nodiscard]] double Sd() const;
  /// The p-quantile, linear between order statistics (Hyndman & Fan type 7, numpy's default).
  [[nodiscard]] double Quantile(double p) const;
  /// Smallest outcome seen (exact).
  [[nodiscard]] double Min() const;
  /// Largest outcome seen (exact).
  [[nodiscard]] double Max() const;
  /// `bars` equal bars over the scale. With `mass_at`, the `mass_count` draws known to sit at
  /// exactly that value (the status quo under a binding veto) leave their bar and follow as
  /// one more bin of zero width on the value, so a chart draws the mass where it is and not as
  /// a bar that reaches beyond it. Counts still sum to count().
  [[nodiscard]] std::vector<HistogramBin> Histogram(int bars,
                                                    std::optional<double> mass_at = std::nullopt,
                                                    std::int64_t mass_count = 0) const;

  /// One bin that holds draws, as a partial result stores it.
  struct BinState {
    std::uint32_t index = 0;  ///< 0..kBins-1
    std::uint32_t count = 0;  ///< draws in it (> 0)
    std::uint16_t min = 0;    ///< smallest key offset seen
    std::uint16_t max = 0;    ///< largest
  };
  /// Everything a sketch has counted: all integers but the exact extremes, so a sketch written
  /// by one machine and read by another merges to the same bytes (formats/simulation_partial).
  struct State {
    std::int64_t count = 0;            ///< outcomes added
    double min = 0;                    ///< smallest (unused when count is 0)
    double max = 0;                    ///< largest
    __extension__ __int128 sum_q = 0;  ///< fixed-point sum of deviations from the reference
    UInt128 sum_q2 = 0;                ///< and of their squares
    std::vector<BinState> bins;        ///< the bins that hold draws, by index
  };
  /// The counts, for storing.
  [[nodiscard]] State Export() const;
  /// Replaces the counts with `state`, which a reader has checked (CheckState). The sketch
  /// must be of the same issue as the one exported (same scale, reference and status quo).
  void Import(const State& state);
  /// Why `state` cannot be a sketch's counts (bins out of range, unsorted or not summing to
  /// count, extremes out of the scale); empty when it can.
  [[nodiscard]] std::string CheckState(const State& state) const;

  static constexpr int kKeyBits = 30;                          ///< resolution of a key
  static constexpr int kOffsetBits = 16;                       ///< key bits inside a bin
  static constexpr int kBins = 1 << (kKeyBits - kOffsetBits);  ///< 16,384 bins

 private:
  struct Bin {
    std::uint32_t count = 0;
    std::uint16_t min = 0xFFFF;  ///< smallest key offset seen (0xFFFF and max 0: empty)
    std::uint16_t max = 0;
  };
  static std::uint32_t KeyOfFixed(std::int64_t q) {
    const auto key = static_cast<std::uint32_t>(q >> (32 - kKeyBits));
    return key < (1u << kKeyBits) ? key : (1u << kKeyBits) - 1;
  }
  [[nodiscard]] std::int64_t Fixed(double y) const;
  [[nodiscard]] double Value(std::uint32_t key) const;
  [[nodiscard]] double OrderStatistic(std::int64_t rank) const;

  double lo_;
  double hi_;
  double reference_;
  double to_fixed_;                         ///< 2^32 / (hi - lo)
  std::vector<double> anchors_;             ///< values read back exactly
  std::vector<std::uint32_t> anchor_keys_;  ///< their keys
  std::vector<Bin> bins_;
  std::int64_t count_ = 0;
  double min_;  ///< exact extremes (+inf / -inf while empty)
  double max_;
  __extension__ __int128 sum_q_ = 0;
  UInt128 sum_q2_ = 0;
};

}  // namespace entente
