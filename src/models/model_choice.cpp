#include "entente/models/model_choice.hpp"

namespace entente {

ModelOptions ResolveOptions(const Scenario& scenario, const ModelChoice& choice) {
  ModelOptions out = choice.options;
  const auto carried = scenario.model_options.find(choice.name);
  if (carried == scenario.model_options.end()) return out;
  for (const auto& [key, value] : carried->second) {
    if (!out.Has(key)) out.Set(key, value);
  }
  return out;
}

}  // namespace entente
