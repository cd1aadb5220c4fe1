#include "entente/core/scenario.hpp"

namespace entente {

const Actor* Scenario::FindActor(std::string_view id) const {
  for (const Actor& a : actors) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

const Issue* Scenario::FindIssue(std::string_view id) const {
  for (const Issue& i : issues) {
    if (i.id == id) return &i;
  }
  return nullptr;
}

Issue* Scenario::FindIssue(std::string_view id) {
  for (Issue& i : issues) {
    if (i.id == id) return &i;
  }
  return nullptr;
}

const Move* Scenario::FindMove(std::string_view id) const {
  for (const Move& m : moves) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

const IssueGroup* Scenario::GroupOf(std::string_view issue_id) const {
  for (const IssueGroup& g : groups) {
    for (const std::string& id : g.issues) {
      if (id == issue_id) return &g;
    }
  }
  return nullptr;
}

}  // namespace entente
