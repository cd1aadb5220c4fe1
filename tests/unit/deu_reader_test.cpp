// The DEU reader: conventions on hand-made rows, located errors, the shipped Council tables
// against the data set's own table, and the DEU I reference MAEs from the raw file.
#include "entente/formats/deu_reader.hpp"

#include <sys/wait.h>  // WEXITSTATUS
#include <unistd.h>    // getpid

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "entente/analysis/backtest.hpp"
#include "entente/core/text.hpp"
#include "entente/core/validation.hpp"
#include "entente/formats/csv.hpp"
#include "entente/formats/scenario_io.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

namespace fs = std::filesystem;

// Row 1 (line 2): 30 May 2001 (the spreadsheet's 1930-05-01), pre-Nice; lu's 999 and pl's
// blank drop them. Row 2: no ep position, no outcome. Row 3: Poland takes part, so the
// enlarged Council's weights; no reference point.
const char* const kTable =
    "prnrnmc\tprnr\tprname\tisnr\tproc\tcounvte\tintro\tfinact\tpcom\tpep\tpde\tpfr\tplu\tppl\t"
    "scom\tsep\tsde\tsfr\tslu\tspl\trp\tout\n"
    "1\td01\tdocs\td01i1\tCOD\tQMV\t26-01-00\t1930-05-01\t100\t0\t40\t60\t999\t\t80\t50\t100\t50\t"
    "20\t\t0\t70\n"
    "1\td01\tdocs\td01i2\tCOD\tQMV\t26-01-00\t1930-05-"
    "01\t50\t\t0\t100\t\t\t20\t\t40\t60\t\t\t100\t\n"
    "2\td02\ttax\td02i1\tCNS\tUnan\t15-05-98\t29-07-"
    "99\t0\t100\t0\t100\t50\t30\t50\t50\t50\t50\t50\t"
    "50\t\t45\n";

ScenarioDocument Parse(const std::string& text, const DeuOptions& options = {}) {
  Result<ScenarioDocument> r = ParseDeu(text, "t.tsv", options);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : FormatErrors(r.errors()));
  return r.ok() ? std::move(r).value() : ScenarioDocument{};
}

double Capability(const Issue& issue, const std::string& actor) {
  const Stance* s = issue.FindStance(actor);
  return s == nullptr ? -1 : s->capability;
}

TEST(DeuReader, reads_stances_capabilities_groups_and_outcomes_by_the_conventions) {
  const ScenarioDocument doc = Parse(kTable);
  const Scenario& s = doc.scenario;
  ASSERT_EQ(s.issues.size(), 3u);
  EXPECT_TRUE(Validate(s).empty()) << FormatErrors(Validate(s));
  // Actors in column order, only those with a stance somewhere; names from the table.
  ASSERT_EQ(s.actors.size(), 6u);
  EXPECT_EQ(s.actors[0].id, "com");
  EXPECT_EQ(s.actors[0].name, "European Commission");
  EXPECT_EQ(s.actors[5].id, "pl");

  const Issue& a = s.issues[0];
  EXPECT_EQ(a.id, "d01i1");
  EXPECT_EQ(a.name, "docs, issue 1");
  ASSERT_EQ(a.stances.size(), 4u);  // com, ep, de, fr: lu's 999 and pl's blank are missing
  EXPECT_EQ(a.FindStance("lu"), nullptr);
  EXPECT_DOUBLE_EQ(a.FindStance("com")->salience, 0.8);
  EXPECT_DOUBLE_EQ(Capability(a, "de"), 10);   // pre-Nice
  EXPECT_DOUBLE_EQ(Capability(a, "com"), 10);  // the largest member state's
  EXPECT_DOUBLE_EQ(Capability(a, "ep"), 10);
  EXPECT_EQ(a.status_quo, 0);
  EXPECT_EQ(*a.Meta("proc"), "COD");
  EXPECT_EQ(*a.Meta("counvte"), "QMV");
  EXPECT_EQ(*a.Meta("finact"), "1930-05-01");
  EXPECT_EQ(*a.Meta("council_regime"), "pre_nice");
  EXPECT_EQ(a.Meta("pde"), nullptr);
  EXPECT_EQ(a.Meta("out"), nullptr);  // outcomes never travel inside the scenario

  const Issue& c = s.issues[2];
  EXPECT_EQ(*c.Meta("council_regime"), "nice");  // Poland sits in the enlarged Council
  EXPECT_DOUBLE_EQ(Capability(c, "de"), 29);
  EXPECT_DOUBLE_EQ(Capability(c, "lu"), 4);
  EXPECT_DOUBLE_EQ(Capability(c, "pl"), 27);
  EXPECT_DOUBLE_EQ(Capability(c, "com"), 29);
  EXPECT_FALSE(c.status_quo.has_value());

  ASSERT_EQ(s.groups.size(), 2u);
  EXPECT_EQ(s.groups[0].id, "d01");
  EXPECT_EQ(s.groups[0].name, "docs");
  EXPECT_EQ(s.groups[0].issues, (std::vector<std::string>{"d01i1", "d01i2"}));

  ASSERT_EQ(doc.outcomes.size(), 2u);
  EXPECT_EQ(doc.outcomes[0].issue, "d01i1");
  EXPECT_EQ(doc.outcomes[0].value, 70);
  EXPECT_EQ(doc.outcomes[0].date, "2001-05-30");
  EXPECT_EQ(doc.outcomes[1].issue, "d02i1");
  EXPECT_EQ(doc.outcomes[1].date, "1999-07-29");
  EXPECT_TRUE(ValidateOutcomes(s, doc.outcomes).empty());
  // The blank reference point is said, not invented.
  ASSERT_EQ(doc.notes.size(), 1u);
  EXPECT_NE(doc.notes[0].message.find("d02i1"), std::string::npos);
  EXPECT_EQ(doc.notes[0].where.line, 4);
}

TEST(DeuReader, options_choose_other_conventions) {
  DeuOptions mean;
  ASSERT_TRUE(SetDeuOption(mean, "com_ep_capability", "mean").ok());
  EXPECT_DOUBLE_EQ(Capability(Parse(kTable, mean).scenario.issues[2], "com"),
                   (29 + 29 + 4 + 27) / 4.0);
  DeuOptions fixed;
  ASSERT_TRUE(SetDeuOption(fixed, "com_ep_capability", "0").ok());
  EXPECT_DOUBLE_EQ(Capability(Parse(kTable, fixed).scenario.issues[0], "ep"), 0);
  DeuOptions lisbon;
  ASSERT_TRUE(SetDeuOption(lisbon, "regime", "lisbon").ok());
  EXPECT_DOUBLE_EQ(Capability(Parse(kTable, lisbon).scenario.issues[0], "de"), 83.12);
  DeuOptions strict;
  ASSERT_TRUE(SetDeuOption(strict, "min_actors", "5").ok());
  const ScenarioDocument d = Parse(kTable, strict);
  ASSERT_EQ(d.outcomes.size(), 1u);  // d01i1 has 4 actors: its outcome is not scored
  EXPECT_EQ(d.outcomes[0].issue, "d02i1");
  DeuOptions bad;
  EXPECT_FALSE(SetDeuOption(bad, "com_ep_capability", "biggest").ok());
  EXPECT_FALSE(SetDeuOption(bad, "min_actors", "2.5").ok());
  EXPECT_FALSE(SetDeuOption(bad, "colour", "red").ok());
}

TEST(DeuReader, bad_cells_are_located_errors) {
  std::string text = kTable;
  text.replace(text.find("\t40\t60\t"), 7, "\tabc\t60\t");
  Result<ScenarioDocument> r = ParseDeu(text, "t.tsv", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors()[0].where.file, "t.tsv");
  EXPECT_EQ(r.errors()[0].where.line, 2);
  EXPECT_EQ(r.errors()[0].where.field, "pde");

  std::string date = kTable;
  date.replace(date.find("29-07-99"), 8, "29-13-99");
  r = ParseDeu(date, "t.tsv", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors()[0].where.line, 4);
  EXPECT_EQ(r.errors()[0].where.field, "finact");

  r = ParseDeu(std::string(kTable) +
                   "3\td03\tx\td03i1\n\textra\tcells\tbeyond\tthe\theader\t1\t2\t3"
                   "\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16\t17\t18\t19\t20\n",
               "t.tsv", {});
  ASSERT_FALSE(r.ok());

  r = ParseDeu("isnr\tpxx\tsxx\ni1\t1\t2\n", "t.tsv", {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors()[0].message.find("unknown actor code 'xx'"), std::string::npos);
}

TEST(DeuReader, is_detected_by_content_and_reads_commas_too) {
  EXPECT_TRUE(LooksLikeDeu(kTable));
  EXPECT_FALSE(LooksLikeDeu("issue,actor,position\n"));
  EXPECT_FALSE(LooksLikeDeu("#A\tUS\n"));
  const fs::path dir = fs::temp_directory_path() / ("entente-deu-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "table.txt";
  std::ofstream(file) << kTable;
  ASSERT_TRUE(DetectFormat(file.string()).ok());
  EXPECT_EQ(DetectFormat(file.string()).value(), ScenarioFormat::kDeu);
  const Result<ScenarioDocument> loaded = LoadDocument(file.string());
  ASSERT_TRUE(loaded.ok()) << FormatErrors(loaded.errors());
  EXPECT_EQ(loaded.value().scenario.issues, Parse(kTable).scenario.issues);
  EXPECT_EQ(loaded.value().scenario.meta.title, "DEU: table.txt");
  fs::remove_all(dir);

  std::string csv = kTable;
  for (char& ch : csv) ch = ch == '\t' ? ',' : ch;
  EXPECT_EQ(Parse(csv).scenario, Parse(kTable).scenario);
}

TEST(DeuReader, council_tables_match_the_data_sets_own_table) {
  ENTENTE_SHARED_OR_SKIP(path, "validation/deu-i/council_votes.csv");
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  const Result<CsvTable> t = ParseCsv(ss.str(), path);
  ASSERT_TRUE(t.ok());
  int rows = 0;
  for (const CsvRow& row : t.value().rows) {
    const auto regime = ParseCouncilRegime(row.cells[0]);
    ASSERT_TRUE(regime.has_value()) << row.cells[0];
    const auto w = CouncilWeight(*regime, row.cells[1]);
    ASSERT_TRUE(w.has_value()) << row.cells[0] << " " << row.cells[1];
    EXPECT_DOUBLE_EQ(*w, std::stod(row.cells[2])) << row.cells[0] << " " << row.cells[1];
    ++rows;
  }
  EXPECT_EQ(rows, 15 + 28 + 28);
  EXPECT_FALSE(CouncilWeight(CouncilRegime::kPreNice, "pl").has_value());
}

// The reference computation of the DEU I README: compromise 23.97 and weighted median 29.22
// over 171 scored issues, from the raw file with the default conventions.
// rules=procedure: row 1 (COD, QMV, pre-Nice) gets the Council's qualified majority and a
// Parliament majority with the Commission as agenda setter; row 2 has a reference point too;
// row 3 (no reference point) keeps no rule and a note says so. Off by default.
TEST(DeuReader, ProcedureRulesFollowProcAndCounvteWhenAsked) {
  EXPECT_EQ(Parse(kTable).scenario.issues[0].rule.kind, DecisionKind::kNone);
  DeuOptions o;
  ASSERT_TRUE(SetDeuOption(o, "rules", "procedure").ok());
  const ScenarioDocument doc = Parse(kTable, o);
  const DecisionRule& cod = doc.scenario.issues[0].rule;
  EXPECT_EQ(cod.kind, DecisionKind::kBicameral);
  EXPECT_EQ(cod.agenda_setter, "com");
  ASSERT_EQ(cod.chambers.size(), 2u);
  EXPECT_EQ(cod.chambers[0].preset, "eu_council_pre_nice");
  EXPECT_EQ(doc.scenario.issues[1].rule.kind, DecisionKind::kBicameral);
  EXPECT_EQ(doc.scenario.issues[2].rule.kind, DecisionKind::kNone);
  bool noted = false;
  for (const Error& e : doc.notes)
    noted |=
        e.message.find("'d02i1' gets no procedure rule: no reference point") != std::string::npos;
  EXPECT_TRUE(noted) << FormatErrors(doc.notes);
  EXPECT_TRUE(Validate(doc.scenario).empty()) << FormatErrors(Validate(doc.scenario));
  EXPECT_FALSE(SetDeuOption(o, "rules", "treaty").ok());
}

// DEU I with each issue's procedure rule: 130 of the 173 issues have a reference point and get
// one; the compromise model's MAE rises from 23.97 to 33.30 (docs/backtest.md).
TEST(DeuReader, DeuOneWithProcedureRules) {
  ENTENTE_SHARED_OR_SKIP(path, "validation/deu-i/deu_proposals_1996_2001.tsv");
  ReaderOptions ro;
  ASSERT_TRUE(SetReaderOption(ro, "rules=procedure").ok());
  const ScenarioDocument doc = LoadDocument(path, ro).ValueOrThrow();
  int ruled = 0;
  for (const Issue& i : doc.scenario.issues) ruled += i.rule.kind != DecisionKind::kNone;
  EXPECT_EQ(ruled, 130);
  BacktestOptions o;
  o.models = {"compromise"};
  o.bootstrap = 50;
  const BacktestResult r = RunBacktest(doc.scenario, doc.outcomes, o);
  EXPECT_EQ(FormatFixed(r.scores[0].mae.value, 2), "33.30");
}

TEST(DeuReader, deu_one_reproduces_the_reference_maes) {
  ENTENTE_SHARED_OR_SKIP(path, "validation/deu-i/deu_proposals_1996_2001.tsv");
  const ScenarioDocument doc = LoadDocument(path).ValueOrThrow();
  EXPECT_EQ(doc.scenario.issues.size(), 173u);
  EXPECT_EQ(doc.scenario.groups.size(), 69u);
  EXPECT_EQ(doc.outcomes.size(), 171u);
  BacktestOptions o;
  o.models = {"compromise", "median"};
  o.model_options["median"].Set("tie", "lower");  // the README's "smallest position" rule
  o.bootstrap = 200;
  const BacktestResult r = RunBacktest(doc.scenario, doc.outcomes, o);
  ASSERT_EQ(r.n, 171);
  EXPECT_NEAR(r.scores[0].mae.value, 23.966194850073084, 1e-9);
  EXPECT_EQ(FormatFixed(r.scores[0].mae.value, 2), "23.97");
  EXPECT_NEAR(r.scores[1].mae.value, 29.222222222222221, 1e-9);
}

// The same through `entente forecast FILE --model compromise`, as a user would run it.
TEST(DeuReader, forecast_command_on_deu_one_gives_the_reference_mae) {
  ENTENTE_SHARED_OR_SKIP(path, "validation/deu-i/deu_proposals_1996_2001.tsv");
  const fs::path out =
      fs::temp_directory_path() / ("entente-deu-forecast-" + std::to_string(::getpid()) + ".json");
  const std::string cmd = std::string(ENTENTE_CLI) + " forecast " + path +
                          " --model compromise --format json --no-db -o " + out.string();
  ASSERT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 0);
  std::ifstream in(out);
  const nlohmann::json j = nlohmann::json::parse(in);
  fs::remove(out);
  const ScenarioDocument doc = LoadDocument(path).ValueOrThrow();
  double sum = 0;
  int n = 0;
  for (const auto& issue : j["issues"]) {
    const Outcome* o = doc.FindOutcome(issue["id"].get<std::string>());
    if (o == nullptr) continue;
    sum += std::abs(issue["outcome"].get<double>() - o->value);
    ++n;
  }
  EXPECT_EQ(n, 171);
  EXPECT_NEAR(sum / n, 23.966194850073084, 1e-6);
}

}  // namespace
}  // namespace entente
