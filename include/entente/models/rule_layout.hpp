#pragma once
/// \file
/// An issue's decision rule resolved against the scenario once (presets spelled out, seats
/// matched to stances), so that each forecast or Monte Carlo draw only fills in positions and
/// capabilities before computing the win-set.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "entente/core/scenario.hpp"
#include "entente/models/win_set.hpp"

namespace entente {

/// One seat of a chamber: who holds it and where its numbers come from.
struct Seat {
  std::string name;      ///< actor id, or the name of a member the scenario does not model
  int stance = -1;       ///< index into Issue::stances; -1: no stance (absent)
  bool modelled = true;  ///< false for the seats `seats:` adds beyond the listed members
  double weight = 1;     ///< fixed weight (ignored when the chamber weighs by capability)
  double population = 0;
  bool veto = false;
};

/// One chamber: its tests (voters left empty) and seats.
struct ChamberLayout {
  std::string name;                        ///< "Council", or empty
  std::string rule;                        ///< DescribeRule of the chamber
  Chamber tests;                           ///< thresholds; voters are filled per evaluation
  std::vector<Seat> seats;                 ///< in rule order
  bool capability_weights = true;          ///< weights are the stances' capabilities
  const char* weight_unit = "capability";  ///< "capability", "votes" or "members"
};

/// The whole rule of one issue.
struct RuleLayout {
  DecisionKind kind = DecisionKind::kNone;  ///< kNone: nothing to apply
  std::string rule;                         ///< DescribeRule of the expanded rule
  std::vector<ChamberLayout> chambers;      ///< one, or the chambers of a bicameral rule
  std::vector<std::string> veto_players;    ///< every veto player, chamber order, deduplicated
  OnEmpty on_empty = OnEmpty::kStatusQuo;   ///< what an empty win-set does
};

/// Resolves `issue`'s rule (presets expanded against `actors`). The scenario must be valid.
[[nodiscard]] RuleLayout LayoutRule(std::span<const Actor> actors, const Issue& issue);

/// The chambers with voters at `positions` weighted by `capabilities` (one per stance).
[[nodiscard]] std::vector<Chamber> FillChambers(const RuleLayout& layout,
                                                std::span<const double> positions,
                                                std::span<const double> capabilities);

/// FillChambers into `out`, reusing its buffers.
void FillChambersInto(const RuleLayout& layout, std::span<const double> positions,
                      std::span<const double> capabilities, std::vector<Chamber>& out);

}  // namespace entente
