#pragma once
/// \file
/// Which inputs of a scenario are uncertain, and one Monte Carlo draw of all of them.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "entente/core/draw_stream.hpp"
#include "entente/core/random.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// The sampler's view of noise (noise.hpp defines it, in percent, for every caller): positions
/// get a normal spread with sd = fraction x the scale's range; saliences and capabilities get
/// sd = fraction x their coded value. Only Simulate builds it (fraction = percent / 100).
struct Noise {
  double fraction = 0;  ///< 0.1 for 10%; 0 adds no noise
};

/// The three numbers of a stance.
enum class StanceField { kPosition, kSalience, kCapability };

/// "position", "salience", "capability".
[[nodiscard]] const char* StanceFieldName(StanceField field);

/// One uncertain input: which stance field, its distribution, and its valid range.
struct UncertainInput {
  std::size_t issue = 0;                       ///< index into Scenario::issues
  std::size_t stance = 0;                      ///< index into Issue::stances
  StanceField field = StanceField::kPosition;  ///< which number
  Spread spread;     ///< its distribution (from the scenario or the noise default)
  double value = 0;  ///< the coded (point) value
  double lo = 0;     ///< draws are clipped to [lo, hi]
  double hi = 0;     ///< upper clip
};

/// Draws every uncertain input of a scenario in a fixed order (issue, stance, field), so the
/// same generator state always gives the same scenario.
class Sampler {
 public:
  /// Collects the uncertain inputs of a valid `base`; `noise` covers stances without spreads.
  Sampler(const Scenario& base, Noise noise);

  /// The uncertain inputs, in draw order.
  [[nodiscard]] const std::vector<UncertainInput>& inputs() const { return inputs_; }

  /// The stances' numbers as one flat array, three per stance in scenario order (position,
  /// salience, capability), issues back to back: the layout draws are written into.
  [[nodiscard]] std::vector<double> Flatten() const;
  /// First stance (in flat order) of each issue, plus the total at the end.
  [[nodiscard]] const std::vector<std::size_t>& stance_begin() const { return stance_begin_; }

  /// Overwrites `flat` (from Flatten) with one draw and stores the drawn values in `values`
  /// (one per input). An issue left with no actor of positive weight keeps its point inputs
  /// for this draw (nobody would decide it) and is flagged in `fell_back` (one flag per issue)
  /// so runs can report how often that happened.
  /// `centres` (one per input), when given, replaces the inputs' point values as the centres
  /// of the draws (a coder mixture, analysis/coder_mixture.hpp).
  void Draw(DrawStream& rng, std::vector<double>& flat, std::vector<double>& values,
            std::vector<std::uint8_t>& fell_back, const double* centres = nullptr) const;

  /// Copies a flat draw into `work`, a copy of the base scenario (for dynamic models).
  void WriteBack(const std::vector<double>& flat, Scenario& work) const;

  /// Sets one input of `work` to `value` (used by one-at-a-time sensitivity).
  static void Set(Scenario& work, const UncertainInput& input, double value);

 private:
  const Scenario& base_;
  std::vector<UncertainInput> inputs_;
  std::vector<std::size_t> issue_begin_;   ///< first input of each issue (size issues + 1)
  std::vector<std::size_t> stance_begin_;  ///< first flat stance of each issue (size issues + 1)
  std::vector<std::size_t> slot_;          ///< per input: its index in the flat array
  // The hot loop's view of inputs_, one array per field: a draw reads them front to back.
  std::vector<std::uint8_t> normal_;  ///< 1 if the spread is normal (the inline fast path)
  std::vector<double> value_, sd_, lo_, hi_;
};

}  // namespace entente
