#include "entente/core/error.hpp"

#include <fmt/format.h>

namespace entente {

std::string Error::ToString() const {
  std::string out;
  const std::string place = where.ToString();
  // A workbook's cell reads as "book.xlsx [stances] row 7, column salience: ...".
  const bool cell = !where.sheet.empty() && !where.field.empty();
  if (!place.empty()) out = place + (cell ? ", column " + where.field : "") + ": ";
  out += message;
  if (!where.field.empty() && !cell) out += fmt::format(" (field '{}')", where.field);
  if (!hint.empty()) out += "; fix: " + hint;
  return out;
}

Error FieldError(std::string field, std::string message, std::string hint) {
  return Error{Location{"", 0, std::move(field)}, std::move(message), std::move(hint)};
}

std::string FormatErrors(const Errors& errors) {
  std::string out;
  for (const Error& e : errors) {
    if (!out.empty()) out += '\n';
    out += e.ToString();
  }
  return out;
}

InputError::InputError(Errors errors)
    : Exception(FormatErrors(errors)), errors_(std::move(errors)) {}

InputError::InputError(const std::string& message)
    : Exception(message), errors_{Error{Location{}, message, ""}} {}

}  // namespace entente
