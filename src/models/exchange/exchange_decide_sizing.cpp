// Sizing one candidate exchange of the exchange model's Decide view, exactly (Stokman & Van
// Oosten 1994, equal gain; the sizing rule, validity and outcome cap as the Decide exchange
// model applies them). J gives way on issue p, I on issue q; t is a side's target (the
// demander's round-start position on the supply issue), W an issue's sum of c s:
//  - J first moves all the way to its target; the outcome shift dp = |t - x| s c / W_p buys
//    dq = r dp on q (r = (s_Jp + s_Ip) / (s_Jq + s_Iq), equal gain), I moving dq W_q / (c s)_I.
//    If that is further than I's own distance, I moves all the way instead and J's move
//    follows from dp = dq / r. The gain is |dq s_Iq - dp s_Ip|. (Random rate: dq = rate dp,
//    each side's gain its own, the smaller one ranks.)
//  - Validity of a side: 1e-10 < |move| <= 100, x + move within [0, 100], the history sums to
//    at most 100 and all its entries have one sign. The gain must reach 1e-10.
//  - Outcome cap, for I then J: the candidate's view of the supply issue's outcome is the
//    round-start outcome with the positions it has recorded put in, and the supplier at x
//    (n0) or at y (n1). Only when the demander's position lies strictly between n0 and n1 is
//    the move cut: to |t W - S| / (s c), S the c s x sum of the view with the supplier at x -
//    or at its recorded position when the record holds the supplier itself - and the other
//    side follows from the rate. A view that already passed the demander cuts nothing.
#include <cstddef>
#include <cstdint>

#include "exchange_decide_engine.hpp"

namespace entente::detail::decide {

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

// The members defined here, for both arithmetics.
template double Engine<double>::Seen(const Candidate&, const Side&, const double&) const;
template double Engine<double>::CapMove(const Candidate&, const Side&) const;
template double Engine<double>::Full(const Side&, const double&) const;
template double Engine<double>::Rate(Candidate&, int, const double&) const;
template double Engine<double>::Reverse(const Side&, const double&) const;
template void Engine<double>::SetGain(Candidate&, const double&, const double&, int) const;
template void Engine<double>::Push(Side&, const Estimate*) const;
template void Engine<double>::SetLast(Side&) const;
template const double& Engine<double>::ExactSum(Candidate&, Side&) const;
template bool Engine<double>::MoveValid(Candidate&, Side&) const;
template Engine<double>::Sizing Engine<double>::Uncapped(Candidate&, const double&, const double&,
                                                         bool) const;
template void Engine<double>::Materialize(Candidate&) const;
template void Engine<double>::Size(Candidate&, bool) const;
template bool Engine<double>::Cap(Candidate&, int) const;
template Decimal28 Engine<Decimal28>::Seen(const Candidate&, const Side&, const Decimal28&) const;
template Decimal28 Engine<Decimal28>::CapMove(const Candidate&, const Side&) const;
template Decimal28 Engine<Decimal28>::Full(const Side&, const Decimal28&) const;
template Decimal28 Engine<Decimal28>::Rate(Candidate&, int, const Decimal28&) const;
template Decimal28 Engine<Decimal28>::Reverse(const Side&, const Decimal28&) const;
template void Engine<Decimal28>::SetGain(Candidate&, const Decimal28&, const Decimal28&, int) const;
template void Engine<Decimal28>::Push(Side&, const Estimate*) const;
template void Engine<Decimal28>::SetLast(Side&) const;
template const Decimal28& Engine<Decimal28>::ExactSum(Candidate&, Side&) const;
template bool Engine<Decimal28>::MoveValid(Candidate&, Side&) const;
template Engine<Decimal28>::Sizing Engine<Decimal28>::Uncapped(Candidate&, const Decimal28&,
                                                               const Decimal28&, bool) const;
template void Engine<Decimal28>::Materialize(Candidate&) const;
template void Engine<Decimal28>::Size(Candidate&, bool) const;
template bool Engine<Decimal28>::Cap(Candidate&, int) const;

}  // namespace entente::detail::decide
