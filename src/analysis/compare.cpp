#include "entente/analysis/compare.hpp"

#include "entente/analysis/moves.hpp"
#include "entente/core/error.hpp"
#include "entente/core/validation.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

Variant Run(const Scenario& base, const std::vector<const Move*>& moves, const CompareRequest& r) {
  Variant v;
  for (const Move* m : moves) v.moves.push_back(m->id);
  const Scenario s = WithMoves(base, moves);
  v.forecast = RunForecast(s, r.model, r.model_options);
  v.cohesion = Cohesion(s, v.forecast);
  if (r.simulation) {
    SimulationOptions o = *r.simulation;
    o.model = r.model;
    o.model_options = r.model_options;
    v.simulation = Simulate(s, o);
  }
  return v;
}

}  // namespace

std::string VariantLabel(const Variant& v) {
  if (v.moves.empty()) return "baseline";
  std::string out;
  for (const std::string& m : v.moves) out += (out.empty() ? "" : "+") + m;
  return out;
}

std::vector<Variant> Compare(const Scenario& scenario, const CompareRequest& r) {
  RequireValid(scenario);
  if (r.moves.empty()) {
    throw InputError(Errors{
        FieldError("moves", "no move to compare", "name at least one move of the scenario")});
  }
  const std::vector<const Move*> moves = FindMoves(scenario, r.moves);
  std::vector<std::vector<const Move*>> combos;
  const std::size_t k = moves.size();
  if (k <= 4) {
    for (std::size_t size = 1; size <= k; ++size) {
      for (unsigned mask = 1; mask < (1u << k); ++mask) {
        if (static_cast<std::size_t>(__builtin_popcount(mask)) != size) continue;
        std::vector<const Move*> combo;
        for (std::size_t i = 0; i < k; ++i) {
          if (mask & (1u << i)) combo.push_back(moves[i]);
        }
        combos.push_back(combo);
      }
    }
  } else {
    for (const Move* m : moves) combos.push_back({m});
    combos.push_back(moves);
  }
  std::vector<Variant> out;
  out.push_back(Run(scenario, {}, r));
  for (const auto& combo : combos) out.push_back(Run(scenario, combo, r));
  return out;
}

}  // namespace entente
