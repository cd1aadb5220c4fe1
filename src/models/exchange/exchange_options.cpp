// Options of the exchange model. Defaults follow the Decide exchange model (10 rounds, start
// positions updated with weights 0.4 (1 - s) + 0.1); the tie rule defaults to ids so results do
// not depend on input order, and `preset=decide` restores Decide's enumeration order and its
// partial view of the outcome when capping a move.
#include "entente/models/exchange/exchange_options.hpp"

#include "entente/core/error.hpp"

namespace entente {

const std::vector<std::string>& ExchangeOptionKeys() {
  static const std::vector<std::string> keys = {"arithmetic", "fixed_weight",    "preset",
                                                "rounds",     "salience_weight", "seed",
                                                "tie",        "variant",         "view"};
  return keys;
}

ExchangeOptions ParseExchangeOptions(const ModelOptions& o) {
  o.RequireKnown("exchange", ExchangeOptionKeys());
  ExchangeOptions e;
  if (o.Choice("preset", "none", {"none", "decide"}) == "decide") {
    e.tie = ExchangeTie::kOrder;
    e.view = ExchangeView::kDecide;
    e.arithmetic = ExchangeArithmetic::kDecimal;
  }
  e.rounds = o.Integer("rounds", e.rounds, 0, 10000);
  const std::string tie =
      o.Choice("tie", e.tie == ExchangeTie::kId ? "id" : "order", {"id", "order"});
  e.tie = tie == "id" ? ExchangeTie::kId : ExchangeTie::kOrder;
  const std::string variant = o.Choice("variant", "equal-gain", {"equal-gain", "random-rate"});
  e.variant = variant == "equal-gain" ? ExchangeVariant::kEqualGain : ExchangeVariant::kRandomRate;
  const std::string view = o.Choice("view", e.view == ExchangeView::kCurrent ? "current" : "decide",
                                    {"current", "decide"});
  e.view = view == "current" ? ExchangeView::kCurrent : ExchangeView::kDecide;
  const std::string arithmetic =
      o.Choice("arithmetic", e.arithmetic == ExchangeArithmetic::kDouble ? "double" : "decimal",
               {"double", "decimal"});
  e.arithmetic =
      arithmetic == "double" ? ExchangeArithmetic::kDouble : ExchangeArithmetic::kDecimal;
  if (e.arithmetic == ExchangeArithmetic::kDecimal && e.view != ExchangeView::kDecide) {
    throw InputError(
        "option arithmetic: 'decimal' applies only to view=decide; give view=decide (or "
        "preset=decide), or leave arithmetic out");
  }
  e.seed = static_cast<std::uint64_t>(o.Integer("seed", 1, 0, 2147483647));
  e.salience_weight = o.Number("salience_weight", e.salience_weight, 0, 1);
  e.fixed_weight = o.Number("fixed_weight", e.fixed_weight, 0, 1);
  e.trail = o.trail();
  e.cancel = o.cancel();
  return e;
}

}  // namespace entente
