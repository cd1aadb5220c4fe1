// EuRound's offers classified a block of pairs at a time (offer_choice=least_move, q = 1) must
// give what classifying and ranking them pair by pair gives, bit for bit: positions, and every
// event's kind, challenger, destination and expected utilities. Random issues with tied
// positions (offers skipped), zero weights, and more than one block of pairs (over 45 actors).
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "entente/models/eu/eu_round.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

using test::SameBits;

void ExpectSameRound(const EuRoundResult& fast, const EuRoundResult& reference) {
  ASSERT_EQ(fast.positions.size(), reference.positions.size());
  for (std::size_t i = 0; i < fast.positions.size(); ++i) {
    EXPECT_TRUE(SameBits(fast.positions[i], reference.positions[i])) << "actor " << i;
  }
  ASSERT_EQ(fast.events.size(), reference.events.size());
  for (std::size_t e = 0; e < fast.events.size(); ++e) {
    const BargainEvent& f = fast.events[e];
    const BargainEvent& r = reference.events[e];
    EXPECT_EQ(f.actor, r.actor);
    EXPECT_EQ(f.other, r.other) << "actor " << f.actor;
    EXPECT_EQ(f.kind, r.kind) << "actor " << f.actor;
    EXPECT_TRUE(SameBits(f.to, r.to)) << "actor " << f.actor;
    EXPECT_TRUE(SameBits(f.a, r.a) && SameBits(f.b, r.b)) << "actor " << f.actor;
  }
}

TEST(EuOfferBlocks, SameOffersAsPairByPair) {
  std::mt19937_64 gen(11);
  std::uniform_real_distribution<double> u(0, 1);
  int events = 0;
  for (int trial = 0; trial < 120; ++trial) {
    const std::size_t n = 2 + static_cast<std::size_t>(trial % 60);
    std::vector<double> x(n), w(n), s(n);
    for (std::size_t i = 0; i < n; ++i) {
      // Every third issue on a coarse grid, so actors share positions.
      x[i] = trial % 3 == 0 ? std::floor(u(gen) * 5) * 25 : u(gen) * 100;
      s[i] = u(gen);
      w[i] = i % 7 == 3 ? 0.0 : s[i] * (0.5 + u(gen));
    }
    for (const EuView view : {EuView::kOwn, EuView::kActual}) {
      EuOptions o;
      o.view = view;
      EuScratch fast, reference;
      reference.pairwise_offers = true;
      const EuActors actors{w, s, 100.0};
      const EuRoundResult a = EuRound(x, actors, o, 1, fast);
      const EuRoundResult b = EuRound(x, actors, o, 1, reference);
      ExpectSameRound(a, b);
      events += static_cast<int>(b.events.size());
    }
  }
  EXPECT_GT(events, 1000);  // the comparison saw offers of every kind, not empty rounds
}

}  // namespace
}  // namespace entente
