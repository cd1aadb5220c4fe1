#include "entente/formats/csv.hpp"

#include <fmt/format.h>

#include "entente/core/encoding.hpp"
#include "entente/core/text.hpp"

namespace entente {

int CsvTable::Column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// Splits the text into records; each record remembers the line it starts on.
Result<std::vector<CsvRow>> SplitRecords(std::string_view text, const std::string& file) {
  std::vector<CsvRow> records;
  std::size_t i = 0;
  int line = 1;
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
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          return Error{Location{file, line}, "text after a closing quote",
                       "quote the whole cell and double any quote inside it (\"\")"};
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          cell += text[i++];
        }
      }
      row.cells.push_back(cell);
      if (i < text.size() && text[i] == ',') {
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
    const bool blank = row.cells.size() == 1 && Trim(row.cells[0]).empty();
    if (!blank) records.push_back(std::move(row));
  }
  return records;
}

}  // namespace

Result<CsvTable> ParseCsv(std::string_view bytes, const std::string& file) {
  Result<std::string> text = DecodeText(bytes, file);
  if (!text) return text.errors();
  Result<std::vector<CsvRow>> split = SplitRecords(text.value(), file);
  if (!split) return split.errors();
  std::vector<CsvRow>& records = split.value();
  if (records.empty()) {
    return Error{Location{file, 1}, "file is empty", "add the header line and the data rows"};
  }
  CsvTable table;
  table.file = file;
  for (const std::string& h : records.front().cells) table.header.emplace_back(Trim(h));
  Errors errors;
  for (std::size_t r = 1; r < records.size(); ++r) {
    CsvRow& row = records[r];
    if (row.cells.size() != table.header.size()) {
      errors.push_back(Error{Location{file, row.line},
                             fmt::format("row has {} cells but the header has {} columns",
                                         row.cells.size(), table.header.size()),
                             "quote cells that contain commas, or add the missing cells"});
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
