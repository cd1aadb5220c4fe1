#include "entente/models/ensemble/ensemble.hpp"

#include <gtest/gtest.h>

#include "entente/analysis/disagreement.hpp"
#include "entente/analysis/stability.hpp"
#include "entente/core/error.hpp"
#include "entente/models/ensemble/ensemble_bases.hpp"
#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

// Actors at 0, 60, 100 with weights 1, 2, 1 and saliences 1, 0.5, 0 (the third has no say in
// the unweighted mean): compromise = (0*1 + 60*1 + 100*0) / 2 = 30 (weights c x s = 1, 1, 0).
Scenario Three() {
  Scenario s = test::OneIssue({0, 60, 100}, {1, 0.5, 0}, {1, 2, 1});
  s.issues[0].status_quo = 80;
  return s;
}

TEST(ensemble, bases_by_hand) {
  const Scenario s = Three();
  EXPECT_DOUBLE_EQ(BaseForecasts(s, "compromise", {}, "")[0], 30);
  EXPECT_DOUBLE_EQ(BaseForecasts(s, "status_quo", {}, "")[0], 80);
  EXPECT_DOUBLE_EQ(BaseForecasts(s, "setter", {}, "a1")[0], 60);
  EXPECT_DOUBLE_EQ(BaseForecasts(s, "setter", {}, "nobody")[0], 30);  // falls back
  EXPECT_DOUBLE_EQ(BaseForecasts(s, "mean", {}, "")[0], 30);          // (0 + 60) / 2
  Scenario u = s;
  u.issues[0].status_quo.reset();
  EXPECT_DOUBLE_EQ(BaseForecasts(u, "status_quo", {}, "")[0], 30);
}

TEST(ensemble, weights_combine_the_bases) {
  ModelOptions o;
  o.Set("weights", "compromise:0.5,status_quo:0.25,setter:0.25");
  o.Set("setter", "a1");
  const Forecast f = RunForecast(Three(), "ensemble", o);
  EXPECT_DOUBLE_EQ(f.issues[0].outcome, 0.5 * 30 + 0.25 * 80 + 0.25 * 60);
}

TEST(ensemble, base_model_options_pass_through) {
  ModelOptions o;
  o.Set("weights", "eu:1");
  o.Set("eu.q", "0.5");
  ModelOptions eu;
  eu.Set("q", "0.5");
  const Scenario s = test::OneIssue({0, 30, 70, 100}, {0.9, 0.5, 0.6, 0.4}, {10, 20, 30, 15});
  EXPECT_DOUBLE_EQ(RunForecast(s, "ensemble", o).issues[0].outcome,
                   RunForecast(s, "eu", eu).issues[0].outcome);
}

TEST(ensemble, bad_options_are_input_errors) {
  const Scenario s = Three();
  const auto run = [&s](std::map<std::string, std::string> kv) {
    ModelOptions o;
    for (const auto& [k, v] : kv) o.Set(k, v);
    return RunForecast(s, "ensemble", o);
  };
  EXPECT_THROW((void)run({}), InputError);
  EXPECT_THROW((void)run({{"weights", "compromise:0.5"}}), InputError);        // sums to 0.5
  EXPECT_THROW((void)run({{"weights", "compromise:-1,mean:2"}}), InputError);  // negative
  EXPECT_THROW((void)run({{"weights", "nonsense:1"}}), InputError);
  EXPECT_THROW((void)run({{"weights", "ensemble:1"}}), InputError);
  EXPECT_THROW((void)run({{"weights", "compromise:1"}, {"q", "1"}}), InputError);
  EXPECT_THROW((void)run({{"weights", "compromise:1"}, {"eu.q", "1"}}), InputError);
}

TEST(ensemble, left_out_of_every_model_lists) {
  const ModelInfo* m = FindModel("ensemble");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->calibrated);
}

TEST(stability, a_static_model_on_a_smooth_issue_is_stable) {
  const Scenario s = test::OneIssue({0, 30, 70, 100}, {0.9, 0.5, 0.6, 0.4}, {10, 20, 30, 15});
  Forecast f = RunForecast(s, "compromise", {});
  AddStability(s, f, "compromise", {}, {});
  ASSERT_TRUE(f.issues[0].stability.has_value());
  const Stability& st = *f.issues[0].stability;
  EXPECT_LE(st.lo, f.issues[0].outcome);
  EXPECT_GE(st.hi, f.issues[0].outcome);
  EXPECT_LE(st.hi - st.lo, 2.0);  // a weighted mean moves at most as far as the nudges
  EXPECT_FALSE(st.knife_edge);
}

TEST(stability, the_flag_follows_the_threshold) {
  // The compromise moves with the nudges, so with a zero threshold any movement is flagged.
  const Scenario s = test::OneIssue({0, 30, 70, 100}, {0.9, 0.5, 0.6, 0.4}, {10, 20, 30, 15});
  Forecast f = RunForecast(s, "compromise", {});
  StabilityOptions o;
  o.perturbations = 40;
  o.threshold = 0;
  AddStability(s, f, "compromise", {}, o);
  EXPECT_TRUE(f.issues[0].stability->knife_edge);
  EXPECT_EQ(f.issues[0].stability->perturbations, 40);
  EXPECT_DOUBLE_EQ(f.issues[0].stability->step, 1.0);  // 1% of a 0-100 scale
}

TEST(stability, same_seed_same_range) {
  const Scenario s = test::OneIssue({0, 30, 70, 100}, {0.9, 0.5, 0.6, 0.4}, {10, 20, 30, 15});
  Forecast a = RunForecast(s, "eu", {});
  Forecast b = a;
  AddStability(s, a, "eu", {}, {});
  AddStability(s, b, "eu", {}, {});
  EXPECT_EQ(a.issues[0].stability->lo, b.issues[0].stability->lo);
  EXPECT_EQ(a.issues[0].stability->hi, b.issues[0].stability->hi);
}

TEST(disagreement, lists_every_uncalibrated_model_and_flags_wide_spreads) {
  const Scenario s = test::OneIssue({0, 100}, {1, 1}, {1, 3});
  Forecast f = RunForecast(s, "compromise", {});
  AddDisagreement(s, f);
  const Disagreement& d = *f.issues[0].disagreement;
  EXPECT_EQ(d.outcomes.front().first, "compromise");
  EXPECT_EQ(d.outcomes.front().second, 75);
  for (const auto& [m, y] : d.outcomes) EXPECT_NE(m, "ensemble");
  EXPECT_LE(d.lo, 75);
  EXPECT_GE(d.hi, 100);  // the median is 100
  EXPECT_TRUE(d.hi - d.lo <= 25 ? !d.wide : d.wide);
}

}  // namespace
}  // namespace entente
