#pragma once
/// \file
/// The Council of the EU's voting tables by treaty regime: votes under the pre-Nice and Nice
/// weightings and population shares for the double majority, keyed by the member-state codes
/// the DEU data sets use (at be bu cr cy cz dk ee fi fr de el hu ie it lv lt lu mt nl pl pt ro
/// si sk es se uk).

#include <optional>
#include <span>
#include <string_view>

namespace entente {

/// The Council's qualified-majority regimes.
enum class CouncilRegime {
  kPreNice,  ///< EU-15, TEC art. 205(2): weighted votes, 62 of 87 (to 31 Oct 2004)
  kNice,     ///< Nice weighting: 255 of 345 (EU-27), 260 of 352 (EU-28) (Nov 2004 - Oct 2014)
  kLisbon,   ///< TEU art. 16(4): 55% of members, at least 15, and 65% of population (Nov 2014-)
};

/// "pre_nice", "nice", "lisbon".
[[nodiscard]] std::string_view CouncilRegimeName(CouncilRegime r);
/// Parses a CouncilRegimeName (also "pre-nice", "prenice"); nullopt for anything else.
[[nodiscard]] std::optional<CouncilRegime> ParseCouncilRegime(std::string_view text);

/// One member state's numbers.
struct CouncilMember {
  std::string_view code;   ///< DEU code, lower case (el Greece, bu Bulgaria, cr Croatia)
  std::string_view name;   ///< English short name
  double pre_nice_votes;   ///< TEC art. 205(2) votes; 0 for states that joined later
  double nice_votes;       ///< votes under the Nice weighting
  double population_eu28;  ///< % of the EU-28 population, Council figures for 2016
  double population_eu27;  ///< % of the EU-27 population, Council figures for 2025; 0 for uk
};

/// All 28 member states the tables cover, largest first.
[[nodiscard]] std::span<const CouncilMember> CouncilMembers();

/// The member a code names, case-insensitively; also takes the ISO codes gb, gr, bg and hr
/// for uk, el, bu and cr. nullptr when none.
[[nodiscard]] const CouncilMember* FindCouncilMember(std::string_view code);

/// Nice quotas by total votes (232 of 321 for EU-25, 255 of 345, 260 of 352); nullopt for
/// other totals.
[[nodiscard]] std::optional<double> NiceQuota(double total_votes);

}  // namespace entente
