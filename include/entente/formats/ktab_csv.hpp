#pragma once
/// \file
/// KTAB's CSV scenario format: line 1 `name,desc,nActors,nDims`, line 2 the column names
/// `Actor,Description,Power,Pstn1,Sal1,...`, then one line per actor. Positions and saliences
/// are on 0-100; each dimension becomes an issue on a 0-100 scale, saliences are divided by 100.

#include <string>
#include <string_view>

#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// Parses a KTAB CSV scenario; every structural problem is returned with its line and column.
///
/// Example:
/// ```
/// Result<Scenario> r = ParseKtabCsv(text, "dummyData_3Dim.csv");
/// ```
[[nodiscard]] Result<Scenario> ParseKtabCsv(std::string_view text, const std::string& file);

/// Splits one KTAB CSV line into trimmed cells (double quotes may protect commas); a trailing
/// empty cell, which KTAB writes after the last comma, is dropped.
[[nodiscard]] std::vector<std::string> SplitKtabCsvLine(std::string_view line);

/// A short issue id from a KTAB column name: "Policy Position" -> "policy" (the words
/// "position"/"pstn" dropped, lower case, other characters as '_'); `fallback` when empty.
[[nodiscard]] std::string KtabDimensionId(std::string_view column, const std::string& fallback);

}  // namespace entente
