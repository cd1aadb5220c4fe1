#pragma once
/// \file
/// Council of the EU voting weights by treaty regime, the capability the DEU reader gives the
/// member states: the treaty votes of core/eu_council.hpp, and under Lisbon the population in
/// millions (the DEU data set's proxy; see council_votes.cpp for the source).

#include <optional>
#include <string_view>

#include "entente/core/eu_council.hpp"

namespace entente {

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
