#include "entente/models/options.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/core/error.hpp"

namespace entente {

void ThrowIfCancelled(const std::atomic<bool>* flag) {
  if (flag != nullptr && flag->load(std::memory_order_relaxed))
    throw Cancelled("the run was cancelled by its caller");
}

bool ModelOptions::Has(std::string_view key) const {
  return values_.find(key) != values_.end();
}

double ModelOptions::Number(std::string_view key, double fallback, double lo, double hi) const {
  auto it = values_.find(key);
  if (it == values_.end()) return fallback;
  const std::string& text = it->second;
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) {
    throw InputError(
        fmt::format("option {}: '{}' is not a number; give e.g. {}", key, text, fallback));
  }
  if (v < lo || v > hi) {
    throw InputError(fmt::format("option {}: {} is outside [{}, {}]", key, v, lo, hi));
  }
  return v;
}

int ModelOptions::Integer(std::string_view key, int fallback, int lo, int hi) const {
  auto it = values_.find(key);
  if (it == values_.end()) return fallback;
  const std::string& text = it->second;
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) {
    throw InputError(
        fmt::format("option {}: '{}' is not a whole number; give e.g. {}", key, text, fallback));
  }
  if (v < lo || v > hi) {
    throw InputError(fmt::format("option {}: {} is outside [{}, {}]", key, v, lo, hi));
  }
  return v;
}

std::string ModelOptions::Choice(std::string_view key, std::string fallback,
                                 const std::vector<std::string>& allowed) const {
  auto it = values_.find(key);
  if (it == values_.end()) return fallback;
  for (const std::string& a : allowed) {
    if (a == it->second) return a;
  }
  throw InputError(
      fmt::format("option {}: '{}' is not one of {}", key, it->second, fmt::join(allowed, ", ")));
}

void ModelOptions::RequireKnown(std::string_view model,
                                const std::vector<std::string>& known) const {
  for (const auto& [key, value] : values_) {
    bool found = false;
    for (const std::string& k : known) found = found || k == key;
    if (!found) {
      throw InputError(fmt::format("model '{}' has no option '{}'{}", model, key,
                                   known.empty()
                                       ? std::string("; it takes none")
                                       : fmt::format("; it knows {}", fmt::join(known, ", "))));
    }
  }
}

}  // namespace entente
