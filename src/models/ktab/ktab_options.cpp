// Options of the KTAB Spatial Model of Politics, declared once. Names follow KTAB's XML
// <ModelParameters> (lower case, hyphenated); see docs/models/ktab-smp.md for what each does.
#include "entente/models/ktab/ktab_options.hpp"

#include <array>
#include <string_view>

namespace entente {
namespace {

using K = OptionType;
constexpr std::string_view kBargain[] = {"initiator", "receiver", "compromise"};
constexpr std::string_view kInterp[] = {"s2p2", "s1p1", "s2pmax"};
constexpr std::string_view kPce[] = {"conditional", "markov-incentive", "markov-uniform"};
constexpr std::string_view kRiskAdjust[] = {"none", "half", "one-third", "two-thirds", "full"};
constexpr std::string_view kRiskRange[] = {"min", "mid", "max"};
constexpr std::string_view kThirdParty[] = {"no-commit", "semi-commit", "full-commit"};
constexpr std::string_view kTransition[] = {"deterministic", "stochastic"};
constexpr std::string_view kVictory[] = {"linear", "square", "quartic", "octic", "binary"};
constexpr std::string_view kVoting[] = {"binary",   "prop-bin", "prop",
                                        "prop-cbc", "cubic",    "asym-prosp"};

constexpr std::array kSpecs = {
    OptionSpec{"bargain", K::kChoice, "initiator", 0, 0, kBargain,
               "whose estimate of the challenge shapes the bargain (KTAB BargnModel)"},
    OptionSpec{"ideal_adjustment",
               K::kText,
               "",
               0,
               0,
               {},
               "ACTOR:REFERENCE=WEIGHT;... : how far each actor's ideal moves toward another's "
               "position, weights in [0, 1] (KTAB IdealAdjustment; default none)"},
    OptionSpec{"interp", K::kChoice, "s2p2", 0, 0, kInterp,
               "per-dimension interpolation weights of a bargain (KTAB InterVecBrgn)"},
    OptionSpec{"max_turns", K::kInteger, "100", 1, 100000, {}, "stop after this many turns"},
    OptionSpec{"merge_tolerance",
               K::kNumber,
               "0.001",
               0,
               1,
               {},
               "positions closer than this (Euclidean, 0-1 scale) count as one"},
    OptionSpec{"pce", K::kChoice, "conditional", 0, 0, kPce,
               "probabilistic Condorcet election over options (KTAB PCEModel)"},
    OptionSpec{"risk_adjust", K::kChoice, "one-third", 0, 0, kRiskAdjust,
               "how far an estimator shades others' risk attitudes toward its own (KTAB "
               "BigRAdjust)"},
    OptionSpec{"risk_range", K::kChoice, "mid", 0, 0, kRiskRange,
               "range of inferred risk attitudes: min [0, 1], mid [-1/2, 1], max [-1, 1] (KTAB "
               "BigRRange)"},
    OptionSpec{"seed", K::kInteger, "0", 0, 2147483647, {}, "seed of stochastic transitions"},
    OptionSpec{"stop",
               K::kNumber,
               "0.02",
               0,
               1,
               {},
               "stop when a turn moves less than this share of the first turn's movement"},
    OptionSpec{"third_party", K::kChoice, "semi-commit", 0, 0, kThirdParty,
               "how third parties weigh joining a challenge (KTAB ThirdPartyCommit)"},
    OptionSpec{"transition", K::kChoice, "deterministic", 0, 0, kTransition,
               "each actor takes its most likely bargain, or draws one (KTAB StateTransitions)"},
    OptionSpec{"victory", K::kChoice, "linear", 0, 0, kVictory,
               "coalition strengths to victory probability (KTAB VictoryProbModel)"},
    OptionSpec{"voting", K::kChoice, "prop", 0, 0, kVoting,
               "utility difference to vote (KTAB VotingRule)"},
};

}  // namespace

std::span<const OptionSpec> SmpOptionSpecs() {
  return kSpecs;
}

SmpOptions ParseSmpOptions(const ModelOptions& o) {
  const OptionReader r(o, kSpecs, "ktab-smp");
  SmpOptions s;
  s.victory = r.Enum("victory", {SmpVictory::kLinear, SmpVictory::kSquare, SmpVictory::kQuartic,
                                 SmpVictory::kOctic, SmpVictory::kBinary});
  s.voting = r.Enum("voting", {SmpVoting::kBinary, SmpVoting::kPropBin, SmpVoting::kProp,
                               SmpVoting::kPropCbc, SmpVoting::kCubic, SmpVoting::kASymProsp});
  s.pce = r.Enum("pce", {SmpPce::kConditional, SmpPce::kMarkovIncentive, SmpPce::kMarkovUniform});
  s.transition = r.Enum("transition", {SmpTransition::kDeterministic, SmpTransition::kStochastic});
  s.risk_range = r.Enum("risk_range", {SmpRiskRange::kMin, SmpRiskRange::kMid, SmpRiskRange::kMax});
  s.risk_adjust =
      r.Enum("risk_adjust", {SmpRiskAdjust::kNone, SmpRiskAdjust::kHalf, SmpRiskAdjust::kOneThird,
                             SmpRiskAdjust::kTwoThirds, SmpRiskAdjust::kFull});
  s.third_party = r.Enum("third_party", {SmpThirdParty::kNoCommit, SmpThirdParty::kSemiCommit,
                                         SmpThirdParty::kFullCommit});
  s.interp = r.Enum("interp", {SmpInterp::kS2P2, SmpInterp::kS1P1, SmpInterp::kS2PMax});
  s.bargain =
      r.Enum("bargain", {SmpBargain::kInitiator, SmpBargain::kReceiver, SmpBargain::kCompromise});
  s.max_turns = static_cast<int>(r.Integer("max_turns"));
  s.stop_fraction = r.Number("stop");
  s.merge_tolerance = r.Number("merge_tolerance");
  s.seed = static_cast<std::uint64_t>(r.Integer("seed"));
  s.trail = o.trail();
  s.cancel = o.cancel();
  return s;
}

}  // namespace entente
