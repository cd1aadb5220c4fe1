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

namespace entente {

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

}  // namespace entente
