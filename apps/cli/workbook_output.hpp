#pragma once
// `-o results.xlsx`: the commands whose results have a CSV form write those tables as the
// sheets of a workbook instead; the file name alone asks for it.

#include <string>
#include <vector>

#include "entente/output/csv_workbook.hpp"

namespace entente::cli {

/// Whether `output` names a workbook (.xlsx). An InputError when -f `format` is given with it,
/// since the file name already says what to write.
[[nodiscard]] bool WorkbookOutput(const std::string& format, const std::string& output);

/// The workbook of `sheets`, as bytes for Emit; IoError when it cannot be built.
[[nodiscard]] std::string Workbook(const std::vector<CsvSheet>& sheets);

}  // namespace entente::cli
