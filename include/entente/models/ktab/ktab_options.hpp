#pragma once
/// \file
/// Options of the KTAB-compatible Spatial Model of Politics ("ktab-smp"), named as in KTAB's
/// scenario files; defaults are KTAB's (docs/models/ktab-smp.md).

#include <cstdint>
#include <span>

#include "entente/models/option_spec.hpp"

namespace entente {

/// How coalition strengths become a victory probability.
enum class SmpVictory { kLinear, kSquare, kQuartic, kOctic, kBinary };
/// How a utility difference becomes a vote.
enum class SmpVoting { kBinary, kPropBin, kProp, kPropCbc, kCubic, kASymProsp };
/// Probabilistic Condorcet Election over options.
enum class SmpPce { kConditional, kMarkovIncentive, kMarkovUniform };
/// Whether each actor takes its most likely bargain or draws one.
enum class SmpTransition { kDeterministic, kStochastic };
/// Range of inferred risk attitudes [lowest, highest].
enum class SmpRiskRange { kMin, kMid, kMax };
/// How far an estimator h shades others' risk attitudes toward its own.
enum class SmpRiskAdjust { kNone, kHalf, kOneThird, kTwoThirds, kFull };
/// How third parties weigh joining a challenge.
enum class SmpThirdParty { kNoCommit, kSemiCommit, kFullCommit };
/// Per-dimension interpolation weights of a bargain.
enum class SmpInterp { kS2P2, kS1P1, kS2PMax };
/// Whose estimate of the challenge shapes the bargain.
enum class SmpBargain { kInitiator, kReceiver, kCompromise };

/// Every option of the model; defaults reproduce KTAB's 2017 reference runs.
struct SmpOptions {
  SmpVictory victory = SmpVictory::kLinear;                  ///< VictoryProbModel
  SmpVoting voting = SmpVoting::kProp;                       ///< VotingRule
  SmpPce pce = SmpPce::kConditional;                         ///< PCEModel
  SmpTransition transition = SmpTransition::kDeterministic;  ///< StateTransitions
  SmpRiskRange risk_range = SmpRiskRange::kMid;              ///< BigRRange
  SmpRiskAdjust risk_adjust = SmpRiskAdjust::kOneThird;      ///< BigRAdjust
  SmpThirdParty third_party = SmpThirdParty::kSemiCommit;    ///< ThirdPartyCommit
  SmpInterp interp = SmpInterp::kS2P2;                       ///< InterVecBrgn
  SmpBargain bargain = SmpBargain::kInitiator;               ///< BargnModel
  int max_turns = 100;                                       ///< stop after this many turns
  double stop_fraction = 0.02;    ///< stop when a turn moves less than this share of the first
  double merge_tolerance = 1e-3;  ///< positions closer than this (Euclidean, 0-1) are one
  std::uint64_t seed = 0;         ///< for stochastic transitions
  bool trail = true;              ///< keep every state (false: first and last only)
  const std::atomic<bool>* cancel = nullptr;  ///< ModelOptions::cancel, polled every turn
  /// Equal when every setting is.
  friend bool operator==(const SmpOptions&, const SmpOptions&) = default;
};

/// The options the model takes, each with its type, default, range and help.
[[nodiscard]] std::span<const OptionSpec> SmpOptionSpecs();
/// Parses and checks the options; InputError naming the key and the allowed values. Reading no
/// options at all gives SmpOptions{} (tested). `ideal_adjustment` is read by the model itself
/// (it needs the actors).
[[nodiscard]] SmpOptions ParseSmpOptions(const ModelOptions& options);

}  // namespace entente
