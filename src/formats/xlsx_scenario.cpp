// A scenario workbook is the CSV bundle with sheets for files: writing goes through
// WriteCsvBundle and reading through ParseBundleTables, so the two containers cannot drift
// apart in columns, meaning or checks.
#include "entente/formats/xlsx_scenario.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "entente/core/error.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"
#include "entente/formats/csv_bundle.hpp"
#include "xlsx_columns.hpp"

namespace entente {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string SheetOf(const std::string& bundle_file) {
  return bundle_file.substr(0, bundle_file.size() - 4);  // "actors.csv" -> "actors"
}

// The sheet as a bundle table: the first row with a value is the header.
Result<CsvTable> TableOf(const XlsxSheet& sheet, const std::string& file) {
  CsvTable t;
  t.file = file;
  t.sheet = sheet.name;
  Errors errors;
  if (sheet.rows.empty()) return t;
  const XlsxRow& head = sheet.rows.front();
  t.header_line = head.row;
  t.header.resize(static_cast<std::size_t>(head.cells.back().column) + 1);
  for (const XlsxCell& c : head.cells) t.header[c.column] = std::string(Trim(c.text));
  for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
    const XlsxRow& row = sheet.rows[r];
    CsvRow out{row.row, std::vector<std::string>(t.header.size())};
    for (const XlsxCell& c : row.cells) {
      const auto column = static_cast<std::size_t>(c.column);
      if (column >= t.header.size()) {
        errors.push_back(Error{t.At(row.row, XlsxColumnName(c.column)),
                               fmt::format("'{}' is in a column without a header", c.text),
                               "name the column in the header row, or delete the value"});
      } else if (c.error) {
        errors.push_back(Error{t.At(row.row, t.header[column]),
                               fmt::format("the cell holds the spreadsheet error {}", c.text),
                               "fix the formula, or type the value"});
      } else {
        out.cells[column] = c.text;
      }
    }
    t.rows.push_back(std::move(out));
  }
  if (!errors.empty()) return errors;
  return t;
}

// The bundle reader's words name files ("use an issue id from issues.csv"); a workbook has
// sheets instead.
void NameSheets(Errors& errors) {
  for (Error& e : errors) {
    for (const std::string& name : BundleFileNames()) {
      const std::string sheet = fmt::format("the {} sheet", SheetOf(name));
      for (std::string* text : {&e.message, &e.hint}) {
        for (std::size_t at = text->find(name); at != std::string::npos;
             at = text->find(name, at + sheet.size())) {
          text->replace(at, name.size(), sheet);
        }
      }
    }
  }
}

std::string SheetList(const std::vector<XlsxSheet>& sheets) {
  std::string out;
  for (const XlsxSheet& s : sheets) out += (out.empty() ? "" : ", ") + s.name;
  return out.empty() ? "none" : out;
}

// The bundle's tables as sheets, the three every scenario has first.
std::vector<std::string> SheetOrder() {
  return {"actors.csv", "issues.csv",    "stances.csv", "groups.csv",         "outcomes.csv",
          "rules.csv",  "alliances.csv", "moves.csv",   "issue_metadata.csv", "scenario.csv"};
}

}  // namespace

Result<ScenarioDocument> ParseXlsxDocument(std::string_view bytes, const std::string& file,
                                           const XlsxLimits& limits) {
  Result<std::vector<XlsxSheet>> sheets = ReadXlsx(bytes, file, limits);
  if (!sheets) return sheets.errors();
  std::map<std::string, const XlsxSheet*> by_name;
  for (const XlsxSheet& s : sheets.value()) by_name.emplace(Lower(s.name), &s);
  std::map<std::string, Result<CsvTable>> tables;
  for (const std::string& name : BundleFileNames()) {
    auto it = by_name.find(SheetOf(name));
    if (it != by_name.end()) tables.emplace(name, TableOf(*it->second, file));
  }
  const auto missing = [&](const std::string& name) {
    Location at{file};
    at.sheet = SheetOf(name);
    return Error{at, "sheet is missing",
                 fmt::format("a scenario workbook needs sheets actors, issues and stances (this "
                             "one has: {})",
                             SheetList(sheets.value()))};
  };
  Location issues{file};
  auto it = by_name.find("issues");
  issues.sheet = it != by_name.end() ? it->second->name : "issues";
  Result<ScenarioDocument> doc = ParseBundleTables(tables, missing, issues);
  if (doc) return doc;
  Errors errors = doc.errors();
  NameSheets(errors);
  return errors;
}

Result<std::vector<XlsxTable>> XlsxScenarioTables(const ScenarioDocument& document) {
  Result<FileSet> files = WriteCsvBundle(document);
  if (!files) return files.errors();
  std::vector<XlsxTable> tables;
  for (const std::string& name : SheetOrder()) {
    auto it = files.value().find(name);
    if (it == files.value().end()) continue;
    Result<CsvTable> csv = ParseCsv(it->second, name);
    if (!csv)
      throw InternalError("the bundle writer wrote a table its reader refuses: " +
                          FormatErrors(csv.errors()));
    const std::string sheet = SheetOf(name);
    XlsxTable table;
    table.name = sheet;
    table.header = csv.value().header;
    for (const std::string& column : table.header)
      table.notes.push_back(std::string(XlsxColumnNote(sheet, column)));
    for (const CsvRow& row : csv.value().rows) {
      std::vector<XlsxValue> cells;
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        XlsxValue v;
        const std::string& text = row.cells[c];
        const auto number =
            XlsxColumnIsNumber(sheet, table.header[c]) ? ParseNumber(text) : std::nullopt;
        if (number && FormatNumber(*number) == text)
          v.number = number;
        else
          v.text = text;
        cells.push_back(std::move(v));
      }
      table.rows.push_back(std::move(cells));
    }
    tables.push_back(std::move(table));
  }
  return tables;
}

Result<std::string> WriteXlsxDocument(const ScenarioDocument& document) {
  Result<std::vector<XlsxTable>> tables = XlsxScenarioTables(document);
  if (!tables) return tables.errors();
  return WriteXlsx(tables.value());
}

}  // namespace entente
