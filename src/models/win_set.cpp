// The win-set of the status quo q on one dimension (Tsebelis 2002, Veto Players, ch. 1-2 and
// 11, summarising Steunenberg 1994, Crombez 1996 and Moser 1996), with symmetric single-peaked
// utilities u_i(y) = -|y - x_i|:
//   i supports y over q  <=>  |y - x_i| < |q - x_i|;  for y > q:  x_i > m = (y + q) / 2.
//   S(y) = {i : x_i > m} is nested: it shrinks as y moves away from q.
//   C(v) = {i present : x_i >= v}, v over the distinct positions above q;
//   pivot v+ = the largest v with C(v) winning; W(q) above q = (q, 2 v+ - q), closure (q, y+].
//   Per-test pivots v_t (weight, members, population, veto) are monotone in v, so
//   v+ = max( min_t v_t , v_clause ),  the clause being |T| - |C(v)| < blocking_minority.
//   The lower side is the mirror image. Chambers that must all approve intersect:
//   lo = max_c y-_c, hi = min_c y+_c; W is empty iff lo = hi = q.
//   Reversion cost kappa >= 0 (exploratory): i backs y iff |y - x_i| < |q - x_i| + kappa; members
//   at or behind q act as if at q and y+ = 2 v+ - q + kappa.
//   Weighted tests compare with a relative tolerance of 1e-9 so that shares such as 62/87 of
//   87 votes count as met.
#include "entente/models/win_set.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace entente {
namespace {

struct Tally {
  double weight = 0;
  int count = 0;
  double population = 0;
  int vetoes = 0;
};

constexpr std::array kPriority = {RuleTest::kVeto, RuleTest::kWeight, RuleTest::kMembers,
                                  RuleTest::kPopulation};

// Totals, thresholds and the tests of one chamber.
class Tests {
 public:
  explicit Tests(const Chamber& c) : c_(c) {
    for (const Voter& v : c.voters) {
      const bool present = v.position.has_value();
      if (!present && c.absent == AbsentMembers::kDrop) continue;
      total_.weight += v.weight;
      total_.population += v.population;
      ++total_.count;
      if (v.veto && present) ++total_.vetoes;
    }
    need_count_ =
        std::max({c.min_count, static_cast<int>(std::ceil(c.min_share * total_.count - 1e-9)), 1});
  }

  [[nodiscard]] bool Active(RuleTest t) const {
    switch (t) {
      case RuleTest::kVeto: return total_.vetoes > 0;
      case RuleTest::kWeight: return c_.weight_test;
      case RuleTest::kMembers: return need_count_ > 1;
      case RuleTest::kPopulation: return c_.min_population.has_value();
      case RuleTest::kClause: return c_.blocking_minority > 0;
    }
    return false;
  }

  [[nodiscard]] bool Pass(RuleTest t, const Tally& a) const {
    switch (t) {
      case RuleTest::kVeto: return a.vetoes == total_.vetoes;
      case RuleTest::kWeight: {
        if (!c_.weight_test) return true;
        const double quota = c_.threshold * total_.weight;
        const double eps = 1e-9 * std::max(1.0, total_.weight);
        return c_.strict ? a.weight > quota + eps : a.weight >= quota - eps;
      }
      case RuleTest::kMembers: return a.count >= need_count_;
      case RuleTest::kPopulation:
        return !c_.min_population || a.population >= *c_.min_population * total_.population -
                                                         1e-9 * std::max(1.0, total_.population);
      case RuleTest::kClause:
        return c_.blocking_minority > 0 && a.count >= 1 &&
               total_.count - a.count < c_.blocking_minority;
    }
    return false;
  }

  [[nodiscard]] bool AllConjunctive(const Tally& a) const {
    return std::all_of(kPriority.begin(), kPriority.end(), [&](RuleTest t) { return Pass(t, a); });
  }

  [[nodiscard]] bool Wins(const Tally& a) const {
    return AllConjunctive(a) || Pass(RuleTest::kClause, a);
  }

 private:
  const Chamber& c_;
  Tally total_;
  int need_count_ = 1;
};

void Add(Tally& t, const Voter& v) {
  t.weight += v.weight;
  t.population += v.population;
  ++t.count;
  if (v.veto && v.position) ++t.vetoes;
}

}  // namespace

std::string_view RuleTestName(RuleTest t) {
  switch (t) {
    case RuleTest::kVeto: return "veto";
    case RuleTest::kWeight: return "weight";
    case RuleTest::kMembers: return "members";
    case RuleTest::kPopulation: return "population";
    case RuleTest::kClause: return "blocking_clause";
  }
  return "veto";
}

double WinSet::Clamp(double y) const {
  return std::clamp(y, lo, hi);
}

WinSide ComputeWinSide(const Chamber& c, double q, int direction) {
  WinSide side;
  std::vector<std::size_t> order;
  ComputeWinSideInto(c, q, direction, side, order);
  return side;
}

void ComputeWinSideInto(const Chamber& c, double q, int direction, WinSide& side,
                        std::vector<std::size_t>& beyond) {
  const double d = direction >= 0 ? 1.0 : -1.0;
  const Tests tests(c);
  side.pivot.reset();
  side.bound = q;
  side.unbounded = false;
  side.binding.reset();
  side.pivots.clear();
  side.blocking.clear();
  Tally acc;
  // Members without a position who go along with any change are in every coalition.
  if (c.absent == AbsentMembers::kSupport) {
    for (const Voter& v : c.voters) {
      if (!v.position) Add(acc, v);
    }
  }
  if (tests.Wins(acc)) {
    side.unbounded = true;
    side.bound = d * std::numeric_limits<double>::infinity();
    return;
  }
  // With a reversion cost every member backs small moves: those at or behind q act as if at q.
  const double kappa = c.reversion_cost;
  const auto eff = [&](std::size_t i) {
    const double x = *c.voters[i].position;
    return kappa > 0 && d * (x - q) <= 0 ? q : x;
  };
  beyond.clear();
  for (std::size_t i = 0; i < c.voters.size(); ++i) {
    const auto& x = c.voters[i].position;
    if (x && (kappa > 0 || d * (*x - q) > 0)) beyond.push_back(i);
  }
  std::stable_sort(beyond.begin(), beyond.end(),
                   [&](std::size_t a, std::size_t b) { return d * eff(a) > d * eff(b); });
  // Scan from the far end in groups of equal position; the first winning C(v) is the pivot.
  for (std::size_t g = 0; g < beyond.size();) {
    const double v = eff(beyond[g]);
    std::size_t end = g;
    std::array<bool, kPriority.size()> before{};
    for (std::size_t k = 0; k < kPriority.size(); ++k) before[k] = tests.Pass(kPriority[k], acc);
    while (end < beyond.size() && eff(beyond[end]) == v) {
      Add(acc, c.voters[beyond[end]]);
      ++end;
    }
    if (tests.Wins(acc)) {
      side.pivot = v;
      side.bound = 2 * v - q + d * kappa;
      side.pivots.assign(beyond.begin() + static_cast<std::ptrdiff_t>(g),
                         beyond.begin() + static_cast<std::ptrdiff_t>(end));
      if (!tests.AllConjunctive(acc)) {
        side.binding = RuleTest::kClause;
      } else {
        // The test that passed last: it became true in this group (veto first on ties).
        for (std::size_t k = 0; k < kPriority.size() && !side.binding; ++k) {
          if (tests.Active(kPriority[k]) && !before[k]) side.binding = kPriority[k];
        }
        for (std::size_t k = 0; k < kPriority.size() && !side.binding; ++k) {
          if (tests.Active(kPriority[k])) side.binding = kPriority[k];
        }
      }
      break;
    }
    g = end;
  }
  if (!side.pivot) {
    for (RuleTest t : kPriority) {
      if (!side.binding && !tests.Pass(t, acc)) side.binding = t;
    }
  }
  // Who says no beyond the bound: the pivot group and everyone on the status quo's side of it
  // (or, when the side is empty, everyone at or behind q), and members who cannot support.
  const double limit = side.pivot ? *side.pivot : q;
  for (std::size_t i = 0; i < c.voters.size(); ++i) {
    const Voter& v = c.voters[i];
    if (!v.position) {
      if (c.absent == AbsentMembers::kAgainst) side.blocking.push_back(i);
    } else if (d * (eff(i) - limit) <= 0) {
      side.blocking.push_back(i);
    }
  }
}

WinSet ComputeWinSet(std::span<const Chamber> chambers, double q) {
  WinSet w;
  std::vector<std::size_t> order;
  ComputeWinSetInto(chambers, q, w, order);
  return w;
}

void ComputeWinSetInto(std::span<const Chamber> chambers, double q, WinSet& w,
                       std::vector<std::size_t>& order) {
  w.lo = -std::numeric_limits<double>::infinity();
  w.hi = std::numeric_limits<double>::infinity();
  w.lo_chamber = 0;
  w.hi_chamber = 0;
  w.chambers.resize(chambers.size());
  for (std::size_t k = 0; k < chambers.size(); ++k) {
    ChamberWinSet& c = w.chambers[k];
    ComputeWinSideInto(chambers[k], q, -1, c.lower, order);
    ComputeWinSideInto(chambers[k], q, +1, c.upper, order);
    if (c.lower.bound > w.lo) {
      w.lo = c.lower.bound;
      w.lo_chamber = k;
    }
    if (c.upper.bound < w.hi) {
      w.hi = c.upper.bound;
      w.hi_chamber = k;
    }
  }
}

double SetterOutcome(double s, double q, const WinSet& w,
                     std::optional<std::pair<double, double>> pareto) {
  if (!pareto) return w.Clamp(s);
  const double lo = std::max(w.lo, pareto->first);
  const double hi = std::min(w.hi, pareto->second);
  if (lo > hi) return q;
  const double y = std::clamp(s, lo, hi);
  return std::abs(y - s) < std::abs(q - s) ? y : q;
}

}  // namespace entente
