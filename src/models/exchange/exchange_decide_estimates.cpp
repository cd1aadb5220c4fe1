// The exchange model's Decide view under arithmetic=decimal: what needs no digits (which way
// a sizing branches, each side's validity, the gain's threshold, the outcome cap's test) is
// decided from double estimates with proven error bounds (exchange_decide_bounds.hpp);
// decimals are formed only where a bound does not decide or a value is kept. Every decision
// is the one the decimal computation gives (docs/models/exchange.md, "Speed"). The equations
// are those of exchange_decide_sizing.cpp (Stokman & Van Oosten 1994, equal gain, with the
// Decide exchange model's bookkeeping):
//   dp = |t_J - x_J| s_Jp c_Jp / W_p,  dq = r dp,  r = (s_Jp + s_Ip) / (s_Jq + s_Iq),
//   move_I = dq W_q / (c s)_Iq; the roles swap when |move_I| > |t_I - x_I|;
//   gain = |dq s_Iq - dp s_Ip| >= 1e-10; 1e-10 < |move| <= 100, 0 <= x + move <= 100.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "exchange_decide_engine.hpp"

namespace entente::detail::decide {

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

// The members defined here, for both arithmetics.
template int Engine<double>::CapEstimate(const Candidate&, const Side&, Estimate) const;
template void Engine<double>::PushLazy(Side&, Estimate, int, const Candidate&, bool, int) const;
template int Engine<double>::SwapEstimate(const Candidate&) const;
template bool Engine<double>::SizeLazy(Candidate&) const;
template int Engine<Decimal28>::CapEstimate(const Candidate&, const Side&, Estimate) const;
template void Engine<Decimal28>::PushLazy(Side&, Estimate, int, const Candidate&, bool, int) const;
template int Engine<Decimal28>::SwapEstimate(const Candidate&) const;
template bool Engine<Decimal28>::SizeLazy(Candidate&) const;

}  // namespace entente::detail::decide
