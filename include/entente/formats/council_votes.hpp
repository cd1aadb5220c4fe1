#pragma once
/// \file
/// Council of the EU voting weights by treaty regime, the capability the DEU reader gives the
/// member states. Data shipped with Entente (see council_votes.cpp for the sources).

#include <optional>
#include <string_view>

namespace entente {

/// The Council's voting regime in force on a date.
enum class CouncilRegime {
  kPreNice,  ///< EU-15 weights, to 31 Oct 2004 (TEC art. 205(2)): 87 votes
  kNice,     ///< 1 Nov 2004 - 31 Oct 2014 (Treaty of Nice): 345 votes for EU-27, 352 for EU-28
  kLisbon,   ///< from 1 Nov 2014 (TEU art. 16(4)): double majority, population as the weight
};

/// "pre_nice", "nice", "lisbon".
[[nodiscard]] std::string_view CouncilRegimeName(CouncilRegime regime);
/// Parses a regime name; nullopt for anything else.
[[nodiscard]] std::optional<CouncilRegime> ParseCouncilRegime(std::string_view text);

/// The regime in force on `year`-`month`-`day`: Nice from 1 Nov 2004, Lisbon from 1 Nov 2014.
[[nodiscard]] CouncilRegime CouncilRegimeOn(int year, int month, int day);

/// Member state `code`'s weight under `regime` (Council votes; population in millions under
/// Lisbon), with DEU's two-letter codes (`de`, `el` Greece, `uk`, `bu` Bulgaria, `cr`
/// Croatia...); nullopt when the state has no seat in that regime's table.
[[nodiscard]] std::optional<double> CouncilWeight(CouncilRegime regime, std::string_view code);

/// The largest weight under `regime` (10, 29 or Germany's population).
[[nodiscard]] double LargestCouncilWeight(CouncilRegime regime);

/// True for a code of any regime's table (a member state, as opposed to `com` or `ep`).
[[nodiscard]] bool IsCouncilMember(std::string_view code);

/// The English name of a DEU actor code ("de" -> "Germany", "com" -> "European Commission");
/// empty when the code is not known.
[[nodiscard]] std::string_view DeuActorName(std::string_view code);

}  // namespace entente
