#pragma once
/// \file
/// Votes, victory probabilities and the Probabilistic Condorcet Election (PCE) of KTAB's
/// Spatial Model of Politics: which of m options a weighted electorate ends up choosing.

#include <cstddef>
#include <span>
#include <vector>

#include "entente/models/ktab/ktab_options.hpp"

namespace entente {

/// The vote of a voter of weight `w` between two options whose utilities differ by `diff`
/// (positive: prefers the first).
[[nodiscard]] double SmpVote(SmpVoting rule, double w, double diff);

/// Probability that a coalition of strength `a` beats one of strength `b` (a, b > 0).
[[nodiscard]] double SmpVictoryProbability(SmpVictory model, double a, double b);

/// Utilities of `voters` actors for `options` options, row-major (voter-major), with the
/// voters' weights: the inputs of one PCE.
struct PceInput {
  std::span<const double> utility;  ///< voters x options
  std::span<const double> weight;   ///< one per voter
  std::size_t options = 0;          ///< number of columns of `utility`
};

/// Probability that each option wins: coalitions C(a:b) = 1e-8 + sum_k max(0, vote_k(a:b)),
/// pairwise victory probabilities, then the chosen PCE model.
[[nodiscard]] std::vector<double> SmpPceProbabilities(const PceInput& in,
                                                      const SmpOptions& options);

}  // namespace entente
