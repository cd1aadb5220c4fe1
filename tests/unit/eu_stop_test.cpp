// The expected utility model's stopping rules (option stop): `forecast`, the default, ends the
// bargaining once the forecast has held for `patience` rounds; it only ever cuts the run that
// `converge` would make short, never changes a round.
#include <gtest/gtest.h>

#include "entente/core/error.hpp"
#include "entente/models/eu/eu_options.hpp"
#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

// Positions keep creeping toward a majority that never moves, so `converge` runs into its
// round limit while the weighted median is fixed from the first rounds on (the pattern of 66
// of DEU I's 173 issues).
Scenario Creeping() {
  return test::OneIssue({100, 0, 100, 100, 60, 60, 100, 100, 100, 60, 100, 100, 60, 100, 0},
                        {0.9, 0.8, 0.5, 0.7, 0.6, 0.9, 0.4, 0.8, 0.5, 0.7, 0.6, 0.5, 0.8, 0.3, 0.9},
                        {1, 1, 10, 10, 3, 3, 10, 10, 5, 3, 2, 8, 5, 8, 4});
}

TEST(EuStop, ForecastIsTheDefaultWithPatienceTen) {
  const EuOptions o = ParseEuOptions({});
  EXPECT_EQ(o.stop, EuStop::kForecast);
  EXPECT_EQ(o.patience, 10);
  EXPECT_EQ(o.rounds, 100);
}

TEST(EuStop, ConvergeRunsIntoTheRoundLimitWhilePositionsCreep) {
  const Forecast f = RunForecast(Creeping(), "eu", test::Options({{"stop", "converge"}}));
  EXPECT_EQ(f.issues[0].rounds.size(), 101u);  // round 0 and 100 rounds
  ASSERT_EQ(f.warnings.size(), 1u);
  EXPECT_NE(f.warnings[0].find("had not settled after 100 rounds"), std::string::npos);
}

TEST(EuStop, ForecastStopsOnceTheMedianHeldForPatienceRoundsAndOnlyCutsTheRun) {
  const Forecast full = RunForecast(Creeping(), "eu", test::Options({{"stop", "converge"}}));
  for (const int patience : {1, 3, 10, 25}) {
    const Forecast cut =
        RunForecast(Creeping(), "eu", test::Options({{"patience", std::to_string(patience)}}));
    const std::vector<Round>& r = cut.issues[0].rounds;
    const std::size_t last = r.size() - 1;
    ASSERT_LT(last, 100u) << patience;
    EXPECT_TRUE(cut.warnings.empty()) << patience;
    // The same rounds as the long run, as far as it went.
    for (std::size_t t = 0; t <= last; ++t) {
      EXPECT_EQ(r[t].positions, full.issues[0].rounds[t].positions) << patience << " " << t;
    }
    // It stopped exactly when the median had held `patience` rounds, not before.
    const auto held = [&r](std::size_t t) { return r[t].median == r[t - 1].median; };
    std::size_t streak = 0;
    for (std::size_t t = 1; t <= last; ++t) {
      streak = held(t) ? streak + 1 : 0;
      if (t < last) {
        EXPECT_LT(streak, static_cast<std::size_t>(patience)) << patience << " " << t;
      }
    }
    EXPECT_EQ(streak, static_cast<std::size_t>(patience)) << patience;
    EXPECT_EQ(cut.issues[0].unconstrained, r[last].median);
  }
}

TEST(EuStop, ForecastStillStopsWhenPositionsConverge) {
  // Two exactly tied actors: nobody moves, so round 1 settles the positions (converge's rule).
  const Forecast f = RunForecast(test::OneIssue({20, 80}, {0.5, 0.5}, {1, 1}), "eu", {});
  EXPECT_EQ(f.issues[0].rounds.size(), 2u);
}

TEST(EuStop, PatienceOutsideItsRangeIsAnInputError) {
  const Scenario s = Creeping();
  EXPECT_THROW((void)RunForecast(s, "eu", test::Options({{"patience", "0"}})), InputError);
  EXPECT_THROW((void)RunForecast(s, "eu", test::Options({{"patience", "ten"}})), InputError);
  EXPECT_THROW((void)RunForecast(s, "eu", test::Options({{"stop", "never"}})), InputError);
}

}  // namespace
}  // namespace entente
