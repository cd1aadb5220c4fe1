// Exchange model: sizing by hand, a two-actor trade by hand, options, and the Decide reference
// runs in ../shared/validation/decide-exchange (skipped when absent).
#include <cmath>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/exchange/exchange.hpp"
#include "entente/models/exchange/exchange_pair.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/forecast_output.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

// P (right on both issues) cares for q, Q (left on both) for p: one full trade.
Scenario TwoByTwo() {
  Scenario s;
  s.actors = {Actor{"P", "P", "", {}}, Actor{"Q", "Q", "", {}}};
  for (const char* id : {"p", "q"}) {
    Issue issue;
    issue.id = id;
    issue.name = id;
    issue.scale = Scale{0, 100, "", {}};
    s.issues.push_back(issue);
  }
  s.issues[0].stances = {Stance{"P", 100, 0.2, 1, Basis::kUnstated, "", {}},
                         Stance{"Q", 0, 0.8, 1, Basis::kUnstated, "", {}}};
  s.issues[1].stances = {Stance{"P", 100, 0.8, 1, Basis::kUnstated, "", {}},
                         Stance{"Q", 0, 0.2, 1, Basis::kUnstated, "", {}}};
  return s;
}

TEST(ExchangePair, OutcomeCapBindsBeforeTheFullMove) {
  ExchangeInputs in;
  in.p_from = 100, in.p_target = 40, in.p_outcome = 47, in.p_weight = 0.9, in.p_total = 2;
  in.q_from = 0, in.q_target = 100, in.q_outcome = 50, in.q_weight = 1, in.q_total = 2;
  in.s_pp = 0.3, in.s_pq = 0.9, in.s_qp = 0.9, in.s_qq = 0.3;
  const ExchangeSizing s = SizeExchange(in);
  ASSERT_TRUE(s.valid);
  EXPECT_DOUBLE_EQ(s.shift_p, -7);  // O_p stops at Q's 40, not at 20
  EXPECT_DOUBLE_EQ(s.shift_q, 7);   // equal gain: k = (0.3 + 0.9) / (0.9 + 0.3) = 1
  EXPECT_DOUBLE_EQ(s.move_p, -7 * 2 / 0.9);
  EXPECT_DOUBLE_EQ(s.move_q, 14);
  EXPECT_NEAR(s.gain_p, 4.2, 1e-12);
  EXPECT_NEAR(s.gain_q, 4.2, 1e-12);
}

TEST(ExchangePair, NoTradeWhenTheOutcomeHasPassedTheDemander) {
  ExchangeInputs in;
  in.p_from = 100, in.p_target = 40, in.p_outcome = 30, in.p_weight = 1, in.p_total = 2;
  in.q_from = 0, in.q_target = 100, in.q_outcome = 50, in.q_weight = 1, in.q_total = 2;
  in.s_pp = 0.3, in.s_pq = 0.9, in.s_qp = 0.9, in.s_qq = 0.3;
  EXPECT_FALSE(SizeExchange(in).valid);
}

TEST(ExchangePair, RandomRateStaysBetweenTheBreakEvenRates) {
  ExchangeInputs in;
  in.p_from = 100, in.p_target = 0, in.p_outcome = 50, in.p_weight = 1, in.p_total = 2;
  in.q_from = 0, in.q_target = 100, in.q_outcome = 50, in.q_weight = 1, in.q_total = 2;
  in.s_pp = 0.2, in.s_pq = 0.8, in.s_qp = 0.8, in.s_qq = 0.2;
  for (double draw : {0.0, 0.25, 0.5, 1.0}) {
    in.rate_draw = draw;
    const ExchangeSizing s = SizeExchange(in);
    EXPECT_GE(s.gain_p, -1e-12) << draw;
    EXPECT_GE(s.gain_q, -1e-12) << draw;
  }
  in.rate_draw = 0;  // P's break-even rate: P gains nothing, so the exchange is not made
  EXPECT_FALSE(SizeExchange(in).valid);
}

TEST(ExchangeModel, TwoActorsTradeFullyInTheFirstRound) {
  const Forecast f = RunForecast(TwoByTwo(), "exchange", {});
  ASSERT_FALSE(f.exchanges.empty());
  const ExchangeRecord& e = f.exchanges[0];
  EXPECT_EQ(e.round, 1);
  EXPECT_EQ(e.first.actor, 1u);  // Q gives way on q, the later issue
  EXPECT_EQ(e.first.issue, 1u);
  EXPECT_DOUBLE_EQ(e.first.to, 100);
  EXPECT_EQ(e.second.actor, 0u);
  EXPECT_DOUBLE_EQ(e.second.to, 0);
  EXPECT_NEAR(e.gain, 12, 1e-12);  // 0.8 * 20 - 0.2 * 20
  EXPECT_NEAR(f.issues[0].rounds[1].mean, 0, 1e-12);
  EXPECT_NEAR(f.issues[1].rounds[1].mean, 100, 1e-12);
  EXPECT_EQ(f.balances[0].exchanges, static_cast<int>(f.exchanges.size()));
  EXPECT_EQ(f.issues[0].rounds.size(), 11u);  // round 0 and 10 rounds
}

// Issues of two groups (two proposals) are negotiated apart: the trade of TwoByTwo needs both
// issues, so within groups nobody trades and each outcome is its weighted mean; across groups
// it is the trade of the test above. Four issues in two groups trade inside each group, with
// the trail's issue indices those of the whole scenario.
TEST(ExchangeModel, IssuesOfDifferentGroupsNeverTrade) {
  Scenario s = TwoByTwo();
  s.groups = {IssueGroup{"g1", "", {"p"}, {}}, IssueGroup{"g2", "", {"q"}, {}}};
  const Forecast apart = RunForecast(s, "exchange", {});
  EXPECT_TRUE(apart.exchanges.empty());
  EXPECT_NEAR(apart.issues[0].outcome, 0.2 / (0.2 + 0.8) * 100, 1e-9);
  EXPECT_NEAR(apart.issues[1].outcome, 0.8 / (0.2 + 0.8) * 100, 1e-9);
  ModelOptions across;
  across.Set("groups", "across");
  EXPECT_EQ(RunForecast(s, "exchange", across).exchanges,
            RunForecast(TwoByTwo(), "exchange", {}).exchanges);

  Scenario four = TwoByTwo();
  for (Issue issue : TwoByTwo().issues) {
    issue.id += "2";
    four.issues.push_back(issue);
  }
  four.groups = {IssueGroup{"g1", "", {"p", "q"}, {}}, IssueGroup{"g2", "", {"p2", "q2"}, {}}};
  const Forecast f = RunForecast(four, "exchange", {});
  ASSERT_FALSE(f.exchanges.empty());
  for (const ExchangeRecord& e : f.exchanges) {
    EXPECT_EQ(e.first.issue / 2, e.second.issue / 2) << "an exchange across groups";
  }
  EXPECT_EQ(f.issues[2].outcome, f.issues[0].outcome);
  EXPECT_EQ(f.issues[3].outcome, f.issues[1].outcome);
  EXPECT_EQ(f.balances[0].exchanges, static_cast<int>(f.exchanges.size()));
}

// Monte Carlo draws run without a trail and skip the balances (externalities were a tenth of
// a DEU draw): the outcomes and final positions must be the very same numbers.
TEST(ExchangeModel, WithoutTrailSameOutcomesAndNoBalances) {
  Scenario four = TwoByTwo();
  for (Issue issue : TwoByTwo().issues) {
    issue.id += "2";
    issue.stances[0].salience = 0.5;
    four.issues.push_back(issue);
  }
  four.groups = {IssueGroup{"g1", "", {"p", "q"}, {}}, IssueGroup{"g2", "", {"p2", "q2"}, {}}};
  for (const Scenario& s : {TwoByTwo(), four}) {
    ModelOptions quiet;
    quiet.set_trail(false);
    const Forecast full = RunForecast(s, "exchange", {});
    const Forecast fast = RunForecast(s, "exchange", quiet);
    ASSERT_FALSE(full.exchanges.empty());
    EXPECT_EQ(full.balances.size(), s.actors.size());
    EXPECT_TRUE(fast.balances.empty());
    EXPECT_TRUE(fast.exchanges.empty());
    ASSERT_EQ(fast.issues.size(), full.issues.size());
    for (std::size_t d = 0; d < full.issues.size(); ++d) {
      EXPECT_EQ(fast.issues[d].outcome, full.issues[d].outcome) << d;
      EXPECT_EQ(fast.issues[d].final_positions, full.issues[d].final_positions) << d;
    }
  }
}

TEST(ExchangeModel, JsonNamesActorsAndIssuesOfEveryExchange) {
  const Scenario s = TwoByTwo();
  const nlohmann::ordered_json j = ForecastJson(s, RunForecast(s, "exchange", {}));
  ASSERT_TRUE(j.contains("exchanges"));
  EXPECT_EQ(j["exchanges"][0]["first"]["actor"], "Q");
  EXPECT_EQ(j["exchanges"][0]["second"]["issue"], "p");
  EXPECT_EQ(j["balances"].size(), 2u);
  EXPECT_FALSE(ForecastJson(s, RunForecast(s, "median", {})).contains("exchanges"));
}

TEST(ExchangeModel, IsJointAndRejectsUnknownOptions) {
  ASSERT_NE(FindModel("exchange"), nullptr);
  EXPECT_TRUE(FindModel("exchange")->joint);
  ModelOptions o;
  o.Set("q", "0.5");
  EXPECT_THROW((void)RunForecast(TwoByTwo(), "exchange", o), InputError);
  ModelOptions tie;
  tie.Set("tie", "random");
  EXPECT_THROW((void)RunForecast(TwoByTwo(), "exchange", tie), InputError);
  ModelOptions decimal;  // the decimal arithmetic belongs to Decide's bookkeeping only
  decimal.Set("arithmetic", "decimal");
  EXPECT_THROW((void)RunForecast(TwoByTwo(), "exchange", decimal), InputError);
  decimal.Set("view", "decide");
  EXPECT_NO_THROW((void)RunForecast(TwoByTwo(), "exchange", decimal));
}

TEST(ExchangeModel, VetoRuleAppliesToTheTradedPositions) {
  Scenario s = TwoByTwo();
  s.issues[0].status_quo = 100;
  s.issues[0].rule = DecisionRule{DecisionKind::kUnanimity, {"P"}};
  const Forecast f = RunForecast(s, "exchange", {});
  // P gave way on p, so its final position (not its input 100) decides what it accepts.
  EXPECT_LT(f.issues[0].final_positions[0], 100);
  EXPECT_LT(f.issues[0].outcome, 100);
}

// Decide's bookkeeping divides by salience sums, W and c x s; actors with zero salience or
// zero capability on an issue must neither trade there nor turn a result into NaN.
TEST(ExchangeModel, ZeroSalienceOrCapabilityStaysFiniteUnderEveryArithmetic) {
  Scenario s = TwoByTwo();
  s.actors.push_back(Actor{"R", "R", "", {}});
  s.actors.push_back(Actor{"S", "S", "", {}});
  s.issues[0].stances.push_back(Stance{"R", 40, 0.0, 1, Basis::kUnstated, "", {}});
  s.issues[1].stances.push_back(Stance{"R", 60, 0.5, 0.0, Basis::kUnstated, "", {}});
  s.issues[0].stances.push_back(Stance{"S", 70, 0.0, 0.0, Basis::kUnstated, "", {}});
  s.issues[1].stances.push_back(Stance{"S", 10, 0.6, 2, Basis::kUnstated, "", {}});
  for (const char* arithmetic : {"decimal", "double"}) {
    for (bool decide : {true, false}) {
      ModelOptions o;
      if (decide) {
        o.Set("preset", "decide");
        o.Set("arithmetic", arithmetic);
      }
      const Forecast f = RunForecast(s, "exchange", o);
      ASSERT_FALSE(f.exchanges.empty()) << arithmetic << (decide ? " decide" : " plain");
      for (const IssueForecast& i : f.issues) {
        EXPECT_TRUE(std::isfinite(i.outcome)) << i.issue_id;
        for (double x : i.final_positions) EXPECT_TRUE(std::isfinite(x)) << i.issue_id;
      }
      for (const ExchangeRecord& e : f.exchanges) {
        EXPECT_TRUE(std::isfinite(e.gain));
        // R has no weight on p, S none on p either: neither can be paid for a move there.
        EXPECT_FALSE(e.first.issue == 0 && (e.first.actor == 2 || e.first.actor == 3));
        EXPECT_FALSE(e.second.issue == 0 && (e.second.actor == 2 || e.second.actor == 3));
      }
    }
  }
}

Forecast RunReference(const std::string& path, const char* variant = nullptr,
                      const char* seed = nullptr) {
  const Scenario s = LoadScenario(path).ValueOrThrow();
  ModelOptions o;
  o.Set("preset", "decide");
  if (variant != nullptr) o.Set("variant", variant);
  if (seed != nullptr) o.Set("seed", seed);
  return RunForecast(s, "exchange", o);
}

// One row of Decide's exchanges.csv: round (1-based), i_actor, i_supply_issue, i_start,
// i_new, j_actor, j_supply_issue, j_start, j_new, gain.
struct DecideRow {
  int round = 0;
  std::string i_actor, i_issue, j_actor, j_issue;
  double i_from = 0, i_to = 0, j_from = 0, j_to = 0, gain = 0;
};

std::vector<DecideRow> DecideRows(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  std::vector<DecideRow> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
    if (f.size() < 10) continue;
    rows.push_back(DecideRow{std::stoi(f[0]) + 1, f[1], f[2], f[5], f[6], std::stod(f[3]),
                             std::stod(f[4]), std::stod(f[7]), std::stod(f[8]), std::stod(f[9])});
  }
  return rows;
}

// How many of Decide's exchanges (all rounds, in order) Entente realizes in the same round and
// order, with the same actors and issues, the same moves (1e-9 on Decide's 0-100 scale) and
// the same gain (1e-12).
std::size_t AgreeingPrefix(const Scenario& s, const Forecast& f,
                           const std::vector<DecideRow>& rows) {
  const auto unit = [&s](const ExchangeMove& m, double v) {
    const Scale& scale = s.issues[m.issue].scale;
    return (v - scale.min) / scale.Range() * 100;
  };
  const auto far = [&](const ExchangeMove& m, double from, double to) {
    return std::abs(unit(m, m.from) - from) > 1e-9 || std::abs(unit(m, m.to) - to) > 1e-9;
  };
  std::size_t n = 0;
  while (n < rows.size() && n < f.exchanges.size()) {
    const ExchangeRecord& e = f.exchanges[n];
    const DecideRow& r = rows[n];
    if (e.round != r.round || s.actors[e.first.actor].id != r.i_actor ||
        s.issues[e.first.issue].id != r.i_issue || s.actors[e.second.actor].id != r.j_actor ||
        s.issues[e.second.issue].id != r.j_issue || far(e.first, r.i_from, r.i_to) ||
        far(e.second, r.j_from, r.j_to) || std::abs(e.gain - r.gain) > 1e-12) {
      break;
    }
    ++n;
  }
  return n;
}

// Compares a whole preset=decide run with Decide's: every exchange of every round, and the
// weighted mean of every issue after every round (summary.json).
void ExpectSameRunAsDecide(const std::string& input, const std::string& expected_dir) {
  const Scenario s = LoadScenario(input).ValueOrThrow();
  const Forecast f = RunReference(input);
  const std::vector<DecideRow> rows = DecideRows(expected_dir + "/exchanges.csv");
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(AgreeingPrefix(s, f, rows), rows.size());
  EXPECT_EQ(f.exchanges.size(), rows.size());
  std::ifstream in(expected_dir + "/summary.json");
  const nlohmann::json summary = nlohmann::json::parse(in);
  const auto& means = summary.at("weighted_mean_after_each_iteration");
  ASSERT_EQ(means.size(), 10u);
  for (std::size_t t = 0; t < means.size(); ++t) {
    for (std::size_t d = 0; d < s.issues.size(); ++d) {
      EXPECT_NEAR(f.issues[d].rounds[t + 1].mean, means[t].at(s.issues[d].id).get<double>(), 1e-9)
          << s.issues[d].id << " after round " << t + 1;
    }
  }
}

TEST(ExchangeReference, SampleDataMatchesDecideInEveryRound) {
  ENTENTE_SHARED_OR_SKIP(input, "validation/decide-exchange/sample_data.txt");
  ENTENTE_SHARED_OR_SKIP(expected, "validation/decide-exchange/expected-sample_data");
  ExpectSameRunAsDecide(input, expected);  // 366 exchanges in 10 rounds
}

TEST(ExchangeReference, Cop21MatchesDecideInEveryRound) {
  ENTENTE_SHARED_OR_SKIP(input, "validation/decide-exchange/cop21.csv");
  ENTENTE_SHARED_OR_SKIP(expected, "validation/decide-exchange/expected-cop21");
  ExpectSameRunAsDecide(input, expected);  // 1309 exchanges
}

TEST(ExchangeReference, CopenhagenMatchesDecideInEveryRound) {
  ENTENTE_SHARED_OR_SKIP(input, "validation/decide-exchange/copenhagen.csv");
  ENTENTE_SHARED_OR_SKIP(expected, "validation/decide-exchange/expected-copenhagen");
  ExpectSameRunAsDecide(input, expected);  // 450 exchanges
}

// Decide's bookkeeping in doubles: the same until the first tie that Decide's last decimal
// digits break (CoP21's 47th exchange: Japan gives way on progress to India for
// adapt_finance or for finance_vol, both with gain 0.075 x Japan's shift), so the decimal
// arithmetic is what makes the runs above agree.
TEST(ExchangeReference, DoubleArithmeticPartsAtDecimalTies) {
  ENTENTE_SHARED_OR_SKIP(copen, "validation/decide-exchange/copenhagen.csv");
  ENTENTE_SHARED_OR_SKIP(copen_expected, "validation/decide-exchange/expected-copenhagen");
  ENTENTE_SHARED_OR_SKIP(cop21, "validation/decide-exchange/cop21.csv");
  ENTENTE_SHARED_OR_SKIP(cop21_expected, "validation/decide-exchange/expected-cop21");
  const auto prefix = [](const std::string& input, const std::string& expected) {
    const Scenario s = LoadScenario(input).ValueOrThrow();
    ModelOptions o;
    o.Set("preset", "decide");
    o.Set("arithmetic", "double");
    return AgreeingPrefix(s, RunForecast(s, "exchange", o),
                          DecideRows(expected + "/exchanges.csv"));
  };
  EXPECT_EQ(prefix(copen, copen_expected), 48u + 16u);  // round 1, then 16 of round 2
  EXPECT_EQ(prefix(cop21, cop21_expected), 46u);
}

TEST(ExchangeReference, SampleDataFirstTwoGains) {
  ENTENTE_SHARED_OR_SKIP(path, "validation/decide-exchange/sample_data.txt");
  const Forecast f = RunReference(path);
  ASSERT_GE(f.exchanges.size(), 2u);
  EXPECT_NEAR(f.exchanges[0].gain, 1.9736842105, 1e-6);
  EXPECT_NEAR(f.exchanges[1].gain, 1.7926363088, 1e-6);
}

TEST(ExchangeReference, Cop21RoundZeroMeansAndFirstExchange) {
  ENTENTE_SHARED_OR_SKIP(path, "validation/decide-exchange/cop21.csv");
  const Scenario s = LoadScenario(path).ValueOrThrow();
  const Forecast f = RunReference(path);
  const auto mean0 = [&](const char* id) {
    for (std::size_t k = 0; k < s.issues.size(); ++k) {
      if (s.issues[k].id == id) return f.issues[k].rounds[0].mean;
    }
    return -1.0;
  };
  EXPECT_NEAR(mean0("finance_vol"), 47.644, 1e-3);
  EXPECT_NEAR(mean0("legal"), 57.969, 1e-3);
  EXPECT_NEAR(mean0("eaa"), 57.101, 1e-3);
  ASSERT_FALSE(f.exchanges.empty());
  const ExchangeRecord& e = f.exchanges[0];
  EXPECT_EQ(s.actors[e.first.actor].id, "USA");
  EXPECT_EQ(s.issues[e.first.issue].id, "eaa");
  EXPECT_EQ(s.actors[e.second.actor].id, "China");
  EXPECT_EQ(s.issues[e.second.issue].id, "finance_vol");
  EXPECT_NEAR(e.gain, 2.19072, 1e-5);
  EXPECT_NEAR(e.second.to, 10.786082474226804, 1e-9);
}

TEST(ExchangeReference, RandomRateIsSeeded) {
  ENTENTE_SHARED_OR_SKIP(path, "validation/decide-exchange/cop21.csv");
  const Forecast a = RunReference(path, "random-rate", "7");
  const Forecast b = RunReference(path, "random-rate", "7");
  const Forecast c = RunReference(path, "random-rate", "8");
  EXPECT_EQ(a.exchanges, b.exchanges);
  EXPECT_NE(a.exchanges, c.exchanges);
  for (const ExchangeRecord& e : a.exchanges) {
    EXPECT_GT(e.first.gain, 0);
    EXPECT_GT(e.second.gain, 0);
  }
}

TEST(ExchangeReference, CopenhagenWithErrorsIsRejectedWithLocatedErrors) {
  ENTENTE_SHARED_OR_SKIP(path, "validation/decide-exchange/copenhagen_with_errors.csv");
  const Result<Scenario> r = LoadScenario(path);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 2u);
  EXPECT_EQ(r.errors()[0].where.line, 86);
  EXPECT_EQ(r.errors()[0].where.field, "position");
  EXPECT_EQ(r.errors()[1].where.line, 87);
  EXPECT_EQ(r.errors()[1].where.field, "capability");
}

}  // namespace
}  // namespace entente
