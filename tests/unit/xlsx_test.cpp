// Scenario workbooks (.xlsx): a scenario survives YAML -> workbook -> YAML unchanged; the
// reader takes what spreadsheet programs write (shared and inline strings, numbers, booleans,
// typed dates) and names the sheet, row and column of every bad cell; a file that is not a
// workbook, or unpacks to too much, is refused.
#include <unistd.h>  // getpid
#include <zip.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "entente/core/files.hpp"
#include "entente/core/validation.hpp"
#include "entente/formats/xlsx.hpp"
#include "entente/formats/xlsx_scenario.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/output/csv_workbook.hpp"
#include "test_support.hpp"

namespace entente {
namespace {

ScenarioDocument ReadYaml(const std::string& relative) {
  const std::string path = test::SourceDir() + "/" + relative;
  return ParseYamlDocument(ReadTextFile(path).ValueOrThrow(), path).ValueOrThrow();
}

// YAML -> workbook -> YAML: the YAML text must come back byte for byte.
void ExpectRoundTrip(const ScenarioDocument& doc) {
  Result<std::string> book = WriteXlsxDocument(doc);
  ASSERT_TRUE(book.ok()) << FormatErrors(book.errors());
  Result<ScenarioDocument> back = ParseXlsxDocument(book.value(), "book.xlsx");
  ASSERT_TRUE(back.ok()) << FormatErrors(back.errors());
  EXPECT_EQ(WriteYamlDocument(back.value()), WriteYamlDocument(doc));
}

TEST(Xlsx, FlagshipRoundTripsThroughAWorkbook) {
  ExpectRoundTrip(ReadYaml("scenarios/us-rok-2021.yaml"));
}

TEST(Xlsx, GroupsOutcomesAnchorsMovesAndSpreadsRoundTrip) {
  ScenarioDocument doc = ReadYaml("tests/data/backtest_small.yaml");
  ASSERT_FALSE(doc.scenario.groups.empty());
  ASSERT_FALSE(doc.outcomes.empty());
  Issue& issue = doc.scenario.issues.front();
  issue.scale.anchors = {Anchor{issue.scale.min, "floor; low"},
                         Anchor{issue.scale.max, "ceiling, high"}};
  Stance& st = issue.stances.front();
  st.position = 1.0 / 3.0;  // needs 17 significant digits
  st.position_spread = Spread::Normal(2.5);
  st.salience_spread = Spread::Triangular(0.1, 0.9);
  st.note = "\"quoted\", with comma; and _x0041_ literally";
  doc.scenario.alliances.push_back(
      Alliance{"pair", "A pair", {st.actor, issue.stances.back().actor}, {}});
  doc.scenario.moves.push_back(
      Move{"m1", "Press", "src", {StanceChange{st.actor, issue.id, 0.5, std::nullopt, 3, {}}}, {}});
  doc.outcomes.front().date = "2021-02-25";
  ExpectRoundTrip(doc);
}

TEST(Xlsx, TemplateIsAValidScenario) {
  Result<std::string> book = XlsxTemplate();
  ASSERT_TRUE(book.ok()) << FormatErrors(book.errors());
  Result<ScenarioDocument> doc = ParseXlsxDocument(book.value(), "template.xlsx");
  ASSERT_TRUE(doc.ok()) << FormatErrors(doc.errors());
  EXPECT_TRUE(Validate(doc.value().scenario).empty())
      << FormatErrors(Validate(doc.value().scenario));
  EXPECT_TRUE(ValidateOutcomes(doc.value().scenario, doc.value().outcomes).empty());
  EXPECT_EQ(doc.value().scenario.issues.size(), 1u);
  EXPECT_EQ(doc.value().outcomes.size(), 1u);
}

// A workbook of text tables (numbers become number cells, as the writer makes them).
std::string Book(const std::vector<XlsxTable>& tables) {
  Result<std::string> bytes = WriteXlsx(tables);
  EXPECT_TRUE(bytes.ok()) << FormatErrors(bytes.errors());
  return bytes.ok() ? bytes.value() : std::string();
}

XlsxTable Actors() {
  return XlsxTableOfText("actors", {"actor", "name"}, {{"A", ""}, {"B", ""}});
}
XlsxTable Issues() {
  return XlsxTableOfText("issues", {"issue", "name", "scale_min", "scale_max"},
                         {{"i", "Issue", "0", "100"}});
}

TEST(Xlsx, MissingSheetIsNamedWithTheSheetsThereAre) {
  Result<ScenarioDocument> doc = ParseXlsxDocument(Book({Actors(), Issues()}), "book.xlsx");
  ASSERT_FALSE(doc.ok());
  const std::string text = FormatErrors(doc.errors());
  EXPECT_NE(text.find("book.xlsx [stances]: sheet is missing"), std::string::npos) << text;
  EXPECT_NE(text.find("this one has: actors, issues"), std::string::npos) << text;
}

TEST(Xlsx, BadNumberNamesSheetRowAndColumn) {
  const XlsxTable stances =
      XlsxTableOfText("Stances", {"issue", "actor", "position", "salience", "capability"},
                      {{"i", "A", "10", "0.5", "1"}, {"i", "B", "90", "high", "1"}});
  Result<ScenarioDocument> doc =
      ParseXlsxDocument(Book({Actors(), Issues(), stances}), "book.xlsx");
  ASSERT_FALSE(doc.ok());
  ASSERT_EQ(doc.errors().size(), 1u) << FormatErrors(doc.errors());
  const std::string text = doc.errors().front().ToString();
  EXPECT_EQ(text.rfind("book.xlsx [Stances] row 3, column salience: ", 0), 0u) << text;
  EXPECT_NE(text.find("fix: "), std::string::npos) << text;
}

TEST(Xlsx, ValueWithoutHeaderAndUnknownIssueAreLocated) {
  const XlsxTable stances =
      XlsxTableOfText("stances", {"issue", "actor", "position", "salience", "capability"},
                      {{"i", "A", "10", "0.5", "1", "stray"}, {"nope", "B", "90", "0.5", "1"}});
  Result<ScenarioDocument> doc =
      ParseXlsxDocument(Book({Actors(), Issues(), stances}), "book.xlsx");
  ASSERT_FALSE(doc.ok());
  const std::string text = FormatErrors(doc.errors());
  EXPECT_NE(text.find("book.xlsx [stances] row 2, column F: 'stray' is in a column without a "
                      "header"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("book.xlsx [stances] row 3, column issue: unknown issue 'nope'"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("the issues sheet"), std::string::npos) << text;  // not "issues.csv"
}

TEST(Xlsx, NotAZipArchiveIsRefused) {
  Result<ScenarioDocument> doc = ParseXlsxDocument("actor,name\nA,\n", "book.xlsx");
  ASSERT_FALSE(doc.ok());
  const std::string text = FormatErrors(doc.errors());
  EXPECT_NE(text.find("book.xlsx: not an .xlsx workbook"), std::string::npos) << text;
  // A zip that is not a workbook, and a workbook cut short.
  const std::string book = Book({Actors(), Issues()});
  Result<ScenarioDocument> cut = ParseXlsxDocument(book.substr(0, book.size() / 2), "cut.xlsx");
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(FormatErrors(cut.errors()).find("cut.xlsx"), std::string::npos);
}

TEST(Xlsx, PartsOverTheLimitAreRefusedNotUnpacked) {
  const std::string book = Book({Actors(), Issues()});
  XlsxLimits small;
  small.max_part_bytes = 200;
  Result<std::vector<XlsxSheet>> sheets = ReadXlsx(book, "bomb.xlsx", small);
  ASSERT_FALSE(sheets.ok());
  EXPECT_NE(FormatErrors(sheets.errors()).find("unpacks to more than"), std::string::npos);
}

// A workbook as another program writes it: parts given as XML text, zipped with libzip.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("entente-xlsx-test-" + std::to_string(::getpid())))
          .string();
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(zip, nullptr);
  for (const auto& [name, text] : parts) {
    zip_source_t* source = zip_source_buffer(zip, text.data(), text.size(), 0);
    EXPECT_GE(zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(zip), 0);
  std::string bytes = ReadTextFile(path).ValueOrThrow();
  std::filesystem::remove(path);
  return bytes;
}

std::string Sheet(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

std::string HandMade() {
  const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
  const std::string r =
      R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
  std::string workbook = "<workbook " + ns + " " + r + "><sheets>";
  std::string rels =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  const std::vector<std::string> names = {"Actors", "Issues", "Stances", "Outcomes"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    workbook += "<sheet name=\"" + names[i] + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Target=\"worksheets/sheet" + n + ".xml\"/>";
  }
  workbook += "</sheets></workbook>";
  rels += "</Relationships>";
  // Shared strings: plain, rich text in runs, and a phonetic reading to leave out.
  const std::string strings = "<sst " + ns +
                              "><si><t>actor</t></si><si><r><t>na</t></r><r><t>me</t></r></si>"
                              "<si><t>Alpha</t><rPh><t>ARUFA</t></rPh></si><si><t>issue</t></si>"
                              "</sst>";
  const std::string actors = Sheet(
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>description</t></is></c></row>)"
      R"(<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="b"><v>1</v></c></row>)"
      R"(<row r="4"><c r="A4" t="str"><v>B</v></c><c r="C4" t="b"><v>0</v></c></row>)");
  const std::string issues = Sheet(
      R"(<row r="1"><c r="A1" t="s"><v>3</v></c><c r="B1" t="inlineStr"><is><t>scale_min</t></is></c><c r="C1" t="inlineStr"><is><t>scale_max</t></is></c><c r="D1" t="inlineStr"><is><t>name</t></is></c></row>)"
      R"(<row r="2"><c r="A2" t="inlineStr"><is><t>i</t></is></c><c r="B2"><v>0</v></c><c r="C2" s="1"><v>1E2</v></c><c r="D2" s="1"/></row>)");
  const std::string stances = Sheet(
      R"(<row r="1"><c t="inlineStr"><is><t>issue</t></is></c><c t="inlineStr"><is><t>actor</t></is></c><c t="inlineStr"><is><t>position</t></is></c><c t="inlineStr"><is><t>salience</t></is></c><c t="inlineStr"><is><t>capability</t></is></c></row>)"
      R"(<row><c t="inlineStr"><is><t>i</t></is></c><c t="inlineStr"><is><t>A</t></is></c><c><v>0.1</v></c><c><v>0.7</v></c><c><v>3</v></c></row>)"
      R"(<row><c t="inlineStr"><is><t>i</t></is></c><c t="inlineStr"><is><t>B</t></is></c><c><v>99.99999999999999</v></c><c><v>1</v></c><c><v>1</v></c></row>)");
  const std::string outcomes = Sheet(
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>issue</t></is></c><c r="B1" t="inlineStr"><is><t>value</t></is></c><c r="C1" t="inlineStr"><is><t>date</t></is></c></row>)"
      R"(<row r="2"><c r="A2" t="inlineStr"><is><t>i</t></is></c><c r="B2"><v>40</v></c><c r="C2" s="2"><v>44252</v></c></row>)");
  return Zip({{"[Content_Types].xml", "<Types/>"},
              {"xl/workbook.xml", workbook},
              {"xl/_rels/workbook.xml.rels", rels},
              {"xl/sharedStrings.xml", strings},
              {"xl/worksheets/sheet1.xml", actors},
              {"xl/worksheets/sheet2.xml", issues},
              {"xl/worksheets/sheet3.xml", stances},
              {"xl/worksheets/sheet4.xml", outcomes}});
}

TEST(Xlsx, ReadsSharedAndInlineStringsNumbersBooleans) {
  Result<std::vector<XlsxSheet>> sheets = ReadXlsx(HandMade(), "hand.xlsx");
  ASSERT_TRUE(sheets.ok()) << FormatErrors(sheets.errors());
  ASSERT_EQ(sheets.value().size(), 4u);
  const XlsxSheet& actors = sheets.value()[0];
  EXPECT_EQ(actors.name, "Actors");
  ASSERT_EQ(actors.rows.size(), 3u);
  EXPECT_EQ(actors.rows[0].cells[1].text, "name");   // rich text runs joined
  EXPECT_EQ(actors.rows[1].cells[1].text, "Alpha");  // phonetic reading left out
  EXPECT_EQ(actors.rows[1].cells[2].text, "TRUE");
  EXPECT_EQ(actors.rows[2].row, 4);
  EXPECT_EQ(actors.rows[2].cells[0].text, "B");
  EXPECT_EQ(actors.rows[2].cells[1].column, 2);
  EXPECT_EQ(actors.rows[2].cells[1].text, "FALSE");
  const XlsxSheet& issues = sheets.value()[1];
  ASSERT_EQ(issues.rows[1].cells.size(), 3u);  // the styled empty D2 is no cell
  EXPECT_EQ(issues.rows[1].cells[2].text, "100");
}

TEST(Xlsx, HandMadeWorkbookIsAScenarioWithATypedDate) {
  Result<ScenarioDocument> doc = ParseXlsxDocument(HandMade(), "hand.xlsx");
  ASSERT_TRUE(doc.ok()) << FormatErrors(doc.errors());
  const Scenario& s = doc.value().scenario;
  ASSERT_EQ(s.actors.size(), 2u);
  EXPECT_EQ(s.actors[0].name, "Alpha");
  EXPECT_EQ(s.actors[0].description, "TRUE");
  ASSERT_EQ(s.issues.size(), 1u);
  EXPECT_EQ(s.issues[0].scale.max, 100);
  ASSERT_EQ(s.issues[0].stances.size(), 2u);
  EXPECT_EQ(s.issues[0].stances[1].position, 99.99999999999999);
  ASSERT_EQ(doc.value().outcomes.size(), 1u);
  EXPECT_EQ(doc.value().outcomes[0].date, "2021-02-25");  // serial 44252
  EXPECT_EQ(doc.value().outcomes[0].value, 40);
}

TEST(Xlsx, ResultTablesBecomeSheetsWithNumberCells) {
  Result<std::string> book = CsvWorkbook(
      {{"forecast", "issue,outcome,note\ni,12.5,\"a, b\"\nj,007,\n"}, {"second", "x\n1\n"}});
  ASSERT_TRUE(book.ok()) << FormatErrors(book.errors());
  Result<std::vector<XlsxSheet>> sheets = ReadXlsx(book.value(), "r.xlsx");
  ASSERT_TRUE(sheets.ok()) << FormatErrors(sheets.errors());
  ASSERT_EQ(sheets.value().size(), 2u);
  const XlsxSheet& f = sheets.value()[0];
  EXPECT_EQ(f.name, "forecast");
  ASSERT_EQ(f.rows.size(), 3u);
  EXPECT_EQ(f.rows[1].cells[1].text, "12.5");
  EXPECT_EQ(f.rows[1].cells[2].text, "a, b");
  EXPECT_EQ(f.rows[2].cells[1].text, "007");  // text that only looks like a number stays text
  EXPECT_TRUE(IsXlsxPath("out/R.XLSX"));
  EXPECT_FALSE(IsXlsxPath("out/r.csv"));
  EXPECT_FALSE(IsXlsxPath(".xlsx"));
}

}  // namespace
}  // namespace entente
