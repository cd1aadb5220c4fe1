#include "entente/analysis/disagreement.hpp"

#include <algorithm>

#include "entente/models/registry.hpp"

namespace entente {

void AddDisagreement(const Scenario& scenario, Forecast& forecast, double threshold) {
  for (IssueForecast& f : forecast.issues)
    f.disagreement = Disagreement{{}, f.outcome, f.outcome, false};
  ModelOptions quiet;
  quiet.set_trail(false);
  for (const ModelInfo& m : Models()) {
    if (m.calibrated) continue;
    const Forecast g = m.name == forecast.model ? forecast : RunForecastTrusted(scenario, m, quiet);
    for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
      Disagreement& d = *forecast.issues[k].disagreement;
      const double y = g.issues[k].outcome;
      d.outcomes.emplace_back(std::string(m.name), y);
      d.lo = std::min(d.lo, y);
      d.hi = std::max(d.hi, y);
    }
  }
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    Disagreement& d = *forecast.issues[k].disagreement;
    d.wide = d.hi - d.lo > threshold * scenario.issues[k].scale.Range();
  }
}

}  // namespace entente
