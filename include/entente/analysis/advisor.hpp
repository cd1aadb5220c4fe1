#pragma once
/// \file
/// "What would it take?": the smallest change of one actor's (or two actors') stance that
/// brings an issue's forecast to a target, and the veto players that stand in the way.

#include <optional>
#include <string>
#include <vector>

#include "entente/analysis/lever_search.hpp"
#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// Which number of a stance is changed.
enum class Lever { kPosition, kSalience };

/// "position" / "salience".
[[nodiscard]] const char* LeverName(Lever lever);

/// One actor changing one number.
struct LeverMove {
  std::string actor;               ///< who moves
  Lever lever = Lever::kPosition;  ///< what changes
  double from = 0;                 ///< current value
  double to = 0;                   ///< needed value
  double size = 0;     ///< |to - from| as a share of the lever's range (scale range, or 1)
  double outcome = 0;  ///< the outcome after the move
  SearchMethod method = SearchMethod::kBisection;  ///< how it was found
};

/// Two actors moving their positions together.
struct PairMove {
  LeverMove first;   ///< the larger mover
  LeverMove second;  ///< the other
  double size = 0;   ///< first.size + second.size
};

/// A veto player that does not prefer the target to the status quo.
struct Blocker {
  std::string actor;     ///< the veto player
  double position = 0;   ///< where it stands
  double threshold = 0;  ///< it accepts the target only from beyond this point: (target + q) / 2
};

/// Advice on one issue.
struct IssueAdvice {
  std::string issue_id;                   ///< Issue::id
  double outcome = 0;                     ///< the current forecast
  double target = 0;                      ///< where the actor wants it
  bool already = false;                   ///< the forecast is within tolerance of the target
  std::optional<LeverMove> own_position;  ///< the actor's own position move, if it suffices
  std::optional<LeverMove> own_salience;  ///< its own salience change, if it suffices
  std::vector<LeverMove> others;          ///< single other actors that suffice, smallest first
  std::optional<PairMove> best_pair;      ///< the cheapest pair of other actors' position moves
  std::vector<Blocker> blockers;          ///< veto players that refuse the target today
  /// The forecast's range under 1% nudges of every position (analysis/stability): a knife-edge
  /// forecast makes every lever below a gamble on coding detail.
  std::optional<Stability> stability;
  std::string summary;  ///< the advice in sentences, ready for a memo
};

/// What to advise on.
struct AdviceRequest {
  std::string actor;                 ///< whose goals (Actor::id)
  std::optional<std::string> issue;  ///< one issue, or every issue the actor takes part in
  std::optional<double> target;      ///< a target value; default: the actor's own position
  std::string model = "median";      ///< model to forecast with
  ModelOptions model_options;        ///< passed through
  double tolerance = 0.005;          ///< reached when |outcome - target| <= tolerance x range
};

/// Advice for `request.actor` on each issue. InputError for an unknown actor, an issue the
/// actor takes no part in (when named), or a target off the scale.
[[nodiscard]] std::vector<IssueAdvice> Advise(const Scenario& scenario,
                                              const AdviceRequest& request);

}  // namespace entente
