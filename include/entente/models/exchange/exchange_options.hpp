#pragma once
/// \file
/// Options of the exchange model ("exchange"), with their defaults and sources
/// (docs/models/exchange.md).

#include <cstdint>
#include <span>

#include "entente/models/option_spec.hpp"

namespace entente {

/// How ties between equal gains are broken (Decide breaks them at random).
enum class ExchangeTie {
  kId,     ///< smallest (actor ids, issue ids) first: independent of input order
  kOrder,  ///< first candidate in enumeration order (issue pairs, then A-D and B-C pairs, in
           ///< input order): Decide's path when its random tie-break is off
};

/// How the two supplies of an exchange are sized.
enum class ExchangeVariant {
  kEqualGain,   ///< both actors gain the same (Stokman & Van Oosten 1994, Decide)
  kRandomRate,  ///< exchange rate drawn uniformly between the two break-even rates (seeded)
};

/// Which outcome an exchange's cap (the outcome must not pass the demander) is checked against.
enum class ExchangeView {
  kCurrent,  ///< the outcome after every exchange realized so far in the round
  kDecide,   ///< Decide's bookkeeping (exchange_decide.hpp): each candidate sees the round's
             ///< start outcome plus the suppliers' positions it was told of, keeps move
             ///< histories, and the candidate list stays stably sorted
};

/// The arithmetic of the Decide view (view=decide).
enum class ExchangeArithmetic {
  kDouble,   ///< binary doubles; gains within the same 1e-12 step count as equal
  kDecimal,  ///< 28-digit decimal, round-half-even, as Decide's Python Decimal: the last
             ///< digits then break ties as in Decide
};

/// Parsed options of the exchange model.
struct ExchangeOptions {
  int rounds = 10;            ///< rounds of exchange (Decide's default)
  bool within_groups = true;  ///< exchanges only between issues of one Scenario::groups entry
  ExchangeTie tie = ExchangeTie::kId;                     ///< tie rule between equal gains
  ExchangeVariant variant = ExchangeVariant::kEqualGain;  ///< how moves are sized
  ExchangeView view = ExchangeView::kCurrent;             ///< outcome the cap is checked against
  ExchangeArithmetic arithmetic = ExchangeArithmetic::kDouble;  ///< view=decide: number type
  std::uint64_t seed = 1;                                       ///< random-rate only: PCG seed
  double salience_weight = 0.4;               ///< start-position update: weight of (1 - s) (Decide)
  double fixed_weight = 0.1;                  ///< start-position update: fixed weight (Decide)
  bool trail = true;                          ///< record rounds and exchanges (ModelOptions::trail)
  const std::atomic<bool>* cancel = nullptr;  ///< ModelOptions::cancel, polled every round
  /// Equal when every setting is.
  friend bool operator==(const ExchangeOptions&, const ExchangeOptions&) = default;
};

/// The options the exchange model takes, each with its type, default, range and help.
[[nodiscard]] std::span<const OptionSpec> ExchangeOptionSpecs();

/// Reads rounds, tie, variant, view, arithmetic, seed, salience_weight, fixed_weight and
/// preset (`decide` sets tie=order, view=decide and arithmetic=decimal); InputError for
/// unknown keys or bad values, and for arithmetic=decimal without view=decide. Reading no
/// options at all gives ExchangeOptions{} (tested).
[[nodiscard]] ExchangeOptions ParseExchangeOptions(const ModelOptions& options);

}  // namespace entente
