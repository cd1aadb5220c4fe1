// Point and probabilistic scores of one model with bootstrap intervals.
//   MAE = mean |e_i|, RMSE = sqrt(mean e_i^2), bias = mean e_i, e_i = forecast_i - outcome_i;
//   in % of range: e_i / (max_i - min_i) x 100, so issues on different scales weigh alike.
// Intervals: the percentile bootstrap (Efron & Tibshirani 1993, An Introduction to the
// Bootstrap, ch. 13) resampling whole groups (the cluster bootstrap, Davison & Hinkley 1997,
// Bootstrap Methods and their Application, sec. 3.8): the issues of one proposal share actors
// and a negotiation, so resampling issues would understate the uncertainty. A resample draws G
// groups with replacement; every statistic is computed on the issues of the drawn groups
// (a group drawn twice counts twice). Paired differences use the same resamples for both
// models, so their interval reflects the correlation of the two models' errors.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "entente/analysis/backtest.hpp"
#include "entente/analysis/scoring.hpp"
#include "entente/core/random.hpp"

namespace entente {
namespace {

// The bootstrap's streams are apart from the Monte Carlo's (which use the seed itself), so
// resample b does not reuse draw b's numbers.
constexpr std::uint64_t kBootstrapSalt = 0x9E3779B97F4A7C15ULL;

class Bootstrap {
 public:
  Bootstrap(const std::vector<int>& groups, int group_count, int resamples, std::uint64_t seed)
      : groups_(groups), g_(group_count), b_(resamples) {
    counts_.assign(static_cast<std::size_t>(b_) * g_, 0);
    for (int b = 0; b < b_; ++b) {
      Rng rng(seed ^ kBootstrapSalt, static_cast<std::uint64_t>(b));
      for (int j = 0; j < g_; ++j)
        ++counts_[static_cast<std::size_t>(b) * g_ + rng(static_cast<std::uint32_t>(g_))];
    }
  }

  // Mean of x over the issues, with the interval of the resampled means; `finish` maps the
  // mean (e.g. sqrt for RMSE).
  template <class F>
  Estimate Mean(const std::vector<double>& x, F finish) const {
    std::vector<double> sum(g_, 0.0);
    std::vector<double> n(g_, 0.0);
    for (std::size_t i = 0; i < x.size(); ++i) {
      sum[groups_[i]] += x[i];
      n[groups_[i]] += 1;
    }
    const double total_n = std::accumulate(n.begin(), n.end(), 0.0);
    Estimate e;
    e.value = finish(std::accumulate(sum.begin(), sum.end(), 0.0) / total_n);
    std::vector<double> stats(b_);
    for (int b = 0; b < b_; ++b) {
      double s = 0, m = 0;
      const int* c = &counts_[static_cast<std::size_t>(b) * g_];
      for (int j = 0; j < g_; ++j) {
        s += c[j] * sum[j];
        m += c[j] * n[j];
      }
      stats[b] = finish(s / m);
    }
    return Interval(e, stats);
  }

  Estimate Mean(const std::vector<double>& x) const {
    return Mean(x, [](double v) { return v; });
  }

  // Median of x (the mean of the two middle values for an even count), resampled likewise.
  Estimate Median(const std::vector<double>& x) const {
    std::vector<std::size_t> order(x.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&x](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    Estimate e;
    e.value = WeightedMedian(x, order, [](std::size_t) { return 1; });
    std::vector<double> stats(b_);
    for (int b = 0; b < b_; ++b) {
      const int* c = &counts_[static_cast<std::size_t>(b) * g_];
      stats[b] = WeightedMedian(x, order, [&](std::size_t i) { return c[groups_[i]]; });
    }
    return Interval(e, stats);
  }

 private:
  // The median of the multiset holding x[i] weight(i) times (weights are whole counts).
  template <class W>
  static double WeightedMedian(const std::vector<double>& x, const std::vector<std::size_t>& order,
                               W weight) {
    long total = 0;
    for (std::size_t i : order) total += weight(i);
    const long lo_rank = (total + 1) / 2;  // 1-based ranks of the middle element(s)
    const long hi_rank = total / 2 + 1;
    double lo = 0, hi = 0;
    long cum = 0;
    bool have_lo = false;
    for (std::size_t i : order) {
      cum += weight(i);
      if (!have_lo && cum >= lo_rank) {
        lo = x[i];
        have_lo = true;
      }
      if (cum >= hi_rank) {
        hi = x[i];
        break;
      }
    }
    return (lo + hi) / 2;
  }

  static Estimate Interval(Estimate e, std::vector<double>& stats) {
    if (stats.empty()) {
      e.lo = e.hi = e.value;
      return e;
    }
    std::sort(stats.begin(), stats.end());
    e.lo = SampleQuantile(stats, 0.025);
    e.hi = SampleQuantile(stats, 0.975);
    return e;
  }

  const std::vector<int>& groups_;
  int g_;
  int b_;
  std::vector<int> counts_;  // resample b, group j at [b * g_ + j]
};

std::vector<double> Map(const std::vector<double>& a, const std::vector<double>& b,
                        double (*f)(double, double)) {
  std::vector<double> out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = f(a[i], b[i]);
  return out;
}

}  // namespace

ModelScore ScoreModel(const std::string& model, const IssueErrors& errors,
                      const std::vector<int>& groups, int group_count, int resamples,
                      std::uint64_t seed, const IssueErrors* baseline) {
  const Bootstrap boot(groups, group_count, resamples, seed);
  const std::vector<double>& e = errors.error;
  ModelScore s;
  s.model = model;
  s.n = static_cast<int>(e.size());
  const auto abs_of = [](double x, double) { return std::abs(x); };
  const auto pct_of = [](double x, double range) { return x / range * 100; };
  const std::vector<double> abs_e = Map(e, e, abs_of);
  const std::vector<double> pct = Map(e, errors.range, pct_of);
  const std::vector<double> abs_pct = Map(pct, pct, abs_of);
  const auto sq = [](const std::vector<double>& x) {
    return Map(x, x, [](double a, double b) { return a * b; });
  };
  const auto sqrt_of = [](double v) { return std::sqrt(v); };
  const auto within = [](const std::vector<double>& x, double t) {
    std::vector<double> out(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) out[i] = x[i] <= t + 1e-9 ? 1.0 : 0.0;
    return out;
  };
  s.mae = boot.Mean(abs_e);
  s.rmse = boot.Mean(sq(e), sqrt_of);
  s.median_ae = boot.Median(abs_e);
  s.bias = boot.Mean(e);
  s.within5 = boot.Mean(within(abs_e, 5));
  s.within10 = boot.Mean(within(abs_e, 10));
  s.within20 = boot.Mean(within(abs_e, 20));
  s.mae_pct = boot.Mean(abs_pct);
  s.rmse_pct = boot.Mean(sq(pct), sqrt_of);
  s.median_ae_pct = boot.Median(abs_pct);
  s.bias_pct = boot.Mean(pct);
  s.within5_pct = boot.Mean(within(abs_pct, 5));
  s.within10_pct = boot.Mean(within(abs_pct, 10));
  s.within20_pct = boot.Mean(within(abs_pct, 20));
  s.crps = boot.Mean(errors.crps);
  if (!errors.crps_fair.empty()) s.crps_fair = boot.Mean(errors.crps_fair);
  if (!errors.pit.empty()) {
    s.pit.assign(10, 0);
    for (double p : errors.pit) ++s.pit[std::min(9, static_cast<int>(p * 10))];
    constexpr double kLevels[3] = {0.5, 0.8, 0.9};
    for (int k = 0; k < 3; ++k) {
      const auto& iv = errors.interval[k];
      std::vector<double> inside(iv.size()), score(iv.size());
      double width = 0;
      for (std::size_t i = 0; i < iv.size(); ++i) {
        const double y = errors.outcome[i];
        inside[i] = iv[i][0] <= y && y <= iv[i][1] ? 1.0 : 0.0;
        score[i] = IntervalScore(iv[i][0], iv[i][1], y, 1 - kLevels[k]);
        width += iv[i][1] - iv[i][0];
      }
      s.intervals.push_back(
          IntervalScores{kLevels[k], boot.Mean(inside), boot.Mean(score),
                         iv.empty() ? 0 : width / static_cast<double>(iv.size())});
    }
  }
  if (baseline != nullptr) {
    const std::vector<double> base_abs = Map(baseline->error, baseline->error, abs_of);
    s.mae_vs_compromise = boot.Mean(Map(abs_e, base_abs, [](double a, double b) { return a - b; }));
    if (errors.pit.empty() == baseline->pit.empty()) {
      s.crps_vs_compromise =
          boot.Mean(Map(errors.crps, baseline->crps, [](double a, double b) { return a - b; }));
    }
  }
  return s;
}

}  // namespace entente
