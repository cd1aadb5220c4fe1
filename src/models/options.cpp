#include "entente/models/options.hpp"

namespace entente {

bool ModelOptions::Has(std::string_view key) const {
  return values_.find(key) != values_.end();
}

}  // namespace entente
