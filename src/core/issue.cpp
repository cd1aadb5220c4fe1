#include "entente/core/issue.hpp"

#include <cmath>

namespace entente {

const Anchor* Scale::NearestAnchor(double x) const {
  const Anchor* best = nullptr;
  for (const Anchor& a : anchors) {
    if (best == nullptr) {
      best = &a;
      continue;
    }
    const double d = std::abs(a.value - x);
    const double best_d = std::abs(best->value - x);
    if (d < best_d || (d == best_d && a.value < best->value)) best = &a;
  }
  return best;
}

std::string_view DecisionKindName(DecisionKind kind) {
  return kind == DecisionKind::kUnanimity ? "unanimity" : "none";
}

std::optional<DecisionKind> ParseDecisionKind(std::string_view text) {
  if (text.empty() || text == "none") return DecisionKind::kNone;
  if (text == "unanimity") return DecisionKind::kUnanimity;
  return std::nullopt;
}

const Stance* Issue::FindStance(std::string_view actor_id) const {
  for (const Stance& s : stances) {
    if (s.actor == actor_id) return &s;
  }
  return nullptr;
}

Stance* Issue::FindStance(std::string_view actor_id) {
  for (Stance& s : stances) {
    if (s.actor == actor_id) return &s;
  }
  return nullptr;
}

const std::string* Issue::Meta(std::string_view key) const {
  for (const IssueMeta& m : metadata) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

}  // namespace entente
