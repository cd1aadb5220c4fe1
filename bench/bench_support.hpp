#pragma once
/// \file
/// Inputs for benchmarks: the flagship scenario and synthetic scenarios of any size.

#include <cstdint>
#include <string>

#include "entente/core/scenario.hpp"
#include "entente/formats/scenario_io.hpp"

namespace entente::bench {

/// The shipped flagship scenario (aborts the benchmark run if it cannot be read).
inline Scenario Flagship() {
  return LoadScenario(std::string(ENTENTE_SOURCE_DIR) + "/scenarios/us-rok-2021.yaml")
      .ValueOrThrow();
}

/// `actors` actors on `issues` issues with positions, saliences and capabilities from a fixed
/// linear congruential sequence (reproducible, no RNG dependency); no decision rules.
inline Scenario Synthetic(int actors, int issues) {
  Scenario s;
  std::uint64_t state = 12345;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;  // [0, 1)
  };
  for (int a = 0; a < actors; ++a) {
    const std::string id = "A" + std::to_string(a);
    s.actors.push_back(Actor{id, id, "", {}});
  }
  for (int i = 0; i < issues; ++i) {
    Issue issue;
    issue.id = "I" + std::to_string(i);
    issue.scale = Scale{0, 100, "index", {}};
    for (int a = 0; a < actors; ++a) {
      issue.stances.push_back(Stance{s.actors[a].id,
                                     100 * next(),
                                     0.05 + 0.95 * next(),
                                     1 + 99 * next(),
                                     Basis::kUnstated,
                                     "",
                                     {}});
    }
    s.issues.push_back(std::move(issue));
  }
  return s;
}

}  // namespace entente::bench
