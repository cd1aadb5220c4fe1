#include "entente/analysis/moves.hpp"

#include <fmt/format.h>

#include "entente/core/assert.hpp"
#include "entente/core/error.hpp"

namespace entente {

Scenario WithMoves(const Scenario& scenario, const std::vector<const Move*>& moves) {
  Scenario out = scenario;
  for (const Move* m : moves) {
    for (const StanceChange& c : m->changes) {
      Issue* issue = out.FindIssue(c.issue);
      ENTENTE_ASSERT(issue != nullptr, "move names an unknown issue (validation should catch it)");
      Stance* s = issue->FindStance(c.actor);
      ENTENTE_ASSERT(s != nullptr, "move names a missing stance (validation should catch it)");
      if (c.position) s->position = *c.position;
      if (c.salience) s->salience = *c.salience;
      if (c.capability) s->capability = *c.capability;
    }
  }
  return out;
}

std::vector<const Move*> FindMoves(const Scenario& scenario, const std::vector<std::string>& ids) {
  std::vector<const Move*> out;
  for (const std::string& id : ids) {
    const Move* m = scenario.FindMove(id);
    if (m == nullptr) {
      std::string known;
      for (const Move& k : scenario.moves) known += (known.empty() ? "" : ", ") + k.id;
      throw InputError(fmt::format("unknown move '{}'; the scenario has: {}", id,
                                   known.empty() ? std::string("none") : known));
    }
    out.push_back(m);
  }
  return out;
}

}  // namespace entente
