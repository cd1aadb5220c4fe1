// The output file's name picks the format; what a command cannot write is refused, and a
// format that contradicts the name is an error naming both (issue #21: `-o out.csv` wrote the
// text table and `-o r.pdf` HTML, silently).
#include "entente/output/output_file.hpp"

#include <gtest/gtest.h>

#include "entente/report/report.hpp"

namespace entente {
namespace {

const std::vector<OutputFormat> kAll = {OutputFormat::kTable, OutputFormat::kJson,
                                        OutputFormat::kCsv};

OutputFormat Chosen(std::string_view format, std::string_view path,
                    const std::vector<OutputFormat>& supported = kAll) {
  return ChooseOutputFormat(format, path, supported).ValueOrThrow();
}

std::string Refused(std::string_view format, std::string_view path,
                    const std::vector<OutputFormat>& supported = kAll) {
  Result<OutputFormat> r = ChooseOutputFormat(format, path, supported);
  EXPECT_FALSE(r.ok()) << format << " " << path;
  return r.ok() ? "" : r.errors().front().ToString();
}

TEST(OutputFile, TheExtensionPicksTheFormat) {
  EXPECT_EQ(Chosen("", "out.csv"), OutputFormat::kCsv);
  EXPECT_EQ(Chosen("", "dir.v2/OUT.CSV"), OutputFormat::kCsv);
  EXPECT_EQ(Chosen("", "out.json"), OutputFormat::kJson);
  EXPECT_EQ(Chosen("", "out.txt"), OutputFormat::kTable);
  EXPECT_EQ(Chosen("", "out.md"), OutputFormat::kTable);
  EXPECT_EQ(Chosen("", ""), OutputFormat::kTable) << "stdout: the table";
  EXPECT_EQ(Chosen("", "results"), OutputFormat::kTable) << "no extension: the table";
  EXPECT_EQ(Chosen("json", "results"), OutputFormat::kJson);
  EXPECT_EQ(Chosen("csv", "out.csv"), OutputFormat::kCsv) << "agreeing is fine";
}

TEST(OutputFile, RefusesWhatItCannotWrite) {
  std::string m = Refused("", "r.pdf");
  EXPECT_NE(m.find("r.pdf"), std::string::npos) << m;
  EXPECT_NE(m.find("cannot write a .pdf file"), std::string::npos) << m;
  EXPECT_NE(m.find(".csv"), std::string::npos) << "says what it can write: " << m;
  m = Refused("json", "out.csv");
  EXPECT_NE(m.find("format json"), std::string::npos) << m;
  EXPECT_NE(m.find("csv"), std::string::npos) << "names both: " << m;
  m = Refused("", "out.csv", {OutputFormat::kTable});
  EXPECT_NE(m.find("does not write csv"), std::string::npos) << m;
  m = Refused("xml", "");
  EXPECT_NE(m.find("unknown output format 'xml'"), std::string::npos) << m;
}

TEST(OutputFile, ReportsAreHtmlOrMarkdownByName) {
  EXPECT_EQ(ChooseReportFormat("", "r.html").ValueOrThrow(), ReportFormat::kHtml);
  EXPECT_EQ(ChooseReportFormat("", "r.md").ValueOrThrow(), ReportFormat::kMarkdown);
  EXPECT_EQ(ChooseReportFormat("", "").ValueOrThrow(), ReportFormat::kHtml);
  EXPECT_EQ(ChooseReportFormat("md", "summary").ValueOrThrow(), ReportFormat::kMarkdown);
  Result<ReportFormat> pdf = ChooseReportFormat("", "r.pdf");
  ASSERT_FALSE(pdf.ok()) << "a .pdf is not written as HTML";
  EXPECT_NE(pdf.errors().front().ToString().find(".pdf"), std::string::npos);
  Result<ReportFormat> clash = ChooseReportFormat("html", "r.md");
  ASSERT_FALSE(clash.ok());
  EXPECT_NE(clash.errors().front().message.find("format html"), std::string::npos);
}

}  // namespace
}  // namespace entente
