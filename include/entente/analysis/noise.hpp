#pragma once
/// \file
/// Noise, defined once for every front end: the spread given to each stance number that states
/// none, in percent. Positions get a normal spread with sd = P% of the scale range;
/// saliences and capabilities sd = P% of their coded value. Given where no unit is stated (the
/// CLI's --noise, Python's noise=), "10%" and 10 both mean ten percent, and a bare number
/// strictly between 0 and 1 is refused: 0.1 reads as 0.1% to some and as the fraction 0.1
/// (10%) to others. Where the unit is in the name (JSON "noise_percent") a number is percent.

#include <string_view>

namespace entente {

/// The largest noise accepted, in percent: beyond it a normal spread on a position mostly
/// lands on the scale's ends.
inline constexpr double kMaxNoisePercent = 100;

/// Noise given without a stated unit ("10%", "10", "0.5%", "0"), in percent. InputError
/// located at `field` for text that is not a number, a value outside [0, 100], or a bare number
/// strictly between 0 and 1 (the message names both readings).
[[nodiscard]] double ParseNoisePercent(std::string_view text, std::string_view field = "noise");

/// Noise already known to be in percent (JSON "noise_percent"): InputError located at `field`
/// unless it is in [0, 100]. Returns `percent`.
[[nodiscard]] double CheckNoisePercent(double percent, std::string_view field = "noise_percent");

}  // namespace entente
