// The win-set algorithm on hand-computed cases (T1-T8 and T12 of the procedures research:
// every interval, pivot and blocking coalition below is worked out by hand in the comments),
// and its properties over seeded random chambers.
#include "entente/models/win_set.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "entente/core/random.hpp"
#include "entente/models/decision_rule.hpp"

namespace entente {
namespace {

Voter V(std::optional<double> x, double w = 1, double pop = 0, bool veto = false) {
  return Voter{x, w, pop, veto};
}

Chamber Qualified(std::vector<Voter> voters, double threshold) {
  Chamber c;
  c.voters = std::move(voters);
  c.threshold = threshold;
  return c;
}

Chamber Majority(std::vector<Voter> voters) {
  Chamber c = Qualified(std::move(voters), 0.5);
  c.strict = true;
  return c;
}

WinSet One(const Chamber& c, double q) {
  return ComputeWinSet(std::vector<Chamber>{c}, q);
}

// T1: q = 0; A(10, w4), B(30, w3), C(60, w2), D(-20, w1); at least 60% of 10 votes.
// Upward: C(60) = 2, C(30) = 5, C(10) = 9 >= 6, so A (10) is the pivot and y+ = 20.
// Downward: D alone holds 1, so nothing passes. Beyond 20, A and D (5 votes) say no.
Chamber T1() {
  return Qualified({V(10, 4), V(30, 3), V(60, 2), V(-20, 1)}, 0.6);
}

TEST(win_set, weighted_pivot_reflects_the_status_quo) {
  const WinSet w = One(T1(), 0);
  EXPECT_DOUBLE_EQ(w.lo, 0);
  EXPECT_DOUBLE_EQ(w.hi, 20);
  const WinSide& up = w.chambers[0].upper;
  EXPECT_EQ(up.pivots, (std::vector<std::size_t>{0}));
  EXPECT_EQ(up.blocking, (std::vector<std::size_t>{0, 3}));
  EXPECT_EQ(up.binding, RuleTest::kWeight);
  EXPECT_TRUE(w.chambers[0].lower.Empty());
  EXPECT_FALSE(w.Empty());
  EXPECT_DOUBLE_EQ(w.Clamp(25), 20);
  EXPECT_DOUBLE_EQ(w.Clamp(15), 15);
  EXPECT_DOUBLE_EQ(w.Clamp(-5), 0);
  // At y = 20, A is indifferent (|20 - 10| = |0 - 10|): the closure keeps it.
  EXPECT_DOUBLE_EQ(SetterOutcome(60, 0, w), 20);
  EXPECT_DOUBLE_EQ(SetterOutcome(30, 0, w), 20);
  EXPECT_DOUBLE_EQ(SetterOutcome(15, 0, w), 15);
  EXPECT_DOUBLE_EQ(SetterOutcome(-20, 0, w), 0);
}

// T2: q = 50; members (position, population): M1(90, 10), M2(80, 15), M3(70, 5), M4(60, 40),
// M5(20, 30); at least 55% of members (3 of 5) and 65% of the population. Member pivot 70
// (three members), population pivot 60 (10, 25, 30, 70): the population test binds at 60, so
// W = (50, 70]. Beyond 70: M4 and M5.
TEST(win_set, double_majority_takes_the_most_restrictive_test) {
  Chamber c = Qualified({V(90, 1, 10), V(80, 1, 15), V(70, 1, 5), V(60, 1, 40), V(20, 1, 30)}, 0);
  c.min_share = 0.55;
  c.min_population = 0.65;
  const WinSet w = One(c, 50);
  EXPECT_DOUBLE_EQ(w.lo, 50);
  EXPECT_DOUBLE_EQ(w.hi, 70);
  EXPECT_EQ(*w.chambers[0].upper.pivot, 60);
  EXPECT_EQ(w.chambers[0].upper.binding, RuleTest::kPopulation);
  EXPECT_EQ(w.chambers[0].upper.blocking, (std::vector<std::size_t>{3, 4}));
  // The member test alone would stop at 70 (y+ = 90).
  c.min_population.reset();
  EXPECT_DOUBLE_EQ(One(c, 50).hi, 90);
  EXPECT_EQ(One(c, 50).chambers[0].upper.binding, RuleTest::kMembers);
}

// T3: q = 0; A(10, pop 50), B(20, 5), C(30, 5), D(40, 5), E(50, 5), F(60, 30); a qualified
// majority needs 4 members and 65% of the population; a blocking minority needs 3 members.
// {C..F}: 4 members, 45% of the population fails, but the opponents {A, B} are only 2, so the
// majority is deemed attained: pivot C (30), W = (0, 60]. Without the clause: pivot A, (0, 20].
TEST(win_set, blocking_minority_clause_relaxes_the_pivot) {
  Chamber c = Qualified(
      {V(10, 1, 50), V(20, 1, 5), V(30, 1, 5), V(40, 1, 5), V(50, 1, 5), V(60, 1, 30)}, 0);
  c.min_count = 4;
  c.min_population = 0.65;
  c.blocking_minority = 3;
  WinSet w = One(c, 0);
  EXPECT_EQ(*w.chambers[0].upper.pivot, 30);
  EXPECT_DOUBLE_EQ(w.hi, 60);
  EXPECT_EQ(w.chambers[0].upper.binding, RuleTest::kClause);
  c.blocking_minority = 0;
  w = One(c, 0);
  EXPECT_EQ(*w.chambers[0].upper.pivot, 10);
  EXPECT_DOUBLE_EQ(w.hi, 20);
  EXPECT_EQ(w.chambers[0].upper.binding, RuleTest::kPopulation);
}

// T4: q = 0; Council c1(20), c2(40), c3(80), one vote each, majority: pivot 40, (0, 80];
// Parliament one actor at 30: (0, 60]. Together (0, 60], the Parliament binds.
TEST(win_set, bicameral_intersects_the_chambers) {
  const std::vector<Chamber> chambers = {Majority({V(20), V(40), V(80)}), Majority({V(30)})};
  const WinSet w = ComputeWinSet(chambers, 0);
  EXPECT_DOUBLE_EQ(w.chambers[0].upper.bound, 80);
  EXPECT_DOUBLE_EQ(w.chambers[1].upper.bound, 60);
  EXPECT_DOUBLE_EQ(w.lo, 0);
  EXPECT_DOUBLE_EQ(w.hi, 60);
  EXPECT_EQ(w.hi_chamber, 1u);
  EXPECT_DOUBLE_EQ(SetterOutcome(70, 0, w), 60);
  EXPECT_DOUBLE_EQ(w.Clamp(50), 50);
}

// T5: q = 50; unanimity of members at 30, 60 and 80: 30 blocks every move up, 60 and 80 every
// move down. Empty: any point and any setter give 50.
TEST(win_set, unanimity_across_the_status_quo_is_empty) {
  Chamber c;
  c.weight_test = false;
  c.voters = {V(30, 1, 0, true), V(60, 1, 0, true), V(80, 1, 0, true)};
  const WinSet w = One(c, 50);
  EXPECT_TRUE(w.Empty());
  EXPECT_DOUBLE_EQ(w.lo, 50);
  EXPECT_DOUBLE_EQ(w.hi, 50);
  EXPECT_DOUBLE_EQ(w.Clamp(90), 50);
  EXPECT_DOUBLE_EQ(SetterOutcome(0, 50, w), 50);
  EXPECT_EQ(w.chambers[0].upper.binding, RuleTest::kVeto);
  EXPECT_EQ(w.chambers[0].upper.blocking, (std::vector<std::size_t>{0}));
}

// T6: Security Council, q = 0: permanent members (vetoes) at 10, 20, 30, 40, 50; ten elected
// members at 5, 15, ..., 95; 9 of 15 votes. The nine farthest reach 35 (95..35), the vetoes
// 10: W = (0, 20]. The member at 10 abstaining: vetoes 20, W = (0, 40]. At -10: empty.
Chamber Unsc(std::optional<double> first) {
  Chamber c;
  c.threshold = 9.0 / 15;
  c.voters = {V(first, 1, 0, true), V(20, 1, 0, true), V(30, 1, 0, true), V(40, 1, 0, true),
              V(50, 1, 0, true)};
  for (int k = 0; k < 10; ++k) c.voters.push_back(V(5 + 10 * k));
  return c;
}

TEST(win_set, security_council_vetoes_bind_before_the_nine_votes) {
  WinSet w = One(Unsc(10), 0);
  EXPECT_DOUBLE_EQ(w.hi, 20);
  EXPECT_EQ(w.chambers[0].upper.binding, RuleTest::kVeto);
  Chamber no_vetoes = Unsc(10);
  for (Voter& v : no_vetoes.voters) v.veto = false;
  EXPECT_EQ(*One(no_vetoes, 0).chambers[0].upper.pivot, 35);  // the nine-vote pivot
  w = One(Unsc(std::nullopt), 0);                             // abstention is no veto
  EXPECT_DOUBLE_EQ(w.hi, 40);
  w = One(Unsc(-10), 0);
  EXPECT_TRUE(w.Empty());
}

// T7: q = 0; A(40, w3), B(40, w3), C(10, w4), Z(80, w0); 60% of the weight and 3 members.
// C(40) = {A, B, Z}: weight 6 and 3 members, so A and B share the pivot: W = (0, 80]. Without
// the weightless Z, {A, B} are only 2 members and C is the pivot: (0, 20].
TEST(win_set, tied_members_share_the_pivot_and_zero_weight_still_counts) {
  Chamber c = Qualified({V(40, 3), V(40, 3), V(10, 4), V(80, 0)}, 0.6);
  c.min_count = 3;
  WinSet w = One(c, 0);
  EXPECT_EQ(*w.chambers[0].upper.pivot, 40);
  EXPECT_DOUBLE_EQ(w.hi, 80);
  EXPECT_EQ(w.chambers[0].upper.pivots, (std::vector<std::size_t>{0, 1}));
  c.voters.pop_back();
  EXPECT_DOUBLE_EQ(One(c, 0).hi, 20);
}

// T8: q = 0; five equal members at 40, 45, 50, 55, 60; 3 of 5: pivot 50, W = (0, 100]. A setter
// at 100 gets 100; bound to the members' range [40, 60] (amendment by unanimity) it gets 60; a
// setter at 30 gets 40; one at 10 prefers q to 40 and keeps 0.
TEST(win_set, setter_with_the_amendment_constraint) {
  const WinSet w = One(Qualified({V(40), V(45), V(50), V(55), V(60)}, 0.6), 0);
  EXPECT_EQ(*w.chambers[0].upper.pivot, 50);
  EXPECT_DOUBLE_EQ(w.hi, 100);
  EXPECT_DOUBLE_EQ(SetterOutcome(100, 0, w), 100);
  const std::pair<double, double> pareto{40, 60};
  EXPECT_DOUBLE_EQ(SetterOutcome(100, 0, w, pareto), 60);
  EXPECT_DOUBLE_EQ(SetterOutcome(30, 0, w, pareto), 40);
  EXPECT_DOUBLE_EQ(SetterOutcome(10, 0, w, pareto), 0);
}

// T12: T1 with a reversion cost of 10: upward 2*10 - 0 + 10 = 30; downward every member but D
// acts as if at q, so the group at 0 wins and the bound is 0 - 10.
TEST(win_set, reversion_cost_widens_both_sides) {
  Chamber c = T1();
  c.reversion_cost = 10;
  const WinSet w = One(c, 0);
  EXPECT_DOUBLE_EQ(w.lo, -10);
  EXPECT_DOUBLE_EQ(w.hi, 30);
  EXPECT_EQ(*w.chambers[0].upper.pivot, 10);
  EXPECT_EQ(*w.chambers[0].lower.pivot, 0);
}

TEST(win_set, absent_members_count_against_drop_out_or_go_along) {
  // T9's point in small: four equal members, 3 of 4 needed; the one at 100 has no stance.
  Chamber c = Qualified({V(std::nullopt), V(80), V(60), V(40)}, 0.75);
  EXPECT_DOUBLE_EQ(One(c, 0).hi, 80);  // against: 80, 60, 40 are the three
  c.absent = AbsentMembers::kDrop;     // 3 of 3 present: still 40
  EXPECT_DOUBLE_EQ(One(c, 0).hi, 80);
  c.threshold = 0.6;  // 60% of 3 present = 1.8: 80 and 60
  EXPECT_DOUBLE_EQ(One(c, 0).hi, 120);
  c.threshold = 0.75;
  c.absent = AbsentMembers::kSupport;  // the absent one plus 80 and 60
  EXPECT_DOUBLE_EQ(One(c, 0).hi, 120);
  // A chamber whose only member goes along never limits anything.
  Chamber lone = Majority({V(std::nullopt)});
  lone.absent = AbsentMembers::kSupport;
  EXPECT_TRUE(One(lone, 0).chambers[0].upper.unbounded);
  EXPECT_TRUE(std::isinf(One(lone, 0).hi));
}

TEST(win_set, simple_majority_is_more_than_half) {
  // Two equal members up, two down: 2 of 4 is not more than half, so nothing passes.
  const WinSet w = One(Majority({V(10), V(20), V(-10), V(-20)}), 0);
  EXPECT_TRUE(w.Empty());
  // Qualified majority of one half ("at least") passes with 2 of 4.
  EXPECT_DOUBLE_EQ(One(Qualified({V(10), V(20), V(-10), V(-20)}, 0.5), 0).hi, 20);
}

// ---- properties over random chambers (seeded) ----

Chamber RandomChamber(Rng& rng, int n) {
  Chamber c;
  c.threshold = 0.3 + 0.6 * Uniform01(rng);
  c.strict = Uniform01(rng) < 0.3;
  c.min_share = Uniform01(rng) < 0.3 ? Uniform01(rng) : 0;
  if (Uniform01(rng) < 0.3) c.min_population = 0.3 + 0.6 * Uniform01(rng);
  if (Uniform01(rng) < 0.2) c.blocking_minority = 1 + static_cast<int>(Uniform01(rng) * 3);
  for (int i = 0; i < n; ++i) {
    Voter v;
    if (Uniform01(rng) > 0.1) v.position = std::round(100 * Uniform01(rng));
    v.weight = std::round(10 * Uniform01(rng));
    v.population = 100 * Uniform01(rng);
    v.veto = Uniform01(rng) < 0.15;
    c.voters.push_back(v);
  }
  return c;
}

// Brute force, written apart from the algorithm: do the members who strictly prefer y to q
// (and the absent ones who go along) form a winning coalition?
bool Passes(const Chamber& c, double q, double y) {
  double total_w = 0;
  double total_p = 0;
  int total_n = 0;
  int need_veto = 0;
  double w = 0;
  double p = 0;
  int n = 0;
  int vetoes = 0;
  for (const Voter& v : c.voters) {
    if (!v.position && c.absent == AbsentMembers::kDrop) continue;
    total_w += v.weight;
    total_p += v.population;
    ++total_n;
    if (v.veto && v.position) ++need_veto;
    const bool backs = v.position ? std::abs(y - *v.position) < std::abs(q - *v.position)
                                  : c.absent == AbsentMembers::kSupport;
    if (!backs) continue;
    w += v.weight;
    p += v.population;
    ++n;
    if (v.veto && v.position) ++vetoes;
  }
  const double quota = c.threshold * total_w;
  const bool weight_ok = !c.weight_test || (c.strict ? w > quota + 1e-9 : w >= quota - 1e-9);
  const int need_n =
      std::max({c.min_count, static_cast<int>(std::ceil(c.min_share * total_n - 1e-9)), 1});
  const bool pop_ok = !c.min_population || p >= *c.min_population * total_p - 1e-9;
  const bool clause = c.blocking_minority > 0 && n >= 1 && total_n - n < c.blocking_minority;
  return (weight_ok && n >= need_n && pop_ok && vetoes == need_veto) || clause;
}

TEST(win_set_property, outcome_is_in_the_win_set_or_the_status_quo) {
  Rng rng = DrawRng(20240601, 0);
  for (int trial = 0; trial < 400; ++trial) {
    const Chamber c = RandomChamber(rng, 2 + trial % 9);
    const double q = std::round(100 * Uniform01(rng));
    const WinSet w = One(c, q);
    ASSERT_LE(w.lo, q);
    ASSERT_GE(w.hi, q);
    const double u = 100 * Uniform01(rng);
    const double y = w.Clamp(u);
    EXPECT_TRUE(y == q || (y >= w.lo && y <= w.hi)) << trial;
    // Inside the interval every point passes; beyond its ends none does.
    for (double t : {0.01, 0.5, 0.99}) {
      const double up = std::isfinite(w.hi) ? q + t * (w.hi - q) : q + 1e3 * t;
      const double down = std::isfinite(w.lo) ? q + t * (w.lo - q) : q - 1e3 * t;
      if (w.hi > q) {
        EXPECT_TRUE(Passes(c, q, up)) << trial;
      }
      if (w.lo < q) {
        EXPECT_TRUE(Passes(c, q, down)) << trial;
      }
    }
    for (double beyond : {0.01, 1.0, 50.0}) {
      if (std::isfinite(w.hi)) {
        EXPECT_FALSE(Passes(c, q, w.hi + beyond)) << trial;
      }
      if (std::isfinite(w.lo)) {
        EXPECT_FALSE(Passes(c, q, w.lo - beyond)) << trial;
      }
    }
  }
}

TEST(win_set_property, more_veto_players_never_enlarge_the_win_set) {
  Rng rng = DrawRng(7, 0);
  for (int trial = 0; trial < 400; ++trial) {
    Chamber c = RandomChamber(rng, 3 + trial % 8);
    const double q = std::round(100 * Uniform01(rng));
    const WinSet before = One(c, q);
    for (Voter& v : c.voters) {
      if (!v.veto && Uniform01(rng) < 0.5) {
        v.veto = true;
        break;
      }
    }
    const WinSet after = One(c, q);
    EXPECT_GE(after.lo, before.lo) << trial;
    EXPECT_LE(after.hi, before.hi) << trial;
  }
}

TEST(win_set_property, bicameral_is_never_larger_than_either_chamber) {
  Rng rng = DrawRng(99, 0);
  for (int trial = 0; trial < 300; ++trial) {
    const std::vector<Chamber> chambers = {RandomChamber(rng, 2 + trial % 7),
                                           RandomChamber(rng, 1 + trial % 5)};
    const double q = std::round(100 * Uniform01(rng));
    const WinSet both = ComputeWinSet(chambers, q);
    for (const Chamber& c : chambers) {
      const WinSet one = One(c, q);
      EXPECT_GE(both.lo, one.lo) << trial;
      EXPECT_LE(both.hi, one.hi) << trial;
    }
  }
}

TEST(win_set_property, unanimity_agrees_with_the_closed_form) {
  Rng rng = DrawRng(3, 0);
  for (int trial = 0; trial < 500; ++trial) {
    const int n = 1 + trial % 5;
    std::vector<double> veto;
    Chamber c;
    c.weight_test = false;
    for (int i = 0; i < n; ++i) {
      veto.push_back(std::round(100 * Uniform01(rng)));
      c.voters.push_back(V(veto.back(), 1, 0, true));
    }
    const double q = std::round(100 * Uniform01(rng));
    const double u = std::round(100 * Uniform01(rng));
    const VetoResult closed = ApplyUnanimity(u, q, veto);
    const WinSet w = One(c, q);
    EXPECT_DOUBLE_EQ(w.Clamp(u), closed.outcome) << trial;
    EXPECT_EQ(w.Empty(), closed.win_set_empty) << trial;
  }
}

}  // namespace
}  // namespace entente
