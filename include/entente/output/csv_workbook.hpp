#pragma once
/// \file
/// Results as a spreadsheet: the CSV tables a command writes (forecast, simulate, advise, ...)
/// as the sheets of one .xlsx workbook, so `-o results.xlsx` carries exactly the CSV's cells,
/// with numbers as number cells.

#include <string>
#include <string_view>
#include <vector>

#include "entente/core/result.hpp"

namespace entente {

/// One table to become a sheet: its name (at most 31 characters) and its CSV text.
struct CsvSheet {
  std::string name;  ///< the sheet's tab name
  std::string csv;   ///< header line, then rows, as the command's CSV output
};

/// Whether `path` names a workbook: its extension is .xlsx (any letter case).
[[nodiscard]] bool IsXlsxPath(std::string_view path);

/// The .xlsx bytes of a workbook holding `sheets` in order. An error when a CSV text cannot be
/// parsed or the workbook cannot be built.
[[nodiscard]] Result<std::string> CsvWorkbook(const std::vector<CsvSheet>& sheets);

}  // namespace entente
