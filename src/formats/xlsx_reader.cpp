// Reads an .xlsx workbook (ECMA-376 Part 1, SpreadsheetML): a zip archive whose
// xl/workbook.xml lists the sheets, xl/_rels/workbook.xml.rels maps each sheet's r:id to its
// part (xl/worksheets/sheetN.xml), and xl/sharedStrings.xml holds the strings cells of type
// "s" index. Parts are capped in size as they inflate, so a zip bomb is refused, not unpacked.
#include <expat.h>
#include <zip.h>

#include <charconv>
#include <functional>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "entente/core/text.hpp"
#include "entente/formats/xlsx.hpp"

namespace entente {
namespace {

constexpr int kMaxColumns = 16384;  // XFD, the last column a sheet has
constexpr int kMaxRows = 1048576;   // the last row a sheet has

const char* const kNotWorkbook =
    "save it as an Excel workbook (.xlsx); .xls, .ods and .csv files are not workbooks";

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// The archive's parts, read under the size limits.
class Archive {
 public:
  Archive(const std::string& file, const XlsxLimits& limits) : file_(file), limits_(limits) {}

  Result<Unit> Open(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      zip_error_fini(&error);
      return Error{Location{file_}, "cannot read the workbook", kNotWorkbook};
    }
    zip_.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!zip_) {
      zip_source_free(source);
      const std::string why = zip_error_strerror(&error);
      zip_error_fini(&error);
      return Error{Location{file_},
                   fmt::format("not an .xlsx workbook (not a zip archive: {})", why), kNotWorkbook};
    }
    zip_error_fini(&error);
    return Unit{};
  }

  [[nodiscard]] bool Has(const std::string& part) const {
    return zip_name_locate(zip_.get(), part.c_str(), 0) >= 0;
  }

  // The part's bytes; an error when it is missing, damaged or larger than the limits allow.
  Result<std::string> Read(const std::string& part) {
    const zip_int64_t index = zip_name_locate(zip_.get(), part.c_str(), 0);
    if (index < 0) {
      return Error{Location{file_}, fmt::format("the workbook has no part '{}'", part),
                   "save the workbook again from a spreadsheet program"};
    }
    const auto too_big = [&] {
      return Error{Location{file_},
                   fmt::format("part '{}' unpacks to more than {} MiB (or the workbook to more "
                               "than {} MiB)",
                               part, limits_.max_part_bytes >> 20, limits_.max_total_bytes >> 20),
                   "split the workbook, or check that it is the file you meant (a zip bomb "
                   "inflates a small file to gigabytes)"};
    };
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) != 0 &&
        (st.size > limits_.max_part_bytes || st.size + total_ > limits_.max_total_bytes)) {
      return too_big();
    }
    std::unique_ptr<zip_file_t, ZipFileCloser> in(zip_fopen_index(zip_.get(), index, 0));
    if (!in) {
      return Error{Location{file_},
                   fmt::format("cannot open part '{}': {}", part, zip_strerror(zip_.get())),
                   "save the workbook again from a spreadsheet program"};
    }
    // The header's size may lie; count what actually inflates.
    std::string out;
    char buffer[65536];
    while (true) {
      const zip_int64_t n = zip_fread(in.get(), buffer, sizeof buffer);
      if (n < 0) {
        return Error{Location{file_},
                     fmt::format("part '{}' is damaged: {}", part, zip_file_strerror(in.get())),
                     "save the workbook again from a spreadsheet program"};
      }
      if (n == 0) break;
      out.append(buffer, static_cast<std::size_t>(n));
      if (out.size() > limits_.max_part_bytes || out.size() + total_ > limits_.max_total_bytes)
        return too_big();
    }
    total_ += out.size();
    return out;
  }

 private:
  std::string file_;
  XlsxLimits limits_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
  std::size_t total_ = 0;
};

// Handlers for one XML part; element names arrive without their namespace (SpreadsheetML is
// written with and without prefixes).
struct XmlHandlers {
  std::function<void(std::string_view name, const char** attributes)> start;
  std::function<void(std::string_view name)> end;
  std::function<void(std::string_view text)> text;
};

std::string_view LocalName(const char* name) {
  std::string_view n(name);
  const std::size_t bar = n.rfind('|');
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

// The value of attribute `local` (namespace ignored), or nullptr.
const char* Attribute(const char** attributes, std::string_view local) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (LocalName(attributes[i]) == local) return attributes[i + 1];
  }
  return nullptr;
}

Result<Unit> ParseXml(std::string_view xml, const std::string& file, const std::string& part,
                      XmlHandlers& handlers) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
      XML_ParserCreateNS(nullptr, '|'), &XML_ParserFree);
  if (!parser) throw std::bad_alloc();
  XML_SetUserData(parser.get(), &handlers);
  XML_SetElementHandler(
      parser.get(),
      [](void* data, const XML_Char* name, const XML_Char** attributes) {
        auto* h = static_cast<XmlHandlers*>(data);
        if (h->start) h->start(LocalName(name), attributes);
      },
      [](void* data, const XML_Char* name) {
        auto* h = static_cast<XmlHandlers*>(data);
        if (h->end) h->end(LocalName(name));
      });
  XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* s, int len) {
    auto* h = static_cast<XmlHandlers*>(data);
    if (h->text) h->text(std::string_view(s, static_cast<std::size_t>(len)));
  });
  if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE) ==
      XML_STATUS_ERROR) {
    return Error{
        Location{file},
        fmt::format("part '{}' line {}: bad XML: {}", part, XML_GetCurrentLineNumber(parser.get()),
                    XML_ErrorString(XML_GetErrorCode(parser.get()))),
        "save the workbook again from a spreadsheet program"};
  }
  return Unit{};
}

// OOXML escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x).
std::string Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned code = 0;
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
        std::from_chars(s.data() + i + 2, s.data() + i + 6, code, 16).ptr == s.data() + i + 6) {
      if (code < 0x80) {
        out += static_cast<char>(code);
      } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      }
      i += 6;
      continue;
    }
    out += s[i];
  }
  return out;
}

// "C12" -> column 2, row 12; false for anything else.
bool ParseReference(std::string_view ref, int& column, int& row) {
  std::size_t i = 0;
  int c = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && c <= kMaxColumns) {
    c = c * 26 + (ref[i] - 'A' + 1);
    ++i;
  }
  if (i == 0 || c > kMaxColumns) return false;
  int r = 0;
  const auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), r);
  if (ec != std::errc() || end != ref.data() + ref.size() || r < 1 || r > kMaxRows) return false;
  column = c - 1;
  row = r;
  return true;
}

struct SheetRef {
  std::string name;
  std::string relation;  // r:id
};

Result<std::vector<SheetRef>> ReadSheetList(Archive& zip, const std::string& file) {
  Result<std::string> xml = zip.Read("xl/workbook.xml");
  if (!xml) return xml.errors();
  std::vector<SheetRef> sheets;
  XmlHandlers h;
  h.start = [&](std::string_view name, const char** attributes) {
    if (name != "sheet") return;
    const char* n = Attribute(attributes, "name");
    const char* id = Attribute(attributes, "id");
    sheets.push_back(SheetRef{n != nullptr ? n : "", id != nullptr ? id : ""});
  };
  if (Result<Unit> ok = ParseXml(xml.value(), file, "xl/workbook.xml", h); !ok) return ok.errors();
  return sheets;
}

// Relationship id -> part path inside the archive.
Result<std::map<std::string, std::string>> ReadRelations(Archive& zip, const std::string& file) {
  const std::string part = "xl/_rels/workbook.xml.rels";
  Result<std::string> xml = zip.Read(part);
  if (!xml) return xml.errors();
  std::map<std::string, std::string> targets;
  XmlHandlers h;
  h.start = [&](std::string_view name, const char** attributes) {
    if (name != "Relationship") return;
    const char* id = Attribute(attributes, "Id");
    const char* target = Attribute(attributes, "Target");
    if (id == nullptr || target == nullptr) return;
    std::string t = target;
    targets[id] = t.starts_with('/') ? t.substr(1) : "xl/" + t;
  };
  if (Result<Unit> ok = ParseXml(xml.value(), file, part, h); !ok) return ok.errors();
  return targets;
}

Result<std::vector<std::string>> ReadSharedStrings(Archive& zip, const std::string& file) {
  const std::string part = "xl/sharedStrings.xml";
  std::vector<std::string> strings;
  if (!zip.Has(part)) return strings;
  Result<std::string> xml = zip.Read(part);
  if (!xml) return xml.errors();
  std::string current;
  bool in_text = false;
  int phonetic = 0;  // inside <rPh>: a reading aid, not part of the string
  XmlHandlers h;
  h.start = [&](std::string_view name, const char**) {
    if (name == "si") current.clear();
    if (name == "rPh") ++phonetic;
    if (name == "t" && phonetic == 0) in_text = true;
  };
  h.end = [&](std::string_view name) {
    if (name == "t") in_text = false;
    if (name == "rPh") --phonetic;
    if (name == "si") strings.push_back(Unescape(current));
  };
  h.text = [&](std::string_view text) {
    if (in_text) current += text;
  };
  if (Result<Unit> ok = ParseXml(xml.value(), file, part, h); !ok) return ok.errors();
  return strings;
}

// The rows of sheet `sheet` (stored in `part`); a bad cell is reported at the sheet and row.
Result<std::vector<XlsxRow>> ReadRows(std::string_view xml, const std::string& file,
                                      const std::string& sheet, const std::string& part,
                                      const std::vector<std::string>& strings) {
  std::vector<XlsxRow> rows;
  Errors errors;
  int row = 0, column = -1;
  std::string type, value;
  bool in_value = false, in_cell = false;
  int phonetic = 0;
  const auto bad = [&](std::string message) {
    if (errors.size() < 20) {
      Location at{file, row};
      at.sheet = sheet;
      errors.push_back(
          Error{at, std::move(message), "save the workbook again from a spreadsheet program"});
    }
  };
  XmlHandlers h;
  h.start = [&](std::string_view name, const char** attributes) {
    if (name == "row") {
      const char* r = Attribute(attributes, "r");
      int n = row + 1;
      if (r != nullptr) {
        const std::string_view text(r);
        if (std::from_chars(text.data(), text.data() + text.size(), n).ec != std::errc()) n = 0;
      }
      if (n < 1 || n > kMaxRows || n <= row) {
        bad(fmt::format("row number '{}' is out of order or out of range", r != nullptr ? r : ""));
        n = row + 1;
      }
      row = n;
      column = -1;
    } else if (name == "c") {
      in_cell = true;
      const char* r = Attribute(attributes, "r");
      int c = column + 1, rr = row;
      if (r != nullptr && (!ParseReference(r, c, rr) || rr != row || c <= column)) {
        bad(fmt::format("cell reference '{}' is not in row {} after column {}", r, row,
                        XlsxColumnName(std::max(column, 0))));
        c = column + 1;
      }
      if (c >= kMaxColumns) bad(fmt::format("row {} has more than {} columns", row, kMaxColumns));
      column = c;
      const char* t = Attribute(attributes, "t");
      type = t != nullptr ? t : "n";
      value.clear();
    } else if (name == "rPh") {
      ++phonetic;
    } else if (in_cell && phonetic == 0 && (name == "v" || name == "t")) {
      in_value = true;
    }
  };
  h.end = [&](std::string_view name) {
    if (name == "v" || name == "t") in_value = false;
    if (name == "rPh") --phonetic;
    if (name != "c") return;
    in_cell = false;
    XlsxCell cell;
    cell.column = column;
    if (type == "s") {
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
      if (ec != std::errc() || end != value.data() + value.size() || index >= strings.size()) {
        bad(fmt::format("cell {}{} refers to shared string '{}', which does not exist",
                        XlsxColumnName(column), row, value));
        return;
      }
      cell.text = strings[index];
    } else if (type == "inlineStr" || type == "str") {
      cell.text = Unescape(value);
    } else if (type == "b") {
      cell.text = Trim(value) == "1" ? "TRUE" : "FALSE";
    } else if (type == "e") {
      cell.text = value;
      cell.error = true;
    } else if (type == "n") {
      const std::string_view v = Trim(value);
      if (v.empty()) return;  // a styled cell without a value
      const std::optional<double> number = ParseNumber(v);
      if (!number) {
        bad(fmt::format("cell {}{} holds '{}', which is not a number", XlsxColumnName(column), row,
                        value));
        return;
      }
      cell.text = FormatNumber(*number);
    } else {
      cell.text = value;  // "d": an ISO 8601 date as text
    }
    if (cell.text.empty() && !cell.error) return;
    if (rows.empty() || rows.back().row != row) rows.push_back(XlsxRow{row, {}});
    rows.back().cells.push_back(std::move(cell));
  };
  h.text = [&](std::string_view text) {
    if (in_value) value += text;
  };
  if (Result<Unit> ok = ParseXml(xml, file, part, h); !ok) return ok.errors();
  if (!errors.empty()) return errors;
  return rows;
}

}  // namespace

std::string XlsxColumnName(int column) {
  std::string name;
  for (int c = column + 1; c > 0; c = (c - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
  return name;
}

Result<std::vector<XlsxSheet>> ReadXlsx(std::string_view bytes, const std::string& file,
                                        const XlsxLimits& limits) {
  Archive zip(file, limits);
  if (Result<Unit> open = zip.Open(bytes); !open) return open.errors();
  if (!zip.Has("xl/workbook.xml")) {
    return Error{Location{file}, "not an .xlsx workbook (a zip archive without xl/workbook.xml)",
                 kNotWorkbook};
  }
  Result<std::vector<SheetRef>> refs = ReadSheetList(zip, file);
  if (!refs) return refs.errors();
  Result<std::map<std::string, std::string>> targets = ReadRelations(zip, file);
  if (!targets) return targets.errors();
  Result<std::vector<std::string>> strings = ReadSharedStrings(zip, file);
  if (!strings) return strings.errors();
  std::vector<XlsxSheet> sheets;
  for (const SheetRef& ref : refs.value()) {
    auto target = targets.value().find(ref.relation);
    if (target == targets.value().end()) {
      return Error{Location{file},
                   fmt::format("sheet '{}' has no part (relationship '{}' is missing)", ref.name,
                               ref.relation),
                   "save the workbook again from a spreadsheet program"};
    }
    Result<std::string> xml = zip.Read(target->second);
    if (!xml) return xml.errors();
    Result<std::vector<XlsxRow>> rows =
        ReadRows(xml.value(), file, ref.name, target->second, strings.value());
    if (!rows) return rows.errors();
    sheets.push_back(XlsxSheet{ref.name, std::move(rows).value()});
  }
  return sheets;
}

}  // namespace entente
