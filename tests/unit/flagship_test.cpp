// The shipped flagship must carry the reference inputs unchanged (a product decision, not a
// tuning knob), and its forecasts must stay what the golden files say.
#include <gtest/gtest.h>

#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

Scenario Shipped() {
  return LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
}

TEST(Flagship, NumbersEqualTheSharedReferenceBundle) {
  ENTENTE_SHARED_OR_SKIP(dir, "scenarios/us-rok-2021");
  const Scenario reference = LoadScenario(dir).ValueOrThrow();
  const Scenario shipped = Shipped();
  EXPECT_EQ(shipped.actors, reference.actors);
  // Sanctions relief is a Security Council decision in the shipped file (the reference bundle
  // predates the procedures): the same veto players, the Council's vote on top. Every number
  // stays the reference's.
  Scenario expected = reference;
  ASSERT_EQ(expected.issues[2].id, "sanctions_relief");
  EXPECT_EQ(shipped.issues[2].rule.preset, "un_security_council");
  EXPECT_EQ(shipped.issues[2].rule.veto_players, reference.issues[2].rule.veto_players);
  expected.issues[2].rule = shipped.issues[2].rule;
  EXPECT_EQ(shipped.issues, expected.issues);
  EXPECT_FALSE(shipped.meta.sources.empty()) << "the flagship must cite the brief";
}

TEST(Flagship, MedianForecastByHandOnSanctionsRelief) {
  // Weights c*s: US 27.5@15, ROK 8.25@55, DPRK 9@100, CHINA 22.5@75, RUSSIA 10.5@80,
  // JAPAN 6.75@10, US_CONGRESS 10@5, ROK_OPPOSITION 2@15; total 96.5, half 48.25.
  // Sorted: 5 (10), 10 (16.75), 15 (46.25), 55 (54.5) -> median 55. On the Security Council
  // only CHINA (75) and RUSSIA (80) want a move up from 25; the twelve uncoded members go along
  // (absent: support), but the US (15) vetoes it, so the status quo holds and the US binds.
  const Forecast f = RunForecast(Shipped(), "median", {});
  const IssueForecast& s = f.issues[2];
  ASSERT_EQ(s.issue_id, "sanctions_relief");
  EXPECT_DOUBLE_EQ(s.unconstrained, 55);
  EXPECT_DOUBLE_EQ(s.outcome, 25);
  EXPECT_TRUE(s.win_set_empty);
  EXPECT_EQ(s.binding_veto, "US");
  ASSERT_TRUE(s.procedure.has_value());
  EXPECT_EQ(s.procedure->binding_test, "veto");
  EXPECT_EQ(s.procedure->blocking, (std::vector<std::string>{"US"}));
  EXPECT_EQ(s.procedure->blocking_not_modelled, 0);  // the twelve go along: none blocks
}

TEST(Flagship, CompromiseForecastByHandOnCostSharing) {
  // (25*13 + 27*13 + 1*13 + 1.25*10 + 0.2*10) / 54.45 = 703.5 / 54.45
  const Forecast f = RunForecast(Shipped(), "compromise", {});
  EXPECT_NEAR(f.issues[0].outcome, 703.5 / 54.45, 1e-12);
  EXPECT_FALSE(f.issues[0].binding_veto.has_value());
}

}  // namespace
}  // namespace entente
