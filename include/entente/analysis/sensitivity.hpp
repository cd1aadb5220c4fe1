#pragma once
/// \file
/// Which inputs move each outcome most: one-at-a-time swings (tornado) and variance-based
/// first-order indices estimated from Monte Carlo draws.

#include <cstdint>
#include <string>
#include <vector>

#include "entente/analysis/outcome_sketch.hpp"
#include "entente/analysis/sampler.hpp"
#include "entente/models/registry.hpp"

namespace entente {

/// The effect of one uncertain input on one issue's outcome.
struct InputEffect {
  std::size_t input = 0;                       ///< index into Sampler::inputs()
  std::string actor;                           ///< whose stance
  std::string input_issue;                     ///< the issue the stance is on
  StanceField field = StanceField::kPosition;  ///< which number
  double low = 0;           ///< the input's 5% point (clipped to its valid range)
  double high = 0;          ///< its 95% point
  double outcome_low = 0;   ///< the issue's outcome with the input at `low`, others at point
  double outcome_high = 0;  ///< ... at `high`
  double first_order = 0;   ///< share of the outcome's variance explained by this input alone
};

/// One issue's sensitivity: inputs ordered by |outcome_high - outcome_low|, largest first.
struct IssueSensitivity {
  std::string issue_id;              ///< Issue::id
  std::vector<InputEffect> effects;  ///< every uncertain input
};

/// Tornado data: for each input, the outcome of every issue with that input at its 5% and 95%
/// points and everything else at the coded values. Returns [input][issue] low/high outcomes.
struct Swing {
  std::vector<double> low;   ///< per issue
  std::vector<double> high;  ///< per issue
};
[[nodiscard]] std::vector<Swing> OneAtATime(const Scenario& base, const Sampler& sampler,
                                            const ModelInfo& model, const ModelOptions& options);

/// Streams (input class, outcome) pairs to estimate first-order indices
/// S_j = Var(E[Y | X_j]) / Var(Y) by the binned correlation ratio: each input's draws fall in
/// `bins` equal-probability classes of its distribution; S_j = (SS_between - (B - 1)/(N - B)
/// SS_within) / SS_total, clipped to [0, 1] (the bias-corrected eta^2 of Pearson 1903, the
/// estimator behind Plischke 2010, Reliability Engineering & System Safety 95(4)). Sums are in
/// fixed point, so results do not depend on thread count or draw order.
class FirstOrderAccumulator {
 public:
  /// `ranges[k]` and `references[k]`: issue k's scale range and point forecast.
  FirstOrderAccumulator(std::size_t inputs, std::vector<double> references,
                        std::vector<double> ranges, int bins);
  /// Records one draw: each input's class (0..bins-1) and each issue's outcome.
  void Add(const std::vector<int>& classes, const std::vector<double>& outcomes);
  /// Adds another accumulator's sums.
  void Merge(const FirstOrderAccumulator& other);
  /// S for input j on issue k.
  [[nodiscard]] double Index(std::size_t input, std::size_t issue) const;

  /// One class cell's integer sums, as a partial result stores it.
  struct CellState {
    std::uint64_t index = 0;         ///< (input x issues + issue) x bins + class
    std::int64_t n = 0;              ///< draws in the class (> 0)
    __extension__ __int128 sum = 0;  ///< fixed-point sum of outcomes
    UInt128 sum_sq = 0;              ///< and of their squares
  };
  /// The cells that hold draws, by index (formats/simulation_partial).
  [[nodiscard]] std::vector<CellState> Export() const;
  /// Why `cells` cannot be this accumulator's (index out of range or unsorted, empty cell);
  /// empty when they can.
  [[nodiscard]] std::string CheckState(const std::vector<CellState>& cells) const;
  /// Replaces the sums with checked `cells` (CheckState).
  void Import(const std::vector<CellState>& cells);

 private:
  struct Cell {
    std::int64_t n = 0;
    __extension__ __int128 sum = 0;
    UInt128 sum_sq = 0;
  };
  [[nodiscard]] std::int64_t Fixed(std::size_t issue, double y) const;
  std::size_t inputs_;
  std::size_t issues_;
  int bins_;
  std::vector<double> references_;
  std::vector<double> ranges_;
  std::vector<Cell> cells_;  ///< [input][issue][bin]
};

}  // namespace entente
