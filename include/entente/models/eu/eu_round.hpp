#pragma once
/// \file
/// One bargaining round of the expected utility model on one issue (Scholz, Calbert & Smith
/// 2011, appendix steps 2-12): probabilities, security levels, risk exponents, expected
/// utilities of challenges, offers, and the accepted moves.

#include <limits>
#include <span>
#include <vector>

#include "entente/models/bargain_event.hpp"
#include "entente/models/eu/eu_offer.hpp"
#include "entente/models/eu/eu_options.hpp"
#include "entente/models/eu/eu_probability.hpp"

namespace entente {

/// One issue's actors as the model sees them; spans are in stance order.
struct EuActors {
  std::span<const double> weight;    ///< c_i s_i (votes and medians)
  std::span<const double> salience;  ///< s_i (eq. 25a)
  double range = 1;                  ///< R > 0: distances are divided by it
  /// mu of the round's start positions when the caller already has it (the bargaining loop
  /// computes the same centre as its forecast of the last round); NaN: the round computes it.
  double mu = std::numeric_limits<double>::quiet_NaN();
};

/// What one round did.
struct EuRoundResult {
  std::vector<double> positions;     ///< after the round, stance order
  std::vector<double> security;      ///< Sec_i (eq. 34), from expected utilities at r = 1
  std::vector<double> risk;          ///< r_i in [0.5, 2] (eqs. 32-33) used for the offers
  std::vector<BargainEvent> events;  ///< accepted offers, in stance order of the mover
};

/// Buffers EuRound reuses from one call to the next so rounds do not reallocate (for large
/// issues the probability cache is n^2 doubles). Holds nothing that affects results.
struct EuScratch {
  std::vector<double> kept_wins, kept_losses, wins, losses, rows, by_rank;  ///< see eu_round.cpp
  std::vector<double> pairs;  ///< per-pair arrays of steps 7-12, one block of rows at a time
  std::vector<Offer> best;    ///< each actor's best offer so far, by rank
  /// Classify and rank offers pair by pair even where a block at a time applies (the default
  /// offer_choice=least_move with q = 1): the reference path, which tests compare with the
  /// fast one bit for bit. Results are the same either way.
  bool pairwise_offers = false;
  EuProbabilities linear;  ///< linear-vote probabilities of the round start
};

/// Runs round number `round` (1-based, copied into the events) from positions `x`.
/// Simultaneous moves: every actor evaluates the offers at the positions of the round start.
[[nodiscard]] EuRoundResult EuRound(std::span<const double> x, const EuActors& actors,
                                    const EuOptions& options, int round, EuScratch& scratch);

/// EuRound writing into `out`, whose vectors are reused (the bargaining loop calls it once per
/// round). Events are recorded only when `options.trail` is set.
void EuRound(std::span<const double> x, const EuActors& actors, const EuOptions& options, int round,
             EuScratch& scratch, EuRoundResult& out);
/// EuRound with buffers of its own (tests, single rounds).
[[nodiscard]] EuRoundResult EuRound(std::span<const double> x, const EuActors& actors,
                                    const EuOptions& options, int round);

}  // namespace entente
