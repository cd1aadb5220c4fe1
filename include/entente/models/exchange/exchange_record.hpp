#pragma once
/// \file
/// The audit trail of the exchange model: every realized exchange, and what each actor gained
/// or lost from the exchanges of others (externalities).

#include <cstddef>

namespace entente {

/// One actor giving way on one issue inside an exchange.
struct ExchangeMove {
  std::size_t actor = 0;  ///< index into Scenario::actors
  std::size_t issue = 0;  ///< index into Scenario::issues (the issue this actor gives way on)
  double from = 0;        ///< its position before the exchange, on the issue's scale
  double to = 0;          ///< its voting position after the exchange, on the issue's scale
  double gain = 0;        ///< its utility gain (salience x outcome shift, 0-100 scale units)
  friend bool operator==(const ExchangeMove&, const ExchangeMove&) = default;
};

/// A realized exchange: `first` gives way on its issue in return for `second` giving way on the
/// other. `first` supplies the issue that comes later in the scenario (the Decide ordering).
struct ExchangeRecord {
  int round = 0;            ///< 1-based round
  ExchangeMove first;       ///< supplier of the later issue
  ExchangeMove second;      ///< supplier of the earlier issue
  double gain = 0;          ///< the gain that ranked it (equal gain; random-rate: the smaller gain)
  double shift_first = 0;   ///< how far the outcome of first.issue moved (issue scale units)
  double shift_second = 0;  ///< how far the outcome of second.issue moved (issue scale units)
  friend bool operator==(const ExchangeRecord&, const ExchangeRecord&) = default;
};

/// What one actor got out of all rounds of exchange.
struct ActorBalance {
  std::size_t actor = 0;   ///< index into Scenario::actors
  int exchanges = 0;       ///< exchanges it took part in
  double own_gain = 0;     ///< sum of its gains from those exchanges
  double externality = 0;  ///< utility change from exchanges it was not part of (+ helps it)
  friend bool operator==(const ActorBalance&, const ActorBalance&) = default;
};

}  // namespace entente
