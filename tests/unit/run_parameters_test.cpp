// The run contract: one record of a run's parameters, its JSON both ways, one set of defaults
// and one meaning of noise.
#include "entente/analysis/run_parameters.hpp"

#include <gtest/gtest.h>

#include "entente/analysis/noise.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

// The first error's field of what `f` throws ("" if it throws nothing).
template <typename F>
std::string FieldOf(F f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.errors().front().where.field;
  }
  return "";
}

TEST(RunParameters, DefaultsAreTheOneSetEveryFrontEndTakes) {
  const RunParameters p;
  EXPECT_EQ(p.model.name, defaults::kModel);
  EXPECT_EQ(p.draws, defaults::kDraws);
  EXPECT_EQ(p.seed, defaults::kSeed);
  EXPECT_EQ(p.noise_percent, defaults::kNoisePercent);
  EXPECT_EQ(SimulationOptions{}.noise_percent, defaults::kNoisePercent);
  EXPECT_EQ(SimulationOptions{}.draws, defaults::kDraws);
  EXPECT_EQ(SimulationOptions{}.model, defaults::kModel);
  EXPECT_EQ(RunParameters::Defaults(RunKind::kCompare).draws, 0) << "compare draws only if asked";
  // A request that says nothing gets the defaults.
  const RunParameters read =
      RunParameters::FromJson(nlohmann::json::object(), RunKind::kSimulate, "");
  EXPECT_EQ(read.ToJson(RunKind::kSimulate), p.ToJson(RunKind::kSimulate));
}

TEST(RunParameters, JsonRoundTripsForEveryKind) {
  RunParameters p;
  p.model = ModelChoice{"eu", {}};
  p.model.options.Set("rounds", "8");
  p.draws = 500;
  p.seed = 18446744073709551615ull;  // the largest seed survives JSON
  p.noise_percent = 0.5;             // a number under "noise_percent" is percent: no ambiguity
  p.thresholds = {{"opcon_transfer", 50}};
  p.sensitivity = true;
  p.actor = "US";
  p.issue = "opcon_transfer";
  p.target = 60;
  p.tolerance_percent = 1;
  p.moves = {"press-opcon"};
  p.models = {"median", "eu"};
  p.tornado_bars = 5;
  p.calibration = "fit.yaml";
  p.stability = 12;
  p.models_agree = true;
  p.model_options_by_model["eu"].Set("q", "0.5");
  p.outcomes = "outcomes.csv";
  p.bootstrap = 300;
  p.by = "procedure";
  for (RunKind kind : {RunKind::kForecast, RunKind::kSimulate, RunKind::kAdvise, RunKind::kCompare,
                       RunKind::kCohesion, RunKind::kReport, RunKind::kBacktest}) {
    const nlohmann::json j = nlohmann::json::parse(p.ToJson(kind).dump());
    const RunParameters back = RunParameters::FromJson(j, kind, "");
    EXPECT_EQ(back.ToJson(kind), p.ToJson(kind)) << RunKindName(kind);
  }
  const nlohmann::ordered_json simulate = p.ToJson(RunKind::kSimulate);
  EXPECT_EQ(simulate["model"], "eu");
  EXPECT_EQ(simulate["model_options"]["rounds"], "8");
  EXPECT_EQ(simulate["noise_percent"], 0.5);
  EXPECT_FALSE(simulate.contains("threads")) << "threads never change a result";
  EXPECT_FALSE(simulate.contains("actor"));
  EXPECT_FALSE(p.ToJson(RunKind::kForecast).contains("draws"));
  const nlohmann::ordered_json forecast = p.ToJson(RunKind::kForecast);
  EXPECT_EQ(forecast["calibration"], "fit.yaml");
  EXPECT_EQ(forecast["stability"], 12);
  EXPECT_EQ(forecast["models_agree"], true);
  const nlohmann::ordered_json backtest = p.ToJson(RunKind::kBacktest);
  EXPECT_EQ(backtest["model_options"]["eu"]["q"], "0.5") << "a backtest's options are per model";
  EXPECT_EQ(backtest["bootstrap"], 300);
  EXPECT_EQ(backtest["by"], "procedure");
  EXPECT_FALSE(p.ToJson(RunKind::kAdvise).contains("calibration"));
}

// The backtest's parameters become its options whole: models, options per model, draws, noise
// in percent, seed, bootstrap and grouping.
TEST(RunParameters, BacktestDefaultsAndConversion) {
  const RunParameters d = RunParameters::Defaults(RunKind::kBacktest);
  EXPECT_EQ(d.draws, 0) << "a backtest scores point forecasts unless asked";
  EXPECT_EQ(d.bootstrap, defaults::kBootstrap);
  EXPECT_EQ(RunParameters::Defaults(RunKind::kReport).stability, defaults::kReportStability);
  RunParameters p = d;
  p.models = {"compromise", "eu"};
  p.model_options_by_model["eu"].Set("rounds", "8");
  p.draws = 200;
  p.noise_percent = 20;
  p.seed = 3;
  p.bootstrap = 500;
  p.by = "group";
  const BacktestOptions o = ToBacktest(p);
  EXPECT_EQ(o.models, p.models);
  EXPECT_EQ(o.model_options.at("eu").values().at("rounds"), "8");
  EXPECT_EQ(o.draws, 200);
  EXPECT_DOUBLE_EQ(o.noise_percent, 20);
  EXPECT_EQ(o.seed, 3u);
  EXPECT_EQ(o.bootstrap, 500);
  EXPECT_EQ(o.by, "group");
  EXPECT_THROW(
      (void)RunParameters::FromJson(nlohmann::json{{"bootstrap", -1}}, RunKind::kBacktest, ""),
      InputError);
}

TEST(RunParameters, UnknownAndMisplacedKeysAreRefusedWithTheOnesThatApply) {
  const auto read = [](const nlohmann::json& j, RunKind kind) {
    return FieldOf([&] { (void)RunParameters::FromJson(j, kind, "request body"); });
  };
  EXPECT_EQ(read({{"noise", 10}}, RunKind::kSimulate), "noise");
  EXPECT_EQ(read({{"draws", 100}}, RunKind::kForecast), "draws");
  EXPECT_EQ(read({{"draws", 1.5}}, RunKind::kSimulate), "draws");
  EXPECT_EQ(read({{"draws", 0}}, RunKind::kSimulate), "draws");
  EXPECT_EQ(read({{"seed", -1}}, RunKind::kSimulate), "seed");
  EXPECT_EQ(read({{"threads", 100000}}, RunKind::kSimulate), "threads");
  EXPECT_EQ(read({{"noise_percent", 150}}, RunKind::kSimulate), "noise_percent");
  EXPECT_EQ(read({{"model_options", {{"rounds", {1}}}}}, RunKind::kForecast),
            "model_options.rounds");
  EXPECT_EQ(read({{"actor", ""}}, RunKind::kAdvise), "actor");
  EXPECT_EQ(read({{"scenario", 1}}, RunKind::kForecast), "scenario");
  // Keys the caller reads itself are left to it.
  EXPECT_NO_THROW(
      (void)RunParameters::FromJson({{"scenario", 1}}, RunKind::kForecast, "", {"scenario"}));
  try {
    (void)RunParameters::FromJson({{"noise", 10}}, RunKind::kSimulate, "request body");
  } catch (const InputError& e) {
    EXPECT_EQ(e.errors()[0].where.file, "request body");
    EXPECT_NE(e.errors()[0].hint.find("noise_percent"), std::string::npos) << e.what();
  }
}

TEST(RunParameters, NoiseTextAndNumbersMeanPercent) {
  EXPECT_EQ(ParseNoisePercent("10%"), 10);
  EXPECT_EQ(ParseNoisePercent("10"), 10);
  EXPECT_EQ(ParseNoisePercent(" 0.5% "), 0.5);
  EXPECT_EQ(ParseNoisePercent("0"), 0);
  EXPECT_EQ(ParseNoisePercent("1"), 1);
  EXPECT_EQ(
      RunParameters::FromJson({{"noise_percent", "5%"}}, RunKind::kSimulate, "").noise_percent, 5);
  EXPECT_EQ(RunParameters::FromJson({{"noise_percent", 5}}, RunKind::kSimulate, "").noise_percent,
            5);
  EXPECT_EQ(FieldOf([] { (void)ParseNoisePercent("lots"); }), "noise");
  EXPECT_EQ(FieldOf([] { (void)ParseNoisePercent("-5%"); }), "noise");
  EXPECT_EQ(FieldOf([] { (void)ParseNoisePercent("101"); }), "noise");
}

// "--noise 0.1" was 0.1% on the CLI while Python's noise=0.1 was 10%: a bare number between 0
// and 1 is now refused, and the message names both readings.
TEST(RunParameters, AnAmbiguousNoiseNamesBothReadings) {
  try {
    (void)ParseNoisePercent("0.1");
    ADD_FAILURE() << "0.1 without % must be refused";
  } catch (const InputError& e) {
    const Error& err = e.errors().front();
    EXPECT_EQ(err.where.field, "noise");
    EXPECT_EQ(err.message,
              "noise 0.1 is ambiguous: 0.1 percent, or the fraction 0.1 (10 percent)?");
    EXPECT_EQ(err.hint, "noise is in percent: give 0.1% for 0.1 percent, or 10 for 10 percent");
    EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos)
        << "no CLI flag in a library message";
  }
}

TEST(RunParameters, ConversionsCarryEveryField) {
  RunParameters p = RunParameters::Defaults(RunKind::kCompare);
  p.model.name = "compromise";
  p.moves = {"a"};
  EXPECT_FALSE(ToCompare(p).simulation.has_value());
  p.draws = 300;
  p.noise_percent = 20;
  const CompareRequest c = ToCompare(p);
  ASSERT_TRUE(c.simulation.has_value());
  EXPECT_EQ(c.simulation->draws, 300);
  EXPECT_EQ(c.simulation->noise_percent, 20);
  p.actor = "US";
  p.tolerance_percent = 2;
  EXPECT_DOUBLE_EQ(ToAdvice(p).tolerance, 0.02);
  EXPECT_EQ(ToAdvice(p).model, "compromise");
}

// A backtest of one coder's numbers alone (the CLI's --coder, Python's coder=) stores the coder
// with the run; other kinds take no coder, and a coder excludes a pool rule.
TEST(RunParameters, CoderIsStoredWithABacktestAndExcludesAPool) {
  RunParameters p = RunParameters::Defaults(RunKind::kBacktest);
  EXPECT_FALSE(p.ToJson(RunKind::kBacktest).contains("coder")) << "absent unless named";
  p.coder = "ann";
  const nlohmann::ordered_json j = p.ToJson(RunKind::kBacktest);
  EXPECT_EQ(j["coder"], "ann");
  EXPECT_EQ(RunParameters::FromJson(j, RunKind::kBacktest, "").coder, "ann");
  EXPECT_EQ(FieldOf([] {
              (void)RunParameters::FromJson({{"coder", "ann"}}, RunKind::kForecast, "");
            }),
            "coder");
  EXPECT_EQ(FieldOf([] {
              (void)RunParameters::FromJson({{"coder", "ann"}, {"pool", "median"}},
                                            RunKind::kBacktest, "");
            }),
            "coder");
}

TEST(RunParameters, EditedScenarioTakesTheCodersOwnNumbers) {
  const Scenario s =
      LoadScenario(test::SourceDir() + "/tests/data/coders/three_coders.yaml").ValueOrThrow();
  RunParameters p = RunParameters::Defaults(RunKind::kBacktest);
  p.coder = "bob";
  p.edits = ParseEdits({"C.deal.position=70"}).ValueOrThrow();
  const Scenario bob = EditedScenario(s, p);
  EXPECT_TRUE(bob.codings.empty());
  EXPECT_DOUBLE_EQ(bob.issues[0].FindStance("A")->position, 40);  // bob's own
  EXPECT_DOUBLE_EQ(bob.issues[0].FindStance("C")->position, 70);  // the edit, after
  p.coder = "zed";
  try {
    (void)EditedScenario(s, p);
    ADD_FAILURE() << "an unknown coder was taken";
  } catch (const InputError& e) {
    EXPECT_EQ(e.errors().front().where.field, "coder");
    EXPECT_NE(e.errors().front().ToString().find("ann, bob, cy"), std::string::npos)
        << e.errors().front().ToString();
  }
  Scenario none = s;
  none.codings.clear();
  p.coder = "ann";
  EXPECT_EQ(FieldOf([&] { (void)EditedScenario(none, p); }), "coder");
}

}  // namespace
}  // namespace entente
