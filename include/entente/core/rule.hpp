#pragma once
/// \file
/// An issue's decision rule as the scenario states it: who votes, with what weight, what share
/// is needed, who can veto, who sets the agenda, and which chambers must all approve.
/// Pure data; the win-set it implies is computed in models/win_set.hpp.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/location.hpp"

namespace entente {

/// How the outcome must be agreed (Tsebelis 2002 for veto players; Steunenberg 1994 and
/// Crombez 1996 for weighted and two-chamber procedures).
enum class DecisionKind {
  kNone,               ///< the model's forecast stands
  kUnanimity,          ///< every veto player (or every member) must prefer it to the status quo
  kMajority,           ///< more than half of the voting weight
  kQualifiedMajority,  ///< at least `threshold` of the weight, plus any member/population tests
  kBicameral,          ///< every chamber (each a rule of its own) must approve
};

/// "none", "unanimity", "majority", "qualified_majority", "bicameral".
[[nodiscard]] std::string_view DecisionKindName(DecisionKind kind);
/// Parses a DecisionKindName (empty gives none); nullopt for anything else.
[[nodiscard]] std::optional<DecisionKind> ParseDecisionKind(std::string_view text);

/// Where the voting weights come from.
enum class WeightSource {
  kCapability,  ///< each member's capability on the issue (the default)
  kEqual,       ///< one vote each (UN Security Council, one member one vote)
  kTable,       ///< the `weights` map (Council votes)
};

/// How members without a stance on the issue count (REPORT conventions, TEC art. 205).
enum class AbsentMembers {
  kAgainst,  ///< they stay in the totals and cannot support a change (a non-yes is a no)
  kDrop,     ///< they leave the totals; shares are of the members present
  kSupport,  ///< they go along with any change
};

/// "against", "drop", "support".
[[nodiscard]] std::string_view AbsentMembersName(AbsentMembers a);
/// Parses an AbsentMembersName; nullopt for anything else.
[[nodiscard]] std::optional<AbsentMembers> ParseAbsentMembers(std::string_view text);

/// What happens when no point beats the status quo (the win-set is empty).
enum class OnEmpty {
  kStatusQuo,  ///< the status quo holds (the formal rule; the default)
  kModel,      ///< the model's point stands (treat an empty win-set as a warning only)
};

/// "status_quo", "model".
[[nodiscard]] std::string_view OnEmptyName(OnEmpty o);
/// Parses an OnEmptyName; nullopt for anything else.
[[nodiscard]] std::optional<OnEmpty> ParseOnEmpty(std::string_view text);

/// One member's number in a rule: its votes, or its population.
struct MemberValue {
  std::string member;  ///< actor id (or, in presets, the code of a member not modelled)
  double value = 0;    ///< votes or population
  friend bool operator==(const MemberValue&, const MemberValue&) = default;
};

/// The decision rule of an issue, or of one chamber of a bicameral rule.
///
/// A coalition S of members (those who prefer a proposal to the status quo) wins when every
/// test passes: weight (majority: more than half; qualified majority: at least `threshold` of
/// the total), members (at least `min_members` of them and `min_member_count`), population (at
/// least `min_population` of the total) and veto (every veto player is in S); or when the
/// members outside S are fewer than `blocking_minority` (a blocking minority needs that many).
struct DecisionRule {
  DecisionKind kind = DecisionKind::kNone;  ///< which rule
  std::vector<std::string> veto_players;    ///< actor ids whose consent is needed (second, so
                                            ///< `DecisionRule{kind, {"US", "ROK"}}` reads well)
  std::string name;                         ///< label, e.g. "Council" (chambers)
  std::string preset;                       ///< e.g. un_security_council (see rule_presets.hpp)
  std::vector<std::string> members;         ///< who votes; empty: every actor with a stance
  int seats = 0;                            ///< total seats when some are not modelled (0: none)
  std::optional<double> threshold;          ///< share of the weight needed (qualified majority)
  WeightSource weight_source = WeightSource::kCapability;  ///< where the votes come from
  std::vector<MemberValue> weights;                        ///< votes per member (kTable)
  std::optional<double> min_members;                       ///< share of the members needed
  int min_member_count = 0;                                ///< members needed (absolute)
  std::vector<MemberValue> population;                     ///< population per member
  std::optional<double> min_population;                    ///< share of the population needed
  int blocking_minority = 0;  ///< members a blocking minority needs (Lisbon: 4); 0: no clause
  AbsentMembers absent = AbsentMembers::kAgainst;  ///< members without a stance
  std::string agenda_setter;                       ///< actor id that proposes (procedural model)
  OnEmpty on_empty = OnEmpty::kStatusQuo;          ///< when nothing beats the status quo
  double reversion_cost = 0;  ///< kappa: a member backs y when |y-x| < |q-x| + kappa (scale units)
  std::vector<DecisionRule> chambers;  ///< bicameral: each must approve
  Location origin;                     ///< where the reader found it

  /// True for the plain forms older files use (`none`, or `unanimity` with veto players), which
  /// writers keep in their short form.
  [[nodiscard]] bool IsSimple() const;
  /// Equality ignores `origin`.
  friend bool operator==(const DecisionRule& a, const DecisionRule& b);
};

/// Words for the rule, e.g. "qualified majority (73.9% of the votes, 55% of the members)",
/// "UN Security Council (9 of 15 votes, permanent members' veto)", "unanimity of US, ROK".
[[nodiscard]] std::string DescribeRule(const DecisionRule& rule);

}  // namespace entente
