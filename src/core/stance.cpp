#include "entente/core/stance.hpp"

namespace entente {

std::string_view BasisName(Basis basis) {
  switch (basis) {
    case Basis::kUnstated: return "";
    case Basis::kBrief: return "brief";
    case Basis::kSource: return "source";
    case Basis::kJudgement: return "judgement";
  }
  return "";
}

std::optional<Basis> ParseBasis(std::string_view text) {
  if (text.empty()) return Basis::kUnstated;
  if (text == "brief") return Basis::kBrief;
  if (text == "source") return Basis::kSource;
  if (text == "judgement" || text == "judgment") return Basis::kJudgement;
  return std::nullopt;
}

}  // namespace entente
