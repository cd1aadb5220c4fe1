#pragma once
/// \file
/// The one rule for the character encoding of every text Entente reads (docs/scenario-format.md,
/// "Text encoding"): UTF-8, with or without a byte-order mark; UTF-16 with a byte-order mark,
/// converted to UTF-8; anything else is a located error naming the first byte that is not
/// UTF-8 and how to re-save the file. Every scenario reader calls DecodeText on its input, so
/// `validate`, every command, the server and Python accept and refuse the same bytes.

#include <cstddef>
#include <string>
#include <string_view>

#include "entente/core/result.hpp"

namespace entente {

/// `bytes` as UTF-8 text without a byte-order mark; `file` names it in messages. A UTF-8 BOM
/// is dropped; UTF-16 LE or BE with a BOM is converted. A located error (file:line, the byte's
/// place in the line, what it would read as in Windows-1252, and how to fix it) for bytes that
/// are not UTF-8, for UTF-32, broken UTF-16 and for NUL bytes, which no text format holds
/// (a file saved as UTF-16 without a BOM looks like this).
[[nodiscard]] Result<std::string> DecodeText(std::string_view bytes, const std::string& file);

/// The offset of the first byte of `text` that is not part of well-formed UTF-8 (Unicode
/// Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or npos.
[[nodiscard]] std::size_t FindInvalidUtf8(std::string_view text);

/// True when `text` is well-formed UTF-8.
[[nodiscard]] inline bool IsValidUtf8(std::string_view text) {
  return FindInvalidUtf8(text) == std::string_view::npos;
}

/// `text` with each byte that is not part of well-formed UTF-8 read as Windows-1252 (a
/// superset of Latin-1's printable characters); well-formed UTF-8 is returned unchanged. For
/// text Entente did not read through DecodeText and that the user cannot re-save: runs stored
/// by versions that did not check encodings, and file names.
[[nodiscard]] std::string RepairUtf8(std::string_view text);

}  // namespace entente
