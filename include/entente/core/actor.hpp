#pragma once
/// \file
/// An actor: a party with a stake in one or more issues.

#include <string>

#include "entente/core/location.hpp"

namespace entente {

/// A party to the negotiation (a government, a legislature, an international body).
struct Actor {
  std::string id;           ///< short unique key used in stances and veto lists, e.g. `US`
  std::string name;         ///< display name
  std::string description;  ///< optional longer text
  Location origin;          ///< where the reader found it (for messages)

  /// Equality ignores `origin`: the same actor read from two formats compares equal.
  friend bool operator==(const Actor& a, const Actor& b) {
    return a.id == b.id && a.name == b.name && a.description == b.description;
  }
};

}  // namespace entente
