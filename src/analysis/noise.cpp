#include "entente/analysis/noise.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "entente/core/error.hpp"
#include "entente/core/text.hpp"

namespace entente {
namespace {

[[noreturn]] void Refuse(std::string_view field, std::string message, std::string hint) {
  throw InputError(Errors{FieldError(std::string(field), std::move(message), std::move(hint))});
}

}  // namespace

double ParseNoisePercent(std::string_view text, std::string_view field) {
  std::string_view t = Trim(text);
  const bool sign = !t.empty() && t.back() == '%';
  if (sign) t.remove_suffix(1);
  const std::optional<double> v = ParseNumber(t);
  if (!v) {
    Refuse(field, fmt::format("noise '{}' is not a percentage", text),
           "give e.g. 10 or 10% for ten percent");
  }
  if (!sign && *v > 0 && *v < 1) {
    Refuse(field,
           fmt::format("noise {0} is ambiguous: {0} percent, or the fraction {0} ({1} percent)?",
                       FormatNumber(*v), FormatNumber(*v * 100)),
           fmt::format("noise is in percent: give {0}% for {0} percent, or {1} for {1} percent",
                       FormatNumber(*v), FormatNumber(*v * 100)));
  }
  return CheckNoisePercent(*v, field);
}

double CheckNoisePercent(double percent, std::string_view field) {
  if (!std::isfinite(percent) || percent < 0 || percent > kMaxNoisePercent) {
    Refuse(field,
           fmt::format("noise {}% is not a percentage from 0 to {}",
                       std::isfinite(percent) ? FormatNumber(percent) : "(not finite)",
                       kMaxNoisePercent),
           "give e.g. 10 for ten percent");
  }
  return percent;
}

}  // namespace entente
