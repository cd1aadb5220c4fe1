#pragma once
/// \file
/// Strategy comparison: forecast each named move and combination against the baseline.

#include <optional>
#include <string>
#include <vector>

#include "entente/analysis/cohesion.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/models/forecast.hpp"

namespace entente {

/// The baseline or one combination of moves.
struct Variant {
  std::vector<std::string> moves;              ///< move ids applied (empty: the baseline)
  Forecast forecast;                           ///< point forecast
  std::vector<AllianceCohesion> cohesion;      ///< per alliance
  std::optional<SimulationResult> simulation;  ///< when draws were requested
};

/// What to compare.
struct CompareRequest {
  std::vector<std::string> moves;  ///< move ids; every non-empty combination is compared
  std::string model = "median";    ///< model to forecast with
  ModelOptions model_options;      ///< passed through
  std::optional<SimulationOptions> simulation;  ///< draws, seed, noise: compare under uncertainty
};

/// The baseline first, then each single move, then combinations by size. Up to four moves,
/// every combination (at most 15 variants); beyond four, each move alone and all together.
/// InputError for an unknown move id or an empty list.
[[nodiscard]] std::vector<Variant> Compare(const Scenario& scenario, const CompareRequest& request);

/// A variant's label: "baseline" or the move ids joined with '+'.
[[nodiscard]] std::string VariantLabel(const Variant& variant);

}  // namespace entente
