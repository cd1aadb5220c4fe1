// Decide '#A/#P/#M/#D' reader and the exchange model: any bytes must give a Scenario or located
// errors, never a crash; a small scenario that validates must run two rounds of exchange with
// every final position on its issue's scale.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entente/core/validation.hpp"
#include "entente/formats/decide_reader.hpp"
#include "entente/models/registry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  entente::Result<entente::Scenario> r = entente::ParseDecide(text, "fuzz.csv");
  if (!r.ok() || !entente::Validate(r.value()).empty()) return 0;
  const entente::Scenario& s = r.value();
  if (s.actors.size() * s.issues.size() > 256) return 0;  // keep each input fast
  entente::ModelOptions o;
  o.Set("rounds", "2");
  const entente::Forecast f = entente::RunForecast(s, "exchange", o);
  for (std::size_t d = 0; d < s.issues.size(); ++d) {
    const entente::Scale& scale = s.issues[d].scale;
    const double slack = 1e-9 * (scale.Range() + 1);
    for (double x : f.issues[d].final_positions) {
      if (!(x >= scale.min - slack && x <= scale.max + slack)) __builtin_trap();
    }
  }
  return 0;
}
