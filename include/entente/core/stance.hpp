#pragma once
/// \file
/// A stance: what one actor wants on one issue, how much it cares, and how much it can do.

#include <optional>
#include <string>
#include <string_view>

#include "entente/core/location.hpp"
#include "entente/core/spread.hpp"

namespace entente {

/// Where a coded number comes from; analysts weigh brief-stated stances above judgement.
enum class Basis {
  kUnstated,   ///< the input did not say
  kBrief,      ///< stated in the scenario's source brief (quoted in the note)
  kSource,     ///< another public source
  kJudgement,  ///< the analyst's coding
};

/// The spelling used in files: "", "brief", "source", "judgement".
[[nodiscard]] std::string_view BasisName(Basis basis);
/// Parses a basis name (empty gives kUnstated); nullopt for anything else.
[[nodiscard]] std::optional<Basis> ParseBasis(std::string_view text);

/// One actor's stance on one issue.
struct Stance {
  std::string actor;               ///< Actor::id
  double position = 0;             ///< on the issue's scale
  double salience = 0;             ///< in [0, 1]: how much the actor cares
  double capability = 0;           ///< >= 0: its clout on this issue (relative units)
  Basis basis = Basis::kUnstated;  ///< where the numbers come from
  std::string note;                ///< quotation or reasoning behind the coding
  Location origin;                 ///< where the reader found it
  // Uncertainty comes last so `Stance{actor, x, s, c, basis, note}` stays valid.
  Spread position_spread;    ///< uncertainty of `position` (none by default)
  Spread salience_spread;    ///< uncertainty of `salience`
  Spread capability_spread;  ///< uncertainty of `capability`

  /// The weight most models give this actor: capability x salience.
  [[nodiscard]] double Weight() const { return capability * salience; }

  /// Equality ignores `origin`.
  friend bool operator==(const Stance& a, const Stance& b) {
    return a.actor == b.actor && a.position == b.position && a.salience == b.salience &&
           a.capability == b.capability && a.position_spread == b.position_spread &&
           a.salience_spread == b.salience_spread && a.capability_spread == b.capability_spread &&
           a.basis == b.basis && a.note == b.note;
  }
};

}  // namespace entente
