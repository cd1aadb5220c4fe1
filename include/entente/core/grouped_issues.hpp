#pragma once
/// \file
/// The order tables and reports show issues in: by group (a proposal, a dossier, a package
/// deal), groups in the scenario's order, then the issues of no group. A scenario without
/// groups is one section of every issue in input order, so its tables print as before groups
/// existed.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/scenario.hpp"

namespace entente {

/// One group's issues as shown together.
struct GroupedIssues {
  const IssueGroup* group = nullptr;  ///< nullptr: the issues of no group
  std::vector<std::size_t> issues;    ///< indices into Scenario::issues, in the group's order
};

/// The scenario's issues by group; the issues of no group come last, in input order. Issues a
/// group lists twice or that do not exist are skipped (validation reports them), so every index
/// appears exactly once. Sections without issues are left out.
[[nodiscard]] std::vector<GroupedIssues> IssuesByGroup(const Scenario& scenario);

/// The heading of a section: "group p1: First package" (the id alone without a name), or
/// "other issues (no group)".
[[nodiscard]] std::string GroupHeading(const GroupedIssues& section);

/// The id of the group holding `issue_id`, or "" when it is in none.
[[nodiscard]] std::string GroupIdOf(const Scenario& scenario, std::string_view issue_id);

}  // namespace entente
