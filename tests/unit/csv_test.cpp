#include "entente/formats/csv.hpp"

#include <gtest/gtest.h>

namespace entente {
namespace {

TEST(Csv, QuotedCellsCommasQuotesAndNewlines) {
  const auto t = ParseCsv("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n", "f.csv");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t.value().rows.size(), 2u);
  EXPECT_EQ(t.value().rows[0].cells[0], "x, y");
  EXPECT_EQ(t.value().rows[0].cells[1], "say \"hi\"");
  EXPECT_EQ(t.value().rows[1].cells[0], "two\nlines");
  EXPECT_EQ(t.value().rows[1].line, 3);
}

TEST(Csv, CrlfBomAndBlankLines) {
  const auto t = ParseCsv(
      "\xEF\xBB\xBF"
      "a,b\r\n\r\n1,2\r\n",
      "f.csv");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value().header[0], "a");
  ASSERT_EQ(t.value().rows.size(), 1u);
  EXPECT_EQ(t.value().rows[0].line, 3);
  EXPECT_EQ(t.value().rows[0].cells[1], "2");
}

TEST(Csv, EveryShortRowIsReportedWithItsLine) {
  const auto t = ParseCsv("a,b\n1\n2,3\n4\n", "f.csv");
  ASSERT_FALSE(t.ok());
  ASSERT_EQ(t.errors().size(), 2u);
  EXPECT_EQ(t.errors()[0].ToString(),
            "f.csv:2: row has 1 cells but the header has 2 columns (cells separated by ','); "
            "fix: quote cells that contain ',', or add the missing cells");
  EXPECT_EQ(t.errors()[1].where.line, 4);
}

TEST(Csv, UnterminatedQuotePointsAtItsStart) {
  const auto t = ParseCsv("a\n\"open\nstill open\n", "f.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.errors()[0].where.line, 2);
}

TEST(Csv, WriterQuotesOnlyWhenNeededAndRoundTrips) {
  const std::vector<std::string> cells = {"plain", "a,b", "q\"q", " pad", "line\nbreak", ""};
  const std::string line = CsvLine(cells);
  EXPECT_EQ(line, "plain,\"a,b\",\"q\"\"q\",\" pad\",\"line\nbreak\",\n");
  const auto t = ParseCsv("h1,h2,h3,h4,h5,h6\n" + line, "f.csv");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value().rows[0].cells, cells);
}

TEST(Csv, SemicolonsAndDecimalCommasAreDetected) {
  const auto t = ParseCsv("actor;salience;note\nUS;0,8;a, b\nROK;70%;\n;;\n", "f.csv");
  ASSERT_TRUE(t.ok()) << FormatErrors(t.errors());
  const CsvTable& table = t.value();
  EXPECT_EQ(table.dialect.delimiter, ';');
  ASSERT_EQ(table.rows.size(), 2u);  // the row of empty cells is dropped
  EXPECT_EQ(table.rows[0].cells[2], "a, b");
  EXPECT_EQ(table.Number("0,8"), 0.8);
  EXPECT_EQ(table.Number("-1,5"), -1.5);
  EXPECT_EQ(table.Number("13"), 13.0);
  EXPECT_EQ(table.Number("1,000,5"), std::nullopt);
  EXPECT_EQ(table.Number("1.000,5"), std::nullopt);  // thousands separators are refused
  EXPECT_EQ(table.Share("70%"), 0.7);
  EXPECT_EQ(table.Share("70,5 %"), 0.705);
  EXPECT_EQ(table.Number("70%"), std::nullopt);
}

TEST(Csv, CommaFilesReadNoDecimalComma) {
  const auto t = ParseCsv("a,b\n\"0,8\",1\n", "f.csv");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value().dialect.delimiter, ',');
  EXPECT_EQ(t.value().Number("0,8"), std::nullopt);
  EXPECT_NE(t.value().NumberHint("0,8", false).find("decimal point"), std::string::npos);
  EXPECT_NE(t.value().NumberHint("70%", false).find("percent"), std::string::npos);
}

TEST(Csv, TabsAndTheSepLine) {
  const auto tabs = ParseCsv("a\tb\n1\t2\n", "f.csv");
  ASSERT_TRUE(tabs.ok());
  EXPECT_EQ(tabs.value().dialect.Name(), "tab");
  // Excel's sep= line names the delimiter; line numbers still count it.
  const auto sep = ParseCsv("sep=;\na,b;c\n1;2\n", "f.csv");
  ASSERT_TRUE(sep.ok());
  EXPECT_EQ(sep.value().header, (std::vector<std::string>{"a,b", "c"}));
  EXPECT_EQ(sep.value().header_line, 2);
  EXPECT_EQ(sep.value().rows[0].line, 3);
}

TEST(Csv, AmbiguousDelimiterIsRefusedNamingBoth) {
  const auto t = ParseCsv("a,b;c\n1,2;3\n", "f.csv");
  ASSERT_FALSE(t.ok());
  const std::string text = t.errors()[0].ToString();
  EXPECT_NE(text.find("at ',' and at ';'"), std::string::npos) << text;
  EXPECT_NE(text.find("sep=,"), std::string::npos) << text;
  EXPECT_EQ(t.errors()[0].where.line, 1);
}

TEST(Csv, RaggedSemicolonRowsNameTheDelimiter) {
  const auto t = ParseCsv("a;b;c\n1;2;3\n4;5\n", "f.csv");
  ASSERT_FALSE(t.ok());
  ASSERT_EQ(t.errors().size(), 1u);
  EXPECT_EQ(t.errors()[0].where.line, 3);
  EXPECT_NE(t.errors()[0].message.find("(cells separated by ';')"), std::string::npos);
}

}  // namespace
}  // namespace entente
