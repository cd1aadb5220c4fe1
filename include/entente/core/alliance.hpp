#pragma once
/// \file
/// Alliances (groups of actors whose cohesion an analyst watches) and named moves (scripted
/// changes to stances, e.g. a policy recommendation, compared against the baseline).

#include <optional>
#include <string>
#include <vector>

#include "entente/core/location.hpp"

namespace entente {

/// A standing coalition, e.g. `{id: us-rok, members: [US, ROK]}`.
struct Alliance {
  std::string id;                    ///< unique key
  std::string name;                  ///< display name (optional)
  std::vector<std::string> members;  ///< actor ids, at least two
  Location origin;                   ///< where the reader found it

  /// Equality ignores `origin`.
  friend bool operator==(const Alliance& a, const Alliance& b) {
    return a.id == b.id && a.name == b.name && a.members == b.members;
  }
};

/// One change a move makes: new values for some of an actor's numbers on one issue.
struct StanceChange {
  std::string actor;                 ///< Actor::id
  std::string issue;                 ///< Issue::id
  std::optional<double> position;    ///< new position, if changed
  std::optional<double> salience;    ///< new salience, if changed
  std::optional<double> capability;  ///< new capability, if changed
  Location origin;                   ///< where the reader found it

  /// Equality ignores `origin`.
  friend bool operator==(const StanceChange& a, const StanceChange& b) {
    return a.actor == b.actor && a.issue == b.issue && a.position == b.position &&
           a.salience == b.salience && a.capability == b.capability;
  }
};

/// A named move: "Press Seoul on conditions-based OPCON" = US salience on opcon 0.45 -> 0.8.
struct Move {
  std::string id;                     ///< unique key used on the command line
  std::string name;                   ///< what the move is, in words
  std::string source;                 ///< the sentence it comes from (e.g. the brief's)
  std::vector<StanceChange> changes;  ///< applied in order
  Location origin;                    ///< where the reader found it

  /// Equality ignores `origin`.
  friend bool operator==(const Move& a, const Move& b) {
    return a.id == b.id && a.name == b.name && a.source == b.source && a.changes == b.changes;
  }
};

}  // namespace entente
