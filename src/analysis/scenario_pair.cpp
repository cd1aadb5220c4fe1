// Two scenarios under one model. Issues are matched by id, so reordering issues in a file
// moves nothing; an issue added or removed shows with one side empty.
#include "entente/analysis/scenario_pair.hpp"

#include "entente/models/registry.hpp"

namespace entente {

std::optional<double> OutcomeMove::Move() const {
  if (!before || !after) return std::nullopt;
  return *after - *before;
}

ScenarioPair CompareScenarios(const Scenario& before, const Scenario& after,
                              const ModelChoice& model) {
  ScenarioPair out;
  out.model = model.name;
  out.inputs = ScenarioChanges(before, after);
  const Forecast fa = RunForecast(before, model);
  const Forecast fb = RunForecast(after, model);
  for (const std::string& w : fa.warnings) out.warnings.push_back("first: " + w);
  for (const std::string& w : fb.warnings) out.warnings.push_back("second: " + w);
  const auto find = [](const Forecast& f, const std::string& id) -> const IssueForecast* {
    for (const IssueForecast& i : f.issues) {
      if (i.issue_id == id) return &i;
    }
    return nullptr;
  };
  for (std::size_t k = 0; k < before.issues.size(); ++k) {
    const Issue& issue = before.issues[k];
    OutcomeMove m;
    m.issue = issue.id;
    const Issue* later = after.FindIssue(issue.id);
    m.name = later != nullptr ? later->name : issue.name;
    m.before = fa.issues[k].outcome;
    m.veto_before = fa.issues[k].binding_veto;
    if (const IssueForecast* b = find(fb, issue.id)) {
      m.after = b->outcome;
      m.veto_after = b->binding_veto;
    }
    out.outcomes.push_back(std::move(m));
  }
  for (std::size_t k = 0; k < after.issues.size(); ++k) {
    if (before.FindIssue(after.issues[k].id) != nullptr) continue;
    OutcomeMove m;
    m.issue = after.issues[k].id;
    m.name = after.issues[k].name;
    m.after = fb.issues[k].outcome;
    m.veto_after = fb.issues[k].binding_veto;
    out.outcomes.push_back(std::move(m));
  }
  return out;
}

}  // namespace entente
