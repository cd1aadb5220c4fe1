// Whatever passes validation gives finite outcomes inside the scale, for every model and the
// Monte Carlo summaries: scenarios at the edges of what validation accepts (capability 1e12
// beside subnormal ones, saliences of 5e-324, scales reaching +-1e12 and scales as narrow as
// kMinScaleWidth allows). Named after issue #16 item 6, where capability 1e308 gave `inf` and
// NaN, a scale of +-1e308 a mean of -inf, and a scale [0, 1e-300] undefined behaviour.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "entente/analysis/monte_carlo.hpp"
#include "entente/analysis/outcome_sketch.hpp"
#include "entente/core/error.hpp"
#include "entente/core/validation.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

struct Case {
  std::string name;
  Scale first;
  Scale second;
  std::vector<double> capability;  // one per actor (five actors)
  std::vector<double> salience;    // one per actor, on both issues
  bool unanimity = false;          // status quo at the first scale's low end, vetoes a0, a1
};

double At(const Scale& sc, double f) {
  return f >= 1 ? sc.max : std::min(sc.max, sc.min + f * (sc.max - sc.min));
}

// Two issues with opposed interests (so exchanges are worth making), five actors.
Scenario Build(const Case& c) {
  const std::vector<double> first = {0, 1, 0.5, 0.25, 0.9};
  const std::vector<double> second = {1, 0, 0.3, 0.75, 0.5};
  Scenario s;
  for (int i = 0; i < 5; ++i) {
    const std::string id = "a" + std::to_string(i);
    s.actors.push_back(Actor{id, id, "", {}});
  }
  for (int k = 0; k < 2; ++k) {
    Issue issue;
    issue.id = k == 0 ? "first" : "second";
    issue.scale = k == 0 ? c.first : c.second;
    for (int i = 0; i < 5; ++i) {
      const double f = (k == 0 ? first : second)[i];
      issue.stances.push_back(Stance{"a" + std::to_string(i),
                                     At(issue.scale, f),
                                     c.salience[i],
                                     c.capability[i],
                                     Basis::kUnstated,
                                     "",
                                     {}});
    }
    if (k == 0 && c.unanimity) {
      issue.status_quo = issue.scale.min;
      issue.rule = DecisionRule{DecisionKind::kUnanimity, {"a0", "a1"}};
    }
    s.issues.push_back(issue);
  }
  return s;
}

const std::vector<Case>& Cases() {
  const Scale plain{0, 100, "", {}};
  static const std::vector<Case> cases = {
      {"capability_at_the_limit",
       {0, 50, "", {}},
       plain,
       {1e12, 1e12, 1e12, 1e12, 1e12},
       {1, 0.5, 0.8, 0.3, 1}},
      {"capability_from_limit_to_subnormal",
       plain,
       plain,
       {1e12, 1e-300, 5e-324, 0, 1},
       {1, 1, 1, 1, 0.5}},
      {"subnormal_salience", plain, plain, {1e12, 1e12, 1, 1, 1}, {1e-300, 5e-324, 1, 0.2, 0}},
      {"scale_at_the_limit",
       {-1e12, 1e12, "", {}},
       {0, 1e12, "", {}},
       {1e12, 3, 1e12, 2e11, 1},
       {1, 0.9, 0.2, 0.6, 1}},
      {"narrowest_scale_far_from_zero",
       {1e12 - 1001, 1e12, "", {}},
       {-1e12, -1e12 + 1001, "", {}},
       {1, 2, 3, 4, 5},
       {1, 0.5, 0.8, 0.3, 1}},
      {"narrowest_scale_near_zero",
       {0, 1e-9, "", {}},
       {-1e-9, 0, "", {}},
       {1e12, 1, 1e-6, 4, 5},
       {1, 0.5, 0.8, 0.3, 1}},
      {"unanimity_at_the_limits",
       {-1e12, 1e12, "", {}},
       {0, 1e-9, "", {}},
       {1e12, 1e12, 1, 5e-324, 1e12},
       {1, 1, 5e-324, 1, 0.5},
       true},
  };
  return cases;
}

struct ModelRun {
  const char* model;
  const char* preset;  // exchange preset, or nullptr
};

constexpr ModelRun kRuns[] = {{"compromise", nullptr}, {"median", nullptr},
                              {"eu", nullptr},         {"exchange", nullptr},
                              {"exchange", "decide"},  {"ktab-smp", nullptr}};

void ExpectOnScale(double v, const Scale& sc, const std::string& what) {
  EXPECT_TRUE(std::isfinite(v) && v >= sc.min && v <= sc.max)
      << what << " = " << v << ", scale [" << sc.min << ", " << sc.max << "]";
}

TEST(ExtremeValues, EveryModelGivesFiniteOutcomesInsideTheScale) {
  for (const Case& c : Cases()) {
    const Scenario s = Build(c);
    ASSERT_EQ(FormatErrors(Validate(s)), "") << c.name << " must be valid";
    for (const ModelRun& run : kRuns) {
      ModelOptions options;
      if (run.preset != nullptr) options.Set("preset", run.preset);
      const std::string label = c.name + " / " + run.model + (run.preset ? " decide" : "");
      Forecast f;
      try {
        f = RunForecast(s, run.model, options);
      } catch (const std::exception& e) {
        ADD_FAILURE() << label << " threw: " << e.what();
        continue;
      }
      ASSERT_EQ(f.issues.size(), 2u) << label;
      for (std::size_t k = 0; k < 2; ++k) {
        const Scale& sc = s.issues[k].scale;
        const IssueForecast& out = f.issues[k];
        ExpectOnScale(out.outcome, sc, label + " outcome of " + out.issue_id);
        ExpectOnScale(out.unconstrained, sc, label + " unconstrained " + out.issue_id);
        for (double x : out.final_positions) ExpectOnScale(x, sc, label + " final position");
        for (const Round& r : out.rounds) {
          ExpectOnScale(r.mean, sc, label + " round mean");
          ExpectOnScale(r.median, sc, label + " round median");
          for (double x : r.positions) ExpectOnScale(x, sc, label + " round position");
        }
      }
      for (const ExchangeRecord& e : f.exchanges) {
        EXPECT_TRUE(std::isfinite(e.gain)) << label << " exchange gain " << e.gain;
      }
    }
  }
}

TEST(ExtremeValues, SimulationSummariesAreFiniteAndInsideTheScale) {
  for (const Case& c : Cases()) {
    const Scenario s = Build(c);
    for (const char* model : {"compromise", "median", "eu"}) {
      SimulationOptions o;
      o.model = model;
      o.draws = 200;
      o.threads = 1;
      o.noise_percent = 20;
      const std::string label = c.name + " / " + model;
      SimulationResult r;
      try {
        r = Simulate(s, o);
      } catch (const std::exception& e) {
        ADD_FAILURE() << label << " threw: " << e.what();
        continue;
      }
      for (std::size_t k = 0; k < r.issues.size(); ++k) {
        const Scale& sc = s.issues[k].scale;
        const IssueDistribution& d = r.issues[k];
        for (double v : {d.point, d.mean, d.min, d.max, d.p05, d.p25, d.p50, d.p75, d.p95}) {
          ExpectOnScale(v, sc, label + " summary of " + d.issue_id);
        }
        EXPECT_TRUE(std::isfinite(d.sd) && d.sd >= 0) << label << " sd " << d.sd;
      }
    }
  }
}

// The sketch refuses a range it cannot represent instead of converting inf or NaN to an
// integer (UBSan: negation of INT64_MIN for the scale [0, 1e-300]).
TEST(ExtremeValues, OutcomeSketchRefusesAScaleItCannotResolve) {
  EXPECT_THROW(OutcomeSketch(0, 1e-300, 0), InternalError);
  EXPECT_THROW(OutcomeSketch(-1e308, 1e308, 0), InternalError);
  OutcomeSketch narrow(0, 1e-9, 0.5e-9);
  for (double y : {0.0, 0.25e-9, 1e-9, 2.0, -1.0, std::nan("")}) narrow.Add(y);
  EXPECT_TRUE(std::isfinite(narrow.Mean()) && narrow.Mean() >= 0 && narrow.Mean() <= 1e-9);
  EXPECT_DOUBLE_EQ(narrow.Max(), 1e-9);
  EXPECT_DOUBLE_EQ(narrow.Min(), 0);
}

Scenario WithFirstScale(Scale sc, double capability) {
  Case c{"", sc, {0, 100, "", {}}, {capability, 1, 1, 1, 1}, {1, 1, 1, 1, 1}};
  return Build(c);
}

std::string Problems(const Scenario& s) {
  return FormatErrors(Validate(s));
}

TEST(ExtremeValues, ValidationRefusesMagnitudesThatOverflow) {
  EXPECT_NE(Problems(WithFirstScale({0, 50, "", {}}, 1e308)).find("capability 1e+308 is above"),
            std::string::npos);
  EXPECT_NE(Problems(WithFirstScale({0, 50, "", {}}, 1.5e12)).find("divide every actor"),
            std::string::npos);
  EXPECT_NE(Problems(WithFirstScale({-1e308, 1e308, "", {}}, 1)).find("reaches beyond"),
            std::string::npos);
  EXPECT_NE(Problems(WithFirstScale({0, 1e-300, "", {}}, 1)).find("too narrow"), std::string::npos);
  EXPECT_NE(Problems(WithFirstScale({1e11, 1e11 + 1, "", {}}, 1)).find("at least 100 wide"),
            std::string::npos);
  EXPECT_EQ(Problems(WithFirstScale({1e11, 1e11 + 101, "", {}}, 1e12)), "");
  EXPECT_EQ(Problems(WithFirstScale({-1e12, 1e12, "", {}}, 0)), "");
}

TEST(ExtremeValues, CapabilitySpreadsAndMovesStayBelowTheLimit) {
  Scenario s = WithFirstScale({0, 100, "", {}}, 5);
  s.issues[0].stances[0].capability_spread = Spread::Uniform(1, 1e13);
  EXPECT_NE(Problems(s).find("reaches outside [0, 1000000000000]"), std::string::npos)
      << Problems(s);
  s.issues[0].stances[0].capability_spread = {};
  s.moves.push_back(Move{"m", "", "", {StanceChange{"a0", "first", {}, {}, 1e300, {}}}, {}});
  EXPECT_NE(Problems(s).find("move 'm': capability 1e+300 is above"), std::string::npos)
      << Problems(s);
}

}  // namespace
}  // namespace entente
