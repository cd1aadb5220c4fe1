#include "entente/models/options.hpp"

#include "entente/core/error.hpp"

namespace entente {

void ThrowIfCancelled(const std::atomic<bool>* flag) {
  if (flag != nullptr && flag->load(std::memory_order_relaxed))
    throw Cancelled("the run was cancelled by its caller");
}

bool ModelOptions::Has(std::string_view key) const {
  return values_.find(key) != values_.end();
}

}  // namespace entente
