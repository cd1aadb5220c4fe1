// Workbooks through the `entente` binary: convert both ways, validate and forecast a workbook,
// `init --xlsx`, results with `-o NAME.xlsx`, and the refusals (exit 2, nothing written).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "cli_fixture.hpp"
#include "entente/formats/xlsx.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

namespace fs = std::filesystem;

class XlsxCli : public test::CliTest {
 protected:
  // The sheets of the workbook at `path` (fails the test when it is not one).
  std::vector<XlsxSheet> Sheets(const std::string& path) {
    Result<std::vector<XlsxSheet>> sheets = ReadXlsx(Read(path), path);
    EXPECT_TRUE(sheets.ok()) << FormatErrors(sheets.errors());
    return sheets.ok() ? sheets.value() : std::vector<XlsxSheet>{};
  }

  const std::string flagship_ = "scenarios/us-rok-2021.yaml";
};

TEST_F(XlsxCli, ConvertToAWorkbookAndBackIsIdentical) {
  ASSERT_EQ(RunCli("convert " + flagship_ + " " + Path("direct.yaml")), 0) << err_;
  ASSERT_EQ(RunCli("convert " + flagship_ + " " + Path("book.xlsx")), 0) << err_;
  ASSERT_EQ(RunCli("validate " + Path("book.xlsx")), 0) << err_;
  EXPECT_NE(out_.find("ok: "), std::string::npos);
  ASSERT_EQ(RunCli("convert " + Path("book.xlsx") + " " + Path("back.yaml")), 0) << err_;
  EXPECT_EQ(Read(Path("back.yaml")), Read(Path("direct.yaml")));
  // A second convert onto the workbook is refused without --force and leaves it as it was.
  const std::string before = Read(Path("book.xlsx"));
  EXPECT_EQ(RunCli("convert " + flagship_ + " " + Path("book.xlsx")), 2);
  EXPECT_NE(err_.find("file already exists"), std::string::npos) << err_;
  EXPECT_EQ(Read(Path("book.xlsx")), before);
}

TEST_F(XlsxCli, ForecastOfAWorkbookEqualsForecastOfItsYaml) {
  ASSERT_EQ(RunCli("convert " + flagship_ + " " + Path("book.xlsx")), 0) << err_;
  ASSERT_EQ(RunCli("forecast " + flagship_ + " --format csv"), 0) << err_;
  const std::string yaml = out_;
  ASSERT_EQ(RunCli("forecast " + Path("book.xlsx") + " --format csv"), 0) << err_;
  EXPECT_EQ(out_, yaml);
}

TEST_F(XlsxCli, InitWritesATemplateThatValidates) {
  ASSERT_EQ(RunCli("init --xlsx " + Path("new.xlsx")), 0) << err_;
  ASSERT_EQ(RunCli("validate " + Path("new.xlsx")), 0) << err_;
  EXPECT_NE(out_.find("2 actors, 1 issues, 2 stances, 1 groups, 1 outcomes"), std::string::npos)
      << out_;
  const std::vector<XlsxSheet> sheets = Sheets(Path("new.xlsx"));
  ASSERT_GE(sheets.size(), 3u);
  EXPECT_EQ(sheets[0].name, "actors");
  EXPECT_EQ(sheets.back().name, "README");
  EXPECT_EQ(RunCli("init --xlsx " + Path("new.xlsx")), 2);  // exists
  EXPECT_EQ(RunCli("init --xlsx " + Path("new.xlsx") + " --force"), 0) << err_;
  EXPECT_EQ(RunCli("init --xlsx " + Path("new.csv")), 2);
  EXPECT_NE(err_.find("NAME.xlsx"), std::string::npos) << err_;
}

TEST_F(XlsxCli, ResultsAsWorkbooks) {
  ASSERT_EQ(RunCli("forecast " + flagship_ + " -o " + Path("f.xlsx")), 0) << err_;
  ASSERT_EQ(RunCli("forecast " + flagship_ + " -o " + Path("f.csv")), 0) << err_;
  std::vector<XlsxSheet> sheets = Sheets(Path("f.xlsx"));
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(sheets[0].name, "forecast");
  // As many rows as the CSV has lines (header included).
  const std::string csv = Read(Path("f.csv"));
  EXPECT_EQ(sheets[0].rows.size(),
            static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')));
  ASSERT_EQ(RunCli("simulate " + flagship_ + " --draws 200 --seed 1 -o " + Path("s.xlsx")), 0)
      << err_;
  sheets = Sheets(Path("s.xlsx"));
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(sheets[0].name, "simulation");
  ASSERT_EQ(
      RunCli("advise " + flagship_ + " --actor US --issue opcon_transfer -o " + Path("a.xlsx")), 0)
      << err_;
  sheets = Sheets(Path("a.xlsx"));
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(sheets[0].name, "advice");
}

TEST_F(XlsxCli, WhatCannotBeWrittenIsRefused) {
  EXPECT_EQ(RunCli("forecast " + flagship_ + " --format json -o " + Path("f.xlsx")), 2);
  EXPECT_NE(err_.find("contradicts the file name, which says xlsx"), std::string::npos) << err_;
  EXPECT_EQ(
      RunCli("diff " + flagship_ + " --set opcon_transfer.status_quo=60 -o " + Path("d.xlsx")), 2);
  EXPECT_NE(err_.find("cannot write a .xlsx file"), std::string::npos) << err_;
  EXPECT_FALSE(fs::exists(Path("f.xlsx")));
  EXPECT_FALSE(fs::exists(Path("d.xlsx")));
}

TEST_F(XlsxCli, NotAWorkbookExitsTwoWithTheFix) {
  const std::string fake = Path("fake.xlsx");
  { std::ofstream(fake) << "actor,name\nA,\n"; }
  EXPECT_EQ(RunCli("validate " + fake), 2);
  EXPECT_NE(err_.find("not an .xlsx workbook"), std::string::npos) << err_;
  EXPECT_NE(err_.find("fix: save it as an Excel workbook"), std::string::npos) << err_;
  { std::ofstream(Path("old.xls")) << "x"; }
  EXPECT_EQ(RunCli("validate " + Path("old.xls")), 2);
  EXPECT_NE(err_.find(".xls spreadsheets are not read or written, only .xlsx workbooks"),
            std::string::npos)
      << err_;
}

}  // namespace
}  // namespace entente
