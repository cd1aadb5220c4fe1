#pragma once
/// \file
/// Expected utility of a challenge (Scholz, Calbert & Smith 2011, eqs. 5-7, 15-16, 22-25a).
/// Inline: evaluated four times per pair of actors in every round.

#include <cmath>

namespace entente {

/// The utilities of a challenge between two actors, priced with one viewer's exponent r:
/// U_s = 2 - 4 (0.5 - 0.5 d)^r (eq. 15), U_f = 2 - 4 (0.5 + 0.5 d)^r (eq. 16),
/// U_sq = 2 - 4 (0.5)^r (eq. 24).
struct Pricing {
  double us = 0;   ///< success
  double uf = 0;   ///< failure
  double usq = 0;  ///< status quo
};

/// Q U_sq + (1 - Q) [T U_b + (1 - T) U_w] for challenger a against b (eqs. 22-23, 25a), with
/// T = 1 when |x_a - mu| < |x_a - x_b| (b's drift toward mu helps a). Distances in scale
/// units; `range` is R.
inline double StatusQuoTerm(const Pricing& u, double q, double dist_a_mu, double dist_ab, double r,
                            double range) {
  if (q == 1) return u.usq;
  const double spread = 0.25 * (dist_a_mu + dist_ab) / range;
  const bool t = dist_a_mu < dist_ab;
  const double drift = 2 - 4 * std::pow(t ? 0.5 - spread : 0.5 + spread, r);
  return q * u.usq + (1 - q) * drift;
}

/// E(U_ab) = s_b [P U_s + (1 - P) U_f] + (1 - s_b) U_s - `sq_term`, where a challenges b
/// (salience s_b) and P = P(a beats b) (eqs. 5-7, 25a).
inline double Expected(const Pricing& u, double p, double s_b, double sq_term) {
  return s_b * (p * u.us + (1 - p) * u.uf) + (1 - s_b) * u.us - sq_term;
}

}  // namespace entente
