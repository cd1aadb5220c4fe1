// Weighted median model.
//   x*_d = min { x_kd : sum_{i : x_id <= x_kd} c_id s_id >= (1/2) sum_i c_id s_id }
// Black (1948), "On the rationale of group decision-making", J. Political Economy 56(1):23-34:
// with single-peaked preferences and weighted voting the median position beats every other
// position in a pairwise vote (the Condorcet winner). Tie rule (cumulative weight exactly half):
// midpoint of the two adjacent positions, see aggregate.hpp.
#include "entente/models/static/median.hpp"

#include "entente/models/aggregate.hpp"
#include "entente/models/option_spec.hpp"

namespace entente {

Forecast MedianModel(const Scenario& scenario, const ModelOptions& options) {
  (void)OptionReader(options, {}, "median");  // it takes no options
  return AggregateEachIssue(scenario, "median", &WeightedMedian);
}

}  // namespace entente
