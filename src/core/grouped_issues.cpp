#include "entente/core/grouped_issues.hpp"

#include <fmt/format.h>

namespace entente {

std::vector<GroupedIssues> IssuesByGroup(const Scenario& scenario) {
  std::vector<GroupedIssues> out;
  std::vector<bool> placed(scenario.issues.size(), false);
  const auto index_of = [&scenario](const std::string& id) {
    for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
      if (scenario.issues[k].id == id) return k;
    }
    return scenario.issues.size();
  };
  for (const IssueGroup& g : scenario.groups) {
    GroupedIssues section{&g, {}};
    for (const std::string& id : g.issues) {
      const std::size_t k = index_of(id);
      if (k == scenario.issues.size() || placed[k]) continue;
      placed[k] = true;
      section.issues.push_back(k);
    }
    if (!section.issues.empty()) out.push_back(std::move(section));
  }
  GroupedIssues rest;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    if (!placed[k]) rest.issues.push_back(k);
  }
  if (!rest.issues.empty()) out.push_back(std::move(rest));
  return out;
}

std::string GroupHeading(const GroupedIssues& section) {
  if (section.group == nullptr) return "other issues (no group)";
  if (section.group->name.empty()) return fmt::format("group {}", section.group->id);
  return fmt::format("group {}: {}", section.group->id, section.group->name);
}

std::string GroupIdOf(const Scenario& scenario, std::string_view issue_id) {
  const IssueGroup* g = scenario.GroupOf(issue_id);
  return g == nullptr ? std::string() : g->id;
}

}  // namespace entente
