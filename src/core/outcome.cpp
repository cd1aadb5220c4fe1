#include "entente/core/outcome.hpp"

#include <cmath>
#include <set>

#include <fmt/format.h>

namespace entente {

const Outcome* ScenarioDocument::FindOutcome(std::string_view issue_id) const {
  for (const Outcome& o : outcomes) {
    if (o.issue == issue_id) return &o;
  }
  return nullptr;
}

Errors ValidateOutcomes(const Scenario& scenario, const std::vector<Outcome>& outcomes) {
  Errors errors;
  std::set<std::string> seen;
  for (const Outcome& o : outcomes) {
    const Issue* issue = scenario.FindIssue(o.issue);
    if (issue == nullptr) {
      errors.push_back(Error{o.origin.WithField("issue"),
                             fmt::format("outcome for unknown issue '{}'", o.issue),
                             "use an issue id of the scenario"});
      continue;
    }
    if (!seen.insert(o.issue).second) {
      errors.push_back(Error{o.origin.WithField("issue"),
                             fmt::format("issue '{}' has two outcomes", o.issue),
                             "keep one outcome per issue"});
    }
    const Scale& sc = issue->scale;
    if (!std::isfinite(o.value) || (sc.min < sc.max && !sc.Contains(o.value))) {
      errors.push_back(Error{o.origin.WithField("value"),
                             fmt::format("outcome {} of issue '{}' is outside its scale [{}, {}]",
                                         o.value, o.issue, sc.min, sc.max),
                             fmt::format("give a value between {} and {}", sc.min, sc.max)});
    }
  }
  return errors;
}

}  // namespace entente
