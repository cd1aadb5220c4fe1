// Outcome range under tiny perturbations. For copy p = 1..P of the scenario,
//   x'_ai = clip(x_ai + u_aip * step * range_i, min_i, max_i),  u ~ U[-1, 1] (PCG stream p),
// the model's outcome o_ip is recorded and
//   range_i = [min(o_i, min_p o_ip), max(o_i, max_p o_ip)],
//   knife-edge_i  <=>  max - min > threshold * range_i.
// With step 1% and threshold 10% of the scale, an outcome flagged knife-edge moves at least ten
// times as far as any input did: the model's answer depends on coding detail no expert can
// supply, and the range, not the point, is the forecast.
#include "entente/analysis/stability.hpp"

#include <algorithm>

#include "entente/core/random.hpp"
#include "entente/models/registry.hpp"

namespace entente {

void AddStability(const Scenario& scenario, Forecast& forecast, std::string_view model,
                  const ModelOptions& options, const StabilityOptions& stability) {
  const ModelInfo& info = RequireModel(model);
  ModelOptions quiet = options;
  quiet.set_trail(false);
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    IssueForecast& f = forecast.issues[k];
    f.stability = Stability{f.outcome, f.outcome, stability.perturbations,
                            stability.step * scenario.issues[k].scale.Range(), false};
  }
  Scenario copy = scenario;
  for (int p = 0; p < stability.perturbations; ++p) {
    Rng rng = DrawRng(stability.seed, static_cast<std::uint64_t>(p));
    for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
      const Issue& issue = scenario.issues[k];
      for (std::size_t s = 0; s < issue.stances.size(); ++s) {
        const double u = 2 * Uniform01(rng) - 1;
        copy.issues[k].stances[s].position =
            std::clamp(issue.stances[s].position + u * stability.step * issue.scale.Range(),
                       issue.scale.min, issue.scale.max);
      }
    }
    const Forecast g = RunForecastTrusted(copy, info, quiet);
    for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
      Stability& st = *forecast.issues[k].stability;
      st.lo = std::min(st.lo, g.issues[k].outcome);
      st.hi = std::max(st.hi, g.issues[k].outcome);
    }
  }
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    Stability& st = *forecast.issues[k].stability;
    st.knife_edge = st.hi - st.lo > stability.threshold * scenario.issues[k].scale.Range();
  }
}

}  // namespace entente
