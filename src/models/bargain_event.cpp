#include "entente/models/bargain_event.hpp"

namespace entente {

std::string_view MoveKindName(MoveKind kind) {
  switch (kind) {
    case MoveKind::kLostConflict: return "lost conflict";
    case MoveKind::kCompromise: return "compromise";
    case MoveKind::kCapitulation: return "capitulation";
  }
  return "?";
}

}  // namespace entente
