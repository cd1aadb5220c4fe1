#pragma once
/// \file
/// Options of the expected utility model ("eu"): every ambiguity in the published equations
/// is a choice here, with a documented default (docs/models/expected-utility.md).

#include <span>

#include "entente/models/option_spec.hpp"

namespace entente {

/// Denominator of the probability of success.
enum class EuProbability {
  kEq31,     ///< Scholz et al. (2011) eq. 31: sum over voters k for the pair (i, j) only
  kTriples,  ///< one open replication: sum over every pair and voter (claimed to be Scholz's code)
};
/// How voter k scores a position in eq. 31.
enum class EuVotes {
  kLinear,  ///< distance |x_k - x| (eq. 31 as printed)
  kRisk,    ///< risk-adjusted utility -(|x_k - x| / R)^r_k (the open replication)
};
/// Whose risk exponent prices the other side's expected utility b.
enum class EuView {
  kOwn,     ///< the mover's: b = E_i(U_ji) (Scholz step 3: "from i's view")
  kActual,  ///< the challenger's own: b = E_j(U_ji)
};
/// Which expected utilities sum to the security level Sec_i (eq. 34).
enum class EuSecurity {
  kChallengers,  ///< sum_j E(U_ji): what others expect from challenging i (Scholz's prose)
  kTargets,      ///< sum_j E(U_ij): what i expects from challenging others
};
/// Which received offer an actor accepts.
enum class EuOfferChoice {
  kLeastMove,  ///< the one needing the least movement (Scholz step 8)
  kHighestEu,  ///< the one from the challenger with the highest expected utility b
  kByType,     ///< lost conflicts, then compromises (highest b), then capitulations
};
/// A centre of the positions (mu in eqs. 22-23, and the forecast aggregate).
enum class EuCentre { kMedian, kMean };
/// The range R that distances are divided by.
enum class EuRange {
  kPositions,  ///< spread of the input positions on the issue
  kScale,      ///< the issue's scale (max - min)
};
/// When the rounds stop.
enum class EuStop {
  kConverge,  ///< when no position moves more than tolerance x R, at most `rounds` rounds
  kFixed,     ///< exactly `rounds` rounds
  kForecast,  ///< as kConverge, or once the forecast has held `patience` rounds (tolerance x R)
};

/// Whether a veto player's concessions stop where it would rather keep the status quo.
enum class EuVetoBound {
  kStatusQuo,  ///< a veto player v never moves beyond |y - x_v| <= |q - x_v| (its input x_v)
  kNone,       ///< veto players bargain like everyone else (Scholz et al. 2011 as printed)
};

/// Parsed options; defaults follow the text of Scholz, Calbert & Smith (2011).
struct EuOptions {
  double q = 1.0;                   ///< Q, probability the status quo holds (eq. 25a)
  int rounds = 100;                 ///< round limit
  EuStop stop = EuStop::kForecast;  ///< stopping rule
  double tolerance = 1e-6;          ///< convergence threshold, as a fraction of R
  int patience = 10;                ///< stop=forecast: rounds the forecast must hold
  EuProbability probability = EuProbability::kEq31;        ///< P denominator
  EuVotes votes = EuVotes::kLinear;                        ///< P numerator scoring
  EuView view = EuView::kOwn;                              ///< whose exponent prices b
  EuSecurity security = EuSecurity::kChallengers;          ///< eq. 34 subscripts
  EuOfferChoice offer_choice = EuOfferChoice::kLeastMove;  ///< step 8
  EuCentre mu = EuCentre::kMedian;                         ///< mu in eqs. 22-23
  EuRange range = EuRange::kPositions;                     ///< R
  EuCentre aggregate = EuCentre::kMedian;                  ///< forecast from the final positions
  EuVetoBound veto_bound = EuVetoBound::kStatusQuo;        ///< veto players keep their veto
  bool trail = true;                          ///< record rounds and events (ModelOptions::trail)
  const std::atomic<bool>* cancel = nullptr;  ///< ModelOptions::cancel, polled every round
  /// Equal when every setting is.
  friend bool operator==(const EuOptions&, const EuOptions&) = default;
};

/// The options "eu" takes, each with its type, default, range and help.
[[nodiscard]] std::span<const OptionSpec> EuOptionSpecs();

/// Reads `options` (InputError on unknown keys or bad values). `preset=scholz2011` first sets
/// the combination that reproduces Scholz's published run (triples, risk votes, by-type
/// choice, 8 fixed rounds); explicitly given keys override the preset. Reading no options at
/// all gives EuOptions{} (tested).
[[nodiscard]] EuOptions ParseEuOptions(const ModelOptions& options);

}  // namespace entente
