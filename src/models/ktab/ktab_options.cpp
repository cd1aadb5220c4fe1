// Options of the KTAB Spatial Model of Politics. Names follow KTAB's XML <ModelParameters>
// (lower case, hyphenated); see docs/models/ktab-smp.md for what each does.
#include "entente/models/ktab/ktab_options.hpp"

#include <cstddef>
#include <string_view>

namespace entente {
const std::vector<std::string>& SmpOptionKeys() {
  static const std::vector<std::string> keys = {
      "bargain",     "ideal_adjustment", "interp",     "max_turns", "merge_tolerance",
      "pce",         "risk_adjust",      "risk_range", "seed",      "stop",
      "third_party", "transition",       "victory",    "voting"};
  return keys;
}

SmpOptions ParseSmpOptions(const ModelOptions& o) {
  o.RequireKnown("ktab-smp", SmpOptionKeys());
  SmpOptions s;
  s.victory = o.Enum("victory", s.victory, {"linear", "square", "quartic", "octic", "binary"},
                     {SmpVictory::kLinear, SmpVictory::kSquare, SmpVictory::kQuartic,
                      SmpVictory::kOctic, SmpVictory::kBinary});
  s.voting =
      o.Enum("voting", s.voting, {"binary", "prop-bin", "prop", "prop-cbc", "cubic", "asym-prosp"},
             {SmpVoting::kBinary, SmpVoting::kPropBin, SmpVoting::kProp, SmpVoting::kPropCbc,
              SmpVoting::kCubic, SmpVoting::kASymProsp});
  s.pce = o.Enum("pce", s.pce, {"conditional", "markov-incentive", "markov-uniform"},
                 {SmpPce::kConditional, SmpPce::kMarkovIncentive, SmpPce::kMarkovUniform});
  s.transition = o.Enum("transition", s.transition, {"deterministic", "stochastic"},
                        {SmpTransition::kDeterministic, SmpTransition::kStochastic});
  s.risk_range = o.Enum("risk_range", s.risk_range, {"min", "mid", "max"},
                        {SmpRiskRange::kMin, SmpRiskRange::kMid, SmpRiskRange::kMax});
  s.risk_adjust =
      o.Enum("risk_adjust", s.risk_adjust, {"none", "half", "one-third", "two-thirds", "full"},
             {SmpRiskAdjust::kNone, SmpRiskAdjust::kHalf, SmpRiskAdjust::kOneThird,
              SmpRiskAdjust::kTwoThirds, SmpRiskAdjust::kFull});
  s.third_party =
      o.Enum("third_party", s.third_party, {"no-commit", "semi-commit", "full-commit"},
             {SmpThirdParty::kNoCommit, SmpThirdParty::kSemiCommit, SmpThirdParty::kFullCommit});
  s.interp = o.Enum("interp", s.interp, {"s2p2", "s1p1", "s2pmax"},
                    {SmpInterp::kS2P2, SmpInterp::kS1P1, SmpInterp::kS2PMax});
  s.bargain = o.Enum("bargain", s.bargain, {"initiator", "receiver", "compromise"},
                     {SmpBargain::kInitiator, SmpBargain::kReceiver, SmpBargain::kCompromise});
  s.max_turns = o.Integer("max_turns", s.max_turns, 1, 100000);
  s.stop_fraction = o.Number("stop", s.stop_fraction, 0, 1);
  s.merge_tolerance = o.Number("merge_tolerance", s.merge_tolerance, 0, 1);
  s.seed = static_cast<std::uint64_t>(o.Integer("seed", 0, 0, 2147483647));
  s.trail = o.trail();
  s.cancel = o.cancel();
  return s;
}

}  // namespace entente
