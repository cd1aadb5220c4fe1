// One exchange, sized (Stokman & Van Oosten 1994, "The exchange of voting positions", in
// Bueno de Mesquita & Stokman (eds.), European Community Decision Making, pp. 105-127; the
// equal-gain rule as in the Decide exchange model's description). With W_d = sum_k c_kd s_kd:
//   outcome shift when P moves m on p:  dp = m c_Pp s_Pp / W_p        (O_d = sum c s x / W_d)
//   exchange rate:                      dq = k dp,  k = (s_Pp + s_Qp) / (s_Pq + s_Qq)
//     equal gain: P gains s_Pq dq - s_Pp dp, Q gains s_Qp dp - s_Qq dq; equal at that k.
//     random rate (Dijkstra, Van Assen & Stokman 2018, "Outcomes of collective decisions with
//     externalities predicted", J. Conflict Resolution): k uniform between the break-even
//     rates s_Pp / s_Pq (P gains nothing) and s_Qp / s_Qq (Q gains nothing).
//   size: the largest dp such that P moves no further than Q's position on p, Q no further
//     than P's on q (the Decide rule "move fully, else swap roles"), and neither outcome passes
//     the demander's position (the outcome cap).
#include "entente/models/exchange/exchange_pair.hpp"

#include <algorithm>
#include <cmath>

namespace entente {
namespace {

constexpr double kTiny = 1e-10;

double Sign(double v) {
  return v < 0 ? -1.0 : 1.0;
}

}  // namespace

double ExchangeRate(const ExchangeInputs& in) {
  if (!(in.p_weight > 0) || !(in.q_weight > 0) || !(in.p_total > 0) || !(in.q_total > 0)) {
    return 0;
  }
  const double eg_den = in.s_pq + in.s_qq;
  if (!(eg_den > 0)) return 0;
  double k = (in.s_pp + in.s_qp) / eg_den;
  if (in.rate_draw >= 0 && in.s_pq > 0 && in.s_qq > 0) {
    const double lo = in.s_pp / in.s_pq;
    const double hi = in.s_qp / in.s_qq;
    k = lo + in.rate_draw * (hi - lo);
  }
  return k > 0 ? k : 0;  // also 0 for NaN
}

ExchangeSizing SizeExchange(const ExchangeInputs& in) {
  return SizeExchangeAt(in, ExchangeRate(in));
}

ExchangeSizing SizeExchangeAt(const ExchangeInputs& in, double k) {
  ExchangeSizing out;
  if (!(k > 0)) return out;
  const double dist_p = std::abs(in.p_target - in.p_from);
  const double dist_q = std::abs(in.q_target - in.q_from);
  const double dir_p = Sign(in.p_target - in.p_from);
  const double dir_q = Sign(in.q_target - in.q_from);
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

}  // namespace entente
