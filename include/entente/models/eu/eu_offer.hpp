#pragma once
/// \file
/// Offers in the expected utility model: the quadrant of (a, b) seen by the actor that would
/// move (Scholz, Calbert & Smith 2011, step 7, Fig. 6, eqs. 35-36) and the rule that picks one
/// offer per actor (step 8). Inline: evaluated for most pairs of actors in every round.

#include <cmath>
#include <cstddef>
#include <tuple>

#include "entente/models/bargain_event.hpp"
#include "entente/models/eu/eu_options.hpp"

namespace entente {

/// Offer::kind of "no offer".
inline constexpr int kNoOffer = -1;

/// An offer an actor received, seen by that actor.
struct Offer {
  int kind = kNoOffer;    ///< MoveKind as int (its enum order is the by_type priority)
  std::size_t other = 0;  ///< stance index of the challenger
  double to = 0;          ///< position after accepting
  double a = 0;           ///< mover's expected utility of challenging the other
  double b = 0;           ///< other's expected utility of challenging the mover
  double move = 0;        ///< |to - from|
};

/// The quadrant, for a mover at `from` facing a challenger at `to_pos`:
/// a > 0, b > a: lost conflict (move to to_pos); a < 0 < b, b > |a|: compromise, move the
/// fraction |a / b| (eqs. 35-36); a < 0 < b, b <= |a|: capitulation (move to to_pos);
/// anything else (win, stalemate, ties): no offer.
inline Offer ClassifyOffer(double from, double to_pos, std::size_t other, double a, double b) {
  const double full = std::abs(to_pos - from);
  if (a > 0 && b > a) return {static_cast<int>(MoveKind::kLostConflict), other, to_pos, a, b, full};
  if (a < 0 && b > 0) {
    if (b > -a) {
      const double to = from + (to_pos - from) * (-a / b);
      return {static_cast<int>(MoveKind::kCompromise), other, to, a, b, std::abs(to - from)};
    }
    return {static_cast<int>(MoveKind::kCapitulation), other, to_pos, a, b, full};
  }
  return {};
}

/// True when `x` should replace `y` (which may be no offer) under `rule`. Ties fall through to
/// the next criterion and finally to the lower stance index of the challenger.
inline bool BetterOffer(const Offer& x, const Offer& y, EuOfferChoice rule) {
  if (y.kind == kNoOffer) return true;
  switch (rule) {
    case EuOfferChoice::kLeastMove:
      return std::tuple(x.move, -x.b, x.other) < std::tuple(y.move, -y.b, y.other);
    case EuOfferChoice::kHighestEu:
      return std::tuple(-x.b, x.move, x.other) < std::tuple(-y.b, y.move, y.other);
    case EuOfferChoice::kByType:
      if (x.kind != y.kind) return x.kind < y.kind;
      if (x.kind == static_cast<int>(MoveKind::kCompromise)) {
        return std::tuple(-x.b, x.move, x.other) < std::tuple(-y.b, y.move, y.other);
      }
      return std::tuple(x.move, x.other) < std::tuple(y.move, y.other);
  }
  return false;
}

}  // namespace entente
