// Writes tables as an .xlsx workbook with libxlsxwriter. The library writes only to a named
// file, so the workbook is built in a private temporary file and returned as bytes: the
// caller then writes those atomically (WriteFileAtomic) like any other output.
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "entente/core/text.hpp"
#include "entente/formats/xlsx.hpp"

namespace entente {
namespace {

constexpr std::size_t kMaxCellText = 32767;  // Excel's limit on one cell's characters
constexpr double kMaxWidth = 60;             // widest column, in characters

// libxlsxwriter spells numbers with 16 significant digits, which some doubles need 17 for; such
// a number is written as its shortest exact text instead, which the reader parses back.
bool SixteenDigitsExact(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.16G", value);
  return std::strtod(text, nullptr) == value;
}

// OOXML reads "_xHHHH_" in a string as the character U+HHHH (ECMA-376 Part 1, 22.9.2.19
// ST_Xstring), and libxlsxwriter writes text as it is: a literal "_x0041_" would read back as
// "A". Its underscore is escaped as "_x005F_", which readers turn back into "_".
std::string EscapeLiteralCodes(std::string_view text) {
  const auto hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && hex(text[i + 2]) &&
        hex(text[i + 3]) && hex(text[i + 4]) && hex(text[i + 5]) && text[i + 6] == '_') {
      out += "_x005F_";
      continue;
    }
    out += text[i];
  }
  return out;
}

// Removes the temporary file however the build ends.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};

// Display width of UTF-8 text: code points, not bytes.
std::size_t Width(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

Result<Unit> Check(lxw_error status, const std::string& sheet, int row, int column) {
  if (status == LXW_NO_ERROR) return Unit{};
  return Error{Location{},
               fmt::format("cannot write sheet '{}' cell {}{}: {}", sheet, XlsxColumnName(column),
                           row + 1, lxw_strerror(status)),
               status == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED
                   ? "keep each text under 32,767 characters"
                   : ""};
}

Result<Unit> WriteTable(lxw_workbook* book, lxw_format* bold, const XlsxTable& table) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, table.name.c_str());
  if (sheet == nullptr) {
    return Error{Location{}, fmt::format("cannot add sheet '{}'", table.name),
                 "sheet names have at most 31 characters and none of []:*?/\\"};
  }
  std::vector<std::size_t> widths(table.header.size(), 8);
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    if (Result<Unit> ok =
            Check(worksheet_write_string(sheet, 0, col, EscapeLiteralCodes(table.header[c]).c_str(),
                                         bold),
                  table.name, 0, static_cast<int>(c));
        !ok) {
      return ok;
    }
    widths[c] = std::max(widths[c], Width(table.header[c]) + 2);
    if (c < table.notes.size() && !table.notes[c].empty()) {
      if (Result<Unit> ok = Check(worksheet_write_comment(sheet, 0, col, table.notes[c].c_str()),
                                  table.name, 0, static_cast<int>(c));
          !ok) {
        return ok;
      }
    }
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      const XlsxValue& v = table.rows[r][c];
      const auto col = static_cast<lxw_col_t>(c);
      lxw_error status = LXW_NO_ERROR;
      std::string text = v.text;
      if (v.number && SixteenDigitsExact(*v.number)) {
        status = worksheet_write_number(sheet, row, col, *v.number, nullptr);
      } else {
        if (v.number) text = FormatNumber(*v.number);
        if (text.empty()) continue;
        if (Width(text) > kMaxCellText) status = LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
        if (status == LXW_NO_ERROR)
          status =
              worksheet_write_string(sheet, row, col, EscapeLiteralCodes(text).c_str(), nullptr);
      }
      if (Result<Unit> ok = Check(status, table.name, static_cast<int>(r + 1), static_cast<int>(c));
          !ok) {
        return ok;
      }
      if (c < widths.size())
        widths[c] = std::max(widths[c], Width(v.number ? FormatNumber(*v.number) : text) + 1);
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    (void)worksheet_set_column(sheet, col, col, std::min(static_cast<double>(widths[c]), kMaxWidth),
                               nullptr);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  return Unit{};
}

}  // namespace

XlsxTable XlsxTableOfText(std::string name, std::vector<std::string> header,
                          const std::vector<std::vector<std::string>>& rows) {
  XlsxTable table;
  table.name = std::move(name);
  table.header = std::move(header);
  for (const std::vector<std::string>& cells : rows) {
    std::vector<XlsxValue> row;
    for (const std::string& cell : cells) {
      XlsxValue v;
      // A number only when its text is the number's own spelling ("007" and "1e5" stay text).
      if (const auto number = ParseNumber(cell); number && FormatNumber(*number) == cell)
        v.number = number;
      else
        v.text = cell;
      row.push_back(std::move(v));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

Result<std::string> WriteXlsx(const std::vector<XlsxTable>& tables) {
  std::error_code ec;
  const std::filesystem::path folder = std::filesystem::temp_directory_path(ec);
  std::string pattern = ((ec ? std::filesystem::path("/tmp") : folder) / "entente-XXXXXX").string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    return Error{Location{pattern}, "cannot create a temporary file for the workbook",
                 "set TMPDIR to a writable folder"};
  }
  ::close(fd);
  TempFile temp{pattern};
  lxw_workbook* book = workbook_new(temp.path.c_str());
  if (book == nullptr) {
    return Error{Location{temp.path}, "cannot start the workbook",
                 "set TMPDIR to a writable folder"};
  }
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  Result<Unit> written = Unit{};
  for (const XlsxTable& table : tables) {
    written = WriteTable(book, bold, table);
    if (!written) break;
  }
  const lxw_error closed = workbook_close(book);  // frees the workbook whatever happened
  if (!written) return written.errors();
  if (closed != LXW_NO_ERROR) {
    return Error{Location{temp.path},
                 fmt::format("cannot write the workbook: {}", lxw_strerror(closed)),
                 "check that the temporary folder (TMPDIR) has space"};
  }
  std::ifstream in(temp.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Error{Location{temp.path}, "cannot read the workbook back", ""};
  return bytes.str();
}

}  // namespace entente
