#pragma once
/// \file
/// A scenario as an .xlsx workbook: one sheet per CSV-bundle file (`actors`, `issues`,
/// `stances`, and optionally `scenario`, `groups`, `outcomes`, `rules`, `alliances`, `moves`,
/// `issue_metadata`), each with the bundle file's header row and rows. The sheets are read by
/// the bundle's own reader, so columns, meaning and checks are the bundle's; messages name the
/// workbook, sheet, row and column (`book.xlsx [stances] row 7, column salience: ...`).

#include <string>
#include <string_view>

#include "entente/core/outcome.hpp"
#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"
#include "entente/formats/xlsx.hpp"

namespace entente {

/// Reads a scenario and its outcomes from a workbook's bytes; `file` names it in messages.
/// Sheet names match the bundle's file names without `.csv`, in any letter case; other sheets
/// (a README, a chart) are ignored. In each sheet the first row with a value is the header;
/// rows without values are skipped. Errors (every one found): not a workbook, a missing
/// sheet, a value under no header, a cell holding a spreadsheet error, then whatever the
/// bundle reader reports. Does not validate ranges (see Validate).
[[nodiscard]] Result<ScenarioDocument> ParseXlsxDocument(std::string_view bytes,
                                                         const std::string& file,
                                                         const XlsxLimits& limits = {});

/// The workbook for `document` (the bundle's tables as sheets: actors, issues, stances first),
/// as .xlsx bytes. Header cells carry a comment with the column's meaning and unit; numbers are
/// number cells. Fails like WriteCsvBundle (an anchor label that cannot be written) or when the
/// workbook cannot be built.
[[nodiscard]] Result<std::string> WriteXlsxDocument(const ScenarioDocument& document);

/// A workbook to fill in: every main sheet with its header (and unit comments), one example
/// row each, and a README sheet explaining the columns. Read back, it is a valid scenario.
[[nodiscard]] Result<std::string> XlsxTemplate();

}  // namespace entente
