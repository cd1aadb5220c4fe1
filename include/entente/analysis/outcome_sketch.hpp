#pragma once
/// \file
/// A streaming summary of one issue's Monte Carlo outcomes: constant memory whatever the
/// number of draws, and exactly the same result whatever order the draws arrive in.

#include <cstdint>
#include <vector>

namespace entente {

__extension__ using UInt128 = unsigned __int128;  ///< exact sums of squares

/// One bar of a coarse histogram.
struct HistogramBin {
  double lo = 0;           ///< lower edge
  double hi = 0;           ///< upper edge
  std::int64_t count = 0;  ///< draws in [lo, hi) (the last bar includes hi)
};

/// Counts outcomes in 65,536 equal bins over the scale, keeping each bin's exact
/// minimum and maximum, plus fixed-point sums (2^-32 of the scale) of the deviation from the
/// point forecast. All sums are integers, so merging per-thread sketches in any order gives
/// identical bytes. Quantiles are exact when a bin holds one distinct value (a veto pinning
/// the outcome to the status quo, or zero noise) and otherwise interpolated inside the bin,
/// an error below 1/65,536 of the scale.
class OutcomeSketch {
 public:
  /// Bins over [lo, hi]; `reference` (the point forecast) anchors the fixed-point sums, so
  /// draws equal to it contribute exactly zero.
  OutcomeSketch(double lo, double hi, double reference);

  /// Adds one outcome (clamped into [lo, hi]).
  void Add(double y);
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
  /// Smallest outcome seen.
  [[nodiscard]] double Min() const;
  /// Largest outcome seen.
  [[nodiscard]] double Max() const;
  /// `bars` equal bars over the scale.
  [[nodiscard]] std::vector<HistogramBin> Histogram(int bars) const;

  static constexpr int kBins = 65536;  ///< resolution of the sketch

 private:
  [[nodiscard]] int BinOf(double y) const;
  [[nodiscard]] double OrderStatistic(std::int64_t rank) const;

  double lo_;
  double hi_;
  double reference_;
  std::vector<std::int64_t> counts_;
  std::vector<double> bin_min_;
  std::vector<double> bin_max_;
  std::int64_t count_ = 0;
  __extension__ __int128 sum_q_ = 0;
  UInt128 sum_q2_ = 0;
};

}  // namespace entente
