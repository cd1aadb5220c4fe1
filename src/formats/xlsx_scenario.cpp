// A scenario workbook is the CSV bundle with sheets for files: writing goes through
// WriteCsvBundle and reading through ParseBundleTables, so the two containers cannot drift
// apart in columns, meaning or checks.
#include "entente/formats/xlsx_scenario.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <utility>

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

// Days since 1970-01-01 -> "YYYY-MM-DD" (the proleptic Gregorian calendar; H. Hinnant's
// civil_from_days, http://howardhinnant.github.io/date_algorithms.html).
std::string CivilDate(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  const long long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// A date column's cell as the bundle's YYYY-MM-DD text. A spreadsheet stores a typed date as
// its serial number (days since 1899-12-30 in the 1900 date system, whose serial 60 is the
// fictitious 1900-02-29), shown through a date format the reader does not consult. A number
// under 10000 (a year such as 2021) is left as typed; so is any text. An ISO date-time cell
// (type "d") keeps its date part.
std::string DateText(const std::string& text) {
  if (text.size() > 10 && text[4] == '-' && text[10] == 'T') return text.substr(0, 10);
  const std::optional<double> serial = ParseNumber(text);
  if (!serial || *serial < 10000 || *serial >= 2958466) return text;
  return CivilDate(static_cast<long long>(*serial) - 25569);
}

// The sheet `key` (a bundle file name without .csv) as a bundle table: the first row with a
// value is the header. A value under no header, or a spreadsheet error, goes to `errors` and
// its cell is left empty, so the table's other problems are still reported.
CsvTable TableOf(const XlsxSheet& sheet, const std::string& key, const std::string& file,
                 Errors& errors) {
  CsvTable t;
  t.file = file;
  t.sheet = sheet.name;
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
    // Dates: the outcomes' date column, and the scenario sheet's as_of value.
    const int date = key == "outcomes"   ? t.Column("date")
                     : key == "scenario" ? t.Column("value")
                                         : -1;
    const int scenario_key = key == "scenario" ? t.Column("key") : -1;
    if (date >= 0 &&
        (key == "outcomes" || (scenario_key >= 0 && out.cells[scenario_key] == "as_of")))
      out.cells[date] = DateText(out.cells[date]);
    t.rows.push_back(std::move(out));
  }
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
  Errors cells;  // values under no header, spreadsheet errors
  for (const std::string& name : BundleFileNames()) {
    auto it = by_name.find(SheetOf(name));
    if (it != by_name.end()) tables.emplace(name, TableOf(*it->second, SheetOf(name), file, cells));
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
  if (doc && cells.empty()) return doc;
  Errors errors = cells;
  // A cell already reported (its spreadsheet error) is not reported again as empty.
  const auto same_cell = [](const Location& a, const Location& b) {
    return a.file == b.file && a.sheet == b.sheet && a.line == b.line && a.field == b.field;
  };
  if (!doc) {
    for (const Error& e : doc.errors()) {
      if (std::none_of(cells.begin(), cells.end(),
                       [&](const Error& c) { return same_cell(c.where, e.where); }))
        errors.push_back(e);
    }
  }
  // In reading order: sheet by sheet (as first reported), row by row.
  std::vector<std::string> order;
  for (const Error& e : errors) {
    if (std::find(order.begin(), order.end(), e.where.sheet) == order.end())
      order.push_back(e.where.sheet);
  }
  const auto rank = [&](const Error& e) {
    return std::pair(std::find(order.begin(), order.end(), e.where.sheet) - order.begin(),
                     e.where.line);
  };
  std::stable_sort(errors.begin(), errors.end(),
                   [&](const Error& a, const Error& b) { return rank(a) < rank(b); });
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
