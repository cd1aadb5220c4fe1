// Compromise model.
//   x*_d = sum_i c_id s_id x_id / sum_i c_id s_id
// van den Bos (1991), Dutch EC Policy Making; Achen (2006), "Evaluating political
// decision-making models", in Thomson, Stokman, Achen & Koenig (eds.), The European Union
// Decides, Cambridge UP, pp. 264-298: the Nash bargaining solution with quadratic,
// salience-weighted losses when the disagreement point is far; the DEU studies find it among
// the most accurate models.
#include "entente/models/static/compromise.hpp"

#include "entente/models/aggregate.hpp"
#include "entente/models/option_spec.hpp"

namespace entente {

Forecast CompromiseModel(const Scenario& scenario, const ModelOptions& options) {
  (void)OptionReader(options, {}, "compromise");  // it takes no options
  return AggregateEachIssue(scenario, "compromise", &WeightedMean);
}

}  // namespace entente
