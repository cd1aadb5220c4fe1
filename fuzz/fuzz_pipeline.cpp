// Past parsing: YAML -> validation -> every model (small option sets) -> decision rules. A
// scenario that validates must give, from every model, finite forecasts and outcomes inside each
// issue's scale; anything else aborts (so libFuzzer, or the replay driver, reports the input).
// Scenarios above 16 actors x 12 issues are skipped: their parsing is the other targets' work,
// and small ones reach every model path at a few milliseconds per input.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "entente/core/error.hpp"
#include "entente/core/validation.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/models/registry.hpp"

namespace {

// Issue #16 item 6, fixed apart from this target: validation does not yet refuse magnitudes
// whose weighted sums overflow a double (capability 1e308 gives an outcome of inf; a scale of
// [-1e308, 1e308] a mean of -inf). This target found them within seconds; it skips them so
// that it reports everything else, and the check can go once validation refuses them.
bool OverflowsADouble(const entente::Scenario& s) {
  for (const entente::Issue& issue : s.issues) {
    double w = 0, wx = 0;
    for (const entente::Stance& st : issue.stances) {
      w += st.capability * st.salience;
      wx += st.capability * st.salience * st.position;
    }
    if (!std::isfinite(w) || !std::isfinite(wx) || !std::isfinite(issue.scale.Range())) {
      return true;
    }
  }
  return false;
}

// The options that keep each model's run short without changing what it computes.
entente::ModelOptions SmallOptions(std::string_view model) {
  entente::ModelOptions o;
  if (model == "eu" || model == "exchange") o.Set("rounds", "4");
  if (model == "ktab-smp") o.Set("max_turns", "4");
  return o;
}

void Check(bool ok, std::string_view model, const entente::Issue& issue, const char* what,
           double value) {
  if (ok) return;
  std::fprintf(stderr, "model %.*s, issue '%s': %s %.17g is not finite or outside [%g, %g]\n",
               static_cast<int>(model.size()), model.data(), issue.id.c_str(), what, value,
               issue.scale.min, issue.scale.max);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  entente::Result<entente::Scenario> r = entente::ParseYamlScenario(text, "fuzz.yaml");
  if (!r.ok() || !entente::Validate(r.value()).empty()) return 0;
  const entente::Scenario& s = r.value();
  if (s.actors.size() > 16 || s.issues.size() > 12 || OverflowsADouble(s)) return 0;
  for (const entente::ModelInfo& model : entente::Models()) {
    entente::Forecast f;
    try {
      f = entente::RunForecast(s, model.name, SmallOptions(model.name));
    } catch (const entente::InputError&) {
      continue;  // a documented refusal (e.g. a model's limits), located for the user
    }
    for (std::size_t k = 0; k < s.issues.size(); ++k) {
      const entente::Issue& issue = s.issues[k];
      const double slack = 1e-9 * issue.scale.Range();
      const auto inside = [&](double x) {
        return std::isfinite(x) && x >= issue.scale.min - slack && x <= issue.scale.max + slack;
      };
      const entente::IssueForecast& out = f.issues[k];
      Check(inside(out.unconstrained), model.name, issue, "forecast", out.unconstrained);
      Check(inside(out.outcome), model.name, issue, "outcome", out.outcome);
      for (double x : out.final_positions) Check(inside(x), model.name, issue, "position", x);
    }
  }
  return 0;
}
