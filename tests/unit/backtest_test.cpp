// Backtest scores against hand-computed cases; the bootstrap resamples groups and is
// reproducible from its seed at any thread count.
#include "entente/analysis/backtest.hpp"

#include <unistd.h>  // getpid

#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "entente/models/registry.hpp"
#include "entente/output/backtest_output.hpp"
#include "entente/store/run_record.hpp"
#include "entente/store/run_store.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

// Models take a Scenario, and a Scenario has no place for an outcome.
template <class T>
concept HasOutcomes = requires(T t) {
  t.outcomes;
};
static_assert(!HasOutcomes<Scenario>, "models must never see outcomes");
static_assert(!HasOutcomes<Issue>, "models must never see outcomes");

Issue TwoActors(const std::string& id, double x0, double w0, double x1, double w1) {
  Issue issue;
  issue.id = id;
  issue.scale = Scale{0, 100, "", {}};
  issue.stances.push_back(Stance{"a0", x0, 1, w0, Basis::kUnstated, "", {}});
  issue.stances.push_back(Stance{"a1", x1, 1, w1, Basis::kUnstated, "", {}});
  return issue;
}

// A: compromise 75, median 100, outcome 60.  B: compromise 33.33, median 40, outcome 40.
// C: both 50, outcome 45. Groups: {A, B} and C alone.
Scenario Hand() {
  Scenario s;
  s.actors = {Actor{"a0", "A0", "", {}}, Actor{"a1", "A1", "", {}}};
  s.issues = {TwoActors("A", 0, 1, 100, 3), TwoActors("B", 20, 1, 40, 2),
              TwoActors("C", 50, 1, 50, 1)};
  s.groups = {IssueGroup{"g1", "", {"A", "B"}, {}}};
  return s;
}

std::vector<Outcome> HandOutcomes() {
  return {Outcome{"A", 60, "", "", {}}, Outcome{"B", 40, "", "", {}}, Outcome{"C", 45, "", "", {}}};
}

BacktestOptions Static() {
  BacktestOptions o;
  o.models = {"compromise", "median"};
  return o;
}

TEST(Backtest, point_scores_by_hand) {
  const BacktestResult r = RunBacktest(Hand(), HandOutcomes(), Static());
  ASSERT_EQ(r.n, 3);
  EXPECT_EQ(r.groups, 2);
  const ModelScore& c = r.scores[0];
  const double b = 100.0 / 3 - 40;  // -6.667
  EXPECT_NEAR(c.mae.value, (15 - b + 5) / 3, 1e-12);
  EXPECT_NEAR(c.rmse.value, std::sqrt((225 + b * b + 25) / 3), 1e-12);
  EXPECT_NEAR(c.median_ae.value, -b, 1e-12);
  EXPECT_NEAR(c.bias.value, (15 + b + 5) / 3, 1e-12);
  EXPECT_NEAR(c.within5.value, 1.0 / 3, 1e-12);
  EXPECT_NEAR(c.within10.value, 2.0 / 3, 1e-12);
  EXPECT_NEAR(c.within20.value, 1.0, 1e-12);
  EXPECT_NEAR(c.mae_pct.value, c.mae.value, 1e-12);  // 0-100 scales
  EXPECT_NEAR(c.crps.value, c.mae.value, 1e-12);     // a point forecast's CRPS is its |error|
  EXPECT_TRUE(c.intervals.empty());
  const ModelScore& m = r.scores[1];
  EXPECT_NEAR(m.mae.value, 15, 1e-12);
  EXPECT_NEAR(m.median_ae.value, 5, 1e-12);
  EXPECT_NEAR(m.within5.value, 2.0 / 3, 1e-12);
  ASSERT_TRUE(m.mae_vs_compromise.has_value());
  EXPECT_NEAR(m.mae_vs_compromise->value, 15 - c.mae.value, 1e-12);
  EXPECT_EQ(r.issues[0].closest, "compromise");
  EXPECT_EQ(r.issues[1].closest, "median");
  EXPECT_EQ(r.issues[2].closest, "compromise");  // a tie goes to the first listed
}

TEST(Backtest, bootstrap_resamples_groups_not_issues) {
  // Two units: {A, B} and {C}. A resample holds {A,B} twice (MAE 10.83), {C} twice (MAE 5) or
  // one of each (the full sample), so the percentile interval is exactly [5, 10.83].
  const BacktestResult r = RunBacktest(Hand(), HandOutcomes(), Static());
  EXPECT_DOUBLE_EQ(r.scores[0].mae.lo, 5);
  EXPECT_NEAR(r.scores[0].mae.hi, (15 + 40 - 100.0 / 3) / 2, 1e-12);
  // One group holding every issue: every resample is the data, the interval a point.
  Scenario one = Hand();
  one.groups = {IssueGroup{"all", "", {"A", "B", "C"}, {}}};
  const BacktestResult r1 = RunBacktest(one, HandOutcomes(), Static());
  EXPECT_EQ(r1.groups, 1);
  EXPECT_DOUBLE_EQ(r1.scores[0].mae.lo, r1.scores[0].mae.value);
  EXPECT_DOUBLE_EQ(r1.scores[0].mae.hi, r1.scores[0].mae.value);
}

TEST(Backtest, subsets_by_group_score_their_own_issues) {
  BacktestOptions o = Static();
  o.by = "group";
  const BacktestResult r = RunBacktest(Hand(), HandOutcomes(), o);
  ASSERT_EQ(r.subsets.size(), 2u);
  EXPECT_EQ(r.subsets[0].value, "g1");
  EXPECT_EQ(r.subsets[0].n, 2);
  EXPECT_NEAR(r.subsets[0].models[0].mae.value, (15 + 40 - 100.0 / 3) / 2, 1e-12);
  EXPECT_EQ(r.subsets[1].value, "(none)");
  EXPECT_NEAR(r.subsets[1].models[1].mae.value, 5, 1e-12);
  o.by = "nosuchfield";
  EXPECT_THROW((void)RunBacktest(Hand(), HandOutcomes(), o), InputError);
}

TEST(Backtest, draws_are_reproducible_at_any_thread_count) {
  BacktestOptions o = Static();
  o.draws = 300;
  o.noise_percent = 20;
  o.threads = 1;
  const nlohmann::ordered_json one = BacktestJson(RunBacktest(Hand(), HandOutcomes(), o));
  o.threads = 2;
  const nlohmann::ordered_json two = BacktestJson(RunBacktest(Hand(), HandOutcomes(), o));
  EXPECT_EQ(one.dump(), two.dump());
  o.seed = 2;
  const nlohmann::ordered_json other = BacktestJson(RunBacktest(Hand(), HandOutcomes(), o));
  EXPECT_NE(one["models"][0]["crps"], other["models"][0]["crps"]);
  // Probabilistic scores are there and sane.
  const auto& m = one["models"][0];
  EXPECT_LT(m["crps"].get<double>(), m["mae"].get<double>());  // spread can only help here
  int pit = 0;
  for (const auto& bar : m["pit"]) pit += bar.get<int>();
  EXPECT_EQ(pit, 3);
  for (const char* level : {"50", "80", "90"}) {
    EXPECT_GE(m["coverage"][level].get<double>(), 0);
    EXPECT_LE(m["coverage"][level].get<double>(), 1);
  }
  EXPECT_EQ(one["issues"][0]["forecasts"]["compromise"].get<double>(), 75);
}

TEST(Backtest, refuses_what_it_cannot_score) {
  EXPECT_THROW((void)RunBacktest(Hand(), {}, Static()), InputError);
  std::vector<Outcome> outside = HandOutcomes();
  outside[1].value = 140;
  try {
    (void)RunBacktest(Hand(), outside, Static());
    FAIL() << "an outcome off the scale must be refused";
  } catch (const InputError& e) {
    EXPECT_NE(e.errors()[0].message.find("outside its scale"), std::string::npos);
  }
  std::vector<Outcome> unknown = HandOutcomes();
  unknown[0].issue = "Z";
  EXPECT_THROW((void)RunBacktest(Hand(), unknown, Static()), InputError);
  BacktestOptions bad = Static();
  bad.models = {"oracle"};
  EXPECT_THROW((void)RunBacktest(Hand(), HandOutcomes(), bad), InputError);
}

TEST(Backtest, forecasts_are_the_models_own) {
  const Scenario s = Hand();
  BacktestOptions o;
  o.models = {"eu", "exchange", "ktab-smp"};
  const BacktestResult r = RunBacktest(s, HandOutcomes(), o);
  for (std::size_t m = 0; m < o.models.size(); ++m) {
    const Forecast f = RunForecast(s, o.models[m], {});
    for (std::size_t i = 0; i < s.issues.size(); ++i) {
      EXPECT_DOUBLE_EQ(r.issues[i].forecasts[m], f.issues[i].outcome) << o.models[m];
    }
  }
  // compromise is not listed, yet every model gets its paired difference to it
  EXPECT_TRUE(r.scores[0].mae_vs_compromise.has_value());
}

TEST(Backtest, table_lists_worst_misses_first) {
  const std::string t = BacktestTable(RunBacktest(Hand(), HandOutcomes(), Static()));
  const std::size_t a = t.find("\nA ");
  const std::size_t b = t.find("\nB ");
  const std::size_t c = t.find("\nC ");
  ASSERT_NE(a, std::string::npos) << t;
  EXPECT_LT(a, b);  // compromise misses A by 15, B by 6.7, C by 5
  EXPECT_LT(b, c);
  // The paired difference is +6.11, but a resample of C alone gives 0: not clearly apart.
  EXPECT_NE(t.find("median is not clearly apart from compromise (6.11 points worse"),
            std::string::npos)
      << t;
}

// The run parameters a backtest with `o` stores.
RunParameters Stored(const BacktestOptions& o) {
  RunParameters p = RunParameters::Defaults(RunKind::kBacktest);
  p.model.name = "compromise,median";
  p.models = o.models;
  p.by = o.by;
  return p;
}

TEST(Backtest, runs_are_stored_with_their_scores) {
  BacktestOptions o = Static();
  o.by = "group";
  const BacktestResult r = RunBacktest(Hand(), HandOutcomes(), o);
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("entente-backtest-" + std::to_string(::getpid()) + ".db"))
                               .string();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  {
    RunStore store = RunStore::Open(path).ValueOrThrow();
    const std::int64_t id = store
                                .Save(MakeRunRecord(RunKind::kBacktest, Hand(), "hand.yaml",
                                                    Stored(o), BacktestJson(r)))
                                .ValueOrThrow();
    const RunRecord back = store.Get(id).ValueOrThrow();
    ASSERT_EQ(back.scores.size(), 2u + 2u * 2u);  // all issues, then the two groups
    EXPECT_EQ(back.scores[0].subset, "");
    EXPECT_EQ(back.scores[0].model, "compromise");
    EXPECT_DOUBLE_EQ(back.scores[0].mae, r.scores[0].mae.value);
    EXPECT_DOUBLE_EQ(*back.scores[0].mae_lo, r.scores[0].mae.lo);
    EXPECT_DOUBLE_EQ(*back.scores[1].mae_vs_compromise, r.scores[1].mae_vs_compromise->value);
    EXPECT_EQ(back.scores[2].subset, "g1");
    EXPECT_EQ(back.outcomes.size(), 3u * 2u);  // each model's forecast of each issue
    EXPECT_EQ(back.outcomes[1].variant, "median");
    EXPECT_DOUBLE_EQ(back.outcomes[1].outcome, 100);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace entente
