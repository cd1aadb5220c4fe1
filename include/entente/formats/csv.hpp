#pragma once
/// \file
/// A small RFC 4180 CSV reader and writer that keeps line numbers for error messages, and reads
/// the dialects European spreadsheets save: `;` (or tab) between cells, decimal commas, `70%`.

#include <optional>
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

/// How a file separates cells and writes decimals. A spreadsheet set to a language whose decimal
/// mark is a comma (German, French, ...) saves "CSV" with `;` between cells and `0,8` for 0.8;
/// only such files can hold a decimal comma, since in a `,`-separated file `1,000` may be a
/// thousand written the English way.
struct CsvDialect {
  char delimiter = ',';  ///< ',', ';' or '\t'
  /// Cells may write numbers with a decimal comma (`0,8`); true when the delimiter is not ','.
  [[nodiscard]] bool DecimalComma() const { return delimiter != ','; }
  /// The delimiter for messages: "','", "';'" or "tab".
  [[nodiscard]] std::string Name() const;
};

/// A parsed CSV file: header names and data rows (blank lines and rows of empty cells dropped).
struct CsvTable {
  std::string file;                 ///< path, for messages
  std::string sheet;                ///< the workbook sheet the table came from; empty for a file
  CsvDialect dialect;               ///< as detected from the header
  int header_line = 1;              ///< 2 after a `sep=` line
  std::vector<std::string> header;  ///< column names, trimmed
  std::vector<CsvRow> rows;         ///< data rows in file order

  /// Where `line` (a row's line, or a sheet's row) and `column` are, for messages and origins.
  [[nodiscard]] Location At(int line, std::string column = {}) const;

  /// Index of column `name`, or -1.
  [[nodiscard]] int Column(std::string_view name) const;

  /// A number in this file's dialect: a plain decimal ("0.45", "-1e-07"), or with a decimal
  /// comma ("0,45") when the file is `;`- or tab-separated. nullopt for anything else.
  [[nodiscard]] std::optional<double> Number(std::string_view text) const;

  /// A share (salience, a voting threshold): Number, or a percentage "70%" / "70 %" / "70,5 %"
  /// read as 0.7 / 0.705.
  [[nodiscard]] std::optional<double> Share(std::string_view text) const;

  /// How to write a number this file could not read (`text` is the cell): names the decimal
  /// comma or the percent sign when that is what stands in the way.
  [[nodiscard]] std::string NumberHint(std::string_view text, bool share) const;
};

/// Parses `text` (UTF-8, optional BOM, LF or CRLF). Quoted cells may hold delimiters, doubled
/// quotes and newlines. The delimiter is found from the header: a first line `sep=;` (which
/// Excel writes and reads) names it; otherwise ',', ';' or tab, whichever splits the header into
/// columns and every row into as many cells. A header that splits at more than one of them with
/// every row agreeing is refused (the hint names the delimiters). Errors: that ambiguity, an
/// unterminated quote, text after a closing quote, a row with a different number of cells than
/// the header (naming the delimiter).
[[nodiscard]] Result<CsvTable> ParseCsv(std::string_view text, const std::string& file);

/// One cell, quoted only when it has to be (comma, quote, newline, leading/trailing space).
[[nodiscard]] std::string CsvCell(std::string_view text);

/// One line of cells with a trailing newline.
[[nodiscard]] std::string CsvLine(const std::vector<std::string>& cells);

}  // namespace entente
