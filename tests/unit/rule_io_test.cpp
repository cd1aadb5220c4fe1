// Decision rules in YAML and the CSV bundle: read, written back losslessly in both directions,
// and their mistakes reported with a location and a fix.
#include <gtest/gtest.h>

#include "entente/core/validation.hpp"
#include "entente/formats/csv_bundle.hpp"
#include "entente/formats/yaml_scenario.hpp"

namespace entente {
namespace {

constexpr const char* kYaml = R"(entente: 1
actors:
  - {id: com, name: Commission}
  - {id: ep, name: Parliament}
  - {id: de, name: Germany}
  - {id: fr, name: France}
  - {id: pl, name: Poland}
issues:
  - id: cod
    scale: {min: 0, max: 100}
    status_quo: 0
    decision_rule:
      kind: bicameral
      agenda_setter: com
      on_empty: model
      chambers:
        - {kind: qualified_majority, name: Council, preset: eu_council_nice, min_population: 0.62}
        - kind: majority
          name: Parliament
          members: [ep]
          absent: support
    stances:
      - {actor: com, position: 100, salience: 1, capability: 1}
      - {actor: ep, position: 80, salience: 1, capability: 1}
      - {actor: de, position: 40, salience: 1, capability: 29}
      - {actor: fr, position: 60, salience: 1, capability: 29}
      - {actor: pl, position: 0, salience: 1, capability: 27}
  - id: qmv
    scale: {min: 0, max: 10}
    status_quo: 5
    decision_rule:
      kind: qualified_majority
      threshold: 0.7388
      weights: {de: 29, fr: 29, pl: 27}
      min_members: 0.55
      min_member_count: 2
      population: {de: 83.1, fr: 67.4, pl: 37.8}
      min_population: 0.65
      blocking_minority: 2
      veto_players: [de]
      reversion_cost: 1.5
    stances:
      - {actor: de, position: 4, salience: 1, capability: 1}
      - {actor: fr, position: 6, salience: 1, capability: 1}
      - {actor: pl, position: 9, salience: 1, capability: 1}
  - id: council
    scale: {min: 0, max: 10}
    status_quo: 5
    decision_rule: {kind: majority, members: [de, fr, pl], seats: 5, weights: equal, absent: drop}
    stances:
      - {actor: de, position: 4, salience: 1, capability: 1}
  - id: plain
    scale: {min: 0, max: 10}
    status_quo: 5
    decision_rule: unanimity
    veto_players: [de, fr]
    stances:
      - {actor: de, position: 4, salience: 1, capability: 1}
      - {actor: fr, position: 6, salience: 1, capability: 1}
)";

Scenario Read() {
  Result<Scenario> s = ParseYamlScenario(kYaml, "rules.yaml");
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : FormatErrors(s.errors()));
  return s.ok() ? std::move(s).value() : Scenario{};
}

TEST(rule_io, yaml_reads_every_key) {
  const Scenario s = Read();
  ASSERT_EQ(s.issues.size(), 4u);
  const DecisionRule& cod = s.issues[0].rule;
  EXPECT_EQ(cod.kind, DecisionKind::kBicameral);
  EXPECT_EQ(cod.agenda_setter, "com");
  EXPECT_EQ(cod.on_empty, OnEmpty::kModel);
  ASSERT_EQ(cod.chambers.size(), 2u);
  EXPECT_EQ(cod.chambers[0].preset, "eu_council_nice");
  EXPECT_EQ(cod.chambers[0].min_population, 0.62);
  EXPECT_EQ(cod.chambers[1].absent, AbsentMembers::kSupport);
  EXPECT_EQ(cod.origin.line, 13);
  const DecisionRule& qmv = s.issues[1].rule;
  EXPECT_EQ(qmv.threshold, 0.7388);
  EXPECT_EQ(qmv.weight_source, WeightSource::kTable);
  EXPECT_EQ(qmv.weights, (std::vector<MemberValue>{{"de", 29}, {"fr", 29}, {"pl", 27}}));
  EXPECT_EQ(qmv.min_member_count, 2);
  EXPECT_EQ(qmv.blocking_minority, 2);
  EXPECT_EQ(qmv.veto_players, (std::vector<std::string>{"de"}));
  EXPECT_EQ(qmv.reversion_cost, 1.5);
  EXPECT_EQ(s.issues[2].rule.seats, 5);
  EXPECT_EQ(s.issues[2].rule.weight_source, WeightSource::kEqual);
  EXPECT_EQ(s.issues[2].rule.absent, AbsentMembers::kDrop);
  EXPECT_TRUE(s.issues[3].rule.IsSimple());
  EXPECT_TRUE(Validate(s).empty()) << FormatErrors(Validate(s));
}

TEST(rule_io, yaml_round_trip_is_lossless) {
  const Scenario s = Read();
  const std::string text = WriteYamlScenario(s);
  const Result<Scenario> back = ParseYamlScenario(text, "back.yaml");
  ASSERT_TRUE(back.ok()) << FormatErrors(back.errors()) << text;
  EXPECT_EQ(back.value(), s);
  // Plain rules keep their short form, so older files are written as they were.
  EXPECT_NE(text.find("    decision_rule: unanimity\n    veto_players: [de, fr]\n"),
            std::string::npos);
}

TEST(rule_io, csv_bundle_round_trip_is_lossless) {
  const Scenario s = Read();
  const Result<FileSet> files = WriteCsvBundle(s);
  ASSERT_TRUE(files.ok());
  ASSERT_TRUE(files.value().contains("rules.csv"));
  // Three issues need rules.csv; the bicameral one takes a row per chamber too.
  const std::string& rules = files.value().at("rules.csv");
  EXPECT_EQ(std::count(rules.begin(), rules.end(), '\n'), 1 + 3 + 2);
  const Result<Scenario> back = ParseCsvBundle(files.value(), "b");
  ASSERT_TRUE(back.ok()) << FormatErrors(back.errors()) << rules;
  EXPECT_EQ(back.value(), s);
  // And back to YAML: the same text.
  EXPECT_EQ(WriteYamlScenario(back.value()), WriteYamlScenario(s));
}

Errors YamlErrors(const std::string& rule) {
  const std::string text = std::string(R"(entente: 1
actors:
  - {id: A, name: A}
issues:
  - id: i
    scale: {min: 0, max: 10}
    status_quo: 5
)") + rule + R"(
    stances:
      - {actor: A, position: 4, salience: 1, capability: 1}
)";
  Result<Scenario> s = ParseYamlScenario(text, "r.yaml");
  if (!s.ok()) return s.errors();
  return Validate(s.value());
}

std::string First(const Errors& e) {
  return e.empty() ? ""
                   : e.front().where.ToString() + " " + e.front().message + "; " + e.front().hint;
}

TEST(rule_io, mistakes_are_located_with_their_fix) {
  EXPECT_EQ(First(YamlErrors("    decision_rule: supermajority")),
            "r.yaml:8 unknown decision rule 'supermajority'; use none, unanimity, majority, "
            "qualified_majority or bicameral");
  EXPECT_EQ(First(YamlErrors("    decision_rule: {kind: qualified_majority}")),
            "r.yaml:8 issue 'i': a qualified majority needs a threshold; give the share of the "
            "weight needed, e.g. 'threshold: 0.7388'");
  EXPECT_EQ(First(YamlErrors("    decision_rule: {kind: majority, threshold: 0.6}")),
            "r.yaml:8 issue 'i': a majority is more than half; it takes no threshold; use "
            "'kind: qualified_majority' with the threshold");
  EXPECT_EQ(First(YamlErrors("    decision_rule: {kind: majority, treshold: 0.6}")),
            "r.yaml:8 unknown key 'treshold' in a decision rule; use one of: kind, name, preset, "
            "members, seats, threshold, weights, min_members, min_member_count, population, "
            "min_population, blocking_minority, veto_players, absent, agenda_setter, on_empty, "
            "reversion_cost, chambers");
  EXPECT_EQ(First(YamlErrors("    decision_rule: {preset: un_security_councl, members: [A]}")),
            "r.yaml:8 issue 'i': unknown preset 'un_security_councl'; use one of: "
            "un_security_council, eu_council_pre_nice, eu_council_nice, eu_council_lisbon");
  EXPECT_EQ(First(YamlErrors("    decision_rule: {preset: eu_council_lisbon}")),
            "r.yaml:8 issue 'i': no actor is named by an EU member-state code, so nobody votes "
            "in the Council; name the member states' actors by their codes (de, fr, it, es, pl, "
            "...)");
  EXPECT_EQ(First(YamlErrors("    decision_rule: {kind: bicameral, chambers: [{kind: majority}]}")),
            "r.yaml:8 issue 'i': a bicameral rule needs at least two chambers; list each "
            "chamber's rule under 'chambers:', e.g. a Council and a Parliament");
  EXPECT_EQ(First(YamlErrors("    decision_rule: {kind: majority, members: [A, B]}")),
            "r.yaml:8 issue 'i': unknown member 'B'; use an actor id from the actors list");
  EXPECT_EQ(First(YamlErrors("    decision_rule: {kind: majority, on_empty: model_point}")),
            "r.yaml:8 unknown on_empty 'model_point'; use status_quo or model");
  EXPECT_EQ(First(YamlErrors("    decision_rule: {kind: majority, weights: {A: -1}}")),
            "r.yaml:8 issue 'i': weights of 'A' is -1; give a number >= 0");
  EXPECT_EQ(First(YamlErrors("    decision_rule: {kind: majority, members: [A], seats: 3}")),
            "r.yaml:8 issue 'i': seats not modelled need equal weights; add 'weights: equal' (one "
            "vote per seat)");
  EXPECT_EQ(First(YamlErrors("    decision_rule: {kind: majority}\n    veto_players: [A]")),
            "r.yaml:9 veto players are given twice: next to and inside 'decision_rule'; move "
            "them into the decision_rule mapping");
}

TEST(rule_io, csv_rules_mistakes_are_located) {
  FileSet files;
  files["actors.csv"] = "actor,name\nA,A\n";
  files["issues.csv"] =
      "issue,name,scale_min,scale_max,status_quo,decision_rule,veto_players\n"
      "i,I,0,10,5,unanimity,A\n";
  files["stances.csv"] = "issue,actor,position,salience,capability\ni,A,4,1,1\n";
  files["rules.csv"] = "issue,chamber,kind,threshold\ni,,qualified_majority,0.6\ni,2,majority,\n";
  const Result<Scenario> s = ParseCsvBundle(files, "b");
  ASSERT_FALSE(s.ok());
  ASSERT_EQ(s.errors().size(), 2u);
  EXPECT_EQ(s.errors()[0].where.ToString(), "b/rules.csv:2");
  EXPECT_EQ(s.errors()[0].message,
            "issue 'i': issues.csv and rules.csv disagree on the decision rule");
  EXPECT_EQ(s.errors()[1].where.ToString(), "b/rules.csv:3");
  EXPECT_EQ(s.errors()[1].message, "issue 'i': chamber '2' is out of order");
}

}  // namespace
}  // namespace entente
