#pragma once
/// \file
/// The win-set of the status quo on one issue dimension under a voting rule, chamber by
/// chamber: the feasible interval [lo, hi], the pivotal members, the test that binds and the
/// blocking coalition (Tsebelis 2002, ch. 1-2 and 11; Steunenberg 1994; Crombez 1996).

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/core/rule.hpp"

namespace entente {

/// One voting member of a chamber.
struct Voter {
  std::optional<double> position;  ///< ideal point; nullopt: no stance (absent)
  double weight = 1;               ///< votes (zero allowed)
  double population = 0;           ///< for population tests
  bool veto = false;               ///< every winning coalition must include it (when present)
};

/// One chamber's voters and tests. A coalition S of supporters wins when every test passes
/// (weight, members, population, veto) or when the counted members outside S are fewer than
/// `blocking_minority`.
struct Chamber {
  std::vector<Voter> voters;                       ///< the members
  bool weight_test = true;                         ///< false: no weight test (unanimity)
  double threshold = 0.5;                          ///< share of the total weight
  bool strict = false;                             ///< true: more than the share (simple majority)
  int min_count = 0;                               ///< members needed
  double min_share = 0;                            ///< share of the members needed
  std::optional<double> min_population;            ///< share of the total population needed
  int blocking_minority = 0;                       ///< 0: no blocking-minority clause
  AbsentMembers absent = AbsentMembers::kAgainst;  ///< how voters without a position count
  double reversion_cost = 0;  ///< kappa >= 0: no agreement costs every member this much
};

/// Which test of a chamber limits a move.
enum class RuleTest {
  kVeto,        ///< a veto player does not support it
  kWeight,      ///< too little of the voting weight
  kMembers,     ///< too few members
  kPopulation,  ///< too little of the population
  kClause,      ///< the blocking-minority clause decided it (a small minority cannot block)
};

/// "veto", "weight", "members", "population", "blocking_clause".
[[nodiscard]] std::string_view RuleTestName(RuleTest t);

/// One side (towards lower or higher values) of one chamber's win-set.
struct WinSide {
  std::optional<double> pivot;        ///< position of the pivotal group; nullopt: no pivot
  double bound = 0;                   ///< far end of the closure (status quo when empty)
  bool unbounded = false;             ///< the members who never vote go along: no limit
  std::optional<RuleTest> binding;    ///< the most restrictive test (on ties: veto first)
  std::vector<std::size_t> pivots;    ///< voters at the pivot (indices into Chamber::voters)
  std::vector<std::size_t> blocking;  ///< voters who oppose any move beyond `bound`
  /// True when no point on this side beats the status quo.
  [[nodiscard]] bool Empty() const { return !unbounded && !pivot; }
};

/// Both sides of one chamber.
struct ChamberWinSet {
  WinSide lower;  ///< moves below the status quo
  WinSide upper;  ///< moves above it
};

/// The feasible interval: the closure of W(q) together with q, intersected over chambers.
struct WinSet {
  double lo = 0;                        ///< lowest point that passes (q when none below)
  double hi = 0;                        ///< highest point that passes (q when none above)
  std::vector<ChamberWinSet> chambers;  ///< per chamber, in order
  std::size_t lo_chamber = 0;           ///< chamber setting `lo` (first on ties)
  std::size_t hi_chamber = 0;           ///< chamber setting `hi` (first on ties)
  /// True when no point beats the status quo: lo == hi == q.
  [[nodiscard]] bool Empty() const { return lo == hi; }
  /// The nearest point of [lo, hi] to `y`.
  [[nodiscard]] double Clamp(double y) const;
};

/// One side of one chamber's win-set of `q`; `direction` is +1 (up) or -1 (down).
/// Member i supports y over q iff |y - x_i| < |q - x_i|; for y above q that is x_i > (y+q)/2, so
/// the supporters of y are the members beyond the midpoint and shrink as y moves away. With
/// C(v) = {i : x_i >= v} over the positions v > q, the pivot is the farthest v whose C(v) wins
/// and the closure of the win-set on this side ends at 2 v - q (the reflection of q in the
/// pivot). The per-test pivots are scanned together; the combined pivot is the most restrictive
/// conjunctive one, relaxed by the blocking-minority clause. With a reversion cost kappa > 0
/// (Franchino & Mariotto 2021's costly reference point) member i backs y when
/// |y - x_i| < |q - x_i| + kappa: members at or behind q act as if at q and the bound becomes
/// 2 v - q + kappa.
[[nodiscard]] WinSide ComputeWinSide(const Chamber& chamber, double q, int direction);

/// ComputeWinSide into `out`, reusing its buffers and `order` (no allocation once warm: the
/// Monte Carlo calls it once per draw).
void ComputeWinSideInto(const Chamber& chamber, double q, int direction, WinSide& out,
                        std::vector<std::size_t>& order);

/// The win-set of `q` when every chamber must approve: lo = max over chambers of their lower
/// bounds, hi = min of their upper bounds.
[[nodiscard]] WinSet ComputeWinSet(std::span<const Chamber> chambers, double q);

/// ComputeWinSet into `out`, reusing its buffers and `order`.
void ComputeWinSetInto(std::span<const Chamber> chambers, double q, WinSet& out,
                       std::vector<std::size_t>& order);

/// Romer and Rosenthal's (1978) setter with ideal point `s`: its favourite point of the closure
/// of W(q) together with q, which is clamp(s, lo, hi). With `pareto` (the range of the members'
/// ideal points: the Council can amend by unanimity, Steunenberg 1994, Crombez 1996) the
/// proposal must also lie inside it; the setter keeps q when it prefers q to every such point.
[[nodiscard]] double SetterOutcome(double s, double q, const WinSet& w,
                                   std::optional<std::pair<double, double>> pareto = {});

}  // namespace entente
