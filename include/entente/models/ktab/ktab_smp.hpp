#pragma once
/// \file
/// KTAB-compatible Spatial Model of Politics ("ktab-smp"): multi-dimensional bargaining by
/// challenges, interpolated bargains and probabilistic Condorcet elections, turn by turn.

#include <cstddef>
#include <string>
#include <vector>

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/ktab/ktab_options.hpp"

namespace entente {

/// The model's own inputs: n actors on d dimensions, everything on KTAB's 0-1 scale.
struct SmpInput {
  std::size_t actors = 0;          ///< n
  std::size_t dims = 0;            ///< d
  std::vector<double> capability;  ///< n, > 0
  std::vector<double> position;    ///< n x d, row-major, in [0, 1]
  std::vector<double> salience;    ///< n x d, in [0, 1], each row summing to at most 1
  /// n x n ideal-accommodation matrix A (ideal_i <- sum_j A_ij pos_j + (1 - sum_j A_ij)
  /// ideal_i); empty means the identity (ideals follow positions).
  std::vector<double> affinity;
};

/// One state: positions (n x d) and each actor's probability that its position wins.
struct SmpState {
  std::vector<double> position;  ///< n x d
  std::vector<double> win;       ///< n; actors sharing a position share its probability
};

/// A whole run.
struct SmpResult {
  std::vector<SmpState> states;  ///< state 0 = inputs; all states, or first and last
  int turns = 0;                 ///< bargaining turns taken
  bool converged = false;        ///< stopped by the stopping rule, not the turn limit
};

/// Runs the model. Pure and deterministic: stochastic transitions draw from a PCG stream
/// seeded with `options.seed`, in actor order.
///
/// Example:
/// ```
/// SmpResult r = RunSmp(input, SmpOptions{});
/// double x = r.states.back().position[0];  // actor 0, dimension 0
/// ```
[[nodiscard]] SmpResult RunSmp(const SmpInput& input, const SmpOptions& options);

/// One actor's challenge in a turn.
struct SmpChallenge {
  std::ptrdiff_t target = -1;  ///< the actor it challenges; -1 when no gain exceeds 1e-5
  double probability = 0;      ///< its own estimate that it wins
};

/// The challenges of the first turn (what KTAB logs as "most advantageous target"), for
/// checks against KTAB's logs and for explaining a run.
[[nodiscard]] std::vector<SmpChallenge> SmpFirstChallenges(const SmpInput& input,
                                                           const SmpOptions& options);

/// Groups of positions KTAB treats as one (n x d positions): actor i joins the group of the
/// first earlier actor within Euclidean distance `tolerance`, else starts a new group (numbered
/// in order of first appearance).
[[nodiscard]] std::vector<std::size_t> SmpGroups(const std::vector<double>& position,
                                                 std::size_t actors, std::size_t dims,
                                                 double tolerance);

/// The scenario as SMP input: each issue is a dimension (scale mapped to 0-1), each actor's
/// capability its mean stance capability; an actor absent from an issue has salience 0 there.
/// Saliences of an actor summing above 1 are scaled down to sum to 1.
[[nodiscard]] SmpInput SmpInputFromScenario(const Scenario& scenario);

/// The ideal-accommodation matrix (actors x actors, identity where not given) from option text
/// `ACTOR:REFERENCE=WEIGHT;...`; InputError naming the bad pair.
[[nodiscard]] std::vector<double> ParseIdealAdjustment(const Scenario& scenario,
                                                       const std::string& text);

/// The registered model: runs RunSmp on the scenario; per issue, the unconstrained forecast is
/// the win-probability weighted mean of the final positions.
[[nodiscard]] Forecast KtabSmpModel(const Scenario& scenario, const ModelOptions& options);

}  // namespace entente
