// Coder disagreement and its consequences. For an issue k with outcome y_k(S) under model M:
//   per coder c:       y_k(S_c), S_c = the pooled scenario with c's codings (CoderScenario)
//   per coded stance j: swing_j = max_c y_k(S^j_c) - min_c y_k(S^j_c), where S^j_c is the
//                       pooled scenario with stance j alone set to coder c's numbers
// A one-at-a-time design over the coders' alternatives: it ignores interactions between
// stances, which the coder mixture's Monte Carlo (--pool mixture) keeps.
#include "entente/analysis/coders.hpp"

#include <algorithm>

#include "entente/core/error.hpp"
#include "entente/core/validation.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

double Range(const std::vector<double>& v) {
  if (v.empty()) return 0;
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  return *hi - *lo;
}

}  // namespace

CodersAnalysis AnalyseCoders(const Scenario& scenario, const ModelChoice& model,
                             const std::string& pool) {
  if (scenario.codings.empty()) {
    throw InputError(
        "the scenario names no coders: give stances a coder (a `coder` column in stances.csv, "
        "`coder:` in YAML) to compare several codings");
  }
  RequireValid(scenario);
  CodersAnalysis out;
  out.model = model.name;
  out.pool = pool;
  out.coders = Coders(scenario);
  const Forecast base = RunForecast(scenario, model);
  std::vector<Forecast> per_coder;
  for (const std::string& c : out.coders)
    per_coder.push_back(RunForecast(CoderScenario(scenario, c), model));
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    IssueCoders ic;
    ic.issue = issue.id;
    ic.pooled = base.issues[k].outcome;
    ic.model_pooled = base.issues[k].unconstrained;
    std::vector<double> outcomes, models;
    for (std::size_t c = 0; c < out.coders.size(); ++c) {
      const IssueForecast& f = per_coder[c].issues[k];
      ic.by_coder.push_back(CoderOutcome{out.coders[c], f.outcome, f.unconstrained});
      outcomes.push_back(f.outcome);
      models.push_back(f.unconstrained);
    }
    ic.range = Range(outcomes);
    ic.model_range = Range(models);
    ic.range_share = ic.range / issue.scale.Range();
    for (const Stance& st : issue.stances) {
      const std::vector<const Coding*> codings = CodingsOf(scenario, issue.id, st.actor);
      if (codings.empty()) continue;
      CodedStance cs;
      cs.issue = issue.id;
      cs.actor = st.actor;
      cs.position = st.position;
      cs.salience = st.salience;
      cs.capability = st.capability;
      std::vector<double> x, s, cap, y, m;
      Scenario work = scenario;
      work.codings.clear();
      Stance* target = work.FindIssue(issue.id)->FindStance(st.actor);
      for (const Coding* c : codings) {
        cs.codings.push_back(
            CoderNumbers{c->coder, c->stance.position, c->stance.salience, c->stance.capability});
        x.push_back(c->stance.position);
        s.push_back(c->stance.salience);
        cap.push_back(c->stance.capability);
        target->position = c->stance.position;
        target->salience = c->stance.salience;
        target->capability = c->stance.capability;
        const Forecast f = RunForecast(work, model);
        y.push_back(f.issues[k].outcome);
        m.push_back(f.issues[k].unconstrained);
      }
      cs.position_range = Range(x);
      cs.salience_range = Range(s);
      cs.capability_range = Range(cap);
      cs.swing = codings.size() > 1 ? Range(y) : 0;
      cs.model_swing = codings.size() > 1 ? Range(m) : 0;
      cs.swing_share = cs.swing / issue.scale.Range();
      ++ic.coded;
      if (cs.swing > 0 || cs.model_swing > 0) ic.ask_again.push_back(out.stances.size());
      out.stances.push_back(std::move(cs));
    }
    std::stable_sort(
        ic.ask_again.begin(), ic.ask_again.end(), [&out](std::size_t a, std::size_t b) {
          const CodedStance& x = out.stances[a];
          const CodedStance& y = out.stances[b];
          return x.swing != y.swing ? x.swing > y.swing : x.model_swing > y.model_swing;
        });
    out.issues.push_back(std::move(ic));
  }
  if (!scenario.seeds.empty()) out.cooke = ClassicalModel(scenario.seeds);
  return out;
}

}  // namespace entente
