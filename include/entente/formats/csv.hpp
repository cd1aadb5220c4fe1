#pragma once
/// \file
/// A small RFC 4180 CSV reader and writer that keeps line numbers for error messages.

#include <string>
#include <string_view>
#include <vector>

#include "entente/core/result.hpp"

namespace entente {

/// One data row: its cells and the line it starts on.
struct CsvRow {
  int line = 0;                    ///< 1-based line of the row's first character
  std::vector<std::string> cells;  ///< unquoted cell texts
};

/// A parsed CSV file: header names and data rows (blank lines dropped).
struct CsvTable {
  std::string file;                 ///< path, for messages
  std::vector<std::string> header;  ///< column names, trimmed
  std::vector<CsvRow> rows;         ///< data rows in file order

  /// Index of column `name`, or -1.
  [[nodiscard]] int Column(std::string_view name) const;
};

/// Parses `text` (UTF-8, optional BOM, LF or CRLF). Quoted cells may hold commas, doubled
/// quotes and newlines. Errors: unterminated quote, text after a closing quote, a row with a
/// different number of cells than the header.
[[nodiscard]] Result<CsvTable> ParseCsv(std::string_view text, const std::string& file);

/// One cell, quoted only when it has to be (comma, quote, newline, leading/trailing space).
[[nodiscard]] std::string CsvCell(std::string_view text);

/// One line of cells with a trailing newline.
[[nodiscard]] std::string CsvLine(const std::vector<std::string>& cells);

}  // namespace entente
