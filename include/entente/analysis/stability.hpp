#pragma once
/// \file
/// Knife-edge detection: how far each issue's outcome moves when every position is nudged by
/// at most a point. A dynamic model whose outcome jumps from 5 to 75 under such nudges gives no
/// single forecast worth quoting; the range says so.

#include <cstdint>
#include <string_view>

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// How to perturb.
struct StabilityOptions {
  int perturbations = 24;   ///< perturbed runs (each moves every position)
  double step = 0.01;       ///< largest nudge, as a fraction of the scale range (1 point of 100)
  double threshold = 0.10;  ///< knife-edge when the range exceeds this fraction of the scale
  std::uint64_t seed = 1;   ///< the nudges' seed (same seed, same flags)
};

/// Runs model `model` on `perturbations` copies of the validated `scenario`, each position
/// moved by an independent uniform nudge in [-step, +step] x range (clipped to the scale;
/// stream p of `seed` for copy p), and sets every issue's `stability` in `forecast` (the
/// forecast of the unperturbed scenario, whose outcome joins the range).
void AddStability(const Scenario& scenario, Forecast& forecast, std::string_view model,
                  const ModelOptions& options, const StabilityOptions& stability);

}  // namespace entente
