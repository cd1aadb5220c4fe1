#pragma once
/// \file
/// Sizing one exchange between two actors on two issues (Stokman & Van Oosten 1994): pure
/// arithmetic on the 0-100 scale, shared by the equal-gain and random-rate variants.

#include <algorithm>
#include <cmath>

namespace entente {

/// The state one exchange is sized against. Actor P gives way on issue p toward actor Q's
/// position there; Q gives way on issue q toward P's position. Positions are on 0-100.
struct ExchangeInputs {
  double p_from = 0;     ///< P's current position on p
  double p_target = 0;   ///< Q's position on p (where P moves to at most)
  double p_outcome = 0;  ///< current expected outcome (c s weighted mean) on p
  double p_weight = 0;   ///< c s of P on p
  double p_total = 0;    ///< sum of c s on p
  double q_from = 0;     ///< Q's current position on q
  double q_target = 0;   ///< P's position on q
  double q_outcome = 0;  ///< current expected outcome on q
  double q_weight = 0;   ///< c s of Q on q
  double q_total = 0;    ///< sum of c s on q
  double s_pp = 0;       ///< salience of P on p
  double s_pq = 0;       ///< salience of P on q
  double s_qp = 0;       ///< salience of Q on p
  double s_qq = 0;       ///< salience of Q on q
  /// Negative: equal gain. In [0, 1]: the random-rate draw, placing the rate between P's and
  /// Q's break-even rates.
  double rate_draw = -1;
};

/// The sized exchange; moves and shifts are signed (toward the demander).
struct ExchangeSizing {
  bool valid = false;  ///< both gain more than 1e-10 and both move
  double move_p = 0;   ///< P's move on p
  double move_q = 0;   ///< Q's move on q
  double shift_p = 0;  ///< change of the outcome on p
  double shift_q = 0;  ///< change of the outcome on q
  double gain_p = 0;   ///< P's gain: s_pq |shift_q| - s_pp |shift_p|
  double gain_q = 0;   ///< Q's gain: s_qp |shift_p| - s_qq |shift_q|
};

/// The exchange rate k = |shift_q| / |shift_p| (equal gain, or the random-rate draw between the
/// break-even rates); 0 when the exchange can never be valid (a weight, a salience sum or the
/// rate not positive). It depends on saliences and weights only, so a round computes it once
/// per candidate and sizes again with SizeExchangeAt.
[[nodiscard]] double ExchangeRate(const ExchangeInputs& in);

/// SizeExchange with the rate already known (`k` = ExchangeRate(in)); the same result. Inline
/// (the equations are in exchange_pair.cpp): a round sizes about 150,000 exchanges per forecast
/// of DEU I, and out of line every input and result went through memory.
[[nodiscard]] inline ExchangeSizing SizeExchangeAt(const ExchangeInputs& in, double k) {
  constexpr double kTiny = 1e-10;
  const auto sign = [](double v) { return v < 0 ? -1.0 : 1.0; };
  ExchangeSizing out;
  if (!(k > 0)) return out;
  const double dist_p = std::abs(in.p_target - in.p_from);
  const double dist_q = std::abs(in.q_target - in.q_from);
  const double dir_p = sign(in.p_target - in.p_from);
  const double dir_q = sign(in.q_target - in.q_from);
  // Room before the outcome reaches the demander's position; none when it already has.
  const double room_p = (in.p_target - in.p_outcome) * dir_p;
  const double room_q = (in.q_target - in.q_outcome) * dir_q;
  if (dist_p <= kTiny || dist_q <= kTiny || room_p <= 0 || room_q <= 0) return out;
  const double dp_max = std::min(dist_p * in.p_weight / in.p_total, room_p);
  const double dq_max = std::min(dist_q * in.q_weight / in.q_total, room_q);
  const double dp = std::min(dp_max, dq_max / k);
  const double dq = k * dp;
  out.shift_p = dir_p * dp;
  out.shift_q = dir_q * dq;
  out.gain_p = in.s_pq * dq - in.s_pp * dp;
  out.gain_q = in.s_qp * dp - in.s_qq * dq;
  // An exchange one side does not gain from is invalid whatever the moves: skip their divisions.
  if (!(out.gain_p > kTiny && out.gain_q > kTiny)) return out;
  // Never further than the target, whatever rounding says.
  out.move_p = dir_p * std::min(dp * in.p_total / in.p_weight, dist_p);
  out.move_q = dir_q * std::min(dq * in.q_total / in.q_weight, dist_q);
  out.valid = std::abs(out.move_p) > kTiny && std::abs(out.move_q) > kTiny;
  return out;
}

/// Sizes the exchange: the larger of the two full moves that keeps the exchange rate
/// (|shift_q| = k |shift_p|, k = (s_pp + s_qp) / (s_pq + s_qq) for equal gain) with neither
/// supplier passing its demander's position and neither outcome passing the demander's
/// position. Invalid when a weight or salience sum is zero or nothing can move.
[[nodiscard]] ExchangeSizing SizeExchange(const ExchangeInputs& in);

}  // namespace entente
