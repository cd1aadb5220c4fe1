#pragma once
/// \file
/// The expected utility model's inner loops over one row of pairs: the risk-priced utilities
/// U = 2 - 4 base^r of eqs. 15-16, as exp(r log base) over arrays so the compiler can call
/// the vector math library (the source is compiled with -O3 -ffast-math; inputs stay finite).

#include <cstddef>

namespace entente {

/// For t in [0, n): log_s[t] = log(max(0.5 - 0.5 d[t], 1e-300)), log_f[t] = log(0.5 + 0.5 d[t]),
/// with d[t] in [0, 1] the pair's distance over R. The floor keeps the logs finite; it changes
/// 2 - 4 base^r by less than 1e-149, below double precision of the result.
void EuLogBases(const double* d, double* log_s, double* log_f, std::size_t n);

/// out[t] = 2 - 4 exp(r[t] log_base[t]): each pair priced with its viewer's exponent.
void EuUtilityRowEach(const double* log_base, const double* r, double* out, std::size_t n);

}  // namespace entente

namespace entente {

/// d[k] = (x[k] - from) / range for k in [0, n): distances of a row of pairs over R (x sorted
/// ascending and >= from, so no absolute value is needed).
void EuDistanceRow(const double* x, double from, double range, double* d, std::size_t n);

/// Security contributions at r = 1 and Q = 1 for one row of pairs (p, q): with P = wins[k],
/// P' = losses[k], E(U_pq) = 2 d (1 - 2 s_q (1 - P)) and E(U_qp) = 2 d (1 - 2 s_p (1 - P')).
/// Adds each q's share to sec_q[k] and returns p's total. `challengers`: Sec_i sums E(U_ji).
double EuSecurityRow(const double* d, const double* wins, const double* losses, const double* s_q,
                     double s_p, bool challengers, double* sec_q, std::size_t n);

/// Expected utilities of a block of pairs (p, q) for Q = 1 (eq. 25a as U_s - s_b (1 - P)
/// (U_s - U_f) - U_sq), priced by p (us_p, uf_p, usq_p) and by q (us_q, uf_q, usq_q):
/// out[0][k] = E_p(U_pq), out[1][k] = E_p(U_qp), out[2][k] = E_q(U_qp), out[3][k] = E_q(U_pq).
struct EuRowPrices {
  const double* us_p;   ///< U_s priced by p
  const double* uf_p;   ///< U_f priced by p
  const double* usq_p;  ///< U_sq of each p
  const double* us_q;   ///< U_s priced by each q
  const double* uf_q;   ///< U_f priced by each q
  const double* usq_q;  ///< U_sq of each q
};
/// See EuRowPrices; `s_q`, `s_p` saliences of each pair's q and p, `wins`/`losses` as in
/// EuSecurityRow. No array may overlap another (the loop is vectorised on that promise).
void EuExpectedRow(const EuRowPrices& u, const double* wins, const double* losses,
                   const double* s_q, const double* s_p, double* const out[4], std::size_t n);

}  // namespace entente
