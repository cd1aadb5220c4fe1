#pragma once
/// \file
/// Text helpers shared by the readers and writers: trimming, number parsing and printing.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace entente {

/// `text` without leading and trailing blanks (space, tab, CR, LF).
[[nodiscard]] std::string_view Trim(std::string_view text);

/// Parses a whole decimal number (surrounding blanks allowed); nullopt for anything else,
/// including "nan" and "inf", which no scenario field accepts.
[[nodiscard]] std::optional<double> ParseNumber(std::string_view text);

/// The shortest text that reads back as exactly `value` ("13", "0.45", "-1e-07").
[[nodiscard]] std::string FormatNumber(double value);

/// `value` rounded to `decimals` places for display ("12.7"); "-0.0" prints as "0.0".
[[nodiscard]] std::string FormatFixed(double value, int decimals);

/// Splits on `sep`, trimming each part; an empty text gives no parts.
[[nodiscard]] std::vector<std::string> SplitList(std::string_view text, char sep);

}  // namespace entente
