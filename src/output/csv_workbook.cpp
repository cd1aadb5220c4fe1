// The CSV output is the one source of each table's cells; the workbook only re-types them
// (numbers in their shortest exact spelling become number cells), so the two cannot disagree.
#include "entente/output/csv_workbook.hpp"

#include <algorithm>
#include <cctype>

#include "entente/formats/csv.hpp"
#include "entente/formats/xlsx.hpp"

namespace entente {

bool IsXlsxPath(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.size() <= 5) return false;
  std::string ext(name.substr(name.size() - 5));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xlsx";
}

Result<std::string> CsvWorkbook(const std::vector<CsvSheet>& sheets) {
  std::vector<XlsxTable> tables;
  for (const CsvSheet& sheet : sheets) {
    Result<CsvTable> csv = ParseCsv(sheet.csv, sheet.name);
    if (!csv) return csv.errors();
    std::vector<std::vector<std::string>> rows;
    for (const CsvRow& row : csv.value().rows) rows.push_back(row.cells);
    tables.push_back(XlsxTableOfText(sheet.name, csv.value().header, rows));
  }
  return WriteXlsx(tables);
}

}  // namespace entente
