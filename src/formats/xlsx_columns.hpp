#pragma once
// What each column of a scenario workbook means and holds (for header comments, the
// template's README sheet, and which cells are written as numbers).

#include <string_view>
#include <vector>

#include "entente/core/outcome.hpp"
#include "entente/core/result.hpp"
#include "entente/formats/xlsx.hpp"

namespace entente {

// The comment on `column`'s header cell in `sheet` (a bundle file name without `.csv`): its
// meaning and unit; empty for a column without one.
[[nodiscard]] std::string_view XlsxColumnNote(std::string_view sheet, std::string_view column);

// Whether `column` of `sheet` holds numbers (written as number cells, not text).
[[nodiscard]] bool XlsxColumnIsNumber(std::string_view sheet, std::string_view column);

// The sheets WriteXlsxDocument writes for `document`, before they become a workbook.
[[nodiscard]] Result<std::vector<XlsxTable>> XlsxScenarioTables(const ScenarioDocument& document);

}  // namespace entente
