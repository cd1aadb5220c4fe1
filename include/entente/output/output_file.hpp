#pragma once
/// \file
/// Which format a command writes, from the format asked for and the output file's name: `-o
/// results.csv` writes CSV, `.json` JSON, `.txt` or `.md` the table (`.html` and `.md` a
/// report), so a file never holds another format than its name says; what a command cannot
/// write is refused before anything runs.

#include <string_view>
#include <vector>

#include "entente/core/result.hpp"
#include "entente/output/forecast_output.hpp"

namespace entente {

/// The format a file name's extension stands for (lower-cased: ".CSV" too): .csv CSV, .json
/// JSON, .txt/.text/.md the table; nullopt for no extension. An error (field "output") for
/// an extension none of these is, e.g. ".pdf" or ".xlsx".
[[nodiscard]] Result<std::optional<OutputFormat>> FormatOfPath(std::string_view path);

/// The format to write: `format` when given (non-empty: "table", "json" or "csv"), else the
/// one `path`'s extension names, else the table. Errors (fields "format" and "output") for an
/// unknown format, an extension no format has, a format and an extension that disagree
/// (naming both), and a format not in `supported` (naming those that are).
[[nodiscard]] Result<OutputFormat> ChooseOutputFormat(std::string_view format,
                                                      std::string_view path,
                                                      const std::vector<OutputFormat>& supported);

/// "table", "json" or "csv".
[[nodiscard]] std::string_view OutputFormatName(OutputFormat format);

}  // namespace entente
