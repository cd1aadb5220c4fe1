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

AnchorPlace Scale::PlaceAmongAnchors(double x) const {
  AnchorPlace place;
  const double near = 0.005 * Range();
  for (const Anchor& a : anchors) {
    const double d = std::abs(a.value - x);
    if (d <= near && (place.at == nullptr || d < std::abs(place.at->value - x))) place.at = &a;
    if (a.value < x && (place.below == nullptr || a.value > place.below->value)) place.below = &a;
    if (a.value > x && (place.above == nullptr || a.value < place.above->value)) place.above = &a;
  }
  if (place.at != nullptr) place.below = place.above = nullptr;
  return place;
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
