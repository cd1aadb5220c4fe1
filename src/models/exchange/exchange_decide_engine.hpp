#pragma once
// The engine of the exchange model's Decide view (exchange_decide.cpp describes the model),
// one class for both arithmetics (N = double or Decimal28). Internal to exchange_decide*.cpp
// (not public API). Its members are defined by concern, each file instantiating its own for
// both arithmetics:
//   exchange_decide_estimates.cpp  estimates that decide a sizing without digits (SizeLazy,
//                                  CapEstimate, SwapEstimate, PushLazy)
//   exchange_decide_sizing.cpp     exact sizing, validity and outcome caps (Size, Cap, ...)
//   exchange_decide_enumerate.cpp  set-up and the round's candidates (Engine, Enumerate)
//   exchange_decide_round.cpp      revision and the round (Revise, MakeEntry, Round)

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "entente/core/scenario.hpp"
#include "entente/models/exchange/exchange_decide.hpp"
#include "entente/models/exchange/exchange_options.hpp"
#include "entente/models/exchange/exchange_round.hpp"
#include "exchange_decide_bounds.hpp"

namespace entente::detail::decide {

// A Decide-view run in arithmetic N: the scenario's cells, the round's candidates and what
// each knows of the round so far.
template <class N>
class Engine final : public DecideExchange {
 public:
  Engine(const Scenario& s, const ExchangeBoard& b, const ExchangeOptions& o);
  void Round(int round, std::vector<double>& voting, std::vector<RealizedExchange>& realized,
             std::vector<double>& externality) override;
  [[nodiscard]] std::vector<double> Start() const override;

 private:
  using F = Num<N>;

  // One entry of a side's move history, with the running sum Decide's validity check forms
  // (0 + m0 + m1 + ..., in that order) and whether every move so far had one sign.
  // A lazy entry (see SizeLazy) holds estimates and the positions its sizing was made at,
  // from which the exact move is formed when a validity check needs it.
  struct Step {
    N move{};  // exact when `exact`
    N sum{};   // exact when `sum_exact`
    Estimate move_est{}, sum_est{};
    N xi{}, xj{};  // lazy: the positions of I and J when sized
    bool exact = true, sum_exact = true, swap = false;
    std::uint8_t side = 0;  // lazy: 0 = I, 1 = J
    bool all_positive = false, all_negative = false;
  };
  struct Side {
    std::uint32_t actor = 0, sup = 0, dem = 0;  // supplier, its supply and demand issue
    std::uint32_t sup_cell = 0, dem_cell = 0;   // (supply issue, actor), (demand issue, actor)
    std::uint32_t target_cell = 0;              // (supply issue, demander)
    N x{}, move{}, y{};
    double x_d = 0;  // x.Approx(), for the outcome cap's estimate
    std::vector<Step> history;
  };
  struct Record {
    std::uint32_t issue = 0, actor = 0;
    N position{};
    double approx = 0;  // position.Approx()
  };
  struct Candidate {
    std::array<Side, 2> side;  // [0] = I, gives way on q; [1] = J, gives way on p
    std::uint32_t p = 0, q = 0;
    std::vector<Record> records;
    N gain{}, gain_i{}, gain_j{}, rate{};
    std::array<N, 2> factor{};  // equal-gain rate of each side's shift (Rate), once computed
    std::array<bool, 2> has_factor{false, false};
    std::array<Estimate, 2> factor_est{};  // estimates of the two factors (equal gain)
    // A lazy sizing (SizeLazy): moves and gain known as estimates only, the sizing's branch.
    bool lazy = false, lazy_swap = false;  // lazy_swap: the branch of any current sizing
    // Not cut by an outcome cap: the gain is then a function of the branch and the position
    // of the side moving all the way.
    bool uncut = false;
    Estimate gain_est{};
    std::array<Estimate, 2> y_est{};  // of I's and J's positions after a lazy sizing
    typename Num<N>::Key key{};       // rank of the gain, while valid and not lazy
    std::int64_t label = 0;           // order among equal keys (see Round)
    bool valid = false;
  };
  // The exact sizing before the cap at given positions.
  struct Sizing {
    N move_i{}, move_j{}, dp{}, dq{};
  };
  // A candidate's place in Round's order.
  struct Entry {
    typename Num<N>::Key key{};  // when `exact`
    double lo = 0, hi = 0;       // bounds of the gain
    bool exact = true;
    std::int64_t label = 0;
    std::uint32_t id = 0;
  };

  [[nodiscard]] std::size_t Cell(std::size_t issue, std::size_t actor) const {
    return board_.Cell(issue, actor);
  }
  // A side's constants, looked up per cell rather than copied into every candidate (which
  // keeps candidates small; the revision loop is bound by memory traffic). Start positions
  // do not change within a round.
  const N& X0(const Side& s) const { return start_[s.sup_cell]; }
  const N& Target(const Side& s) const { return start_[s.target_cell]; }
  const N& Ssup(const Side& s) const { return salience_[s.sup_cell]; }
  const N& Csup(const Side& s) const { return capability_[s.sup_cell]; }
  const N& Sdem(const Side& s) const { return salience_[s.dem_cell]; }
  const N& Cs(const Side& s) const { return cs_[s.sup_cell]; }
  const N* Recorded(const Candidate& c, std::uint32_t issue, std::uint32_t actor) const;
  Record* FindRecord(Candidate& c, std::uint32_t issue, std::uint32_t actor) const;
  N Seen(const Candidate& c, const Side& s, const N& at) const;
  int CapEstimate(const Candidate& c, const Side& s, Estimate y) const;
  N CapMove(const Candidate& c, const Side& s) const;
  N Full(const Side& s, const N& distance) const;
  N Rate(Candidate& c, int k, const N& shift) const;
  N Reverse(const Side& s, const N& shift) const;
  void SetGain(Candidate& c, const N& dp, const N& dq, int formula) const;
  void Push(Side& s, const Estimate* move = nullptr) const;
  void PushLazy(Side& s, Estimate move, int sign, const Candidate& c, bool swap, int side) const;
  void SetLast(Side& s) const;
  const N& ExactSum(Candidate& c, Side& s) const;
  bool MoveValid(Candidate& c, Side& s) const;
  Sizing Uncapped(Candidate& c, const N& xi, const N& xj, bool swap) const;
  bool SizeLazy(Candidate& c) const;
  void Materialize(Candidate& c) const;
  Entry MakeEntry(const Candidate& c, std::uint32_t id) const;
  void Size(Candidate& c, bool same_positions = false) const;
  int SwapEstimate(const Candidate& c) const;
  bool Cap(Candidate& c, int k) const;
  bool Revise(Candidate& c, const Candidate& e) const;
  void Enumerate(int round);
  // Round's list order: gain descending, then the earlier place in the previous list.
  static bool Before(const Entry& a, const Entry& b) {  // both exact
    return a.key > b.key || (a.key == b.key && a.label < b.label);
  }

  const ExchangeBoard& board_;
  ExchangeOptions options_;
  std::vector<std::vector<std::uint32_t>> order_;  // per issue: actors in stance order
  std::vector<N> salience_, capability_, start_;   // per cell
  std::vector<N> cs_;                              // per cell: c s, the divisor of Reverse
  std::vector<N> term_;                            // per cell: x0 s c at the round's start
  std::vector<N> total_;                           // per issue: sum of s c
  std::vector<double> term_d_, weight_d_;          // per cell: estimates of term_, s c
  std::vector<double> start_d_, salience_d_, capability_d_, cs_d_;  // per cell: Approx()
  std::vector<Estimate> shift_per_move_, move_per_shift_;           // per cell: s c / W, W / (c s)
  std::vector<double> total_d_;                                     // per issue: estimate of total_
  std::vector<double> base_d_, base_magnitude_d_;  // per issue: sum of term_d_, of |term_d_|
  std::vector<N> ratio_;                           // per actor, issue, issue: s_p / s_q
  std::vector<std::uint8_t> has_ratio_;
  std::vector<std::uint8_t> present_;  // per cell: takes part
  std::vector<Candidate> cands_;
  N tiny_{}, zero_{}, hundred_{}, one_{}, w_s_{}, w_f_{};
};

// The candidate's recorded position of `actor` on `issue`, or null.
template <class N>
const N* Engine<N>::Recorded(const Candidate& c, std::uint32_t issue, std::uint32_t actor) const {
  for (const Record& r : c.records) {
    if (r.issue == issue && r.actor == actor) return &r.position;
  }
  return nullptr;
}

template <class N>
typename Engine<N>::Record* Engine<N>::FindRecord(Candidate& c, std::uint32_t issue,
                                                  std::uint32_t actor) const {
  for (Record& r : c.records) {
    if (r.issue == issue && r.actor == actor) return &r;
  }
  return nullptr;
}

}  // namespace entente::detail::decide
