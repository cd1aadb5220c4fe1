#include "entente/core/spread.hpp"

namespace entente {

std::string_view SpreadKindName(Spread::Kind kind) {
  switch (kind) {
    case Spread::Kind::kNone: return "";
    case Spread::Kind::kNormal: return "normal";
    case Spread::Kind::kUniform: return "uniform";
    case Spread::Kind::kTriangular: return "triangular";
  }
  return "";
}

}  // namespace entente
