// Quadrants of (a, b) seen by the mover (Scholz et al. 2011, step 7, Fig. 6, eqs. 35-36) and
// the three offer-choice rules with their tie-breaks.
#include <gtest/gtest.h>

#include "entente/models/eu/eu_offer.hpp"

namespace entente {
namespace {

constexpr int Kind(MoveKind k) {
  return static_cast<int>(k);
}

TEST(EuOffer, Quadrants) {
  // Lost conflict: both gain, the mover less; it moves all the way.
  Offer o = ClassifyOffer(2, 8, 5, 0.2, 0.5);
  EXPECT_EQ(o.kind, Kind(MoveKind::kLostConflict));
  EXPECT_EQ(o.to, 8);
  EXPECT_EQ(o.other, 5u);
  // Compromise: the mover loses 0.1, the other gains 0.4: move 1/4 of the way (eq. 35).
  o = ClassifyOffer(2, 10, 1, -0.1, 0.4);
  EXPECT_EQ(o.kind, Kind(MoveKind::kCompromise));
  EXPECT_DOUBLE_EQ(o.to, 4);
  EXPECT_DOUBLE_EQ(o.move, 2);
  // Same, leftward (eq. 36 mirrors).
  o = ClassifyOffer(10, 2, 1, -0.1, 0.4);
  EXPECT_DOUBLE_EQ(o.to, 8);
  // Capitulation: the mover would lose more than the other gains.
  o = ClassifyOffer(2, 10, 1, -0.5, 0.4);
  EXPECT_EQ(o.kind, Kind(MoveKind::kCapitulation));
  EXPECT_EQ(o.to, 10);
  // Boundary |a| == b: capitulation (a full compromise lands on the same point).
  EXPECT_EQ(ClassifyOffer(2, 10, 1, -0.4, 0.4).kind, Kind(MoveKind::kCapitulation));
  // No move: the mover wins the conflict, wins outright, stalemate, exact ties, zeros.
  EXPECT_EQ(ClassifyOffer(2, 10, 1, 0.5, 0.2).kind, kNoOffer);
  EXPECT_EQ(ClassifyOffer(2, 10, 1, 0.5, -0.2).kind, kNoOffer);
  EXPECT_EQ(ClassifyOffer(2, 10, 1, -0.5, -0.2).kind, kNoOffer);
  EXPECT_EQ(ClassifyOffer(2, 10, 1, 0.3, 0.3).kind, kNoOffer);
  EXPECT_EQ(ClassifyOffer(2, 10, 1, 0, 0.3).kind, kNoOffer);
  EXPECT_EQ(ClassifyOffer(2, 10, 1, -0.3, 0).kind, kNoOffer);
}

TEST(EuOffer, ChoiceRules) {
  const Offer near_conflict = ClassifyOffer(5, 6, 3, 0.1, 0.2);    // move 1, b 0.2
  const Offer far_compromise = ClassifyOffer(5, 9, 2, -0.3, 0.6);  // move 2, b 0.6
  const Offer capitulation = ClassifyOffer(5, 4.5, 1, -0.9, 0.8);  // move 0.5, b 0.8
  EXPECT_TRUE(BetterOffer(capitulation, near_conflict, EuOfferChoice::kLeastMove));
  EXPECT_TRUE(BetterOffer(capitulation, far_compromise, EuOfferChoice::kHighestEu));
  EXPECT_TRUE(BetterOffer(near_conflict, capitulation, EuOfferChoice::kByType));
  EXPECT_TRUE(BetterOffer(far_compromise, capitulation, EuOfferChoice::kByType));
  EXPECT_TRUE(BetterOffer(near_conflict, Offer{}, EuOfferChoice::kLeastMove));
  // Full ties go to the lower stance index of the challenger.
  const Offer twin_a = ClassifyOffer(5, 6, 7, 0.1, 0.2);
  const Offer twin_b = ClassifyOffer(5, 6, 4, 0.1, 0.2);
  for (EuOfferChoice rule :
       {EuOfferChoice::kLeastMove, EuOfferChoice::kHighestEu, EuOfferChoice::kByType}) {
    EXPECT_TRUE(BetterOffer(twin_b, twin_a, rule));
    EXPECT_FALSE(BetterOffer(twin_a, twin_b, rule));
  }
}

}  // namespace
}  // namespace entente
