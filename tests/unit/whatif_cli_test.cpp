// Issue #21 end to end through the `entente` binary: --set edits recorded in the runs
// database, `-o FILE` writing the format its name says (and refusing what it cannot write
// without leaving a file), CSV from every table command, and `entente diff`.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"
#include "entente/formats/csv.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

namespace fs = std::filesystem;

class WhatIfCli : public test::CliTest {
 protected:
  // Runs the CLI with a database in the test's folder.
  int Run(const std::string& args) { return RunCli(args, "ENTENTE_DB=" + Path("runs.db")); }
};

const std::string kFlagship = "scenarios/us-rok-2021.yaml";

TEST_F(WhatIfCli, SetChangesTheForecastAndIsRecorded) {
  ASSERT_EQ(Run("forecast " + kFlagship + " -m compromise -f json"), 0) << err_;
  const auto base = nlohmann::json::parse(out_);
  ASSERT_EQ(Run("forecast " + kFlagship +
                " -m compromise -f json --set ROK.opcon_transfer.salience=0.1 "
                "--set opcon_transfer.status_quo=60"),
            0)
      << err_;
  const auto edited = nlohmann::json::parse(out_);
  EXPECT_NE(base["issues"][1]["outcome"], edited["issues"][1]["outcome"]);
  EXPECT_EQ(edited["issues"][1]["status_quo"], 60);
  ASSERT_EQ(Run("runs list"), 0) << err_;
  EXPECT_NE(out_.find("set ROK.opcon_transfer.salience=0.1 opcon_transfer.status_quo=60"),
            std::string::npos)
      << out_;
  ASSERT_EQ(Run("runs list -f json"), 0) << err_;
  const auto runs = nlohmann::json::parse(out_);
  ASSERT_EQ(runs.size(), 2U);
  EXPECT_EQ(runs[0]["set"].size(), 2U) << "newest first";
  EXPECT_TRUE(runs[1]["set"].empty());
  EXPECT_NE(runs[0]["sha256"], runs[1]["sha256"]) << "the stored scenario is the edited one";
  ASSERT_EQ(Run("runs export " + runs[0]["id"].dump()), 0) << err_;
  EXPECT_EQ(nlohmann::json::parse(out_)["options"]["set"][0], "ROK.opcon_transfer.salience=0.1");
  // The report of that run names the edits.
  ASSERT_EQ(Run("report --run " + runs[0]["id"].dump() + " -n 0 -f md"), 0) << err_;
  EXPECT_NE(out_.find("what-if ROK.opcon_transfer.salience=0.1"), std::string::npos);
}

TEST_F(WhatIfCli, BadEditsExitTwoNamingTheEdit) {
  EXPECT_EQ(Run("simulate " + kFlagship + " -n 10 --set KOREA.opcon_transfer.salience=0.5"), 2);
  EXPECT_NE(err_.find("unknown actor 'KOREA'"), std::string::npos) << err_;
  EXPECT_NE(err_.find("ROK_OPPOSITION"), std::string::npos) << "lists the actors: " << err_;
  EXPECT_EQ(Run("advise " + kFlagship + " --actor US --set US.opcon_transfer.salience=7"), 2);
  EXPECT_NE(err_.find("edit 'US.opcon_transfer.salience=7'"), std::string::npos) << err_;
  EXPECT_EQ(Run("backtest tests/data/backtest_small.yaml --set nothing=1"), 2);
  EXPECT_NE(err_.find("TARGET.FIELD=VALUE"), std::string::npos) << err_;
  ASSERT_EQ(Run("runs list -f json"), 0) << err_;
  EXPECT_TRUE(nlohmann::json::parse(out_).empty()) << "refused runs are not stored: " << out_;
}

TEST_F(WhatIfCli, OutputFileNamesPickTheFormat) {
  ASSERT_EQ(Run("forecast " + kFlagship + " -o " + Path("f.csv")), 0) << err_;
  EXPECT_EQ(Read(Path("f.csv")).rfind("issue,name,outcome", 0), 0U) << "CSV, not the table";
  ASSERT_EQ(Run("forecast " + kFlagship + " -o " + Path("f.json")), 0) << err_;
  EXPECT_TRUE(nlohmann::json::accept(Read(Path("f.json"))));
  EXPECT_EQ(Run("forecast " + kFlagship + " -o " + Path("f.pdf")), 2);
  EXPECT_NE(err_.find("cannot write a .pdf file"), std::string::npos) << err_;
  EXPECT_FALSE(fs::exists(Path("f.pdf")));
  EXPECT_EQ(Run("forecast " + kFlagship + " -f json -o " + Path("g.csv")), 2);
  EXPECT_NE(err_.find("format json contradicts"), std::string::npos) << err_;
  EXPECT_FALSE(fs::exists(Path("g.csv")));
  EXPECT_EQ(Run("report " + kFlagship + " -n 0 -o " + Path("r.pdf")), 2);
  EXPECT_NE(err_.find("cannot write a report as .pdf"), std::string::npos) << err_;
  EXPECT_FALSE(fs::exists(Path("r.pdf")));
  EXPECT_EQ(Run("explain " + kFlagship + " -i opcon_transfer -o " + Path("e.csv")), 2);
  EXPECT_EQ(Run("runs export 1 -o " + Path("x.txt")), 2) << "export writes JSON or CSV only";
}

TEST_F(WhatIfCli, EveryTableCommandWritesCsv) {
  const std::vector<std::string> commands = {
      "simulate " + kFlagship + " -n 200 -o " + Path("t.csv"),
      "cohesion " + kFlagship + " -o " + Path("t.csv"),
      "advise " + kFlagship + " --actor US --issue opcon_transfer -o " + Path("t.csv"),
      "compare " + kFlagship + " --moves clear-burden-sharing -o " + Path("t.csv"),
      "backtest tests/data/backtest_small.yaml -o " + Path("t.csv"),
      "diff tests/data/trade_before.yaml tests/data/trade_after.yaml -o " + Path("t.csv"),
      "runs list -o " + Path("t.csv"),
  };
  for (const std::string& c : commands) {
    fs::remove(Path("t.csv"));
    ASSERT_EQ(Run(c), 0) << c << "\n" << err_;
    const Result<CsvTable> t = ParseCsv(Read(Path("t.csv")), "t.csv");
    ASSERT_TRUE(t.ok()) << c << ": " << FormatErrors(t.errors());
    EXPECT_GT(t.value().rows.size(), 0U) << c;
  }
}

TEST_F(WhatIfCli, DiffOfOneFileAndItsEdits) {
  ASSERT_EQ(Run("diff " + kFlagship + " -m compromise --set ROK.opcon_transfer.salience=0.1"), 0)
      << err_;
  EXPECT_NE(out_.find("ROK on opcon_transfer: salience 0.7 -> 0.1"), std::string::npos) << out_;
  EXPECT_NE(out_.find("Outcomes (compromise)"), std::string::npos) << out_;
  EXPECT_EQ(Run("diff " + kFlagship), 2) << "nothing to compare with";
}

}  // namespace
}  // namespace entente
