#pragma once
/// \file
/// The exchange model as the Decide exchange model computes it (`view=decide`): the same
/// equations as ExchangeRound, with Decide's per-exchange bookkeeping of what each candidate
/// exchange knows of the round so far, its move histories, its outcome cap and its sorted list
/// (docs/models/exchange.md, "Decide's bookkeeping"). Internal to the exchange model.

#include <memory>
#include <vector>

#include "entente/core/scenario.hpp"
#include "entente/models/exchange/exchange_options.hpp"
#include "entente/models/exchange/exchange_round.hpp"

namespace entente::detail {

/// A run of the exchange model under Decide's bookkeeping; keeps the start positions between
/// rounds in its own arithmetic (double, or 28-digit decimal with `arithmetic=decimal`).
class DecideExchange {
 public:
  virtual ~DecideExchange() = default;

  /// Plays round `round` (1-based) from the current start positions: voting positions (0-100,
  /// per cell) come back in `voting`, realized exchanges are appended to `realized`, and each
  /// actor's externality is added to `externality`. Then moves every actor that gave way
  /// toward its voting position, x' = x + (w_s (1 - s) + w_f) (y - x), for the next round.
  virtual void Round(int round, std::vector<double>& voting,
                     std::vector<RealizedExchange>& realized, std::vector<double>& externality) = 0;

  /// The start positions of the next round (0-100, per cell).
  [[nodiscard]] virtual std::vector<double> Start() const = 0;
};

/// Sets up a Decide-view run of `scenario` (validated), laid out as `board`. Stances with
/// salience 0 take no part (Decide does not read them).
[[nodiscard]] std::unique_ptr<DecideExchange> MakeDecideExchange(const Scenario& scenario,
                                                                 const ExchangeBoard& board,
                                                                 const ExchangeOptions& options);

}  // namespace entente::detail
