#pragma once
/// \file
/// One accepted move in a bargaining round: the audit trail of dynamic models such as "eu".

#include <cstddef>
#include <string_view>

namespace entente {

/// Why an actor moved, in the quadrant terms of Bueno de Mesquita's model (seen by the mover).
enum class MoveKind {
  kLostConflict,  ///< both expected to gain from a challenge; the mover expected less and lost
  kCompromise,    ///< the mover expected to lose, the other to gain more: it moves part way
  kCapitulation,  ///< the mover expected to lose more than the other gains: it moves all the way
};

/// "lost conflict", "compromise", "capitulation".
[[nodiscard]] std::string_view MoveKindName(MoveKind kind);

/// An offer an actor accepted. Indices are stance indices of the issue (input order).
struct BargainEvent {
  int round = 0;                          ///< 1-based round in which the move happened
  std::size_t actor = 0;                  ///< who moved
  std::size_t other = 0;                  ///< whose offer it accepted (its challenger)
  MoveKind kind = MoveKind::kCompromise;  ///< quadrant of the (a, b) plane; the enum order is the
                                          ///< by_type priority
  double from = 0;                        ///< position before the round
  double to = 0;                          ///< position after the round
  double a = 0;  ///< E_actor(U_actor,other): the mover's expected utility of challenging
  double b = 0;  ///< the other's expected utility of challenging the mover, as used
  friend bool operator==(const BargainEvent&, const BargainEvent&) = default;
};

}  // namespace entente
