// Cooke's classical model (R. M. Cooke, Experts in Uncertainty, Oxford University Press 1991,
// the classical model chapter; the formulas as summarised in Cooke & Goossens, "TU Delft expert
// judgment data base", Reliability Engineering & System Safety 93(5), 2008, pp. 657-674, sec. 2):
//   bins of the 5/50/95% values, p = (0.05, 0.45, 0.45, 0.05); s(e) = the shares of the N seed
//   realizations that fall in each (x <= q05, q05 < x <= q50, q50 < x <= q95, x > q95)
//   calibration   C(e) = 1 - F_chi2,3(2 N I(s(e), p)),  I(s, p) = sum_j s_j ln(s_j / p_j)
//   intrinsic range of question i: L = min(every q05, x_i), U = max(every q95, x_i),
//                  L* = L - k (U - L), U* = U + k (U - L), k = 0.1 (the overshoot)
//   information   Inf(e) = (1/N) sum_i [ ln(U*_i - L*_i) + sum_j p_j ln(p_j / (b_j - b_{j-1})) ]
//                 with b = (L*, q05, q50, q95, U*): the expert's density is uniform inside each
//                 bin and the background uniform on [L*, U*]
//   weights       w(e) = C(e) Inf(e) 1{C(e) >= alpha} / sum over e' of the same
//   decision maker: F_DM = sum_e w(e) F_e (the linear pool of the piecewise-uniform
//                 distributions on [L*, U*]); its 5/50/95% values are scored like an expert's
//   alpha         the cut-off among {0} and the experts' calibration scores that maximises
//                 the decision maker's C x Inf (the smallest such alpha on ties)
#include "entente/analysis/cooke.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

namespace entente {
namespace {

constexpr std::array<double, 4> kP = {0.05, 0.45, 0.45, 0.05};

// The answers laid out as [coder][question] -> {q05, q50, q95}, with the realizations.
struct Table {
  std::vector<std::string> coders;
  std::vector<std::string> questions;
  std::vector<double> realization;                         // [question]
  std::vector<std::vector<std::array<double, 3>>> values;  // [coder][question]
  std::vector<double> lo, hi;                              // [question] L*, U*
};

Table Arrange(const std::vector<SeedAnswer>& seeds, double overshoot) {
  Table t;
  for (const SeedAnswer& a : seeds) {
    if (std::find(t.coders.begin(), t.coders.end(), a.coder) == t.coders.end())
      t.coders.push_back(a.coder);
    if (std::find(t.questions.begin(), t.questions.end(), a.question) == t.questions.end()) {
      t.questions.push_back(a.question);
      t.realization.push_back(a.realization);
    }
  }
  t.values.assign(t.coders.size(), std::vector<std::array<double, 3>>(t.questions.size()));
  for (const SeedAnswer& a : seeds) {
    const auto c = std::find(t.coders.begin(), t.coders.end(), a.coder) - t.coders.begin();
    const auto q =
        std::find(t.questions.begin(), t.questions.end(), a.question) - t.questions.begin();
    t.values[c][q] = {a.q05, a.q50, a.q95};
  }
  for (std::size_t q = 0; q < t.questions.size(); ++q) {
    double lo = t.realization[q];
    double hi = t.realization[q];
    for (const auto& coder : t.values) {
      lo = std::min(lo, coder[q][0]);
      hi = std::max(hi, coder[q][2]);
    }
    const double width = hi - lo;
    t.lo.push_back(lo - overshoot * width);
    t.hi.push_back(hi + overshoot * width);
  }
  return t;
}

// Calibration and information of one set of 5/50/95% values per question.
DecisionMakerScore Score(const Table& t, const std::vector<std::array<double, 3>>& v) {
  const std::size_t n = t.questions.size();
  std::array<double, 4> count{};
  double info = 0;
  for (std::size_t q = 0; q < n; ++q) {
    const double x = t.realization[q];
    const int bin = x <= v[q][0] ? 0 : x <= v[q][1] ? 1 : x <= v[q][2] ? 2 : 3;
    ++count[bin];
    const std::array<double, 5> b = {t.lo[q], v[q][0], v[q][1], v[q][2], t.hi[q]};
    double iq = std::log(t.hi[q] - t.lo[q]);
    for (std::size_t j = 0; j < 4; ++j) iq += kP[j] * std::log(kP[j] / (b[j + 1] - b[j]));
    info += iq;
  }
  double relative = 0;  // I(s, p)
  for (std::size_t j = 0; j < 4; ++j) {
    const double s = count[j] / static_cast<double>(n);
    if (s > 0) relative += s * std::log(s / kP[j]);
  }
  DecisionMakerScore out;
  out.calibration = 1 - ChiSquare3Cdf(2 * static_cast<double>(n) * relative);
  out.information = info / static_cast<double>(n);
  out.combined = out.calibration * out.information;
  return out;
}

// An expert's distribution function on question q: piecewise linear through
// (L*, 0), (q05, .05), (q50, .5), (q95, .95), (U*, 1).
double Cdf(const Table& t, std::size_t q, const std::array<double, 3>& v, double x) {
  const std::array<double, 5> b = {t.lo[q], v[0], v[1], v[2], t.hi[q]};
  const std::array<double, 5> f = {0, 0.05, 0.5, 0.95, 1};
  if (x <= b[0]) return 0;
  for (std::size_t j = 1; j < 5; ++j) {
    if (x <= b[j]) return f[j - 1] + (f[j] - f[j - 1]) * (x - b[j - 1]) / (b[j] - b[j - 1]);
  }
  return 1;
}

// The decision maker's 5/50/95% values: the linear pool's distribution function is piecewise
// linear between the experts' breakpoints, so each quantile is found exactly by interpolation.
std::vector<std::array<double, 3>> Pool(const Table& t, const std::vector<double>& w) {
  std::vector<std::array<double, 3>> out(t.questions.size());
  for (std::size_t q = 0; q < t.questions.size(); ++q) {
    std::vector<double> points = {t.lo[q], t.hi[q]};
    for (const auto& coder : t.values)
      points.insert(points.end(), coder[q].begin(), coder[q].end());
    std::sort(points.begin(), points.end());
    const auto F = [&](double x) {
      double sum = 0;
      for (std::size_t e = 0; e < t.values.size(); ++e) {
        if (w[e] > 0) sum += w[e] * Cdf(t, q, t.values[e][q], x);
      }
      return sum;
    };
    const std::array<double, 3> levels = {0.05, 0.5, 0.95};
    for (std::size_t l = 0; l < 3; ++l) {
      double prev_x = points.front();
      double prev_f = F(prev_x);
      out[q][l] = points.back();
      for (std::size_t k = 1; k < points.size(); ++k) {
        const double fx = F(points[k]);
        if (fx >= levels[l] && fx > prev_f) {
          out[q][l] = prev_x + (levels[l] - prev_f) * (points[k] - prev_x) / (fx - prev_f);
          break;
        }
        prev_x = points[k];
        prev_f = fx;
      }
    }
  }
  return out;
}

std::vector<double> Normalized(std::vector<double> w) {
  double total = 0;
  for (double x : w) total += x;
  if (total > 0) {
    for (double& x : w) x /= total;
  }
  return w;
}

}  // namespace

double ChiSquare3Cdf(double x) {
  if (!(x > 0)) return 0;
  return std::erf(std::sqrt(x / 2)) - std::sqrt(2 * x / std::numbers::pi) * std::exp(-x / 2);
}

CookeResult ClassicalModel(const std::vector<SeedAnswer>& seeds, double overshoot) {
  if (seeds.empty()) {
    throw InputError(
        "performance weights need seed questions: give the coders' 5%, 50% and 95% values of "
        "quantities whose true value is known (seeds.csv in a bundle, `seeds:` in YAML)");
  }
  if (Errors errors = ValidateSeeds(seeds); !errors.empty()) throw InputError(std::move(errors));
  const Table t = Arrange(seeds, overshoot);
  CookeResult r;
  r.overshoot = overshoot;
  r.questions = t.questions.size();
  const std::size_t n = t.coders.size();
  std::vector<double> combined(n);
  for (std::size_t e = 0; e < n; ++e) {
    const DecisionMakerScore s = Score(t, t.values[e]);
    CoderScore cs;
    cs.coder = t.coders[e];
    cs.questions = t.questions.size();
    cs.calibration = s.calibration;
    cs.information = s.information;
    cs.combined = s.combined;
    cs.equal_weight = 1.0 / static_cast<double>(n);
    combined[e] = s.combined;
    r.coders.push_back(cs);
  }
  // Candidate cut-offs: 0 and each coder's calibration, ascending.
  std::vector<double> alphas = {0};
  for (const CoderScore& c : r.coders) alphas.push_back(c.calibration);
  std::sort(alphas.begin(), alphas.end());
  bool found = false;
  std::vector<double> best_w;
  for (double alpha : alphas) {
    std::vector<double> w(n, 0);
    for (std::size_t e = 0; e < n; ++e) w[e] = r.coders[e].calibration >= alpha ? combined[e] : 0;
    w = Normalized(std::move(w));
    if (std::all_of(w.begin(), w.end(), [](double x) { return x == 0; })) continue;
    const DecisionMakerScore dm = Score(t, Pool(t, w));
    if (!found || dm.combined > r.performance.combined) {
      found = true;
      r.alpha = alpha;
      r.performance = dm;
      best_w = w;
    }
  }
  if (!found) best_w.assign(n, 1.0 / static_cast<double>(n));  // every score is 0
  for (std::size_t e = 0; e < n; ++e) r.coders[e].weight = best_w[e];
  r.equal = Score(t, Pool(t, std::vector<double>(n, 1.0 / static_cast<double>(n))));
  return r;
}

CoderWeights PerformanceWeights(const CookeResult& result) {
  CoderWeights w;
  for (const CoderScore& c : result.coders) {
    w.coders.push_back(c.coder);
    w.weights.push_back(c.weight);
  }
  return w;
}

}  // namespace entente
