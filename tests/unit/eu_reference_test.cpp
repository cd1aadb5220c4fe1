// The expected utility model against the EC car-emission case (BDM 1994, Table 1): Scholz,
// Calbert & Smith (2011) Table 2 and one open replication's round-by-round trail. The
// reference files are read from ../shared/validation at test time, never copied.
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "entente/models/eu/eu_round.hpp"
#include "entente/models/eu/expected_utility.hpp"
#include "entente/models/registry.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

constexpr const char* kCase = "validation/bdm1994-ec-emissions/";

// Table 1 as a one-issue scenario, in file order.
Scenario ReadEcCase(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header: Actor,Capability,Position,Salience
  std::vector<double> pos, sal, cap;
  std::vector<std::string> names;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::stringstream row(line);
    std::string name, c, x, s;
    std::getline(row, name, ',');
    std::getline(row, c, ',');
    std::getline(row, x, ',');
    std::getline(row, s, ',');
    names.push_back(name);
    cap.push_back(std::stod(c));
    pos.push_back(std::stod(x));
    sal.push_back(std::stod(s));
  }
  Scenario sc = test::OneIssue(pos, sal, cap);
  for (std::size_t i = 0; i < names.size(); ++i) {
    sc.actors[i].id = sc.actors[i].name = names[i];
    sc.issues[0].stances[i].actor = names[i];
  }
  sc.issues[0].scale = Scale{4, 10, "years", {}};
  return sc;
}

ModelOptions Preset(int rounds) {
  ModelOptions o;
  o.Set("preset", "scholz2011");
  o.Set("rounds", std::to_string(rounds));
  return o;
}

// "Name value" lines after the line starting with `section`, until a line without two fields.
std::map<std::string, double> ReadSection(const std::string& path, const std::string& section) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line) && line.rfind(section, 0) != 0) {
  }
  std::map<std::string, double> out;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string name;
    double v = 0;
    if (!(row >> name >> v)) break;
    out[name] = v;
  }
  return out;
}

// Scholz's one-decimal table sometimes rounds and sometimes truncates (the replication's 9.962
// is printed 9.9, its 7.590 as 7.6): accept either reading of our value, nothing else.
bool OneDecimalMatch(double ours, double table) {
  const double rounded = std::round(ours * 10) / 10;
  const double truncated = std::floor(ours * 10) / 10;
  return std::abs(rounded - table) < 1e-9 || std::abs(truncated - table) < 1e-9;
}

TEST(EuReference, RoundZeroMedianAndMean) {
  ENTENTE_SHARED_OR_SKIP(path, std::string(kCase) + "bdm1994_ec_emission_standards.csv");
  const Forecast f = RunForecast(ReadEcCase(path), "eu", Preset(8));
  ASSERT_EQ(f.issues[0].rounds.size(), 9u);
  EXPECT_EQ(f.issues[0].rounds[0].median, 7.0);
  EXPECT_NEAR(f.issues[0].rounds[0].mean, 7.389956, 1e-6);
}

TEST(EuReference, SecurityLevelsAndRiskExponentsAfterRoundOne) {
  ENTENTE_SHARED_OR_SKIP(path, std::string(kCase) + "bdm1994_ec_emission_standards.csv");
  ENTENTE_SHARED_OR_SKIP(internals, std::string(kCase) + "emission_round1_internals.txt");
  const Scenario sc = ReadEcCase(path);
  std::vector<double> x, w, s;
  for (const Stance& st : sc.issues[0].stances) {
    x.push_back(st.position);
    w.push_back(st.Weight());
    s.push_back(st.salience);
  }
  const EuOptions o = ParseEuOptions(Preset(1));
  const EuRoundResult r = EuRound(x, EuActors{w, s, 6.0}, o, 1);
  const auto security = ReadSection(internals, "danger (security) levels");
  const auto risk = ReadSection(internals, "risk exponents");
  ASSERT_EQ(security.size(), 10u);
  ASSERT_EQ(risk.size(), 10u);
  for (std::size_t i = 0; i < x.size(); ++i) {
    const std::string& name = sc.issues[0].stances[i].actor;
    EXPECT_NEAR(r.security[i], security.at(name), 1e-5) << name;
    EXPECT_NEAR(r.risk[i], risk.at(name), 1e-5) << name;
  }
  EXPECT_NEAR(r.risk[6], 1.965, 1e-3);  // UK
  EXPECT_EQ(r.risk[8], 2.0);            // Denmark: lowest security
  EXPECT_EQ(r.risk[7], 0.5);            // Ireland: highest security
}

TEST(EuReference, PresetMatchesScholzTable2ExceptRoundTwoMedian) {
  ENTENTE_SHARED_OR_SKIP(path, std::string(kCase) + "bdm1994_ec_emission_standards.csv");
  ENTENTE_SHARED_OR_SKIP(table, std::string(kCase) + "scholz2011_table2_reference.csv");
  const Forecast f = RunForecast(ReadEcCase(path), "eu", Preset(8));
  EXPECT_TRUE(f.warnings.empty());
  std::ifstream in(table);
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("round", 0) == 0) continue;
    int round = 0;
    double median = 0, mean = 0;
    ASSERT_EQ(std::sscanf(line.c_str(), "%d,%lf,%lf", &round, &median, &mean), 3) << line;
    const Round& ours = f.issues[0].rounds.at(static_cast<std::size_t>(round));
    EXPECT_TRUE(OneDecimalMatch(ours.mean, mean)) << "round " << round << " mean " << ours.mean;
    // Round 2: Scholz prints 9.9; we (and the open replication) get 9.611. The doc explains.
    EXPECT_EQ(OneDecimalMatch(ours.median, median), round != 2)
        << "round " << round << " median " << ours.median << " vs " << median;
    ++checked;
  }
  EXPECT_EQ(checked, 8);
  EXPECT_NEAR(f.issues[0].rounds[2].median, 9.610859, 1e-6);
}

// Every "X <verb> Y / a vs b / new_pos = v" record of the open replication's 10-round trail.
TEST(EuReference, PresetReproducesReplicationTrail) {
  ENTENTE_SHARED_OR_SKIP(path, std::string(kCase) + "bdm1994_ec_emission_standards.csv");
  ENTENTE_SHARED_OR_SKIP(trail, std::string(kCase) + "emission_10rounds.txt");
  const Scenario sc = ReadEcCase(path);
  const Forecast f = RunForecast(sc, "eu", Preset(10));
  std::ifstream in(trail);
  std::string line;
  int round = 0;
  std::size_t k = 0;
  std::vector<double> medians;
  while (std::getline(in, line)) {
    if (line.rfind("ROUND ", 0) == 0) round = std::stoi(line.substr(6));
    if (line.rfind("Median position: ", 0) == 0) medians.push_back(std::stod(line.substr(17)));
    const bool lost = line.find(" loses confrontation to ") != std::string::npos;
    const bool comp = line.find(" compromises with ") != std::string::npos;
    if (!lost && !comp) continue;
    std::string values, new_pos;
    std::getline(in, values);
    std::getline(in, new_pos);
    double a = 0, b = 0, to = 0;
    ASSERT_EQ(std::sscanf(values.c_str(), " %lf vs %lf", &a, &b), 2);
    ASSERT_EQ(std::sscanf(new_pos.c_str(), " new_pos = %lf", &to), 1);
    const std::string mover = line.substr(0, line.find(' '));
    const std::string other = line.substr(line.rfind(' ') + 1);
    ASSERT_LT(k, f.issues[0].events.size());
    const BargainEvent& e = f.issues[0].events[k++];
    EXPECT_EQ(e.round, round);
    EXPECT_EQ(sc.issues[0].stances[e.actor].actor, mover) << line;
    EXPECT_EQ(sc.issues[0].stances[e.other].actor, other) << line;
    EXPECT_EQ(e.kind, lost ? MoveKind::kLostConflict : MoveKind::kCompromise) << line;
    EXPECT_NEAR(e.a, a, 1e-9) << line;
    EXPECT_NEAR(e.b, b, 1e-9) << line;
    EXPECT_NEAR(e.to, to, 1e-9) << line;
  }
  EXPECT_EQ(k, 30u);
  EXPECT_EQ(k, f.issues[0].events.size());
  ASSERT_EQ(medians.size(), 11u);
  for (std::size_t t = 0; t < medians.size(); ++t) {
    EXPECT_NEAR(f.issues[0].rounds[t].median, medians[t], 1e-9) << "round " << t;
  }
}

}  // namespace
}  // namespace entente
