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
            "f.csv:2: row has 1 cells but the header has 2 columns; fix: quote cells that "
            "contain commas, or add the missing cells");
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

}  // namespace
}  // namespace entente
