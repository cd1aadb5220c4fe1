// The output file's name decides its format unless a format is asked for; then the two must
// agree. Before this, `-o out.csv` wrote the text table and `-o r.pdf` HTML, silently.
#include "entente/output/output_file.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include <fmt/format.h>

#include "entente/core/error.hpp"

namespace entente {
namespace {

std::string Names(const std::vector<OutputFormat>& formats) {
  std::string out;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (i > 0) out += i + 1 == formats.size() ? " or " : ", ";
    out += OutputFormatName(formats[i]);
  }
  return out;
}

// The extensions each format is written under, for the hint.
std::string Extensions(const std::vector<OutputFormat>& formats) {
  std::vector<const char*> names;
  for (const OutputFormat f : {OutputFormat::kCsv, OutputFormat::kJson, OutputFormat::kTable}) {
    if (std::find(formats.begin(), formats.end(), f) == formats.end()) continue;
    names.push_back(f == OutputFormat::kCsv ? ".csv" : f == OutputFormat::kJson ? ".json" : ".txt");
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += std::string(i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return out;
}

}  // namespace

std::string_view OutputFormatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable: return "table";
    case OutputFormat::kJson: return "json";
    case OutputFormat::kCsv: return "csv";
  }
  return "table";
}

Result<std::optional<OutputFormat>> FormatOfPath(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || name == "-")
    return std::optional<OutputFormat>{};
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "csv") return std::optional<OutputFormat>{OutputFormat::kCsv};
  if (ext == "json") return std::optional<OutputFormat>{OutputFormat::kJson};
  if (ext == "txt" || ext == "text" || ext == "md")
    return std::optional<OutputFormat>{OutputFormat::kTable};
  return Error{Location{std::string(path), 0, "output"},
               fmt::format("cannot write a .{} file", ext),
               "name the file .csv, .json or .txt (the table), or give no extension and a format"};
}

Result<OutputFormat> ChooseOutputFormat(std::string_view format, std::string_view path,
                                        const std::vector<OutputFormat>& supported) {
  std::optional<OutputFormat> asked;
  if (!format.empty()) {
    Result<OutputFormat> parsed = ParseOutputFormat(format);
    if (!parsed) return parsed.errors();
    asked = parsed.value();
  }
  Result<std::optional<OutputFormat>> named = FormatOfPath(path);
  if (!named) {
    Errors errors = named.errors();
    errors.front().hint = fmt::format("name the file {} for this output", Extensions(supported));
    return errors;
  }
  if (asked && named.value() && *asked != *named.value()) {
    return Error{Location{std::string(path), 0, "format"},
                 fmt::format("format {} contradicts the file name, which says {}",
                             OutputFormatName(*asked), OutputFormatName(*named.value())),
                 "drop the format, or name the file to match it"};
  }
  const OutputFormat chosen = asked ? *asked : named.value().value_or(OutputFormat::kTable);
  if (std::find(supported.begin(), supported.end(), chosen) == supported.end()) {
    return Error{Location{std::string(path), 0, asked ? "format" : "output"},
                 fmt::format("this command does not write {}", OutputFormatName(chosen)),
                 fmt::format("write {} ({})", Names(supported), Extensions(supported))};
  }
  return chosen;
}

}  // namespace entente
