#pragma once
/// \file
/// Alliance cohesion: how far apart the allies are on each issue, before and after the
/// forecast, and which issues strain the alliance most.

#include <string>
#include <vector>

#include "entente/core/scenario.hpp"
#include "entente/models/forecast.hpp"

namespace entente {

/// One ally's stake in an issue's outcome.
struct MemberLoss {
  std::string actor;    ///< the ally
  double position = 0;  ///< where it stood (input)
  double salience = 0;  ///< how much it cares
  double loss = 0;      ///< salience x |outcome - position| / scale range, in [0, 1]
};

/// One alliance on one issue where at least two members take part.
struct IssueCohesion {
  std::string issue_id;             ///< Issue::id
  double gap_before = 0;            ///< allies' salience-weighted distance, input positions
  double gap_after = 0;             ///< the same with the model's final positions
  double outcome = 0;               ///< the forecast outcome
  std::vector<MemberLoss> members;  ///< per member taking part, in alliance order
  double strain = 0;                ///< gap_before + the largest member loss, in [0, 2]
};

/// An alliance's cohesion on every issue, most strained first.
struct AllianceCohesion {
  std::string alliance_id;            ///< Alliance::id
  std::vector<IssueCohesion> issues;  ///< ordered by strain, largest first (ties: scenario order)
};

/// The allies' gap on one issue for members at `positions` with `saliences`:
///   gap = mean over member pairs (a, b) of sqrt(s_a s_b) |x_a - x_b| / R,
/// in [0, 1]: large only when both care (the geometric mean of saliences) and are far apart.
[[nodiscard]] double AlliesGap(const std::vector<double>& positions,
                               const std::vector<double>& saliences, double range);

/// Cohesion of every alliance of `scenario` under `forecast` (which must come from it).
[[nodiscard]] std::vector<AllianceCohesion> Cohesion(const Scenario& scenario,
                                                     const Forecast& forecast);

}  // namespace entente
