#include "entente/formats/yaml_scenario.hpp"

#include <gtest/gtest.h>

namespace entente {
namespace {

constexpr const char* kGood = R"(entente: 1
title: Test
actors:
  - id: A
    name: Alpha
  - {id: B, name: Beta}
issues:
  - id: i1
    name: Issue one
    scale:
      min: 0
      max: 10
      unit: years
      anchors:
        0: now
        10: "never: not at all"
    status_quo: 5
    decision_rule: unanimity
    veto_players: [A, B]
    stances:
      - {actor: A, position: 2, salience: 0.5, capability: 1, basis: brief, note: "says so"}
      - actor: B
        position: 8
        salience: 1
        capability: 2
)";

TEST(Yaml, ReadsTheDocumentedLayout) {
  const Result<Scenario> r = ParseYamlScenario(kGood, "s.yaml");
  ASSERT_TRUE(r.ok()) << FormatErrors(r.errors());
  const Scenario& s = r.value();
  EXPECT_EQ(s.meta.title, "Test");
  EXPECT_EQ(s.actors[1].name, "Beta");
  const Issue& i = s.issues[0];
  EXPECT_EQ(i.scale.anchors[1].label, "never: not at all");
  EXPECT_EQ(i.status_quo, 5);
  EXPECT_EQ(i.rule.veto_players, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(i.stances[1].capability, 2);
  EXPECT_EQ(i.stances[1].origin.file, "s.yaml");
  EXPECT_EQ(i.stances[1].origin.line, 22);
  EXPECT_EQ(i.stances[1].origin.path, "issues[0].stances[1]");
}

TEST(Yaml, SyntaxErrorHasALine) {
  const Result<Scenario> r = ParseYamlScenario("actors: [\n  - id: A\n", "bad.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors()[0].where.file, "bad.yaml");
  EXPECT_GT(r.errors()[0].where.line, 0);
  EXPECT_NE(r.errors()[0].message.find("YAML syntax error"), std::string::npos);
}

TEST(Yaml, UnknownKeysAndBadNumbersAreAllReported) {
  std::string text = kGood;
  text.replace(text.find("salience: 1\n"), 12, "salience: high\n");
  text.replace(text.find("capability: 1,"), 14, "capabilty: 1,");
  const Result<Scenario> r = ParseYamlScenario(text, "s.yaml");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors().size(), 3u);
  EXPECT_EQ(r.errors()[0].ToString(),
            "s.yaml:21: unknown key 'capabilty' in a stance (field 'capabilty'); fix: use one of: "
            "actor, coder, position, salience, capability, basis, note");
  EXPECT_EQ(r.errors()[1].message, "missing 'capability'");
  EXPECT_EQ(r.errors()[2].ToString(),
            "s.yaml:24: salience 'high' is not a number (field 'salience'); fix: write a plain "
            "decimal number such as 13 or 0.45");
}

TEST(Yaml, EmptyFileAndWrongRoot) {
  EXPECT_EQ(ParseYamlScenario("", "e.yaml").errors()[0].message, "file is empty");
  EXPECT_FALSE(ParseYamlScenario("- a\n- b\n", "l.yaml").ok());
}

TEST(Yaml, WriterQuotesWhatYamlWouldMisread) {
  Scenario s;
  s.meta.title = "yes";
  s.meta.as_of = "2021-02-25";
  s.actors.push_back(Actor{"A", "- dash: colon, comma #hash", "", {}});
  const std::string text = WriteYamlScenario(s);
  EXPECT_NE(text.find("title: \"yes\""), std::string::npos);
  EXPECT_NE(text.find("as_of: \"2021-02-25\""), std::string::npos);
  EXPECT_NE(text.find("name: \"- dash: colon, comma #hash\""), std::string::npos);
}

// Issue #16 item 7: duplicate keys were accepted (the first won), a second document was
// ignored and a NUL byte read as a line break. Each is now an error with its line.
TEST(Yaml, DuplicateKeyIsAnErrorAtItsLine) {
  std::string text = kGood;
  text.replace(text.find("        capability: 2\n"), 22,
               "        capability: 2\n        position: 9\n");
  const Result<Scenario> r = ParseYamlScenario(text, "s.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors()[0].ToString(),
            "s.yaml:26: duplicate key 'position' (first given on line 23) (field 'position'); "
            "fix: keep one of the two: YAML takes each key once per mapping");
  const Result<Scenario> top = ParseYamlScenario(std::string(kGood) + "title: Again\n", "t.yaml");
  ASSERT_FALSE(top.ok());
  EXPECT_EQ(top.errors()[0].where.line, 26);
  EXPECT_NE(top.errors()[0].message.find("duplicate key 'title' (first given on line 2)"),
            std::string::npos);
}

TEST(Yaml, DuplicateKeysUnderAliasesAreCheckedOnceAndCyclesEnd) {
  const Result<Scenario> r =
      ParseYamlScenario("title: &t {a: 1, a: 2}\ndescription: *t\nsources: &s [*s]\n", "a.yaml");
  ASSERT_FALSE(r.ok());
  int duplicates = 0;
  for (const Error& e : r.errors()) duplicates += e.message.starts_with("duplicate key 'a'");
  EXPECT_EQ(duplicates, 1) << FormatErrors(r.errors());
}

// Found by fuzz_yaml_scenario: yaml-cpp's LoadAll, used to find a second document, never
// returned on a line starting with ',' (it yields empty documents without end).
TEST(Yaml, LineStartingWithACommaHungTheReader) {
  for (const char* text : {", b\n", "# a note\n, b\nk: v\n"}) {
    const Result<Scenario> r = ParseYamlScenario(text, "c.yaml");
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.errors()[0].where.file, "c.yaml");
    EXPECT_GE(r.errors()[0].where.line, 1);
  }
}

TEST(Yaml, SecondDocumentIsAnErrorAtItsLine) {
  const Result<Scenario> r =
      ParseYamlScenario(std::string(kGood) + "---\ntitle: Second\n", "s.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors()[0].where.line, 27);
  EXPECT_NE(r.errors()[0].message.find("a second YAML document"), std::string::npos);
  // An empty trailing document holds nothing that could be lost.
  EXPECT_TRUE(ParseYamlScenario(std::string(kGood) + "---\n", "s.yaml").ok());
  EXPECT_TRUE(ParseYamlScenario(std::string(kGood) + "...\n", "s.yaml").ok());
}

TEST(Yaml, NulByteIsAnErrorNotALineBreak) {
  std::string text = kGood;
  text[text.find("Beta")] = '\0';
  const Result<Scenario> r = ParseYamlScenario(text, "s.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors()[0].where.line, 6);
  EXPECT_NE(r.errors()[0].message.find("NUL byte"), std::string::npos);
}

}  // namespace
}  // namespace entente
