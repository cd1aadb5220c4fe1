// ktab-smp properties: determinism across thread counts and seeds, every option combination
// giving valid states, ideal adjustment, and the scenario adapter.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include <tbb/global_control.h>

#include "entente/core/error.hpp"
#include "entente/models/ktab/ktab_smp.hpp"
#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

// Six actors on two dimensions from a fixed sequence.
SmpInput Six() {
  SmpInput in;
  in.actors = 6;
  in.dims = 2;
  in.capability = {100, 60, 40, 80, 20, 50};
  in.position = {0.1, 0.9, 0.8, 0.2, 0.5, 0.5, 0.3, 0.3, 0.9, 0.9, 0.6, 0.1};
  in.salience = {0.5, 0.3, 0.2, 0.6, 0.4, 0.4, 0.7, 0.1, 0.3, 0.3, 0.45, 0.45};
  return in;
}

// Win probabilities of distinct positions sum to 1 in every state.
void ExpectValid(const SmpResult& r, const SmpInput& in, double tolerance) {
  ASSERT_FALSE(r.states.empty());
  for (const SmpState& s : r.states) {
    const std::vector<std::size_t> g = SmpGroups(s.position, in.actors, in.dims, tolerance);
    std::vector<bool> seen(in.actors, false);
    double total = 0;
    for (std::size_t i = 0; i < in.actors; ++i) {
      ASSERT_TRUE(std::isfinite(s.win[i]));
      if (!seen[g[i]]) total += s.win[i];
      seen[g[i]] = true;
      for (std::size_t a = 0; a < in.dims; ++a) {
        EXPECT_GE(s.position[i * in.dims + a], 0.0);
        EXPECT_LE(s.position[i * in.dims + a], 1.0);
      }
    }
    EXPECT_NEAR(total, 1.0, 1e-9);
  }
}

TEST(KtabSmp, SameResultOnOneThreadAndMany) {
  const SmpInput in = Six();
  SmpOptions o;
  o.transition = SmpTransition::kStochastic;
  o.seed = 11;
  const SmpResult many = RunSmp(in, o);
  SmpResult one;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = RunSmp(in, o);
  }
  ASSERT_EQ(one.states.size(), many.states.size());
  for (std::size_t t = 0; t < one.states.size(); ++t) {
    EXPECT_EQ(one.states[t].position, many.states[t].position) << t;
    EXPECT_EQ(one.states[t].win, many.states[t].win) << t;
  }
}

TEST(KtabSmp, EveryOptionCombinationGivesValidStates) {
  const SmpInput in = Six();
  for (SmpVictory v : {SmpVictory::kLinear, SmpVictory::kSquare, SmpVictory::kBinary}) {
    for (SmpVoting r :
         {SmpVoting::kProp, SmpVoting::kBinary, SmpVoting::kPropCbc, SmpVoting::kASymProsp}) {
      for (SmpPce p : {SmpPce::kConditional, SmpPce::kMarkovIncentive, SmpPce::kMarkovUniform}) {
        for (SmpBargain b : {SmpBargain::kInitiator, SmpBargain::kCompromise}) {
          SmpOptions o;
          o.victory = v;
          o.voting = r;
          o.pce = p;
          o.bargain = b;
          o.third_party =
              r == SmpVoting::kBinary ? SmpThirdParty::kFullCommit : SmpThirdParty::kSemiCommit;
          o.max_turns = 8;
          ExpectValid(RunSmp(in, o), in, o.merge_tolerance);
        }
      }
    }
  }
}

TEST(KtabSmp, IdealAdjustmentPullsIdealsAndChangesTheRun) {
  SmpInput in = Six();
  const SmpResult plain = RunSmp(in, SmpOptions{});
  in.affinity.assign(36, 0.0);
  for (std::size_t i = 0; i < 6; ++i) in.affinity[i * 6 + i] = 0.2;  // ideals stay near home
  const SmpResult sticky = RunSmp(in, SmpOptions{});
  ExpectValid(sticky, in, 1e-3);
  EXPECT_NE(plain.states.back().position, sticky.states.back().position);
}

TEST(KtabSmp, ScenarioAdapterScalesPositionsAndRenormalisesSaliences) {
  Scenario s = test::OneIssue({20, 80}, {0.8, 0.6}, {10, 30});
  Issue second = s.issues[0];
  second.id = "second";
  second.scale = Scale{-50, 50, "", {}};
  second.stances[0].position = 0;
  second.stances[1].position = 40;
  s.issues.push_back(second);
  const SmpInput in = SmpInputFromScenario(s);
  ASSERT_EQ(in.dims, 2u);
  EXPECT_DOUBLE_EQ(in.position[0], 0.2);
  EXPECT_DOUBLE_EQ(in.position[1], 0.5);
  EXPECT_DOUBLE_EQ(in.salience[0], 0.5);  // 0.8 and 0.8 sum to 1.6: scaled to 0.5 each
  EXPECT_DOUBLE_EQ(in.position[3], 0.9);
  EXPECT_DOUBLE_EQ(in.capability[1], 30);
  const Forecast f = RunForecast(s, "ktab-smp", {});
  ASSERT_EQ(f.issues.size(), 2u);
  EXPECT_GE(f.issues[0].unconstrained, 20);
  EXPECT_LE(f.issues[0].unconstrained, 80);
}

// Found by fuzz_pipeline: positions back on a scale reaching -1e308 came out as -inf, because
// removing binary noise scaled them by 1e9 first. Validation now stops scales beyond +-1e12
// before any model runs; at that limit the positions stay finite.
TEST(KtabSmp, PositionsNearTheLargestDoubleBecameInfinite) {
  Scenario s = test::OneIssue({4, 7, 10}, {0.8, 0.4, 0.6}, {1, 1, 2});
  s.issues[0].scale.min = -1e12;
  s.issues[0].scale.max = 10;
  s.issues[0].stances[0].position = -1e12;
  ModelOptions o;
  o.Set("max_turns", "4");
  const Forecast f = RunForecast(s, "ktab-smp", o);
  for (const Round& r : f.issues[0].rounds) {
    for (double x : r.positions) EXPECT_TRUE(std::isfinite(x)) << "round " << r.round;
  }
  for (double x : f.issues[0].final_positions) EXPECT_TRUE(std::isfinite(x));
  s.issues[0].scale.min = -1e308;
  s.issues[0].stances[0].position = -1e308;
  EXPECT_THROW((void)RunForecast(s, "ktab-smp", o), InputError);
}

}  // namespace
}  // namespace entente
