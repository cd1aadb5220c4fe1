#pragma once
/// \file
/// Named decision rules (`preset:` in a rule): the UN Security Council and the Council of the
/// EU by treaty regime; and the rule a DEU proposal's procedure implies.

#include <span>
#include <string_view>

#include "entente/core/actor.hpp"
#include "entente/core/result.hpp"
#include "entente/core/rule.hpp"

namespace entente {

/// un_security_council, eu_council_pre_nice, eu_council_nice, eu_council_lisbon.
[[nodiscard]] std::span<const std::string_view> RulePresetNames();
/// True when `name` is one of RulePresetNames.
[[nodiscard]] bool IsRulePreset(std::string_view name);
/// True for the eu_council_* presets, whose members are the actors named by member codes.
[[nodiscard]] bool IsEuCouncilPreset(std::string_view name);
/// Seats of the UN Security Council (Charter art. 23) and the votes a decision needs (27(3)).
inline constexpr int kUnscSeats = 15;
/// Affirmative votes a Security Council decision needs (Charter art. 27(3)).
inline constexpr int kUnscVotes = 9;
/// Most permanent members (veto players) the Council has (Charter art. 23).
inline constexpr int kUnscPermanent = 5;

/// The rule with its preset spelled out (chambers too): kind, members, weights, population,
/// thresholds. What the scenario set explicitly (a threshold, min_member_count,
/// min_population, veto players, absent) wins over the preset's value. EU presets: the
/// members are the regime's member states; an actor whose id is a member code (de, DE, ...)
/// votes for that state and the states no actor names count as members without a stance.
/// Nice includes Croatia (EU-28) and Lisbon the United Kingdom (EU-28, 2016 populations) only
/// when an actor names them. Rules without a preset come back unchanged.
[[nodiscard]] DecisionRule ExpandPreset(const DecisionRule& rule, std::span<const Actor> actors);

/// The rule a DEU proposal's procedure implies (REPORT conventions; Steunenberg 1994, Crombez
/// 1996), with the Commission (actor `com`) as agenda setter and the Parliament as actor `ep`:
///   CNS + QMV: the Council's qualified majority of `regime`, Commission sets the agenda;
///   COD + QMV: bicameral, the Council's qualified majority and a Parliament majority
///              (a Parliament without a position goes along: inaction lets the act pass,
///              TEC art. 251(2)(a)), Commission sets the agenda;
///   ... + Unan: the Council's unanimity (absent states abstain, TEC art. 205(3)) instead;
///   QMV(10):    62 votes cast by at least 10 members (TEC art. 205(2), second indent: acts not
///               on a Commission proposal), so no agenda setter.
/// `regime`: pre_nice, nice or lisbon. An Error (without location) for anything else.
[[nodiscard]] Result<DecisionRule> RuleForDeuProcedure(std::string_view proc,
                                                       std::string_view counvte,
                                                       std::string_view regime);

}  // namespace entente
