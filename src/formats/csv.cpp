#include "entente/formats/csv.hpp"

#include <array>

#include <fmt/format.h>

#include "entente/core/encoding.hpp"
#include "entente/core/text.hpp"

namespace entente {

std::string CsvDialect::Name() const {
  return delimiter == '\t' ? std::string("tab") : fmt::format("'{}'", delimiter);
}

Location CsvTable::At(int line, std::string column) const {
  Location at{file, line, std::move(column)};
  at.sheet = sheet;
  return at;
}

int CsvTable::Column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::optional<double> CsvTable::Number(std::string_view text) const {
  text = Trim(text);
  if (auto v = ParseNumber(text)) return v;
  // "0,8" only where a comma cannot be a thousands separator (see CsvDialect).
  if (!dialect.DecimalComma() || text.find('.') != std::string_view::npos) return std::nullopt;
  const std::size_t comma = text.find(',');
  if (comma == std::string_view::npos || text.find(',', comma + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  std::string dotted(text);
  dotted[comma] = '.';
  return ParseNumber(dotted);
}

std::optional<double> CsvTable::Share(std::string_view text) const {
  text = Trim(text);
  if (!text.empty() && text.back() == '%') {
    const std::optional<double> v = Number(text.substr(0, text.size() - 1));
    if (!v) return std::nullopt;
    return *v / 100;
  }
  return Number(text);
}

std::string CsvTable::NumberHint(std::string_view text, bool share) const {
  if (text.find('%') != std::string_view::npos && !share) {
    return "write the number without a percent sign (percentages are read only for shares: "
           "salience, thresholds)";
  }
  if (text.find(',') != std::string_view::npos && !dialect.DecimalComma()) {
    std::string dotted(Trim(text));
    for (char& c : dotted) c = c == ',' ? '.' : c;
    return fmt::format(
        "write {} with a decimal point (a decimal comma is read only in files "
        "whose cells are separated by ';', where it cannot be a thousands "
        "separator)",
        ParseNumber(dotted) ? dotted : std::string("the number"));
  }
  if (share) return "write a share such as 0.45 or 45%";
  return dialect.DecimalComma() ? "write a plain decimal number such as 13 or 0,45"
                                : "write a plain decimal number such as 13 or 0.45";
}

namespace {

// Splits the text into records; each record remembers the line it starts on. Rows whose cells
// are all blank (a spreadsheet's formatted but empty rows, ";;;") are dropped.
Result<std::vector<CsvRow>> SplitRecords(std::string_view text, const std::string& file,
                                         char delimiter, int first_line) {
  std::vector<CsvRow> records;
  std::size_t i = 0;
  int line = first_line;
  const auto ends_cell = [&](char c) { return c == delimiter || c == '\n' || c == '\r'; };
  while (i < text.size()) {
    CsvRow row;
    row.line = line;
    std::string cell;
    bool done = false;
    while (!done) {
      cell.clear();
      if (i < text.size() && text[i] == '"') {
        const int quote_line = line;
        ++i;
        while (true) {
          if (i >= text.size()) {
            return Error{Location{file, quote_line}, "quoted cell is never closed",
                         "add the closing double quote"};
          }
          const char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              cell += '"';
              ++i;
            } else {
              break;
            }
          } else {
            if (c == '\n') ++line;
            cell += c;
          }
        }
        if (i < text.size() && !ends_cell(text[i])) {
          return Error{Location{file, line}, "text after a closing quote",
                       "quote the whole cell and double any quote inside it (\"\")"};
        }
      } else {
        while (i < text.size() && !ends_cell(text[i])) cell += text[i++];
      }
      row.cells.push_back(cell);
      if (i < text.size() && text[i] == delimiter) {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') {
        ++i;
        ++line;
      }
      done = true;
    }
    bool blank = true;
    for (const std::string& c : row.cells) blank = blank && Trim(c).empty();
    if (!blank) records.push_back(std::move(row));
  }
  return records;
}

// Excel's `sep=;` first line: the delimiter it names, and the text after that line.
std::optional<char> SepLine(std::string_view& text) {
  const std::size_t end = text.find('\n');
  const std::string_view first = Trim(text.substr(0, end));
  if (first.size() != 5 || (first.substr(0, 4) != "sep=" && first.substr(0, 4) != "SEP=")) {
    return std::nullopt;
  }
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  return first[4];
}

// Every row has as many cells as a header of at least two columns.
bool Consistent(const std::vector<CsvRow>& records) {
  if (records.empty() || records.front().cells.size() < 2) return false;
  for (const CsvRow& r : records) {
    if (r.cells.size() != records.front().cells.size()) return false;
  }
  return true;
}

// The records split at the delimiter the header and rows agree on (see ParseCsv).
Result<std::pair<char, std::vector<CsvRow>>> SplitDetected(std::string_view text,
                                                           const std::string& file) {
  if (const std::optional<char> sep = SepLine(text)) {
    Result<std::vector<CsvRow>> split = SplitRecords(text, file, *sep, 2);
    if (!split) return split.errors();
    return std::pair{*sep, std::move(split).value()};
  }
  constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
  std::vector<std::pair<char, std::vector<CsvRow>>> parsed;
  std::vector<char> consistent;
  Errors comma_errors;
  for (const char d : kCandidates) {
    Result<std::vector<CsvRow>> split = SplitRecords(text, file, d, 1);
    if (!split) {
      if (d == ',') comma_errors = split.errors();
      continue;
    }
    if (Consistent(split.value())) consistent.push_back(d);
    parsed.emplace_back(d, std::move(split).value());
  }
  if (consistent.size() > 1) {
    const auto name = [](char d) { return CsvDialect{d}.Name(); };
    return Error{Location{file, 1},
                 fmt::format("cannot tell how cells are separated: the header and every row split "
                             "into columns at {} and at {}",
                             name(consistent[0]), name(consistent[1])),
                 fmt::format("save the file with one delimiter and quote cells that hold the "
                             "other, or make the first line sep={} (or sep={}) to say which",
                             consistent[0], consistent[1])};
  }
  if (parsed.empty()) return comma_errors;
  // The consistent delimiter, else the one giving the header most columns (',' on a tie), whose
  // rows are then reported one by one.
  std::size_t best = 0;
  for (std::size_t k = 0; k < parsed.size(); ++k) {
    const auto width = [&](std::size_t j) {
      return parsed[j].second.empty() ? 0 : parsed[j].second.front().cells.size();
    };
    if (!consistent.empty()) {
      if (parsed[k].first == consistent.front()) best = k;
    } else if (width(k) > width(best)) {
      best = k;
    }
  }
  return std::move(parsed[best]);
}

}  // namespace

Result<CsvTable> ParseCsv(std::string_view bytes, const std::string& file) {
  Result<std::string> text = DecodeText(bytes, file);
  if (!text) return text.errors();
  Result<std::pair<char, std::vector<CsvRow>>> split = SplitDetected(text.value(), file);
  if (!split) return split.errors();
  std::vector<CsvRow>& records = split.value().second;
  if (records.empty()) {
    return Error{Location{file, 1}, "file is empty", "add the header line and the data rows"};
  }
  CsvTable table;
  table.file = file;
  table.dialect.delimiter = split.value().first;
  table.header_line = records.front().line;
  for (const std::string& h : records.front().cells) table.header.emplace_back(Trim(h));
  Errors errors;
  for (std::size_t r = 1; r < records.size(); ++r) {
    CsvRow& row = records[r];
    if (row.cells.size() != table.header.size()) {
      errors.push_back(Error{
          Location{file, row.line},
          fmt::format("row has {} cells but the header has {} columns (cells separated by {})",
                      row.cells.size(), table.header.size(), table.dialect.Name()),
          fmt::format("quote cells that contain {}, or add the missing cells",
                      table.dialect.Name())});
      continue;
    }
    table.rows.push_back(std::move(row));
  }
  if (!errors.empty()) return errors;
  return table;
}

std::string CsvCell(std::string_view text) {
  const bool needs_quotes = text.find_first_of(",\"\n\r") != std::string_view::npos ||
                            (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!needs_quotes) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string CsvLine(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvCell(cells[i]);
  }
  out += '\n';
  return out;
}

}  // namespace entente
