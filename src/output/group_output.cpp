#include "entente/output/group_output.hpp"

#include <nlohmann/json.hpp>

namespace entente {

nlohmann::ordered_json GroupsJson(const Scenario& scenario) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const IssueGroup& g : scenario.groups) {
    out.push_back({{"id", g.id}, {"name", g.name}, {"issues", g.issues}});
  }
  return out;
}

}  // namespace entente
