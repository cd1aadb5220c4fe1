#pragma once
/// \file
/// Office Open XML workbooks (.xlsx) as plain tables: reading every sheet's cells (a zip of XML
/// parts, opened with libzip and parsed with expat) and writing tables as sheets (with
/// libxlsxwriter). Numbers survive both ways exactly: a number cell reads as the shortest text
/// that parses back to the same double, and a number the writer cannot spell exactly is
/// written as that text.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/result.hpp"

namespace entente {

/// One non-empty cell of a sheet as text: a number in its shortest exact spelling, a boolean
/// as TRUE or FALSE, a string as is.
struct XlsxCell {
  int column = 0;      ///< 0-based column (A = 0)
  std::string text;    ///< the cell's value as text
  bool error = false;  ///< the cell holds a spreadsheet error (`#N/A`, `#DIV/0!`); text names it
};

/// One row of a sheet that has cells, in column order.
struct XlsxRow {
  int row = 0;                  ///< 1-based row number, as the spreadsheet shows it
  std::vector<XlsxCell> cells;  ///< the row's non-empty cells (sparse)
};

/// A sheet: its name (as the tab shows it) and its rows in order.
struct XlsxSheet {
  std::string name;           ///< the tab's name
  std::vector<XlsxRow> rows;  ///< rows with at least one cell
};

/// How much a workbook may unpack to: a zip bomb (a few kilobytes that inflate to gigabytes) is
/// refused once a part or the parts read so far pass these sizes.
struct XlsxLimits {
  std::size_t max_part_bytes = std::size_t{64} << 20;    ///< one XML part, uncompressed
  std::size_t max_total_bytes = std::size_t{256} << 20;  ///< all parts read, uncompressed
};

/// Every sheet of the workbook in `bytes`, in tab order; `file` names it in messages. Errors
/// (located at the file, or at the part and line of bad XML): not a zip archive, a missing or
/// malformed part, a part over the limits, a bad cell reference or shared-string index.
[[nodiscard]] Result<std::vector<XlsxSheet>> ReadXlsx(std::string_view bytes,
                                                      const std::string& file,
                                                      const XlsxLimits& limits = {});

/// A value to write: nothing, a number or text.
struct XlsxValue {
  std::optional<double> number;  ///< written as a number cell when set
  std::string text;              ///< written as a string cell when not empty (and no number)
};

/// A table to write as one sheet: a bold, frozen header row (each header cell may carry a
/// comment, e.g. the column's unit) over its rows; columns sized to their contents.
struct XlsxTable {
  std::string name;                 ///< the sheet's name (at most 31 characters)
  std::vector<std::string> header;  ///< column names
  std::vector<std::string> notes;   ///< a comment per header cell ("" for none); may be short
  std::vector<std::vector<XlsxValue>> rows;  ///< data rows
};

/// The workbook holding `tables` as sheets, in order, as the bytes of an .xlsx file. An
/// error when the workbook cannot be built (a temporary file cannot be written, a bad sheet
/// name); nothing is left behind.
[[nodiscard]] Result<std::string> WriteXlsx(const std::vector<XlsxTable>& tables);

/// A table of text cells (e.g. a CSV file's rows) with every cell that is a number in its
/// shortest exact spelling written as a number, so spreadsheets can compute with it.
[[nodiscard]] XlsxTable XlsxTableOfText(std::string name, std::vector<std::string> header,
                                        const std::vector<std::vector<std::string>>& rows);

/// The column letters of a 0-based column: 0 -> "A", 27 -> "AB".
[[nodiscard]] std::string XlsxColumnName(int column);

}  // namespace entente
