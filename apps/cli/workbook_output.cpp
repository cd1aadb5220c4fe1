// A workbook is built whole in memory and then written by Emit (atomically), so a failed
// build leaves an existing results.xlsx as it was.
#include "workbook_output.hpp"

#include <fmt/format.h>

#include "entente/core/error.hpp"

namespace entente::cli {

bool WorkbookOutput(const std::string& format, const std::string& output) {
  if (!IsXlsxPath(output)) return false;
  if (!format.empty()) {
    throw InputError(
        Errors{Error{Location{output, 0, "format"},
                     fmt::format("format {} contradicts the file name, which says xlsx (a "
                                 "workbook of the CSV tables)",
                                 format),
                     "drop -f, or name the file to match it"}});
  }
  return true;
}

std::string Workbook(const std::vector<CsvSheet>& sheets) {
  Result<std::string> bytes = CsvWorkbook(sheets);
  if (!bytes) throw IoError(FormatErrors(bytes.errors()));
  return std::move(bytes).value();
}

}  // namespace entente::cli
