#pragma once
/// \file
/// One round of the exchange model on the 0-100 scale: find every possible exchange, then
/// realize them greedily by gain. Internal to the exchange model; exposed for tests and bench.

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entente/core/scenario.hpp"
#include "entente/models/exchange/exchange_options.hpp"

namespace entente::detail {

/// A scenario's numbers laid out for exchange: actor-issue cells at [issue * actors + actor].
struct ExchangeBoard {
  std::size_t actors = 0;               ///< number of actors
  std::size_t issues = 0;               ///< number of issues
  std::vector<int> stance;              ///< stance index in its issue, or -1 (no stance)
  std::vector<double> salience;         ///< s per cell (0 where absent)
  std::vector<double> weight;           ///< c s per cell (0 where absent)
  std::vector<double> total;            ///< per issue: sum of c s
  std::vector<double> lo, span;         ///< per issue: scale min and (max - min) / 100
  std::vector<std::size_t> actor_rank;  ///< rank of each actor's id in sorted order
  std::vector<std::size_t> issue_rank;  ///< rank of each issue's id in sorted order

  /// The cell index of (issue, actor).
  [[nodiscard]] std::size_t Cell(std::size_t issue, std::size_t actor) const {
    return issue * actors + actor;
  }
};

/// A scenario's actors as every board of it needs them: built once, not once per issue group.
struct ExchangeActors {
  std::vector<std::size_t> rank;                            ///< rank of each id in sorted order
  std::unordered_map<std::string_view, std::size_t> index;  ///< id -> index (views of the scenario)
};

/// Indexes the actors of `scenario`, which must outlive the result.
[[nodiscard]] ExchangeActors IndexExchangeActors(const Scenario& scenario);

/// Lays out the issues `members` (indices into scenario.issues, in board order) of `scenario`
/// (validated) and returns the start positions on 0-100 per cell.
[[nodiscard]] ExchangeBoard MakeExchangeBoard(const Scenario& scenario,
                                              std::span<const std::size_t> members,
                                              const ExchangeActors& actors,
                                              std::vector<double>& start);

/// A realized exchange on the 0-100 scale: P gave way on p, Q on q (p < q).
struct RealizedExchange {
  std::size_t p = 0, q = 0;         ///< issue indices, p < q
  std::size_t actor_p = 0;          ///< P: gives way on p
  std::size_t actor_q = 0;          ///< Q: gives way on q
  double from_p = 0, to_p = 0;      ///< P's position on p before and after
  double from_q = 0, to_q = 0;      ///< Q's position on q before and after
  double shift_p = 0, shift_q = 0;  ///< outcome changes on p and q
  double gain_p = 0, gain_q = 0;    ///< P's and Q's gains
};

/// A possible exchange of one round, with its sizing against the current state.
struct ExchangeCandidate {
  std::uint32_t p = 0, q = 0;              ///< issue indices, p < q
  std::uint32_t actor_p = 0, actor_q = 0;  ///< P gives way on p, Q on q
  std::uint32_t order = 0;                 ///< enumeration order (tie=order)
  bool alive = true;                       ///< not realized and still valid
  double draw = -1;                        ///< random-rate draw, or -1 for equal gain
  double rate = 0;                         ///< ExchangeRate, fixed for the round
  double gain = 0;                         ///< ranking gain (equal gain, or the smaller gain)
  double move_p = 0, move_q = 0;           ///< signed moves
  double shift_p = 0, shift_q = 0;         ///< signed outcome shifts
  double gain_p = 0, gain_q = 0;           ///< each side's gain
};

/// Reusable buffers of ExchangeRound.
struct ExchangeScratch {
  std::vector<ExchangeCandidate> candidates;         ///< this round's possible exchanges
  std::vector<double> moved;                         ///< per cell: signed move so far this round
  std::vector<std::uint8_t> side;                    ///< per cell: 1 when left of the outcome
  std::vector<double> rank;                          ///< per candidate: gain, or -1 once gone
  std::vector<std::uint32_t> cell_start;             ///< per cell: first entry in cell_items
  std::vector<std::uint32_t> cell_items;             ///< candidates involving each cell, by cell
  std::vector<std::uint32_t> stamp;                  ///< per candidate: last re-sizing pass
  std::vector<std::uint32_t> todo;                   ///< candidates to re-size after an exchange
  std::vector<std::uint32_t> fill;                   ///< per cell: next free entry while indexing
  std::array<std::vector<std::uint32_t>, 4> groups;  ///< actors by side on an issue pair
};

/// Lists, per actor-issue cell, the candidates in `scratch.candidates` that involve it
/// (`cell_start`, `cell_items`: compressed rows).
void IndexCandidatesByCell(const ExchangeBoard& board, ExchangeScratch& scratch);

/// Runs round `round` (1-based) from start positions `start`: voting positions come back in
/// `voting`, outcomes (c s weighted means, 0-100) in `outcome`, realized exchanges appended to
/// `realized`, and each actor's externality (utility change from exchanges it was not part of)
/// added to `*externality`; null skips that sum, which a run without a trail never reads (a
/// tenth of the round's time on DEU I).
void ExchangeRound(const ExchangeBoard& board, const ExchangeOptions& options, int round,
                   const std::vector<double>& start, std::vector<double>& voting,
                   std::vector<double>& outcome, std::vector<RealizedExchange>& realized,
                   std::vector<double>* externality, ExchangeScratch& scratch);

}  // namespace entente::detail
