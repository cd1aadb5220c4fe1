#pragma once
/// \file
/// The decision-rule step applied after every model (Tsebelis, Veto Players, 2002).

#include <cstddef>
#include <optional>
#include <span>

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"

namespace entente {

/// The result of confronting a forecast with a unanimity rule.
struct VetoResult {
  double outcome = 0;                  ///< the agreed outcome
  std::optional<std::size_t> binding;  ///< index into the veto list of the player that binds
  bool win_set_empty = false;          ///< no point beats the status quo for every veto player
};

/// Unanimity on one dimension. Veto player v (ideal point x_v) accepts y over the status quo q
/// only if |y - x_v| < |q - x_v|, the open interval (x_v - d_v, x_v + d_v) with d_v = |q - x_v|.
/// The win-set W is the intersection of those intervals. If W is empty the outcome is q;
/// otherwise it is the point of W's closure nearest the unconstrained forecast u.
///
/// The binding veto player is the one whose interval bound is active (u outside the closure;
/// on a tie the first listed), or, when W is empty and u != q, the first listed veto player on
/// the far side of q from u (x_v on the other side, or x_v == q). Nothing binds when the
/// outcome equals u.
[[nodiscard]] VetoResult ApplyUnanimity(double unconstrained, double status_quo,
                                        std::span<const double> veto_positions);

/// Applies each issue's decision rule to `forecast` in place, using the veto players' final
/// positions (which dynamic models may have moved). Sets outcome, binding_veto, win_set_empty.
void ApplyDecisionRules(const Scenario& scenario, Forecast& forecast);

}  // namespace entente
