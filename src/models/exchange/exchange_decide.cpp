// The exchange model under Decide's bookkeeping (view=decide). The equations are those of
// exchange_round.cpp (Stokman & Van Oosten 1994, equal gain); what differs is what each
// candidate exchange knows while a round goes on. Written from the behaviour of the Decide
// exchange model (its reference runs and a reading of its source), not from its code:
//  - Each candidate is two sides: J gives way on the earlier issue p, I on the later issue q.
//    A side holds the supplier's current position x, its round-start position x0, its target
//    (the demander's round-start position on the supply issue), its move, y = x + move, and a
//    history of moves.
//  - Sizing: J first moves all the way to its target; the outcome shift dp = |t - x| s c / W_p
//    buys dq = r dp on q (r = (s_Jp + s_Ip) / (s_Jq + s_Iq), equal gain), I moving
//    dq W_q / (c s)_I. If that is further than I's own distance, I moves all the way instead
//    and J's move follows from dp = dq / r. The gain is |dq s_Iq - dp s_Ip|.
//  - Validity of a side: 1e-10 < |move| <= 100, x + move within [0, 100], the history sums to
//    at most 100 and all its entries have one sign. The gain must reach 1e-10.
//  - Outcome cap, for I then J: the candidate's view of the supply issue's outcome is the
//    round-start outcome with the positions it has recorded (below) put in, and the supplier
//    at x (n0) or at y (n1). Only when the demander's position lies strictly between n0 and
//    n1 is the move cut: to |t W - S| / (s c), S the c s x sum of the view with the supplier
//    at x - or at its recorded position when the record holds the supplier itself - and the
//    other side follows from the rate. A view that already passed the demander cuts nothing.
//  - After an exchange E is realized, a remaining candidate X is revised when it shares a
//    supply cell (actor giving way on an issue) or a demand cell with E. A side whose supply
//    cell E moved takes E's y as its x; the history of a side that was not moved loses its
//    last entry. For a demand cell shared with E, X records E's supplier on that issue: its y,
//    or, when already recorded, the recorded value or y, whichever is nearer the supplier's
//    round-start side (min when it started at or left of the record, else max). X is then
//    sized again, which appends one move to each history.
//  - The list of candidates is sorted by gain, stably, before every pick, so equal gains keep
//    their previous order (enumeration order at first).
//  - Voting positions are the last y of each realized cell; the next start position is
//    x' = (1 - s) w_s y + w_f y + (1 - (1 - s) w_s - w_f) x.
// Every sum runs over an issue's stances in input order, as Decide's does, because with
// arithmetic=decimal the last digits decide ties.
// With arithmetic=decimal, what needs no digits (which way a sizing branches, validity, the
// outcome cap's test, which of two gains is larger) is decided from double estimates with
// proven error bounds (SizeLazy, CapEstimate, Round's gain bounds); decimals are formed only
// where a bound does not decide or a value is kept (Materialize, ExactSum). Every decision
// and value is the one the decimal computation gives (docs/models/exchange.md, "Speed").
#include "entente/models/exchange/exchange_decide.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <type_traits>
#include <utility>

#include "entente/core/random.hpp"
#include "entente/models/exchange/decimal28.hpp"
#include "entente/models/exchange/tournament.hpp"

namespace entente::detail {
namespace {

// Number conversions for the two arithmetics.
template <class N>
struct Num;

template <>
struct Num<double> {
  static double Input(double v) { return v; }
  static double Binary(double v) { return v; }
  static double Int(int v) { return v; }
  static double ToDouble(double v) { return v; }
  static double Approx(double v) { return v; }
  static double Abs(double v) { return std::abs(v); }
  static int Sign(double v) { return v > 0 ? 1 : (v < 0 ? -1 : 0); }
  // Gains within the same 1e-12 step rank equal.
  using Key = long long;
  static Key Rank(double v) { return std::llround(v * 1e12); }
  static constexpr bool kExact = false;
};

template <>
struct Num<Decimal28> {
  static Decimal28 Input(double v) { return Decimal28::FromShortest(v); }
  static Decimal28 Binary(double v) { return Decimal28::FromBinary(v); }
  static Decimal28 Int(int v) { return Decimal28(v); }
  static double ToDouble(const Decimal28& v) { return v.ToDouble(); }
  static double Approx(const Decimal28& v) { return v.Approx(); }
  static Decimal28 Abs(const Decimal28& v) { return detail::Abs(v); }
  static int Sign(const Decimal28& v) { return v.Sign(); }
  using Key = Decimal28::RankKey;
  static Key Rank(const Decimal28& v) { return v.Rank(); }
  static constexpr bool kExact = true;
};

// An estimate v of a decimal result, |v - decimal| <= e.
struct Estimate {
  double v = 0, e = 0;
};

// Bounds per operation: the double rounding (2^-53 |v|) and the decimal one (5e-28 |v|) are
// both within 4 units of 2^-53 |v|; the operands' errors propagate to first order, and the
// factor 1 + 1e-15 covers the second-order terms.
constexpr double kUnit = 1.1102230246251565e-16;  // 2^-53
constexpr double kSlack = 1 + 1e-15;

inline Estimate Exact(double v) {  // a decimal's Approx(): within 3 units
  return {v, 4 * kUnit * std::abs(v)};
}
inline Estimate operator-(Estimate a, Estimate b) {
  const double v = a.v - b.v;
  return {v, (a.e + b.e) * kSlack + 4 * kUnit * std::abs(v)};
}
inline Estimate operator+(Estimate a, Estimate b) {
  const double v = a.v + b.v;
  return {v, (a.e + b.e) * kSlack + 4 * kUnit * std::abs(v)};
}
inline Estimate operator*(Estimate a, Estimate b) {
  const double v = a.v * b.v;
  return {v, (std::abs(a.v) * b.e + std::abs(b.v) * a.e + a.e * b.e) * kSlack +
                 4 * kUnit * std::abs(v)};
}
inline Estimate operator/(Estimate a, Estimate b) {  // |b.v| > b.e
  const double v = a.v / b.v;
  return {v, (a.e + std::abs(v) * b.e) / (std::abs(b.v) - b.e) * kSlack + 4 * kUnit * std::abs(v)};
}
inline Estimate Abs(Estimate a) {
  return {std::abs(a.v), a.e};
}

template <class N>
class Engine final : public DecideExchange {
 public:
  Engine(const Scenario& s, const ExchangeBoard& b, const ExchangeOptions& o);
  void Round(int round, std::vector<double>& voting, std::vector<RealizedExchange>& realized,
             std::vector<double>& externality) override;
  [[nodiscard]] std::vector<double> Start() const override;

 private:
  using F = Num<N>;

  // One entry of a side's move history, with the running sum Decide's validity check forms
  // (0 + m0 + m1 + ..., in that order) and whether every move so far had one sign.
  // A lazy entry (see SizeLazy) holds estimates and the positions its sizing was made at,
  // from which the exact move is formed when a validity check needs it.
  struct Step {
    N move{};  // exact when `exact`
    N sum{};   // exact when `sum_exact`
    Estimate move_est{}, sum_est{};
    N xi{}, xj{};  // lazy: the positions of I and J when sized
    bool exact = true, sum_exact = true, swap = false;
    std::uint8_t side = 0;  // lazy: 0 = I, 1 = J
    bool all_positive = false, all_negative = false;
  };
  struct Side {
    std::uint32_t actor = 0, sup = 0, dem = 0;  // supplier, its supply and demand issue
    std::uint32_t sup_cell = 0, dem_cell = 0;   // (supply issue, actor), (demand issue, actor)
    std::uint32_t target_cell = 0;              // (supply issue, demander)
    N x{}, move{}, y{};
    double x_d = 0;  // x.Approx(), for the outcome cap's estimate
    std::vector<Step> history;
  };
  struct Record {
    std::uint32_t issue = 0, actor = 0;
    N position{};
    double approx = 0;  // position.Approx()
  };
  struct Candidate {
    std::array<Side, 2> side;  // [0] = I, gives way on q; [1] = J, gives way on p
    std::uint32_t p = 0, q = 0;
    std::vector<Record> records;
    N gain{}, gain_i{}, gain_j{}, rate{};
    std::array<N, 2> factor{};  // equal-gain rate of each side's shift (Rate), once computed
    std::array<bool, 2> has_factor{false, false};
    std::array<Estimate, 2> factor_est{};  // estimates of the two factors (equal gain)
    // A lazy sizing (SizeLazy): moves and gain known as estimates only, the sizing's branch.
    bool lazy = false, lazy_swap = false;  // lazy_swap: the branch of any current sizing
    // Not cut by an outcome cap: the gain is then a function of the branch and the position
    // of the side moving all the way.
    bool uncut = false;
    Estimate gain_est{};
    std::array<Estimate, 2> y_est{};  // of I's and J's positions after a lazy sizing
    typename Num<N>::Key key{};       // rank of the gain, while valid and not lazy
    std::int64_t label = 0;           // order among equal keys (see Round)
    bool valid = false;
  };
  // The exact sizing before the cap at given positions.
  struct Sizing {
    N move_i{}, move_j{}, dp{}, dq{};
  };
  // A candidate's place in Round's order.
  struct Entry {
    typename Num<N>::Key key{};  // when `exact`
    double lo = 0, hi = 0;       // bounds of the gain
    bool exact = true;
    std::int64_t label = 0;
    std::uint32_t id = 0;
  };

  [[nodiscard]] std::size_t Cell(std::size_t issue, std::size_t actor) const {
    return board_.Cell(issue, actor);
  }
  // A side's constants, looked up per cell rather than copied into every candidate (which
  // keeps candidates small; the revision loop is bound by memory traffic). Start positions
  // do not change within a round.
  const N& X0(const Side& s) const { return start_[s.sup_cell]; }
  const N& Target(const Side& s) const { return start_[s.target_cell]; }
  const N& Ssup(const Side& s) const { return salience_[s.sup_cell]; }
  const N& Csup(const Side& s) const { return capability_[s.sup_cell]; }
  const N& Sdem(const Side& s) const { return salience_[s.dem_cell]; }
  const N& Cs(const Side& s) const { return cs_[s.sup_cell]; }
  const N* Recorded(const Candidate& c, std::uint32_t issue, std::uint32_t actor) const;
  Record* FindRecord(Candidate& c, std::uint32_t issue, std::uint32_t actor) const;
  N Seen(const Candidate& c, const Side& s, const N& at) const;
  int CapEstimate(const Candidate& c, const Side& s, Estimate y) const;
  N CapMove(const Candidate& c, const Side& s) const;
  N Full(const Side& s, const N& distance) const;
  N Rate(Candidate& c, int k, const N& shift) const;
  N Reverse(const Side& s, const N& shift) const;
  void SetGain(Candidate& c, const N& dp, const N& dq, int formula) const;
  void Push(Side& s, const Estimate* move = nullptr) const;
  void PushLazy(Side& s, Estimate move, int sign, const Candidate& c, bool swap, int side) const;
  void SetLast(Side& s) const;
  const N& ExactSum(Candidate& c, Side& s) const;
  bool MoveValid(Candidate& c, Side& s) const;
  Sizing Uncapped(Candidate& c, const N& xi, const N& xj, bool swap) const;
  bool SizeLazy(Candidate& c) const;
  void Materialize(Candidate& c) const;
  Entry MakeEntry(const Candidate& c, std::uint32_t id) const;
  void Size(Candidate& c, bool same_positions = false) const;
  int SwapEstimate(const Candidate& c) const;
  bool Cap(Candidate& c, int k) const;
  bool Revise(Candidate& c, const Candidate& e) const;
  void Enumerate(int round);
  // Round's list order: gain descending, then the earlier place in the previous list.
  static bool Before(const Entry& a, const Entry& b) {  // both exact
    return a.key > b.key || (a.key == b.key && a.label < b.label);
  }

  const ExchangeBoard& board_;
  ExchangeOptions options_;
  std::vector<std::vector<std::uint32_t>> order_;  // per issue: actors in stance order
  std::vector<N> salience_, capability_, start_;   // per cell
  std::vector<N> cs_;                              // per cell: c s, the divisor of Reverse
  std::vector<N> term_;                            // per cell: x0 s c at the round's start
  std::vector<N> total_;                           // per issue: sum of s c
  std::vector<double> term_d_, weight_d_;          // per cell: estimates of term_, s c
  std::vector<double> start_d_, salience_d_, capability_d_, cs_d_;  // per cell: Approx()
  std::vector<Estimate> shift_per_move_, move_per_shift_;           // per cell: s c / W, W / (c s)
  std::vector<double> total_d_;                                     // per issue: estimate of total_
  std::vector<double> base_d_, base_magnitude_d_;  // per issue: sum of term_d_, of |term_d_|
  std::vector<N> ratio_;                           // per actor, issue, issue: s_p / s_q
  std::vector<std::uint8_t> has_ratio_;
  std::vector<std::uint8_t> present_;  // per cell: takes part
  std::vector<Candidate> cands_;
  N tiny_{}, zero_{}, hundred_{}, one_{}, w_s_{}, w_f_{};
};

template <class N>
Engine<N>::Engine(const Scenario& s, const ExchangeBoard& b, const ExchangeOptions& o)
    : board_(b), options_(o) {
  const std::size_t cells = b.actors * b.issues;
  salience_.assign(cells, N{});
  capability_.assign(cells, N{});
  start_.assign(cells, N{});
  cs_.assign(cells, N{});
  salience_d_.assign(cells, 0);
  capability_d_.assign(cells, 0);
  cs_d_.assign(cells, 0);
  present_.assign(cells, 0);
  order_.resize(b.issues);
  zero_ = F::Int(0);
  one_ = F::Int(1);
  hundred_ = F::Int(100);
  tiny_ = F::Binary(1e-10);  // Decide compares with the float 1e-10
  w_s_ = F::Binary(o.salience_weight);
  w_f_ = F::Binary(o.fixed_weight);
  for (std::size_t d = 0; d < b.issues; ++d) {
    const Issue& issue = s.issues[d];
    const N lo = F::Input(issue.scale.min);
    const N step = hundred_ / (F::Input(issue.scale.max) - lo);
    for (std::size_t a = 0; a < b.actors; ++a) {
      const int k = b.stance[Cell(d, a)];
      if (k < 0) continue;
      const Stance& st = issue.stances[static_cast<std::size_t>(k)];
      const std::size_t cell = Cell(d, a);
      start_[cell] = (F::Input(st.position) - lo) * step;
      if (!(st.salience > 0)) continue;  // Decide skips rows with salience 0
      present_[cell] = 1;
      salience_[cell] = F::Input(st.salience);
      capability_[cell] = F::Input(st.capability);
      cs_[cell] = capability_[cell] * salience_[cell];
      salience_d_[cell] = F::Approx(salience_[cell]);
      capability_d_[cell] = F::Approx(capability_[cell]);
      cs_d_[cell] = F::Approx(cs_[cell]);
    }
    // Decide sums over an issue's rows in input order.
    std::vector<std::pair<std::size_t, std::uint32_t>> rows;
    for (std::size_t a = 0; a < b.actors; ++a) {
      if (present_[Cell(d, a)]) {
        rows.emplace_back(static_cast<std::size_t>(b.stance[Cell(d, a)]),
                          static_cast<std::uint32_t>(a));
      }
    }
    std::sort(rows.begin(), rows.end());
    for (const auto& [k, a] : rows) order_[d].push_back(a);
  }
  // Room for the most candidates a round can have (n^2 / 4 for the n actors on both issues
  // of a pair), so that the list never moves while it grows.
  std::size_t most = 0;
  for (std::size_t p = 0; p < b.issues; ++p) {
    for (std::size_t q = p + 1; q < b.issues; ++q) {
      std::size_t n = 0;
      for (std::size_t a = 0; a < b.actors; ++a) n += present_[Cell(p, a)] && present_[Cell(q, a)];
      most += n * n / 4;
    }
  }
  cands_.reserve(most);
}

template <class N>
std::vector<double> Engine<N>::Start() const {
  std::vector<double> out(start_.size(), 0);
  for (std::size_t cell = 0; cell < out.size(); ++cell) out[cell] = F::ToDouble(start_[cell]);
  return out;
}

template <class N>
const N* Engine<N>::Recorded(const Candidate& c, std::uint32_t issue, std::uint32_t actor) const {
  for (const Record& r : c.records) {
    if (r.issue == issue && r.actor == actor) return &r.position;
  }
  return nullptr;
}

template <class N>
typename Engine<N>::Record* Engine<N>::FindRecord(Candidate& c, std::uint32_t issue,
                                                  std::uint32_t actor) const {
  for (Record& r : c.records) {
    if (r.issue == issue && r.actor == actor) return &r;
  }
  return nullptr;
}

// The candidate's view of the outcome on s's supply issue with the supplier at `at`.
template <class N>
N Engine<N>::Seen(const Candidate& c, const Side& s, const N& at) const {
  N sum = zero_;
  for (const std::uint32_t a : order_[s.sup]) {
    const std::size_t cell = Cell(s.sup, a);
    if (a == s.actor) {
      sum += at * salience_[cell] * capability_[cell];
    } else if (const N* r = Recorded(c, s.sup, a)) {
      sum += *r * salience_[cell] * capability_[cell];
    } else {
      sum += term_[cell];
    }
  }
  return sum / total_[s.sup];
}

// Decides the outcome cap's test for side s (does the demander's position lie strictly
// between the views n0 = Seen(s.x) and n1 = Seen(s.y)?) from double estimates where their
// error bound allows: 1 = it does, 0 = it does not, -1 = too close to tell. The decimal
// views and the estimates both lie near the exact value V = sum(a s c) / W of the decimal
// inputs: the decimal ones within (n + 4) roundings of 5e-28 relative; the estimates, formed
// as the round-start sum less the supplier's term plus the recorded changes (`ops` additions
// in all), within 11 units of 2^-53 per term (inputs within 3 each, Approx, and two
// products), one per addition and 4 for the division, relative to M, the sum of the
// magnitudes of everything added, over W; the target's estimate within 3 units of |t|. The
// bound below doubles the double part.
template <class N>
int Engine<N>::CapEstimate(const Candidate& c, const Side& s, Estimate y) const {
  // The round-start sum with the supplier taken out and the recorded positions put in.
  const std::size_t self = Cell(s.sup, s.actor);
  double common = base_d_[s.sup] - term_d_[self];
  double mag = base_magnitude_d_[s.sup] + std::abs(term_d_[self]);
  std::size_t ops = order_[s.sup].size() + 2;
  for (const Record& r : c.records) {
    if (r.issue != s.sup || r.actor == s.actor) continue;
    const std::size_t cell = Cell(s.sup, r.actor);
    const double put = r.approx * weight_d_[cell];
    common += put - term_d_[cell];
    mag += std::abs(put) + std::abs(term_d_[cell]);
    ops += 2;
  }
  const double w = weight_d_[self], total = total_d_[s.sup];
  const double t0 = s.x_d * w, t1 = y.v * w;
  const double n0 = (common + t0) / total, n1 = (common + t1) / total;
  const double t = start_d_[s.target_cell];  // Target(s).Approx()
  const double m = (mag + std::abs(t0) + std::abs(t1)) / total;
  const double nd = static_cast<double>(ops);
  // y's own error (beyond the 3 units assumed above) moves n1 by at most y.e w / W.
  const double bound = (nd + 24) * 2.3e-16 * (m + std::abs(t)) + (nd + 4) * 1e-27 * m +
                       y.e * std::abs(w) / total * 1.01;
  const double d0 = t - n0, d1 = t - n1;
  if (std::abs(d0) <= bound || std::abs(d1) <= bound) return -1;
  return (d0 > 0) != (d1 > 0) ? 1 : 0;
}

// The move that brings the view's outcome to the demander's position. The record, when it
// holds the supplier, stands in for the supplier's current position (as in Decide).
template <class N>
N Engine<N>::CapMove(const Candidate& c, const Side& s) const {
  N sum = zero_;
  for (const std::uint32_t a : order_[s.sup]) {
    const std::size_t cell = Cell(s.sup, a);
    if (const N* r = Recorded(c, s.sup, a)) {
      sum += *r * salience_[cell] * capability_[cell];
    } else if (a == s.actor) {
      sum += s.x * salience_[cell] * capability_[cell];
    } else {
      sum += term_[cell];
    }
  }
  return (Target(s) * total_[s.sup] - sum) / (Ssup(s) * Csup(s));
}

// Outcome shift when s moves `distance` (= |target - x|, all the way to its target).
template <class N>
N Engine<N>::Full(const Side& s, const N& distance) const {
  return distance * Ssup(s) * Csup(s) / total_[s.sup];
}

// The shift on the other issue bought by `shift` on side k's supply issue. The equal-gain
// factor depends on the saliences only, so it is formed once per candidate and round.
template <class N>
N Engine<N>::Rate(Candidate& c, int k, const N& shift) const {
  if (options_.variant == ExchangeVariant::kRandomRate) {
    return k == 1 ? c.rate * shift : shift / c.rate;  // rate = dq / dp
  }
  const auto kk = static_cast<std::size_t>(k);
  if (!c.has_factor[kk]) {
    const Side& s = c.side[kk];
    const Side& o = c.side[1 - kk];
    c.factor[kk] = (Ssup(s) + Sdem(o)) / (Sdem(s) + Ssup(o));
    c.has_factor[kk] = true;
  }
  return c.factor[kk] * shift;
}

// The move of s that shifts its supply issue's outcome by `shift`.
template <class N>
N Engine<N>::Reverse(const Side& s, const N& shift) const {
  return shift * total_[s.sup] / Cs(s);
}

// Gains from shifts dp (on p) and dq (on q). Equal gain: Decide's single gain, evaluated on
// side `formula` (0 = I, 1 = J), as Decide evaluates it; random rate: each side's own gain.
template <class N>
void Engine<N>::SetGain(Candidate& c, const N& dp, const N& dq, int formula) const {
  const Side& i = c.side[0];
  const Side& j = c.side[1];
  if (options_.variant == ExchangeVariant::kRandomRate) {
    c.gain_i = dp * Sdem(i) - dq * Ssup(i);
    c.gain_j = dq * Sdem(j) - dp * Ssup(j);
    c.gain = c.gain_i < c.gain_j ? c.gain_i : c.gain_j;
  } else {
    c.gain =
        formula == 0 ? F::Abs(dq * Ssup(i) - dp * Sdem(i)) : F::Abs(dp * Ssup(j) - dq * Sdem(j));
    c.gain_i = c.gain_j = c.gain;
  }
}

// Appends s.move to the history with the estimate of the running sum; the exact sum is formed
// when a check needs it (ExactSum).
template <class N>
void Engine<N>::Push(Side& s, const Estimate* move) const {
  const Step* prev = s.history.empty() ? nullptr : &s.history.back();
  const bool first = prev == nullptr;
  const Estimate prev_sum = first ? Estimate{} : prev->sum_est;
  const bool prev_pos = first || prev->all_positive, prev_neg = first || prev->all_negative;
  Step& st = s.history.emplace_back();  // in place: entries are large
  st.move = s.move;
  st.move_est = move != nullptr ? *move : Exact(F::Approx(s.move));
  const int sign = F::Sign(s.move);
  st.all_positive = prev_pos && sign > 0;
  st.all_negative = prev_neg && sign < 0;
  if (first) {
    st.sum = s.move;  // 0 + move: moves are results of operations, within the precision
    st.sum_est = st.move_est;
  } else {
    st.sum_exact = false;  // formed when a check needs it (ExactSum)
    st.sum_est = prev_sum + st.move_est;
  }
}

// Appends a lazy entry: the move is known as an estimate (its sign exactly).
template <class N>
void Engine<N>::PushLazy(Side& s, Estimate move, int sign, const Candidate& c, bool swap,
                         int side) const {
  const Step* prev = s.history.empty() ? nullptr : &s.history.back();
  const bool first = prev == nullptr;
  const Estimate sum = first ? move : prev->sum_est + move;
  const bool pos = (first || prev->all_positive) && sign > 0;
  const bool neg = (first || prev->all_negative) && sign < 0;
  Step& st = s.history.emplace_back();  // in place: entries are large
  st.exact = false;
  st.sum_exact = false;
  st.move_est = move;
  st.sum_est = sum;
  st.xi = c.side[0].x;
  st.xj = c.side[1].x;
  st.swap = swap;
  st.side = static_cast<std::uint8_t>(side);
  st.all_positive = pos;
  st.all_negative = neg;
}

// Replaces the last history entry by s.move.
template <class N>
void Engine<N>::SetLast(Side& s) const {
  s.history.pop_back();
  Push(s);
}

// The exact running sum of s's history, forming lazy moves and sums where needed.
template <class N>
const N& Engine<N>::ExactSum(Candidate& c, Side& s) const {
  if (s.history.back().sum_exact) return s.history.back().sum;
  for (std::size_t k = 0; k < s.history.size(); ++k) {
    Step& st = s.history[k];
    if (st.sum_exact) continue;
    if (!st.exact) {
      const Sizing z = Uncapped(c, st.xi, st.xj, st.swap);
      st.move = st.side == 0 ? z.move_i : z.move_j;
      st.exact = true;
    }
    st.sum = k == 0 ? st.move : s.history[k - 1].sum + st.move;
    st.sum_exact = true;
  }
  return s.history.back().sum;
}

// Decide's validity of side s's move (s.y = s.x + s.move, the move last in its history).
template <class N>
bool Engine<N>::MoveValid(Candidate& c, Side& s) const {
  const N size = F::Abs(s.move);
  if (size > hundred_ || size <= tiny_) return false;
  if (s.y < zero_ || s.y > hundred_) return false;
  const Step& last = s.history.back();
  if (!(last.all_positive || last.all_negative)) return false;
  return !(ExactSum(c, s) > hundred_);
}

// The sizing before the cap with I at xi and J at xj, the branch given ("move fully, else
// swap roles"), exactly as Size forms it.
template <class N>
typename Engine<N>::Sizing Engine<N>::Uncapped(Candidate& c, const N& xi, const N& xj,
                                               bool swap) const {
  const Side& i = c.side[0];
  const Side& j = c.side[1];
  Sizing z;
  if (!swap) {
    const N dist_j = F::Abs(Target(j) - xj);
    z.dp = Full(j, dist_j);
    z.dq = Rate(c, 1, z.dp);
    z.move_i = Reverse(i, z.dq);
    z.move_j = dist_j;
  } else {
    const N dist_i = F::Abs(Target(i) - xi);
    z.dq = Full(i, dist_i);
    z.dp = Rate(c, 0, z.dq);
    z.move_i = dist_i;
    z.move_j = Reverse(j, z.dp);
  }
  if (xi > Target(i)) z.move_i = -z.move_i;
  if (xj > Target(j)) z.move_j = -z.move_j;
  return z;
}

// Decides Size's branch from estimates where their bounds allow: 1 = I would move further
// than its own distance (the roles swap), 0 = it would not, -1 = too close to tell (or not
// the equal-gain variant). Each estimate follows the decimal computation operation by
// operation, so its bound covers the decimal result.
template <class N>
int Engine<N>::SwapEstimate(const Candidate& c) const {
  if (options_.variant == ExchangeVariant::kRandomRate) return -1;
  const Side& i = c.side[0];
  const Side& j = c.side[1];
  // Approx() values of the decimals involved (per cell or issue, formed once).
  const Estimate dist_i = Abs(Exact(start_d_[i.target_cell]) - Exact(i.x_d));
  const Estimate dist_j = Abs(Exact(start_d_[j.target_cell]) - Exact(j.x_d));
  const Estimate dp = dist_j * Exact(salience_d_[j.sup_cell]) * Exact(capability_d_[j.sup_cell]) /
                      Exact(total_d_[j.sup]);
  const Estimate factor = (Exact(salience_d_[j.sup_cell]) + Exact(salience_d_[i.dem_cell])) /
                          (Exact(salience_d_[j.dem_cell]) + Exact(salience_d_[i.sup_cell]));
  const Estimate move_i = factor * dp * Exact(total_d_[i.sup]) / Exact(cs_d_[i.sup_cell]);
  const double gap = move_i.v - dist_i.v, bound = (move_i.e + dist_i.e) * kSlack;
  if (std::abs(gap) <= bound) return -1;
  return gap > 0 ? 1 : 0;
}

// Three-valued outcome of a check on estimates: certainly true, certainly false, or unknown.
enum class Certain { kNo, kYes, kUnknown };

// x > limit for an estimate x.
inline Certain Above(Estimate x, double limit) {
  if (x.v - x.e > limit) return Certain::kYes;
  if (x.v + x.e <= limit) return Certain::kNo;
  return Certain::kUnknown;
}

// Sizes c from estimates where they decide everything Size decides: the branch, each side's
// validity, the gain's threshold and both outcome caps (neither cutting). The side that moves
// all the way is formed exactly (a subtraction and an addition: its position may end exactly
// on the scale's end); the other side's move and the gain stay estimates, and its history
// entry remembers the positions so the exact move can be formed when a check needs it
// (ExactSum) or when c is realized or compared closely (Materialize). Returns false, having
// changed nothing, when the estimates do not decide; Size then computes exactly.
template <class N>
bool Engine<N>::SizeLazy(Candidate& c) const {
  if constexpr (!F::kExact) {
    return false;
  } else {
    if (options_.variant == ExchangeVariant::kRandomRate) return false;
    Side& i = c.side[0];
    Side& j = c.side[1];
    // The decimal operations group differently here (s c / W and W / (c s) per cell, formed
    // once a round); each estimate's 4 units per operation cover the decimal roundings many
    // times over, so the bounds hold for the decimal results all the same.
    const auto est = [](double v) { return Exact(v); };
    const Estimate xi = est(i.x_d), xj = est(j.x_d);
    const Estimate dist_i = Abs(est(start_d_[i.target_cell]) - xi);
    const Estimate dist_j = Abs(est(start_d_[j.target_cell]) - xj);
    const Estimate s_ip = est(salience_d_[i.dem_cell]), s_iq = est(salience_d_[i.sup_cell]);
    Estimate dp = dist_j * shift_per_move_[j.sup_cell];
    Estimate dq = c.factor_est[1] * dp;
    Estimate move_i = dq * move_per_shift_[i.sup_cell];
    const Certain swap = Above(Estimate{move_i.v - dist_i.v, (move_i.e + dist_i.e) * kSlack}, 0);
    if (swap == Certain::kUnknown) return false;
    const bool swapped = swap == Certain::kYes;
    Estimate move_j{};
    if (swapped) {
      dq = dist_i * shift_per_move_[i.sup_cell];
      dp = c.factor_est[0] * dq;
      move_j = dp * move_per_shift_[j.sup_cell];
    }
    // Both sides as estimates; the exact distance and position of the side moving all the
    // way are formed only when a check on them is close (its position often ends exactly on
    // the scale's end, where the estimate cannot tell).
    Side& full = swapped ? i : j;
    Side& other = swapped ? j : i;
    // x > target, from the estimates when they are apart (each within 3 units of its value).
    const auto beyond = [this](const Side& side) {
      const double x = side.x_d, t = start_d_[side.target_cell];
      if (std::abs(x - t) > 8 * kUnit * (std::abs(x) + std::abs(t))) return x > t;
      return side.x > Target(side);
    };
    const int full_sign = beyond(full) ? -1 : 1;
    const int other_sign = beyond(other) ? -1 : 1;
    const Estimate full_size = swapped ? dist_i : dist_j;
    Estimate full_move = full_size;
    if (full_sign < 0) full_move.v = -full_move.v;
    Estimate other_move = swapped ? move_j : move_i;
    if (other_sign < 0) other_move.v = -other_move.v;
    const auto at = [](double v) { return Estimate{v, 4 * kUnit * std::abs(v)}; };
    const Estimate full_y = at(full.x_d) + full_move;
    const Estimate other_y = at(other.x_d) + other_move;
    const Estimate gain = Abs(dq * s_iq - dp * s_ip);
    PushLazy(full, full_move, full_sign, c, swapped, swapped ? 0 : 1);
    PushLazy(other, other_move, other_sign, c, swapped, swapped ? 1 : 0);
    const auto undo = [&] {
      full.history.pop_back();
      other.history.pop_back();
    };
    // Validity: every check decided, or one certainly failing. (A zero move fails the size
    // check, so the signs above, which take zero as positive, never decide alone.)
    bool unknown = false, fails = false;
    const auto take = [&](Certain ok) {
      if (ok == Certain::kNo) fails = true;
      if (ok == Certain::kUnknown) unknown = true;
    };
    const auto is = [](bool ok) { return ok ? Certain::kYes : Certain::kNo; };
    const auto is_not = [](Certain x) {
      return x == Certain::kUnknown ? x : (x == Certain::kYes ? Certain::kNo : Certain::kYes);
    };
    const double hundred = 100;
    // x > tiny_ (Decide's float 1e-10, as a decimal): decided outside a margin around it.
    const auto above_tiny = [](Estimate x) {
      if (x.v - x.e > 1.01e-10) return Certain::kYes;
      if (x.v + x.e < 0.99e-10) return Certain::kNo;
      return Certain::kUnknown;
    };
    const auto size_ok = [&](Estimate size) {
      const Certain big = Above(size, hundred), small = above_tiny(size);
      if (big == Certain::kYes || small == Certain::kNo) return Certain::kNo;
      if (big == Certain::kNo && small == Certain::kYes) return Certain::kYes;
      return Certain::kUnknown;
    };
    const auto y_ok = [&](Estimate y) {
      const Certain low = Above(Estimate{-y.v, y.e}, 0), high = Above(y, hundred);
      if (low == Certain::kYes || high == Certain::kYes) return Certain::kNo;
      if (low == Certain::kNo && high == Certain::kNo) return Certain::kYes;
      return Certain::kUnknown;
    };
    const auto sum_ok = [&](Side& s) {
      const Certain over = Above(s.history.back().sum_est, hundred);
      if (over != Certain::kUnknown) return is_not(over);
      return is(!(ExactSum(c, s) > hundred_));
    };
    {
      Certain size = size_ok(full_size), y = y_ok(full_y);
      if (size == Certain::kUnknown || y == Certain::kUnknown) {
        const N distance = F::Abs(Target(full) - full.x);
        size = is(!(distance > hundred_ || distance <= tiny_));
        const N to = full.x + (full_sign < 0 ? -distance : distance);
        y = is(!(to < zero_ || to > hundred_));
      }
      take(size);
      take(y);
      const Step& last = full.history.back();
      take(is(last.all_positive || last.all_negative));
      if (!fails) take(sum_ok(full));
    }
    {
      take(size_ok(Abs(other_move)));
      take(y_ok(other_y));
      const Step& last = other.history.back();
      take(is(last.all_positive || last.all_negative));
      if (!fails) take(sum_ok(other));
    }
    take(above_tiny(gain));  // gain >= tiny_
    if (fails) {             // invalid whatever the unknowns are
      c.valid = false;
      c.lazy = true;
      return true;
    }
    if (unknown) {
      undo();
      return false;
    }
    // Neither cap may cut.
    const Estimate yi = swapped ? full_y : other_y;
    const Estimate yj = swapped ? other_y : full_y;
    if (CapEstimate(c, i, yi) != 0 || CapEstimate(c, j, yj) != 0) {
      undo();
      return false;
    }
    c.valid = true;
    c.lazy = true;
    c.uncut = true;
    c.lazy_swap = swapped;
    c.gain_est = gain;
    c.y_est = {yi, yj};
    return true;
  }
}

// Forms the exact sizing of a lazy candidate (valid, uncut): moves, positions, gain.
template <class N>
void Engine<N>::Materialize(Candidate& c) const {
  if (!c.lazy) return;
  Side& i = c.side[0];
  Side& j = c.side[1];
  const Sizing z = Uncapped(c, i.x, j.x, c.lazy_swap);
  i.move = z.move_i;
  j.move = z.move_j;
  i.y = i.x + i.move;
  j.y = j.x + j.move;
  for (Side* s : {&i, &j}) {
    Step& last = s->history.back();
    if (!last.exact) {
      last.move = s->move;
      last.exact = true;
    }
  }
  SetGain(c, z.dp, z.dq, 0);
  c.key = F::Rank(c.gain);
  c.lazy = false;
}

// c's place in Round's order, with bounds of its gain.
template <class N>
typename Engine<N>::Entry Engine<N>::MakeEntry(const Candidate& c, std::uint32_t id) const {
  Entry x;
  x.id = id;
  x.label = c.label;
  if (c.lazy) {
    x.exact = false;
    x.lo = c.gain_est.v - c.gain_est.e;
    x.hi = c.gain_est.v + c.gain_est.e;
  } else {
    x.key = c.key;
    const Estimate g = Exact(F::Approx(c.gain));
    x.lo = g.v - g.e;
    x.hi = g.v + g.e;
  }
  return x;
}

template <class N>
void Engine<N>::Size(Candidate& c, bool same_positions) const {
  Side& i = c.side[0];
  Side& j = c.side[1];
  if (same_positions && c.lazy) {
    // Only records changed: popping the history entries and sizing again would push the
    // same entries and estimates (the positions are the same), so only the caps, which read
    // the records, are tested again.
    if (CapEstimate(c, i, c.y_est[0]) == 0 && CapEstimate(c, j, c.y_est[1]) == 0) return;
    i.history.pop_back();
    j.history.pop_back();
  }
  c.lazy = false;
  if (SizeLazy(c)) return;
  {
    const N dist_i = F::Abs(Target(i) - i.x), dist_j = F::Abs(Target(j) - j.x);
    N dp{}, dq{};
    int swap = -1;
    if constexpr (F::kExact) swap = SwapEstimate(c);
    if (swap != 1) {
      dp = Full(j, dist_j);
      dq = Rate(c, 1, dp);
      i.move = Reverse(i, dq);
      j.move = dist_j;
    }
    c.lazy_swap = swap == 1 || (swap < 0 && F::Abs(i.move) > dist_i);
    if (c.lazy_swap) {  // "move fully, else swap roles"
      dq = Full(i, dist_i);
      dp = Rate(c, 0, dq);
      i.move = dist_i;
      j.move = Reverse(j, dp);
    }
    if (i.x > Target(i)) i.move = -i.move;
    if (j.x > Target(j)) j.move = -j.move;
    Push(i);
    Push(j);
    i.y = i.x + i.move;
    j.y = j.x + j.move;
    SetGain(c, dp, dq, 0);
    c.valid = MoveValid(c, i) && MoveValid(c, j);
    if (options_.variant == ExchangeVariant::kRandomRate) {
      if (!(c.gain_i > tiny_) || !(c.gain_j > tiny_)) c.valid = false;
    } else if (c.gain < tiny_) {
      c.valid = false;
    }
  }
  c.uncut = true;
  if (!c.valid) return;
  const bool cut_i = Cap(c, 0);
  const bool cut_j = Cap(c, 1);
  c.uncut = !cut_i && !cut_j;
  if (cut_i || cut_j) c.valid = MoveValid(c, i) && MoveValid(c, j);  // else nothing changed
  if (c.valid) c.key = F::Rank(c.gain);
}

// The outcome cap for side k (see the file comment); true when it cut the moves.
template <class N>
bool Engine<N>::Cap(Candidate& c, int k) const {
  Side& s = c.side[static_cast<std::size_t>(k)];
  Side& o = c.side[static_cast<std::size_t>(1 - k)];
  const N& t = Target(s);
  int cut = -1;
  if constexpr (F::kExact) cut = CapEstimate(c, s, Exact(F::Approx(s.y)));
  if (cut == 0) return false;
  if (cut < 0) {
    const N n0 = Seen(c, s, s.x);
    const N n1 = Seen(c, s, s.y);
    if ((t >= n0 && t >= n1) || (t <= n0 && t <= n1)) return false;
  }
  const N delta = F::Abs(CapMove(c, s));
  const N shift = delta * Ssup(s) * Csup(s) / total_[s.sup];
  const N other = Rate(c, k, shift);
  o.move = F::Abs(Reverse(o, other));
  s.move = delta;
  if (o.x > Target(o)) o.move = -o.move;
  if (s.x > Target(s)) s.move = -s.move;
  SetLast(o);
  SetLast(s);
  o.y = o.x + o.move;
  s.y = s.x + s.move;
  // Decide evaluates the gain on the other side here.
  if (k == 0) {
    SetGain(c, other, shift, 1);
  } else {
    SetGain(c, shift, other, 0);
  }
  return true;
}

// Revises candidate c after e was realized; false when c is not affected.
template <class N>
bool Engine<N>::Revise(Candidate& c, const Candidate& e) const {
  std::array<bool, 2> moved{false, false};
  for (std::size_t k = 0; k < 2; ++k) {
    for (const Side& es : e.side) {
      if (c.side[k].actor == es.actor && c.side[k].sup == es.sup) {
        c.side[k].x = es.y;
        c.side[k].x_d = F::Approx(es.y);
        moved[k] = true;
        break;
      }
    }
  }
  bool again = moved[0] || moved[1];
  if (again) {
    for (std::size_t k = 0; k < 2; ++k) {
      if (!moved[k] && !c.side[k].history.empty()) c.side[k].history.pop_back();
    }
  }
  // Each side of e demanded the other side's supply issue.
  for (const auto& [demander, supplier] :
       {std::pair{&e.side[1], &e.side[0]}, std::pair{&e.side[0], &e.side[1]}}) {
    const bool shared = std::any_of(c.side.begin(), c.side.end(), [d = demander](const Side& s) {
      return s.actor == d->actor && s.dem == d->dem;
    });
    if (!shared) continue;
    Record* old = FindRecord(c, demander->dem, supplier->actor);
    if (old == nullptr) {
      c.records.push_back(
          Record{demander->dem, supplier->actor, supplier->y, F::Approx(supplier->y)});
    } else if (X0(*supplier) <= old->position) {
      if (!(old->position < supplier->y)) {
        old->position = supplier->y;
        old->approx = F::Approx(supplier->y);
      }
    } else if (!(old->position > supplier->y)) {
      old->position = supplier->y;
      old->approx = F::Approx(supplier->y);
    }
    if (!again) {
      // A lazy sizing keeps its entries: Size re-tests only its caps (see there).
      if (!c.lazy) {
        for (Side& s : c.side) {
          if (!s.history.empty()) s.history.pop_back();
        }
      }
      again = true;
    }
  }
  if (again) Size(c, !moved[0] && !moved[1]);
  return again;
}

template <class N>
void Engine<N>::Enumerate(int round) {
  const ExchangeBoard& b = board_;
  std::vector<N> outcome(b.issues);
  total_.assign(b.issues, N{});
  total_d_.assign(b.issues, 0);
  base_d_.assign(b.issues, 0);
  shift_per_move_.assign(start_.size(), Estimate{});
  move_per_shift_.assign(start_.size(), Estimate{});
  base_magnitude_d_.assign(b.issues, 0);
  term_.assign(start_.size(), N{});
  term_d_.assign(start_.size(), 0);
  start_d_.assign(start_.size(), 0);
  weight_d_.assign(start_.size(), 0);
  for (std::size_t d = 0; d < b.issues; ++d) {
    N w = zero_, sum = zero_;
    for (const std::uint32_t a : order_[d]) {
      const std::size_t cell = Cell(d, a);
      w += salience_[cell] * capability_[cell];
      term_[cell] = start_[cell] * salience_[cell] * capability_[cell];
      sum += term_[cell];
      start_d_[cell] = F::Approx(start_[cell]);
      weight_d_[cell] = salience_d_[cell] * capability_d_[cell];
      term_d_[cell] = start_d_[cell] * weight_d_[cell];
    }
    total_[d] = w;
    total_d_[d] = F::Approx(w);
    double base = 0, magnitude = 0;
    for (const std::uint32_t a : order_[d]) {
      base += term_d_[Cell(d, a)];
      magnitude += std::abs(term_d_[Cell(d, a)]);
    }
    base_d_[d] = base;
    base_magnitude_d_[d] = magnitude;
    for (const std::uint32_t a : order_[d]) {
      const std::size_t cell = Cell(d, a);
      shift_per_move_[cell] =
          Exact(salience_d_[cell]) * Exact(capability_d_[cell]) / Exact(total_d_[d]);
      move_per_shift_[cell] = Exact(total_d_[d]) / Exact(cs_d_[cell]);
    }
    outcome[d] = w == zero_ ? zero_ : sum / w;
  }
  std::vector<std::uint8_t> left_of(start_.size(), 0);  // per cell: left of the outcome
  for (std::size_t d = 0; d < b.issues; ++d) {
    for (std::size_t a = 0; a < b.actors; ++a) {
      left_of[Cell(d, a)] = start_[Cell(d, a)] < outcome[d] ? 1 : 0;
    }
  }
  const auto left = [&](std::size_t d, std::size_t a) { return left_of[Cell(d, a)]; };
  // s_p / s_q per actor and issue pair; saliences do not change between rounds.
  const auto ratio = [&](std::size_t a, std::size_t p, std::size_t q) -> const N& {
    const std::size_t k = (a * b.issues + p) * b.issues + q;
    if (!has_ratio_[k]) {
      ratio_[k] = salience_[Cell(p, a)] / salience_[Cell(q, a)];
      has_ratio_[k] = 1;
    }
    return ratio_[k];
  };
  if (ratio_.empty()) {
    ratio_.assign(b.actors * b.issues * b.issues, N{});
    has_ratio_.assign(ratio_.size(), 0);
  }
  // Candidates are rewritten in place, round after round, so that their histories and
  // records keep their storage.
  std::size_t count = 0;
  std::vector<std::uint32_t> groups[4];
  for (std::size_t p = 0; p < b.issues; ++p) {
    for (std::size_t q = p + 1; q < b.issues; ++q) {
      for (auto& g : groups) g.clear();
      for (std::size_t a = 0; a < b.actors; ++a) {
        if (!present_[Cell(p, a)] || !present_[Cell(q, a)]) continue;
        groups[left(p, a) | (left(q, a) << 1)].push_back(static_cast<std::uint32_t>(a));
      }
      for (int g = 0; g < 2; ++g) {  // A (0) with D (3), then B (1) with C (2)
        for (const std::uint32_t i : groups[g]) {
          for (const std::uint32_t j : groups[3 - g]) {
            const bool i_gives_p = ratio(i, p, q) < ratio(j, p, q);
            if (count == cands_.size()) cands_.emplace_back();
            Candidate& c = cands_[count];
            c.records.clear();
            c.has_factor = {false, false};
            c.p = static_cast<std::uint32_t>(p);
            c.q = static_cast<std::uint32_t>(q);
            const std::uint32_t actor_p = i_gives_p ? i : j, actor_q = i_gives_p ? j : i;
            const auto make = [&](Side& s, std::uint32_t actor, std::size_t sup, std::size_t dem,
                                  std::uint32_t other) {
              s.history.clear();
              s.actor = actor;
              s.sup = static_cast<std::uint32_t>(sup);
              s.dem = static_cast<std::uint32_t>(dem);
              s.sup_cell = static_cast<std::uint32_t>(Cell(sup, actor));
              s.dem_cell = static_cast<std::uint32_t>(Cell(dem, actor));
              s.target_cell = static_cast<std::uint32_t>(Cell(sup, other));
              s.x = start_[s.sup_cell];
              s.x_d = start_d_[s.sup_cell];
            };
            make(c.side[0], actor_q, q, p, actor_p);
            make(c.side[1], actor_p, p, q, actor_q);
            {
              const auto s_of = [this](std::uint32_t cell) { return Exact(salience_d_[cell]); };
              const Side& si = c.side[0];
              const Side& sj = c.side[1];
              c.factor_est[1] =
                  (s_of(sj.sup_cell) + s_of(si.dem_cell)) / (s_of(sj.dem_cell) + s_of(si.sup_cell));
              c.factor_est[0] =
                  (s_of(si.sup_cell) + s_of(sj.dem_cell)) / (s_of(si.dem_cell) + s_of(sj.sup_cell));
            }
            if (options_.variant == ExchangeVariant::kRandomRate) {
              // As ExchangeRound: one stream per round and candidate, uniform between the
              // break-even rates of J (s_Jp / s_Jq) and I (s_Ip / s_Iq).
              Rng rng(options_.seed, (static_cast<std::uint64_t>(round) << 32) | count);
              const N draw = F::Binary(Uniform01(rng));
              const Side& sj = c.side[1];
              const Side& si = c.side[0];
              const N lo = Ssup(sj) / Sdem(sj), hi = Sdem(si) / Ssup(si);
              c.rate = lo + draw * (hi - lo);
            }
            c.label = static_cast<std::int64_t>(count);
            ++count;
          }
        }
      }
    }
  }
  cands_.resize(count);
  if (options_.tie == ExchangeTie::kId) {
    // The list starts in id order instead of enumeration order.
    std::vector<std::uint32_t> idx(cands_.size());
    for (std::uint32_t k = 0; k < idx.size(); ++k) idx[k] = k;
    const auto key = [&](const Candidate& c) {
      const std::size_t ra = b.actor_rank[c.side[1].actor], rb = b.actor_rank[c.side[0].actor];
      return std::array<std::size_t, 4>{std::min(ra, rb), std::max(ra, rb), b.issue_rank[c.p],
                                        b.issue_rank[c.q]};
    };
    std::stable_sort(idx.begin(), idx.end(), [&](std::uint32_t x, std::uint32_t y) {
      return key(cands_[x]) < key(cands_[y]);
    });
    for (std::uint32_t k = 0; k < idx.size(); ++k) cands_[idx[k]].label = k;
  }
}

// Decide sorts its list of candidates by gain before every pick, stably, so equal gains keep
// their order in the previous list. The same order without re-sorting: a tournament tree by
// (gain, label), where labels order each group of equal gains as the previous list did. A
// revised candidate whose gain is unchanged keeps its label; one whose gain fell was, in the
// previous list, ahead of every candidate that has its new gain, so it takes a label below
// all (in the previous list's order when several do); one whose gain rose was behind them
// all and takes a label above all.
template <class N>
void Engine<N>::Round(int round, std::vector<double>& voting,
                      std::vector<RealizedExchange>& realized, std::vector<double>& externality) {
  const ExchangeBoard& b = board_;
  Enumerate(round);
  for (Candidate& c : cands_) Size(c);
  // Candidates by supply cell (a side's actor giving way on an issue) and by demand cell (the
  // side's actor on the issue it demands), as compressed rows: a realized exchange revises
  // exactly those listed under its two supply cells in the one and its two demand cells in
  // the other.
  const std::size_t ncells = start_.size();
  std::array<std::vector<std::uint32_t>, 2> row_start, row_end, items;
  for (std::size_t role = 0; role < 2; ++role) {
    std::vector<std::uint32_t>& start = row_start[role];
    start.assign(ncells + 1, 0);
    for (const Candidate& c : cands_) {
      for (const Side& sd : c.side) ++start[(role == 0 ? sd.sup_cell : sd.dem_cell) + 1];
    }
    for (std::size_t n = 0; n < ncells; ++n) start[n + 1] += start[n];
    row_end[role].assign(start.begin(), start.end() - 1);
    items[role].assign(start.back(), 0);
    for (std::uint32_t k = 0; k < cands_.size(); ++k) {
      for (const Side& sd : cands_[k].side) {
        items[role][row_end[role][role == 0 ? sd.sup_cell : sd.dem_cell]++] = k;
      }
    }
  }
  std::vector<Entry> rank(cands_.size());
  std::vector<bool> in_play(cands_.size());
  for (std::uint32_t k = 0; k < cands_.size(); ++k) {
    const Candidate& c = cands_[k];
    if (c.valid) rank[k] = MakeEntry(c, k);
    in_play[k] = c.valid;
  }
  // Gains known as estimates are compared by their bounds; where the bounds overlap, both
  // candidates are sized exactly (which changes no order, only how it is known).
  const auto exact = [this, &rank](std::uint32_t k) {
    if (rank[k].exact) return;
    Materialize(cands_[k]);
    rank[k] = MakeEntry(cands_[k], k);
  };
  const auto close = [&rank, &exact ](std::uint32_t x, std::uint32_t y) __attribute__((noinline)) {
    exact(x);
    exact(y);
    return Before(rank[x], rank[y]);
  };
  const auto before = [&rank, &close](std::uint32_t x, std::uint32_t y) {
    const Entry& ex = rank[x];
    const Entry& ey = rank[y];
    // (In doubles, gains within one 1e-12 step rank equal: only the keys tell.)
    if constexpr (!F::kExact) return Before(ex, ey);
    if (ex.lo > ey.hi) return true;  // bounds apart: exact or not, the order is known
    if (ey.lo > ex.hi) return false;
    if (ex.exact && ey.exact) return Before(ex, ey);
    return close(x, y);
  };
  Tournament<decltype(before)> best_of(in_play, before);
  std::int64_t low = -1, high = static_cast<std::int64_t>(cands_.size());
  struct Changed {
    Entry old;             // key (or bounds) and label before the revision
    N old_xi{}, old_xj{};  // a lazy sizing's positions and branch, to form its exact key
    bool old_swap = false, old_uncut = false;
    N old_full{};       // an uncut sizing's position of the side moving all the way
    bool same = false;  // the same lazy sizing again: the same gain
  };
  std::vector<Changed> changed;
  std::vector<std::uint32_t> by_old;
  std::vector<int> direction;
  // The exact key of a revised candidate's sizing before the revision.
  const auto old_exact = [this](Changed& x) {
    if (x.old.exact) return;
    Candidate& c = cands_[x.old.id];
    const Sizing z = Uncapped(c, x.old_xi, x.old_xj, x.old_swap);
    const N gain = F::Abs(z.dq * Ssup(c.side[0]) - z.dp * Sdem(c.side[0]));
    x.old.key = F::Rank(gain);
    x.old.exact = true;
  };
  // -1, 0, 1 as the candidate's gain now is below, equal to or above its gain before.
  const auto moved_by = [&](Changed& x) {
    if (x.same) return 0;
    const std::uint32_t k = x.old.id;
    if (!x.old.exact || !rank[k].exact) {
      if (rank[k].lo > x.old.hi) return 1;
      if (rank[k].hi < x.old.lo) return -1;
      old_exact(x);
      exact(k);
    }
    return rank[k].key < x.old.key ? -1 : (x.old.key < rank[k].key ? 1 : 0);
  };
  // Per candidate: the last pass that revised it, or kGone once realized or invalid (a compact
  // array, so that the gone are skipped without touching their records).
  constexpr std::uint32_t kGone = ~std::uint32_t{0};
  std::vector<std::uint32_t> stamp(cands_.size(), 0);
  for (std::uint32_t k = 0; k < cands_.size(); ++k) {
    if (!cands_[k].valid) stamp[k] = kGone;
  }
  std::uint32_t pass = 0;
  std::vector<double> outcome(b.issues, 0), start(start_.size(), 0);
  for (std::size_t cell = 0; cell < start.size(); ++cell) start[cell] = F::ToDouble(start_[cell]);
  for (std::size_t d = 0; d < b.issues; ++d) {
    double sum = 0;
    for (std::size_t a = 0; a < b.actors; ++a) sum += b.weight[Cell(d, a)] * start[Cell(d, a)];
    outcome[d] = b.total[d] > 0 ? sum / b.total[d] : 0;
  }
  std::vector<N> vote = start_;
  std::vector<std::uint32_t> done;
  while (best_of.Best() != best_of.kNone) {
    const std::uint32_t best = best_of.Best();
    Candidate& e = cands_[best];
    Materialize(e);
    e.valid = false;
    stamp[best] = kGone;
    best_of.Update(best, false);
    done.push_back(best);
    const Side& i = e.side[0];
    const Side& j = e.side[1];
    RealizedExchange r;
    r.p = e.p;
    r.q = e.q;
    r.actor_p = j.actor;
    r.actor_q = i.actor;
    r.from_p = F::ToDouble(j.x);
    r.to_p = F::ToDouble(j.y);
    r.from_q = F::ToDouble(i.x);
    r.to_q = F::ToDouble(i.y);
    r.shift_p = F::ToDouble(j.move) * b.weight[Cell(e.p, j.actor)] / b.total[e.p];
    r.shift_q = F::ToDouble(i.move) * b.weight[Cell(e.q, i.actor)] / b.total[e.q];
    r.gain_p = F::ToDouble(e.gain_j);
    r.gain_q = F::ToDouble(e.gain_i);
    realized.push_back(r);
    for (std::size_t k = 0; k < b.actors; ++k) {
      if (k == r.actor_p || k == r.actor_q) continue;
      for (const auto& [d, shift] : {std::pair{r.p, r.shift_p}, std::pair{r.q, r.shift_q}}) {
        const std::size_t cell = Cell(d, k);
        if (b.stance[cell] < 0) continue;
        externality[k] += b.salience[cell] * (std::abs(outcome[d] - start[cell]) -
                                              std::abs(outcome[d] + shift - start[cell]));
      }
    }
    outcome[r.p] += r.shift_p;
    outcome[r.q] += r.shift_q;
    vote[Cell(e.p, j.actor)] = j.y;
    vote[Cell(e.q, i.actor)] = i.y;
    // Revise the candidates that share a supply or a demand cell with e; the rest keep their
    // place and gain.
    ++pass;
    changed.clear();
    for (const auto& [role, cell] : {std::pair{0, i.sup_cell}, std::pair{0, j.sup_cell},
                                     std::pair{1, i.dem_cell}, std::pair{1, j.dem_cell}}) {
      // The gone leave the row as it is read (most candidates go during a round).
      std::vector<std::uint32_t>& row = items[static_cast<std::size_t>(role)];
      std::uint32_t& end = row_end[static_cast<std::size_t>(role)][cell];
      std::uint32_t kept = row_start[static_cast<std::size_t>(role)][cell];
      for (std::uint32_t n = kept; n < end; ++n) {
        const std::uint32_t k = row[n];
        if (stamp[k] == kGone) continue;
        row[kept++] = k;
        if (stamp[k] == pass) continue;
        Candidate& c = cands_[k];
        Changed x;
        x.old = rank[k];
        if (c.lazy) {
          x.old_xi = c.side[0].x;
          x.old_xj = c.side[1].x;
        }
        x.old_swap = c.lazy_swap;
        x.old_uncut = c.uncut;
        if (c.uncut) x.old_full = c.side[c.lazy_swap ? 0 : 1].x;
        if (!Revise(c, e)) continue;
        stamp[k] = c.valid ? pass : kGone;
        if (c.valid) {
          rank[k] = MakeEntry(c, k);
          // Uncut before and after, the same branch, the side moving all the way where it
          // was: the same shifts, so the same gain.
          x.same = x.old_uncut && c.uncut && c.lazy_swap == x.old_swap &&
                   c.side[c.lazy_swap ? 0 : 1].x == x.old_full;
          changed.push_back(x);
        } else {
          best_of.Update(k, false);
        }
      }
      end = kept;
    }
    // Labels for the revised, in their order in the previous list (see above).
    // (Sorted by index, as the comparison may form exact keys in place.)
    by_old.resize(changed.size());
    for (std::uint32_t n = 0; n < by_old.size(); ++n) by_old[n] = n;
    std::sort(by_old.begin(), by_old.end(), [&](std::uint32_t u, std::uint32_t v) {
      Changed& x = changed[u];
      Changed& y = changed[v];
      if (!x.old.exact || !y.old.exact) {
        if (x.old.lo > y.old.hi) return true;
        if (y.old.lo > x.old.hi) return false;
        old_exact(x);
        old_exact(y);
      }
      return Before(x.old, y.old);
    });
    direction.resize(changed.size());
    for (std::uint32_t n = 0; n < changed.size(); ++n) direction[n] = moved_by(changed[n]);
    for (const std::uint32_t n : by_old) {
      if (direction[n] > 0) cands_[changed[n].old.id].label = ++high;
    }
    for (auto it = by_old.rbegin(); it != by_old.rend(); ++it) {
      if (direction[*it] < 0) cands_[changed[*it].old.id].label = --low;
    }
    for (const Changed& x : changed) {
      rank[x.old.id].label = cands_[x.old.id].label;
      best_of.Update(x.old.id, true);
    }
  }
  voting.assign(start_.size(), 0);
  for (std::size_t cell = 0; cell < vote.size(); ++cell) voting[cell] = F::ToDouble(vote[cell]);
  // Decide's start-position rule, evaluated in its order of operations; a cell may move in
  // several exchanges, each from the round's start.
  const std::vector<N> round_start = start_;
  for (const std::uint32_t k : done) {
    for (const Side& s : cands_[k].side) {
      const N a = one_ - Ssup(s);
      const N moved = a * w_s_ * s.y + w_f_ * s.y;
      start_[s.sup_cell] = moved + (one_ - a * w_s_ - w_f_) * round_start[s.sup_cell];
    }
  }
}

}  // namespace

std::unique_ptr<DecideExchange> MakeDecideExchange(const Scenario& scenario,
                                                   const ExchangeBoard& board,
                                                   const ExchangeOptions& options) {
  if (options.arithmetic == ExchangeArithmetic::kDecimal) {
    return std::make_unique<Engine<Decimal28>>(scenario, board, options);
  }
  return std::make_unique<Engine<double>>(scenario, board, options);
}

}  // namespace entente::detail
