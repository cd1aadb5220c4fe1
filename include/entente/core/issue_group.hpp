#pragma once
/// \file
/// Issue groups: issues negotiated together (a proposal, a dossier, a package deal). Every
/// issue is in at most one group. Backtests resample groups, not issues, because the issues of
/// one proposal are not independent.

#include <string>
#include <vector>

#include "entente/core/location.hpp"

namespace entente {

/// A named set of issues, e.g. DEU's proposal `d00032` with its four issues.
struct IssueGroup {
  std::string id;                   ///< unique key
  std::string name;                 ///< display name (optional)
  std::vector<std::string> issues;  ///< issue ids, in the order given
  Location origin;                  ///< where the reader found it

  /// Equality ignores `origin`.
  friend bool operator==(const IssueGroup& a, const IssueGroup& b) {
    return a.id == b.id && a.name == b.name && a.issues == b.issues;
  }
};

}  // namespace entente
