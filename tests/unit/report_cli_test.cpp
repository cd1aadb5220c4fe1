// `entente report` end to end through the binary: from a stored run, a missing run id, and an
// error that must leave an existing output untouched.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "cli_fixture.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

namespace fs = std::filesystem;

class ReportCli : public test::CliTest {
 protected:
  int Run(const std::string& args) { return RunCli(args); }

  const std::string flagship_ = test::SourceDir() + "/scenarios/us-rok-2021.yaml";
};

TEST_F(ReportCli, ReportsAStoredSimulationWithItsOwnSettings) {
  const std::string db = Path("runs.db");
  ASSERT_EQ(Run("simulate " + flagship_ +
                " --model compromise --noise 5% --draws 300 --seed 3 --db " + db + " -o /dev/null"),
            0)
      << err_;
  ASSERT_EQ(Run("report --run 1 --db " + db + " -o " + Path("run.md")), 0) << err_;
  const std::string md = Read(Path("run.md"));
  EXPECT_NE(md.find("inputs: run 1 ("), std::string::npos);
  EXPECT_NE(md.find("forecast with the compromise model"), std::string::npos);
  EXPECT_NE(md.find("300 Monte Carlo draws (seed 3)"), std::string::npos);
  EXPECT_NE(md.find("get 5% noise"), std::string::npos);
  // A flag overrides the stored setting.
  ASSERT_EQ(Run("report --run 1 --db " + db + " --draws 0 -o " + Path("nodraws.md")), 0) << err_;
  EXPECT_NE(Read(Path("nodraws.md")).find("No Monte Carlo draws were run"), std::string::npos);
}

TEST_F(ReportCli, AMissingRunIdIsBadInputAndWritesNothing) {
  const std::string db = Path("runs.db");
  ASSERT_EQ(Run("forecast " + flagship_ + " --db " + db + " -o /dev/null"), 0) << err_;
  EXPECT_EQ(Run("report --run 99 --db " + db + " -o " + Path("r.html")), 2);
  EXPECT_NE(err_.find("no run 99 in the database"), std::string::npos) << err_;
  EXPECT_FALSE(fs::exists(Path("r.html")));
}

TEST_F(ReportCli, AnErrorLeavesAnExistingReportUntouched) {
  const std::string out = Path("keep.html");
  std::ofstream(out) << "old report";
  EXPECT_EQ(Run("report " + flagship_ + " --model nash -o " + out), 2);
  EXPECT_EQ(Read(out), "old report");
  ASSERT_EQ(Run("report " + flagship_ + " --draws 100 -o " + out), 0) << err_;
  EXPECT_EQ(Read(out).rfind("<!DOCTYPE html>", 0), 0u);
}

}  // namespace
}  // namespace entente
