// The exchange model under Decide's bookkeeping (view=decide). The equations are those of
// exchange_round.cpp (Stokman & Van Oosten 1994, equal gain); what differs is what each
// candidate exchange knows while a round goes on. Written from the behaviour of the Decide
// exchange model (its reference runs and a reading of its source), not from its code:
//  - Each candidate is two sides: J gives way on the earlier issue p, I on the later issue q.
//    A side holds the supplier's current position x, its round-start position x0, its target
//    (the demander's round-start position on the supply issue), its move, y = x + move, and a
//    history of moves.
//  - Sizing: J first moves all the way to its target; the outcome shift dp = |t - x| s c / W_p
//    buys dq = r dp on q (r = (s_Jp + s_Ip) / (s_Jq + s_Iq), equal gain), I moving
//    dq W_q / (c s)_I. If that is further than I's own distance, I moves all the way instead
//    and J's move follows from dp = dq / r. The gain is |dq s_Iq - dp s_Ip|.
//  - Validity of a side: 1e-10 < |move| <= 100, x + move within [0, 100], the history sums to
//    at most 100 and all its entries have one sign. The gain must reach 1e-10.
//  - Outcome cap, for I then J: the candidate's view of the supply issue's outcome is the
//    round-start outcome with the positions it has recorded (below) put in, and the supplier
//    at x (n0) or at y (n1). Only when the demander's position lies strictly between n0 and
//    n1 is the move cut: to |t W - S| / (s c), S the c s x sum of the view with the supplier
//    at x - or at its recorded position when the record holds the supplier itself - and the
//    other side follows from the rate. A view that already passed the demander cuts nothing.
//  - After an exchange E is realized, a remaining candidate X is revised when it shares a
//    supply cell (actor giving way on an issue) or a demand cell with E. A side whose supply
//    cell E moved takes E's y as its x; the history of a side that was not moved loses its
//    last entry. For a demand cell shared with E, X records E's supplier on that issue: its y,
//    or, when already recorded, the recorded value or y, whichever is nearer the supplier's
//    round-start side (min when it started at or left of the record, else max). X is then
//    sized again, which appends one move to each history.
//  - The list of candidates is sorted by gain, stably, before every pick, so equal gains keep
//    their previous order (enumeration order at first).
//  - Voting positions are the last y of each realized cell; the next start position is
//    x' = (1 - s) w_s y + w_f y + (1 - (1 - s) w_s - w_f) x.
// Every sum runs over an issue's stances in input order, as Decide's does, because with
// arithmetic=decimal the last digits decide ties.
// With arithmetic=decimal, what needs no digits (which way a sizing branches, validity, the
// outcome cap's test, which of two gains is larger) is decided from double estimates with
// proven error bounds (SizeLazy, CapEstimate, Round's gain bounds); decimals are formed only
// where a bound does not decide or a value is kept (Materialize, ExactSum). Every decision
// and value is the one the decimal computation gives (docs/models/exchange.md, "Speed").
// The code, by concern: exchange_decide_bounds.hpp (the two arithmetics, estimates and their
// error bounds), exchange_decide_engine.hpp (the engine's state), exchange_decide_estimates.cpp,
// exchange_decide_sizing.cpp, exchange_decide_enumerate.cpp, exchange_decide_round.cpp; this
// file picks the arithmetic.
#include "entente/models/exchange/exchange_decide.hpp"

#include <memory>

#include "entente/models/exchange/decimal28.hpp"
#include "exchange_decide_engine.hpp"

namespace entente::detail {

std::unique_ptr<DecideExchange> MakeDecideExchange(const Scenario& scenario,
                                                   const ExchangeBoard& board,
                                                   const ExchangeOptions& options) {
  if (options.arithmetic == ExchangeArithmetic::kDecimal) {
    return std::make_unique<decide::Engine<Decimal28>>(scenario, board, options);
  }
  return std::make_unique<decide::Engine<double>>(scenario, board, options);
}

}  // namespace entente::detail
