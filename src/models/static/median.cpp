// Weighted median model.
//   x*_d = min { x_kd : sum_{i : x_id <= x_kd} c_id s_id >= (1/2) sum_i c_id s_id }
// Black (1948), "On the rationale of group decision-making", J. Political Economy 56(1):23-34:
// with single-peaked preferences and weighted voting the median position beats every other
// position in a pairwise vote (the Condorcet winner). Tie rule (cumulative weight exactly half):
// midpoint of the two adjacent positions, see aggregate.hpp; option tie=lower takes the lower
// one instead (the DEU I reference computation's rule).
#include "entente/models/static/median.hpp"

#include <array>
#include <string_view>

#include "entente/models/aggregate.hpp"
#include "entente/models/option_spec.hpp"

namespace entente {
namespace {

constexpr std::string_view kTie[] = {"midpoint", "lower"};
constexpr std::array kSpecs = {
    OptionSpec{"tie", OptionType::kChoice, "midpoint", 0, 0, kTie,
               "when the cumulative weight is exactly half: the midpoint of the two adjacent "
               "positions, or the lower one (the DEU I reference computation's rule)"},
};

}  // namespace

std::span<const OptionSpec> MedianOptionSpecs() {
  return kSpecs;
}

Forecast MedianModel(const Scenario& scenario, const ModelOptions& options) {
  const OptionReader r(options, MedianOptionSpecs(), "median");
  const bool lower = r.Choice("tie") == "lower";
  return AggregateEachIssue(scenario, "median", lower ? &WeightedMedianLower : &WeightedMedian);
}

}  // namespace entente
