// The ktab-smp model against KTAB's own 2017 reference logs (smpc, default seed and options):
// per turn, every actor's position (printed by KTAB to 4 decimals on 0-100) and each actor's
// winning probability (4 decimals), and the number of states. Read from ../shared/validation
// at test time, never copied.
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "entente/formats/scenario_io.hpp"
#include "entente/models/ktab/ktab_smp.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

// What the test reads back from a KTAB log.
struct KtabLog {
  std::vector<std::vector<double>> positions;  // per state after the first: n x d on 0-100
  std::vector<std::vector<double>> win;        // per actor: one probability per state
  int states = 0;                              // "There were N states"
};

KtabLog ReadKtabLog(const std::string& path, std::size_t actors) {
  KtabLog log;
  std::ifstream in(path);
  std::string line;
  std::vector<double> state;
  bool history = false;
  while (std::getline(in, line)) {
    if (line.rfind("postn ", 0) == 0 && line.find("distance") == std::string::npos) {
      std::string coords;
      std::getline(in, coords);
      std::stringstream row(coords);
      for (double v = 0; row >> v;) state.push_back(v);
      if (line.rfind("postn " + std::to_string(actors - 1) + " ", 0) == 0) {
        log.positions.push_back(state);
        state.clear();
      }
    } else if (line.rfind("There were ", 0) == 0) {
      log.states = std::stoi(line.substr(11));
    } else if (line.rfind("History of actors' winning", 0) == 0) {
      history = true;
    } else if (history && line.find(", prob :") != std::string::npos) {
      std::stringstream row(line.substr(line.find(':') + 1));
      std::vector<double> p;
      for (double v = 0; row >> v;) p.push_back(v);
      log.win.push_back(p);
    }
  }
  return log;
}

void CheckAgainstLog(const std::string& csv, const std::string& log_path) {
  Result<Scenario> s = ReadScenario(csv);
  ASSERT_TRUE(s.ok()) << FormatErrors(s.errors());
  const SmpInput in = SmpInputFromScenario(s.value());
  const SmpResult r = RunSmp(in, SmpOptions{});
  const KtabLog log = ReadKtabLog(log_path, in.actors);
  ASSERT_EQ(log.win.size(), in.actors);
  ASSERT_GT(log.states, 1);
  EXPECT_EQ(static_cast<int>(r.states.size()), log.states);
  const std::size_t states = std::min<std::size_t>(r.states.size(), log.states);
  // Bargains are rounded to 1e-4 on KTAB's 0-1 scale and printed to 1e-4 on 0-100.
  for (std::size_t t = 1; t < states; ++t) {
    for (std::size_t e = 0; e < in.actors * in.dims; ++e) {
      ASSERT_NEAR(100 * r.states[t].position[e], log.positions[t - 1][e], 6e-4)
          << "state " << t << ", actor " << e / in.dims << ", dimension " << e % in.dims;
    }
  }
  for (std::size_t t = 0; t < states; ++t) {
    for (std::size_t i = 0; i < in.actors; ++i) {
      ASSERT_NEAR(r.states[t].win[i], log.win[i][t], 6e-5) << "state " << t << ", actor " << i;
    }
  }
}

TEST(KtabReference, DummyData3DimMatchesKtabLogTurnByTurn) {
  ENTENTE_SHARED_OR_SKIP(csv, "validation/ktab-smp/dummyData_3Dim.csv");
  CheckAgainstLog(csv, test::SharedDir() + "/validation/ktab-smp/20170530_ref-dummyData_3Dim.txt");
}

TEST(KtabReference, SoePolCompMatchesKtabLogTurnByTurn) {
  ENTENTE_SHARED_OR_SKIP(csv, "validation/ktab-smp/SOE-Pol-Comp.csv");
  CheckAgainstLog(csv, test::SharedDir() + "/validation/ktab-smp/20170530_ref-SOE-Pol-Comp.txt");
}

}  // namespace
}  // namespace entente
