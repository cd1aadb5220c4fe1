// Presets (UN Security Council, EU Council by treaty regime), the DEU procedure mapping and a
// worked DEU issue, each with its numbers worked out by hand in the comments (T9-T11 of the
// procedures research; the populations are the Council's published shares in eu_council.cpp).
#include "entente/core/rule_presets.hpp"

#include <gtest/gtest.h>

#include <map>

#include "entente/core/eu_council.hpp"
#include "entente/core/validation.hpp"
#include "entente/models/decision_rule.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

// One issue on [0, 100] with status quo q; every actor in `positions` takes a stance there
// (salience 1, capability 1); `extra` actors exist without a stance.
Scenario Council(const std::map<std::string, double>& positions, double q, DecisionRule rule,
                 const std::vector<std::string>& extra = {}) {
  Scenario s;
  Issue issue;
  issue.id = "i";
  issue.scale = Scale{0, 100, "", {}};
  issue.status_quo = q;
  issue.rule = std::move(rule);
  for (const auto& [id, x] : positions) {
    s.actors.push_back(Actor{id, id, "", {}});
    issue.stances.push_back(Stance{id, x, 1, 1, Basis::kUnstated, "", {}});
  }
  for (const std::string& id : extra) s.actors.push_back(Actor{id, id, "", {}});
  s.issues.push_back(std::move(issue));
  return s;
}

DecisionRule Preset(std::string name, DecisionKind kind = DecisionKind::kQualifiedMajority) {
  DecisionRule r;
  r.kind = kind;
  r.preset = std::move(name);
  return r;
}

RuleApplication Apply(const Scenario& s, double u) {
  const Issue& issue = s.issues[0];
  std::vector<double> x;
  std::vector<double> c;
  for (const Stance& st : issue.stances) {
    x.push_back(st.position);
    c.push_back(st.capability);
  }
  return ApplyRule(LayoutRule(s.actors, issue), u, *issue.status_quo, x, c);
}

std::vector<std::string> Names(const Scenario& s, const std::vector<std::size_t>& seats) {
  const RuleLayout layout = LayoutRule(s.actors, s.issues[0]);
  std::vector<std::string> out;
  for (std::size_t i : seats) out.push_back(layout.chambers[0].seats[i].name);
  std::sort(out.begin(), out.end());
  return out;
}

// T9: pre-Nice, 62 of 87, q = 0. Cumulative votes from the top: 100 nl se dk (12), 90 uk (22),
// 80 de (32), 70 it fi (45), 60 be at lu (56), 50 ie (59), 40 pt (64 >= 62): pivot pt, W up to
// 80. Beyond 80 pt, es, fr and el (28 votes) say no. With nl absent (it still counts in the
// 87): 7, 17, 27, 40, 51, 54, 59, then es at 30 gives 67: W up to 60.
const std::map<std::string, double> kT9 = {{"de", 80}, {"fr", 20}, {"it", 70},  {"uk", 90},
                                           {"es", 30}, {"be", 60}, {"el", 10},  {"nl", 100},
                                           {"pt", 40}, {"at", 60}, {"se", 100}, {"dk", 100},
                                           {"fi", 70}, {"ie", 50}, {"lu", 60}};

TEST(rule_presets, eu_pre_nice_pivot_and_blocking_minority) {
  const Scenario s = Council(kT9, 0, Preset("eu_council_pre_nice"));
  ASSERT_TRUE(Validate(s).empty()) << FormatErrors(Validate(s));
  const RuleApplication a = Apply(s, 95);
  EXPECT_DOUBLE_EQ(a.win_set.lo, 0);
  EXPECT_DOUBLE_EQ(a.win_set.hi, 80);
  EXPECT_DOUBLE_EQ(a.outcome, 80);
  const WinSide& up = a.win_set.chambers[0].upper;
  EXPECT_EQ(Names(s, up.pivots), (std::vector<std::string>{"pt"}));
  EXPECT_EQ(Names(s, up.blocking), (std::vector<std::string>{"el", "es", "fr", "pt"}));
  auto without_nl = kT9;
  without_nl.erase("nl");
  const Scenario absent = Council(without_nl, 0, Preset("eu_council_pre_nice"), {"nl"});
  EXPECT_DOUBLE_EQ(Apply(absent, 95).win_set.hi, 60);
  // The same absent member, named by no actor at all, is the Council's NL seat: same result.
  const Scenario unnamed = Council(without_nl, 0, Preset("eu_council_pre_nice"));
  EXPECT_DOUBLE_EQ(Apply(unnamed, 95).win_set.hi, 60);
}

TEST(rule_presets, words_name_the_pivot_and_the_blocking_share) {
  const Scenario s = Council(kT9, 0, Preset("eu_council_pre_nice"));
  Forecast f = RunForecast(s, "compromise", {});
  ASSERT_TRUE(f.issues[0].procedure.has_value());
  const ProcedureResult& p = *f.issues[0].procedure;
  // compromise = mean of the positions = 940 / 15 = 62.7, inside [0, 80].
  EXPECT_FALSE(p.binds);
  EXPECT_EQ(p.pivots, (std::vector<std::string>{"pt"}));
  EXPECT_NEAR(p.blocking_share, 28.0 / 87, 1e-12);
  EXPECT_EQ(p.weight_unit, "votes");
  EXPECT_NE(p.explanation.find("only points from 0.0 to 80.0 can pass"), std::string::npos)
      << p.explanation;
}

// T10: Lisbon, EU-27 (2025 shares). de, fr, it and es (57.67% of the population) at 0, the 23
// others at 100, q = 50: the 23 hold 42.33% < 65% and the four opponents are a valid blocking
// minority, so nothing passes. With only de, fr and it opposing, the 24 hold 53.11% < 65%, but
// three opponents cannot block: the majority is deemed attained and W reaches 150.
TEST(rule_presets, eu_lisbon_double_majority_and_its_clause) {
  std::map<std::string, double> pos;
  for (const CouncilMember& m : CouncilMembers()) {
    if (m.code != "uk") pos[std::string(m.code)] = 100;
  }
  for (const char* big : {"de", "fr", "it", "es"}) pos[big] = 0;
  Scenario s = Council(pos, 50, Preset("eu_council_lisbon"));
  RuleApplication a = Apply(s, 100);
  EXPECT_TRUE(a.win_set.Empty());
  EXPECT_EQ(a.win_set.chambers[0].upper.binding, RuleTest::kPopulation);
  pos["es"] = 100;
  s = Council(pos, 50, Preset("eu_council_lisbon"));
  a = Apply(s, 100);
  EXPECT_DOUBLE_EQ(a.win_set.lo, 50);
  EXPECT_DOUBLE_EQ(a.win_set.hi, 150);
  EXPECT_EQ(a.win_set.chambers[0].upper.binding, RuleTest::kClause);
}

// T11: Nice, EU-27 (no Croatia actor, 255 of 345). de, fr and uk (87 votes) at 0, the rest at
// 100, q = 50: 258 votes and 24 members pass. With the 62% population check (EU-28 shares of
// 2016 without Croatia: 57.47 of 99.18 = 57.9%) it fails; with pl opposing too, 231 < 255.
TEST(rule_presets, eu_nice_votes_members_and_population_check) {
  std::map<std::string, double> pos;
  for (const CouncilMember& m : CouncilMembers()) {
    if (m.code != "cr") pos[std::string(m.code)] = 100;
  }
  for (const char* big : {"de", "fr", "uk"}) pos[big] = 0;
  EXPECT_DOUBLE_EQ(Apply(Council(pos, 50, Preset("eu_council_nice")), 100).win_set.hi, 150);
  DecisionRule checked = Preset("eu_council_nice");
  checked.min_population = 0.62;
  EXPECT_TRUE(Apply(Council(pos, 50, checked), 100).win_set.Empty());
  pos["pl"] = 0;
  EXPECT_TRUE(Apply(Council(pos, 50, Preset("eu_council_nice")), 100).win_set.Empty());
  // Naming Croatia makes it the EU-28 (260 of 352): 258 + 7 = 265 passes without pl again.
  pos["pl"] = 100;
  pos["cr"] = 100;
  const DecisionRule expanded =
      ExpandPreset(Preset("eu_council_nice"), Council(pos, 50, Preset("eu_council_nice")).actors);
  EXPECT_EQ(expanded.members.size(), 28u);
  EXPECT_NEAR(*expanded.threshold, 260.0 / 352, 1e-15);
  EXPECT_EQ(expanded.min_member_count, 15);
}

TEST(rule_presets, council_tables_match_the_treaties) {
  double pre = 0;
  double nice = 0;
  double eu28 = 0;
  double eu27 = 0;
  for (const CouncilMember& m : CouncilMembers()) {
    pre += m.pre_nice_votes;
    nice += m.nice_votes;
    eu28 += m.population_eu28;
    eu27 += m.population_eu27;
  }
  EXPECT_DOUBLE_EQ(pre, 87);
  EXPECT_DOUBLE_EQ(nice, 352);
  EXPECT_NEAR(eu28, 100.01, 1e-9);  // published to two decimals
  EXPECT_NEAR(eu27, 100.01, 1e-9);
  EXPECT_EQ(FindCouncilMember("GB"), FindCouncilMember("uk"));
  EXPECT_EQ(FindCouncilMember("DE")->nice_votes, 29);
  EXPECT_EQ(FindCouncilMember("us"), nullptr);
  EXPECT_EQ(NiceQuota(345), 255);
}

// The Security Council: US at 15, CHINA at 75, RUSSIA at 80 are the members the scenario
// models (all permanent); the other 12 seats count without a stance, so they do not vote yes.
TEST(rule_presets, security_council_with_members_not_modelled) {
  DecisionRule r = Preset("un_security_council");
  r.members = {"US", "CHINA", "RUSSIA"};
  r.veto_players = {"US", "CHINA", "RUSSIA"};
  const Scenario s = Council({{"US", 15}, {"CHINA", 75}, {"RUSSIA", 80}}, 25, r);
  ASSERT_TRUE(Validate(s).empty()) << FormatErrors(Validate(s));
  const RuleApplication a = Apply(s, 46);
  EXPECT_TRUE(a.win_set.Empty());
  EXPECT_DOUBLE_EQ(a.outcome, 25);
  ASSERT_TRUE(a.binding_veto.has_value());
  const RuleLayout layout = LayoutRule(s.actors, s.issues[0]);
  EXPECT_EQ(layout.veto_players[*a.binding_veto], "US");
  EXPECT_EQ(layout.chambers[0].seats.size(), 15u);
  // Moving down: US alone is 1 of the 9 votes, and CHINA and RUSSIA veto.
  EXPECT_EQ(a.win_set.chambers[0].lower.binding, RuleTest::kVeto);
}

TEST(rule_presets, deu_procedures_map_to_rules) {
  Result<DecisionRule> cns = RuleForDeuProcedure("CNS", "QMV", "pre_nice");
  ASSERT_TRUE(cns.ok());
  EXPECT_EQ(cns.value().kind, DecisionKind::kQualifiedMajority);
  EXPECT_EQ(cns.value().preset, "eu_council_pre_nice");
  EXPECT_EQ(cns.value().agenda_setter, "com");
  Result<DecisionRule> cod = RuleForDeuProcedure("COD", "Unan", "nice");
  ASSERT_TRUE(cod.ok());
  EXPECT_EQ(cod.value().kind, DecisionKind::kBicameral);
  ASSERT_EQ(cod.value().chambers.size(), 2u);
  EXPECT_EQ(cod.value().chambers[0].kind, DecisionKind::kUnanimity);
  EXPECT_EQ(cod.value().chambers[1].members, (std::vector<std::string>{"ep"}));
  EXPECT_EQ(cod.value().chambers[1].absent, AbsentMembers::kSupport);
  Result<DecisionRule> ten = RuleForDeuProcedure("CNS", "QMV(10)", "pre_nice");
  ASSERT_TRUE(ten.ok());
  EXPECT_EQ(ten.value().min_member_count, 10);
  EXPECT_TRUE(ten.value().agenda_setter.empty());
  EXPECT_FALSE(RuleForDeuProcedure("SYN", "QMV", "pre_nice").ok());
  EXPECT_FALSE(RuleForDeuProcedure("CNS", "QMV", "maastricht").ok());
  EXPECT_FALSE(RuleForDeuProcedure("CNS", "majority", "nice").ok());
}

// DEU I d96085i2 (COD, QMV), q = 0: dk fi lu nl se at 45, uk at 9, de fr it es be el pt ie at
// 100, at without a position; Parliament 82; Commission 100. Council: 56 votes at 100, then 73
// at 45, so the pivot is 45 and the Council allows up to 90; the Parliament up to 164.
// W = [0, 90]; the compromise 79.777 stays; the Commission as setter gets 90.
TEST(rule_presets, deu_codecision_issue_regression) {
  std::map<std::string, double> pos = {{"com", 100}, {"ep", 82}, {"uk", 9}};
  for (const char* m : {"dk", "fi", "lu", "nl", "se"}) pos[m] = 45;
  for (const char* m : {"de", "fr", "it", "es", "be", "el", "pt", "ie"}) pos[m] = 100;
  const Scenario s = Council(pos, 0, RuleForDeuProcedure("COD", "QMV", "pre_nice").value(), {"at"});
  ASSERT_TRUE(Validate(s).empty()) << FormatErrors(Validate(s));
  const RuleApplication a = Apply(s, 79.777);
  EXPECT_DOUBLE_EQ(a.win_set.lo, 0);
  EXPECT_DOUBLE_EQ(a.win_set.hi, 90);
  EXPECT_DOUBLE_EQ(a.win_set.chambers[1].upper.bound, 164);
  EXPECT_DOUBLE_EQ(a.outcome, 79.777);
  const Forecast f = RunForecast(s, "procedural", {});
  EXPECT_DOUBLE_EQ(f.issues[0].outcome, 90);
  EXPECT_EQ(f.issues[0].proposer, "com");
}

TEST(rule_presets, describe_rules_in_words) {
  DecisionRule r = Preset("un_security_council");
  r.veto_players = {"US", "CHINA"};
  EXPECT_EQ(DescribeRule(ExpandPreset(r, {})),
            "the UN Security Council's rule (9 of 15 votes, no veto by US, CHINA)");
  EXPECT_EQ(DescribeRule(Preset("eu_council_pre_nice")),
            "the EU Council's qualified majority (pre-Nice: 62 of 87 votes)");
  DecisionRule qm;
  qm.kind = DecisionKind::kQualifiedMajority;
  qm.threshold = 0.7388;
  qm.min_members = 0.55;
  qm.weight_source = WeightSource::kTable;
  EXPECT_EQ(DescribeRule(qm), "qualified majority (73.9% of the votes, 55% of the members)");
  EXPECT_EQ(DescribeRule(DecisionRule{DecisionKind::kUnanimity, {"US", "ROK"}}),
            "unanimity of US, ROK");
}

}  // namespace
}  // namespace entente
