#pragma once
/// \file
/// Monte Carlo over coders: each draw takes one coder's numbers for the coded stances, so the
/// coders' disagreement becomes spread in the outcome (`--pool mixture`, `mixture-coder`).

#include <array>
#include <cstdint>
#include <vector>

#include "entente/analysis/sampler.hpp"
#include "entente/core/coding.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// The coded stances of a scenario and their coders' numbers, laid out for the draws.
class CoderMixture {
 public:
  /// Collects the codings of the valid `scenario` for `sampler` (built on the same scenario);
  /// `by_coder` picks one coder per draw for the whole scenario instead of one per stance.
  CoderMixture(const Scenario& scenario, const Sampler& sampler, bool by_coder);

  /// True when the scenario has no coded stance (nothing to mix).
  [[nodiscard]] bool empty() const { return stances_.empty(); }

  /// The sampler's centres with nothing mixed in: every input's point value.
  [[nodiscard]] std::vector<double> BaseCentres() const;

  /// Picks draw `draw`'s coders from its own PCG stream of `seed` (not the inputs' stream, so
  /// a scenario's noise draws are the same with and without mixing) and writes their numbers
  /// into `flat` (Sampler::Flatten layout) and into `centres` (one per sampler input).
  void Apply(std::uint64_t seed, std::int64_t draw, std::vector<double>& flat,
             std::vector<double>& centres) const;

 private:
  struct Alternative {
    std::size_t coder = 0;            // index into coders_
    std::array<double, 3> numbers{};  // position, salience, capability
  };
  struct MixedStance {
    std::size_t flat = 0;                                     // flat stance index (3 numbers each)
    std::array<double, 3> pooled{};                           // the stance's numbers as pooled
    std::vector<Alternative> alternatives;                    // one per coder who coded it
    std::vector<std::pair<std::size_t, StanceField>> inputs;  // sampler inputs of this stance
  };
  std::vector<MixedStance> stances_;
  std::vector<double> base_centres_;
  std::size_t coders_ = 0;
  bool by_coder_ = false;
};

}  // namespace entente
