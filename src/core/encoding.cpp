// Encoding rule: UTF-8 (BOM dropped), UTF-16 with a BOM converted, everything else refused
// with its place. Well-formedness follows The Unicode Standard 15.0, section 3.9, Table 3-7;
// Windows-1252's 0x80-0x9F row follows the WHATWG Encoding Standard's index (the five bytes
// it leaves undefined map to the C1 controls U+0081, U+008D, U+008F, U+0090, U+009D).
//
// Why an error rather than reading such bytes as Windows-1252 with a warning: every byte
// sequence "decodes" as Windows-1252, so the guess never fails, and a file from a Central
// European, Cyrillic or Mac setup would silently become different names and ids that are then
// matched across files, stored with each run and its SHA-256, and shown in reports. A warning
// would need a channel of its own in the CLI, the server and Python, and is easily lost in a
// script; a located error travels the path every front end already shows, and re-saving the
// file fixes it once. Only text the user cannot re-save (old stored runs, file names) is
// repaired with RepairUtf8.
#include "entente/core/encoding.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace entente {
namespace {

// Unicode code points of Windows-1252 bytes 0x80-0x9F; 0xA0-0xFF equal Latin-1.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

char32_t Cp1252(unsigned char byte) {
  return byte >= 0x80 && byte < 0xA0 ? kCp1252High[byte - 0x80] : byte;
}

// Length of the well-formed UTF-8 sequence starting at text[i], or 0 if there is none.
std::size_t SequenceLength(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) -> unsigned {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0x100;
  };
  const auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  const unsigned b0 = at(0);
  if (b0 < 0x80) return 1;
  if (in(b0, 0xC2, 0xDF)) return in(at(1), 0x80, 0xBF) ? 2 : 0;
  if (in(b0, 0xE0, 0xEF)) {
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
    const unsigned hi = b0 == 0xED ? 0x9F : 0xBF;  // no surrogates
    return in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(b0, 0xF0, 0xF4)) {
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80;  // no overlong forms
    const unsigned hi = b0 == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
    return in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// 1-based line of byte `offset` and the byte's 1-based place in that line.
std::pair<int, std::size_t> LineAndColumn(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t nl = before.rfind('\n');
  return {line, nl == std::string_view::npos ? offset + 1 : offset - nl};
}

constexpr const char* kSaveAsUtf8 =
    "save the file as UTF-8 (Excel: 'CSV UTF-8'; LibreOffice: character set 'Unicode (UTF-8)'; "
    "Notepad: encoding 'UTF-8'), or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8";

Error NotUtf8(std::string_view text, std::size_t bad, const std::string& file) {
  std::size_t count = 0;
  for (std::size_t i = bad; i < text.size();) {
    const std::size_t n = SequenceLength(text, i);
    count += n == 0 ? 1 : 0;
    i += n == 0 ? 1 : n;
  }
  const auto [line, column] = LineAndColumn(text, bad);
  const auto byte = static_cast<unsigned char>(text[bad]);
  std::string as_1252;
  AppendUtf8(as_1252, Cp1252(byte));
  std::string message = fmt::format(
      "the text is not UTF-8: byte 0x{:02X} (byte {} of the line; '{}' in Windows-1252)", byte,
      column, as_1252);
  if (count > 1) {
    message +=
        fmt::format(", and {} more such byte{} in the file", count - 1, count > 2 ? "s" : "");
  }
  return Error{Location{file, line}, std::move(message), kSaveAsUtf8};
}

Error HasNul(std::string_view text, std::size_t nul, const std::string& file) {
  const auto [line, column] = LineAndColumn(text, nul);
  return Error{
      Location{file, line},
      fmt::format("NUL byte (0x00) at byte {} of the line; scenario text holds none", column),
      "remove it; a file saved as UTF-16 without a byte-order mark looks like this: "
      "save it as UTF-8"};
}

// UTF-16 after its byte-order mark, as UTF-8; unpaired surrogates and an odd length are errors.
Result<std::string> FromUtf16(std::string_view bytes, bool little_endian, const std::string& file) {
  std::string out;
  out.reserve(bytes.size());
  int line = 1;
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (b << 8 | a) : (a << 8 | b);
  };
  const char* which = little_endian ? "UTF-16 LE" : "UTF-16 BE";
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    char32_t c = unit(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 3 < bytes.size() && unit(i + 2) >= 0xDC00 &&
        unit(i + 2) <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      return Error{Location{file, line},
                   fmt::format("the {} text has an unpaired surrogate 0x{:04X}", which,
                               static_cast<unsigned>(c)),
                   "save the file again as UTF-8"};
    }
    if (c == '\n') ++line;
    AppendUtf8(out, c);
  }
  if (i != bytes.size()) {
    return Error{
        Location{file, line},
        fmt::format("the {} text ends in half a character (an odd number of bytes)", which),
        "the file is cut short: save it again, as UTF-8"};
  }
  return out;
}

}  // namespace

std::size_t FindInvalidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // Plain ASCII, eight bytes at a time: the common case for scenario files.
    if (i + 8 <= text.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + i, 8);  // one unaligned load; byte order is irrelevant
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const std::size_t n = SequenceLength(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string RepairUtf8(std::string_view text) {
  std::size_t bad = FindInvalidUtf8(text);
  if (bad == std::string_view::npos) return std::string(text);
  std::string out(text.substr(0, bad));
  for (std::size_t i = bad; i < text.size();) {
    const std::size_t n = SequenceLength(text, i);
    if (n == 0) {
      AppendUtf8(out, Cp1252(static_cast<unsigned char>(text[i])));
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

Result<std::string> DecodeText(std::string_view bytes, const std::string& file) {
  const auto starts = [&](std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
  };
  using namespace std::string_view_literals;
  std::string text;
  if (starts("\xFF\xFE\x00\x00"sv) || starts("\x00\x00\xFE\xFF"sv)) {
    return Error{Location{file, 1}, "the file is UTF-32, which Entente does not read",
                 "save it as UTF-8"};
  }
  if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv)) {
    Result<std::string> converted = FromUtf16(bytes.substr(2), starts("\xFF\xFE"sv), file);
    if (!converted) return converted;
    text = std::move(converted).value();
  } else {
    if (starts("\xEF\xBB\xBF"sv)) bytes.remove_prefix(3);
    if (const std::size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
      return NotUtf8(bytes, bad, file);
    }
    text = std::string(bytes);
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
    return HasNul(text, nul, file);
  }
  return text;
}

}  // namespace entente
