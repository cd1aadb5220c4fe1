// Regression: the eu model let veto players capitulate below what they accept at the status
// quo (the U.S., vetoing OPCON transfer at 95 with q = 85, moved to 10 in round 1).
#include <gtest/gtest.h>

#include <cmath>

#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

Scenario Flagship() {
  return LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
}

std::size_t IssueIndex(const Scenario& s, const std::string& id) {
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    if (s.issues[k].id == id) return k;
  }
  ADD_FAILURE() << "no issue " << id;
  return 0;
}

// Every veto player ends where it still weakly prefers the outcome's bound, the status quo:
// |x_final - x_input| <= |q - x_input|.
void ExpectVetoPlayersBounded(const Scenario& s, const Forecast& f) {
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    const Issue& issue = s.issues[k];
    if (issue.rule.kind != DecisionKind::kUnanimity) continue;
    for (const std::string& v : issue.rule.veto_players) {
      for (std::size_t i = 0; i < issue.stances.size(); ++i) {
        if (issue.stances[i].actor != v) continue;
        const double x0 = issue.stances[i].position;
        EXPECT_LE(std::abs(f.issues[k].final_positions[i] - x0),
                  std::abs(*issue.status_quo - x0) + 1e-9)
            << issue.id << " " << v;
      }
    }
  }
}

TEST(eu_veto_bound, us_does_not_capitulate_on_opcon) {
  const Scenario s = Flagship();
  const std::size_t k = IssueIndex(s, "opcon_transfer");
  const Forecast f = RunForecast(s, "eu", {});
  ExpectVetoPlayersBounded(s, f);
  // The U.S. (index 0 on this issue) may concede from 95 toward 85's mirror, 75, but no lower.
  EXPECT_GE(f.issues[k].final_positions[0], 75 - 1e-9);
  for (const Round& r : f.issues[k].rounds) EXPECT_GE(r.positions[0], 75 - 1e-9);
}

TEST(eu_veto_bound, holds_under_the_scholz_preset_too) {
  const Scenario s = Flagship();
  ModelOptions o;
  o.Set("preset", "scholz2011");
  const Forecast f = RunForecast(s, "eu", o);
  ExpectVetoPlayersBounded(s, f);
}

TEST(eu_veto_bound, none_reproduces_the_unbounded_capitulation) {
  const Scenario s = Flagship();
  const std::size_t k = IssueIndex(s, "opcon_transfer");
  ModelOptions o;
  o.Set("veto_bound", "none");
  const Forecast f = RunForecast(s, "eu", o);
  ASSERT_GE(f.issues[k].rounds.size(), 2u);
  EXPECT_LT(f.issues[k].rounds[1].positions[0], 75);  // the old behaviour, kept as an option
}

TEST(eu_veto_bound, issues_without_vetoes_are_unchanged) {
  Scenario s = test::OneIssue({0, 30, 70, 100}, {0.9, 0.5, 0.6, 0.4}, {10, 20, 30, 15});
  ModelOptions none;
  none.Set("veto_bound", "none");
  EXPECT_EQ(RunForecast(s, "eu", {}).issues[0].final_positions,
            RunForecast(s, "eu", none).issues[0].final_positions);
}

}  // namespace
}  // namespace entente
