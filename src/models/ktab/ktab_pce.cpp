// Probabilistic Condorcet Election (Wise, Lester & Efird 2015, "An introduction to KTAB";
// math as read from the public KTAB project's sources, no code copied, and checked against
// KTAB's 2017 logs):
//   vote       v_k(a:b) = w_k f(u_ka - u_kb), f by voting rule (Prop: f(D) = D)
//   coalition  C(a:b) = 1e-8 + sum_k max(0, v_k(a:b))
//   victory    P(a > b) = g(C_ab) / (g(C_ab) + g(C_ba)), g(x) = x, x^2, x^4 or x^8
//   conditional PCE   p_a proportional to prod_b P(a > b)   (computed in logs: no underflow)
//   Markov uniform    q_a = (1/m) sum_b P(a > b)(p_a + p_b), damped p <- (p + q) / 2
//   Markov incentive  n_ab = C_ab P(a > b), ct_ab = n_ab / sum_c n_cb,
//                     q_a = sum_b P(a > b)(ct_ab p_b + ct_ba p_a), damped likewise
#include "entente/models/ktab/ktab_pce.hpp"

#include <algorithm>
#include <cmath>

#include <tbb/parallel_for.h>

namespace entente {
namespace {

constexpr double kCoalitionFloor = 1e-8;
constexpr double kBinaryRatio = 1.10;  // strength ratio at which Binary victory is certain

double Power(SmpVictory model, double x) {
  switch (model) {
    case SmpVictory::kSquare: return x * x;
    case SmpVictory::kQuartic: return (x * x) * (x * x);
    case SmpVictory::kOctic: {
      const double q = (x * x) * (x * x);
      return q * q;
    }
    default: return x;
  }
}

// The pairwise victory matrix P(a > b), m x m, from the coalition strengths.
std::vector<double> VictoryMatrix(const std::vector<double>& c, std::size_t m, SmpVictory model) {
  std::vector<double> p(m * m);
  for (std::size_t a = 0; a < m; ++a) {
    for (std::size_t b = 0; b < m; ++b)
      p[a * m + b] = SmpVictoryProbability(model, c[a * m + b], c[b * m + a]);
  }
  return p;
}

std::vector<double> Conditional(const std::vector<double>& p, std::size_t m) {
  std::vector<double> logp(m, 0.0);
  for (std::size_t a = 0; a < m; ++a) {
    for (std::size_t b = 0; b < m; ++b) logp[a] += std::log(std::max(p[a * m + b], 1e-300));
  }
  const double top = *std::max_element(logp.begin(), logp.end());
  double sum = 0;
  for (double& x : logp) sum += (x = std::exp(x - top));
  for (double& x : logp) x /= sum;
  return logp;
}

// Damped fixed-point iteration of a Markov chain whose step is `step(p, q)`.
template <class Step>
std::vector<double> Markov(std::size_t m, double tolerance, Step step) {
  std::vector<double> p(m, 1.0 / static_cast<double>(m));
  std::vector<double> q(m);
  for (int iter = 0; iter < 100000; ++iter) {
    step(p, q);
    double change = 0;
    for (std::size_t a = 0; a < m; ++a) {
      const double next = 0.5 * (p[a] + q[a]);
      change = std::max(change, std::abs(next - p[a]));
      p[a] = next;
    }
    if (change < tolerance) break;
  }
  return p;
}

}  // namespace

double SmpVote(SmpVoting rule, double w, double diff) {
  const double sign = std::clamp(diff / 1e-8, -1.0, 1.0);
  switch (rule) {
    case SmpVoting::kBinary: return w * sign;
    case SmpVoting::kPropBin: return w * (0.8 * diff + 0.2 * sign);
    case SmpVoting::kProp: return w * diff;
    case SmpVoting::kPropCbc: return w * (0.5 * diff + 0.5 * diff * diff * diff);
    case SmpVoting::kCubic: return w * diff * diff * diff;
    case SmpVoting::kASymProsp: return w * (diff < 0 ? diff : 2.0 * diff / 3.0);
  }
  return w * diff;
}

double SmpVictoryProbability(SmpVictory model, double a, double b) {
  if (model == SmpVictory::kBinary) {
    // Linear in the log of the strength ratio, certain at a ratio of 1.10 either way.
    const double x = 0.5 + 0.5 * std::log(a / b) / std::log(kBinaryRatio);
    return std::clamp(x, 0.0, 1.0);
  }
  const double ga = Power(model, a);
  const double gb = Power(model, b);
  return ga / (ga + gb);
}

std::vector<double> SmpPceProbabilities(const PceInput& in, const SmpOptions& options) {
  const std::size_t m = in.options;
  const std::size_t n = in.weight.size();
  if (m == 0) return {};
  if (m == 1) return {1.0};
  // Option-major copy so the voter loop runs over contiguous memory; both directions of a
  // pair in one pass.
  std::vector<double> t(m * n);
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t a = 0; a < m; ++a) t[a * n + k] = in.utility[k * m + a];
  }
  std::vector<double> c(m * m, kCoalitionFloor);
  const bool prop = options.voting == SmpVoting::kProp;
  auto row = [&](std::size_t a) {
    const double* ua = &t[a * n];
    for (std::size_t b = a + 1; b < m; ++b) {
      const double* ub = &t[b * n];
      double ab = kCoalitionFloor, ba = kCoalitionFloor;
      if (prop) {
        for (std::size_t k = 0; k < n; ++k) {
          const double v = in.weight[k] * (ua[k] - ub[k]);
          ab += v > 0 ? v : 0.0;
          ba += v < 0 ? -v : 0.0;
        }
      } else {
        for (std::size_t k = 0; k < n; ++k) {
          ab += std::max(0.0, SmpVote(options.voting, in.weight[k], ua[k] - ub[k]));
          ba += std::max(0.0, SmpVote(options.voting, in.weight[k], ub[k] - ua[k]));
        }
      }
      c[a * m + b] = ab;
      c[b * m + a] = ba;
    }
  };
  if (m * m * n > 400000) {
    tbb::parallel_for(std::size_t{0}, m, row);
  } else {
    for (std::size_t a = 0; a < m; ++a) row(a);
  }
  const std::vector<double> p = VictoryMatrix(c, m, options.victory);
  switch (options.pce) {
    case SmpPce::kConditional: return Conditional(p, m);
    case SmpPce::kMarkovUniform:
      return Markov(m, 1e-6, [&](const std::vector<double>& x, std::vector<double>& q) {
        for (std::size_t a = 0; a < m; ++a) {
          double s = 0;
          for (std::size_t b = 0; b < m; ++b) s += p[a * m + b] * (x[a] + x[b]);
          q[a] = s / static_cast<double>(m);
        }
      });
    case SmpPce::kMarkovIncentive: {
      std::vector<double> ct(m * m);
      for (std::size_t b = 0; b < m; ++b) {
        double total = 0;
        for (std::size_t a = 0; a < m; ++a) total += c[a * m + b] * p[a * m + b];
        for (std::size_t a = 0; a < m; ++a) ct[a * m + b] = c[a * m + b] * p[a * m + b] / total;
      }
      return Markov(m, 1e-8, [&](const std::vector<double>& x, std::vector<double>& q) {
        for (std::size_t a = 0; a < m; ++a) {
          double s = 0;
          for (std::size_t b = 0; b < m; ++b) {
            s += p[a * m + b] * (ct[a * m + b] * x[b] + ct[b * m + a] * x[a]);
          }
          q[a] = s;
        }
      });
    }
  }
  return Conditional(p, m);
}

}  // namespace entente
