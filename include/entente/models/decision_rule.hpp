#pragma once
/// \file
/// The decision-rule step applied after every model: the model's point is confronted with the
/// win-set of the status quo under the rule (Tsebelis, Veto Players, 2002).

#include <cstddef>
#include <optional>
#include <span>

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/rule_layout.hpp"
#include "entente/models/win_set.hpp"

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
/// outcome equals u. ApplyRule gives the same for a unanimity rule; this is its fast form.
[[nodiscard]] VetoResult ApplyUnanimity(double unconstrained, double status_quo,
                                        std::span<const double> veto_positions);

/// What a rule did to one model point.
struct RuleApplication {
  double outcome = 0;                       ///< after the rule
  WinSet win_set;                           ///< the feasible interval and its chambers
  int direction = 0;                        ///< sign of (model point - status quo)
  bool binds = false;                       ///< the rule moved the point
  bool model_kept = false;                  ///< empty win-set kept the point (on_empty: model)
  std::size_t chamber = 0;                  ///< chamber whose bound applies on that side
  std::optional<std::size_t> binding_veto;  ///< index into RuleLayout::veto_players
};

/// Buffers ApplyRuleInto reuses from call to call (one per thread in Monte Carlo).
struct RuleScratch {
  std::vector<Chamber> chambers;   ///< the chambers with this call's voters
  std::vector<std::size_t> order;  ///< voters sorted by position
  RuleApplication result;          ///< the last call's result
};

/// ApplyRule into `scratch.result`, allocating nothing once the buffers are warm.
void ApplyRuleInto(const RuleLayout& layout, double u, double q, std::span<const double> positions,
                   std::span<const double> capabilities, RuleScratch& scratch);

/// The rule of `layout` applied to model point `u` with status quo `q`: outcome = the nearest
/// point of [lo, hi] to u (q when the win-set is empty, or u under `on_empty: model`).
/// `positions` and `capabilities` hold one value per stance of the issue.
[[nodiscard]] RuleApplication ApplyRule(const RuleLayout& layout, double u, double q,
                                        std::span<const double> positions,
                                        std::span<const double> capabilities);

/// Applies each issue's decision rule to `forecast` in place, using the members' final
/// positions (which dynamic models may have moved) and their capabilities. Sets outcome,
/// binding_veto, win_set_empty and, when `explain` is true, procedure (the win-set and the rule
/// in words: about two thirds of this function's time on the flagship, which loops that read
/// only outcomes, such as Monte Carlo draws and searches, skip).
void ApplyDecisionRules(const Scenario& scenario, Forecast& forecast, bool explain = true);

}  // namespace entente
