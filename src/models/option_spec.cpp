#include "entente/models/option_spec.hpp"

#include <charconv>
#include <cmath>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/core/error.hpp"

namespace entente {

std::string_view OptionTypeName(OptionType type) {
  switch (type) {
    case OptionType::kNumber: return "number";
    case OptionType::kInteger: return "integer";
    case OptionType::kChoice: return "choice";
    case OptionType::kText: return "text";
  }
  return "text";
}

OptionReader::OptionReader(const ModelOptions& given, std::span<const OptionSpec> specs,
                           std::string_view model)
    : given_(given), specs_(specs), model_(model) {
  for (const auto& [key, value] : given.values()) {
    bool found = false;
    for (const OptionSpec& s : specs) found = found || s.name == key;
    if (found) continue;
    std::vector<std::string_view> known;
    for (const OptionSpec& s : specs) known.push_back(s.name);
    throw InputError(fmt::format("model '{}' has no option '{}'{}", model, key,
                                 known.empty()
                                     ? std::string("; it takes none")
                                     : fmt::format("; it knows {}", fmt::join(known, ", "))));
  }
}

const OptionSpec& OptionReader::Spec(std::string_view key) const {
  for (const OptionSpec& s : specs_) {
    if (s.name == key) return s;
  }
  throw InternalError(fmt::format("model '{}' reads option '{}' it does not declare", model_, key));
}

void OptionReader::Preset(std::string_view key, std::string_view value) {
  (void)Spec(key);
  preset_.Set(std::string(key), std::string(value));
}

std::optional<std::string_view> OptionReader::Raw(std::string_view key) const {
  const OptionSpec& spec = Spec(key);
  if (const auto it = given_.values().find(key); it != given_.values().end()) return it->second;
  if (const auto it = preset_.values().find(key); it != preset_.values().end()) return it->second;
  if (spec.default_value.empty()) return std::nullopt;
  return spec.default_value;
}

double OptionReader::Number(std::string_view key) const {
  const OptionSpec& spec = Spec(key);
  const std::string_view text = Raw(key).value_or("");
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) {
    throw InputError(fmt::format("option {}: '{}' is not a number; give e.g. {}", key, text,
                                 spec.default_value));
  }
  if (v < spec.lo || v > spec.hi) {
    throw InputError(fmt::format("option {}: {} is outside [{}, {}]", key, v, spec.lo, spec.hi));
  }
  return v;
}

std::int64_t OptionReader::Integer(std::string_view key) const {
  const OptionSpec& spec = Spec(key);
  const std::string_view text = Raw(key).value_or("");
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) {
    throw InputError(fmt::format("option {}: '{}' is not a whole number; give e.g. {}", key, text,
                                 spec.default_value));
  }
  if (static_cast<double>(v) < spec.lo || static_cast<double>(v) > spec.hi) {
    throw InputError(fmt::format("option {}: {} is outside [{}, {}]", key, v, spec.lo, spec.hi));
  }
  return v;
}

std::size_t OptionReader::ChoiceIndex(std::string_view key, std::size_t values) const {
  const OptionSpec& spec = Spec(key);
  if (values != spec.choices.size()) {
    throw InternalError(
        fmt::format("option {}: {} values for {} choices", key, values, spec.choices.size()));
  }
  const std::string_view text = Raw(key).value_or("");
  for (std::size_t i = 0; i < spec.choices.size(); ++i) {
    if (spec.choices[i] == text) return i;
  }
  throw InputError(
      fmt::format("option {}: '{}' is not one of {}", key, text, fmt::join(spec.choices, ", ")));
}

std::string_view OptionReader::Choice(std::string_view key) const {
  return Spec(key).choices[ChoiceIndex(key, Spec(key).choices.size())];
}

std::optional<std::string> OptionReader::Text(std::string_view key) const {
  const std::optional<std::string_view> raw = Raw(key);
  if (!raw) return std::nullopt;
  return std::string(*raw);
}

void CheckOptions(const ModelOptions& given, std::span<const OptionSpec> specs,
                  std::string_view model) {
  const OptionReader reader(given, specs, model);
  for (const OptionSpec& spec : specs) {
    if (!given.values().contains(spec.name)) continue;
    switch (spec.type) {
      case OptionType::kNumber: (void)reader.Number(spec.name); break;
      case OptionType::kInteger: (void)reader.Integer(spec.name); break;
      case OptionType::kChoice: (void)reader.Choice(spec.name); break;
      case OptionType::kText: break;  // the model parses free text itself
    }
  }
}

}  // namespace entente
