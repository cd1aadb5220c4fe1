// Votes, victory probabilities and the PCE of ktab-smp on cases small enough to do by hand.
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

#include "entente/models/ktab/ktab_pce.hpp"

namespace entente {
namespace {

TEST(KtabPce, VotingRulesByHand) {
  EXPECT_DOUBLE_EQ(SmpVote(SmpVoting::kProp, 2, 0.25), 0.5);
  EXPECT_DOUBLE_EQ(SmpVote(SmpVoting::kBinary, 2, 0.25), 2);
  EXPECT_DOUBLE_EQ(SmpVote(SmpVoting::kPropBin, 2, 0.25), 2 * (0.8 * 0.25 + 0.2));
  EXPECT_DOUBLE_EQ(SmpVote(SmpVoting::kPropCbc, 2, 0.5), 2 * (0.25 + 0.5 * 0.125));
  EXPECT_DOUBLE_EQ(SmpVote(SmpVoting::kCubic, 1, -0.5), -0.125);
  EXPECT_DOUBLE_EQ(SmpVote(SmpVoting::kASymProsp, 3, 0.3), 0.6);
  EXPECT_DOUBLE_EQ(SmpVote(SmpVoting::kASymProsp, 3, -0.3), -0.9);
}

TEST(KtabPce, VictoryModelsByHand) {
  EXPECT_DOUBLE_EQ(SmpVictoryProbability(SmpVictory::kLinear, 3, 1), 0.75);
  EXPECT_DOUBLE_EQ(SmpVictoryProbability(SmpVictory::kSquare, 3, 1), 0.9);
  EXPECT_DOUBLE_EQ(SmpVictoryProbability(SmpVictory::kQuartic, 1, 1), 0.5);
  EXPECT_DOUBLE_EQ(SmpVictoryProbability(SmpVictory::kBinary, 1.2, 1), 1.0);
  EXPECT_DOUBLE_EQ(SmpVictoryProbability(SmpVictory::kBinary, 1, 1), 0.5);
  EXPECT_NEAR(SmpVictoryProbability(SmpVictory::kBinary, 1.05, 1) +
                  SmpVictoryProbability(SmpVictory::kBinary, 1, 1.05),
              1.0, 1e-15);
}

// Two voters, two options: voter 0 (weight 3) prefers option 0 by 0.5, voter 1 (weight 1)
// prefers option 1 by 0.5. C(0:1) = 1e-8 + 1.5, C(1:0) = 1e-8 + 0.5, P(0 > 1) = 0.75;
// conditional PCE: p0 proportional to 0.5 x 0.75, p1 to 0.5 x 0.25.
TEST(KtabPce, ConditionalTwoOptionsByHand) {
  const std::vector<double> u = {1.0, 0.5, 0.5, 1.0};
  const std::vector<double> w = {3, 1};
  const std::vector<double> p = SmpPceProbabilities({u, w, 2}, SmpOptions{});
  EXPECT_NEAR(p[0], 0.75, 1e-8);
  EXPECT_NEAR(p[1], 0.25, 1e-8);
}

TEST(KtabPce, MarkovModelsGiveDistributionsFavouringTheStrongOption) {
  const std::vector<double> u = {1.0, 0.6, 0.2, 0.3, 1.0, 0.6, 0.5, 0.4, 1.0};
  const std::vector<double> w = {5, 2, 1};
  for (SmpPce model : {SmpPce::kMarkovUniform, SmpPce::kMarkovIncentive}) {
    SmpOptions o;
    o.pce = model;
    const std::vector<double> p = SmpPceProbabilities({u, w, 3}, o);
    EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-9);
    EXPECT_GT(p[0], p[1]);
    EXPECT_GT(p[0], p[2]);
  }
}

}  // namespace
}  // namespace entente
