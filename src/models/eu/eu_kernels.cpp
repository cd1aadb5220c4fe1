// Vectorisable loops for eqs. 15-16 of Scholz, Calbert & Smith (2011):
//   U_s = 2 - 4 (0.5 - 0.5 d)^r,  U_f = 2 - 4 (0.5 + 0.5 d)^r,  x^r = exp(r log x).
// Compiled with -O3 -ffast-math (src/CMakeLists.txt) so g++ calls glibc's libmvec; that is
// why the logs are kept finite here. Keep this file free of anything else.
#include "entente/models/eu/eu_kernels.hpp"

#include <algorithm>
#include <cmath>

#include "entente/core/vector_clones.hpp"

namespace entente {

ENTENTE_VECTOR_CLONES
void EuLogBases(const double* d, double* log_s, double* log_f, std::size_t n) {
  for (std::size_t t = 0; t < n; ++t) {
    log_s[t] = std::log(std::max(0.5 - 0.5 * d[t], 1e-300));
    log_f[t] = std::log(0.5 + 0.5 * d[t]);
  }
}

ENTENTE_VECTOR_CLONES
void EuUtilityRowEach(const double* log_base, const double* r, double* out, std::size_t n) {
  for (std::size_t t = 0; t < n; ++t) out[t] = 2 - 4 * std::exp(r[t] * log_base[t]);
}

}  // namespace entente

namespace entente {

ENTENTE_VECTOR_CLONES
void EuDistanceRow(const double* x, double from, double range, double* d, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) d[k] = (x[k] - from) / range;
}

ENTENTE_VECTOR_CLONES
double EuSecurityRow(const double* d, const double* wins, const double* losses, const double* s_q,
                     double s_p, bool challengers, double* sec_q, std::size_t n) {
  double own = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const double e_pq = 2 * d[k] * (1 - 2 * s_q[k] * (1 - wins[k]));
    const double e_qp = 2 * d[k] * (1 - 2 * s_p * (1 - losses[k]));
    own += challengers ? e_qp : e_pq;
    sec_q[k] += challengers ? e_pq : e_qp;
  }
  return own;
}

namespace {

// EuExpectedRow's loop with every array declared unaliased: g++ vectorises no loop of 14
// pointers it would have to check for overlap at run time. Lane by lane the same arithmetic.
ENTENTE_VECTOR_CLONES
void ExpectedRowUnaliased(const double* __restrict us_p, const double* __restrict uf_p,
                          const double* __restrict usq_p, const double* __restrict us_q,
                          const double* __restrict uf_q, const double* __restrict usq_q,
                          const double* __restrict wins, const double* __restrict losses,
                          const double* __restrict s_q, const double* __restrict s_p,
                          double* __restrict ep_pq, double* __restrict ep_qp,
                          double* __restrict eq_qp, double* __restrict eq_pq, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const double base_p = us_p[k] - usq_p[k], spread_p = us_p[k] - uf_p[k];
    const double base_q = us_q[k] - usq_q[k], spread_q = us_q[k] - uf_q[k];
    const double lose_pq = s_q[k] * (1 - wins[k]), lose_qp = s_p[k] * (1 - losses[k]);
    ep_pq[k] = base_p - lose_pq * spread_p;
    ep_qp[k] = base_p - lose_qp * spread_p;
    eq_qp[k] = base_q - lose_qp * spread_q;
    eq_pq[k] = base_q - lose_pq * spread_q;
  }
}

}  // namespace

void EuExpectedRow(const EuRowPrices& u, const double* wins, const double* losses,
                   const double* s_q, const double* s_p, double* const out[4], std::size_t n) {
  ExpectedRowUnaliased(u.us_p, u.uf_p, u.usq_p, u.us_q, u.uf_q, u.usq_q, wins, losses, s_q, s_p,
                       out[0], out[1], out[2], out[3], n);
}

}  // namespace entente
