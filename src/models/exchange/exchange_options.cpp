// Options of the exchange model, declared once. Defaults follow the Decide exchange model (10
// rounds, start positions updated with weights 0.4 (1 - s) + 0.1); the tie rule defaults to
// ids so results do not depend on input order, and `preset=decide` restores Decide's
// enumeration order and its partial view of the outcome when capping a move.
#include "entente/models/exchange/exchange_options.hpp"

#include <array>

#include "entente/core/error.hpp"

namespace entente {
namespace {

using K = OptionType;
constexpr std::string_view kArithmetic[] = {"double", "decimal"};
constexpr std::string_view kGroups[] = {"within", "across"};
constexpr std::string_view kPreset[] = {"none", "decide"};
constexpr std::string_view kTie[] = {"id", "order"};
constexpr std::string_view kVariant[] = {"equal-gain", "random-rate"};
constexpr std::string_view kView[] = {"current", "decide"};

constexpr std::array kSpecs = {
    OptionSpec{"arithmetic", K::kChoice, "double", 0, 0, kArithmetic,
               "view=decide only: binary doubles, or 28-digit decimals as Decide's Python"},
    OptionSpec{"fixed_weight",
               K::kNumber,
               "0.1",
               0,
               1,
               {},
               "start-position update: fixed weight (Decide)"},
    OptionSpec{"groups", K::kChoice, "within", 0, 0, kGroups,
               "with issue groups in the scenario (a proposal, a package): within = exchanges "
               "pair issues of one group only, each group negotiated on its own; across = any "
               "two issues"},
    OptionSpec{"preset", K::kChoice, "none", 0, 0, kPreset,
               "decide = tie=order, view=decide, arithmetic=decimal; given keys override it"},
    OptionSpec{"rounds", K::kInteger, "10", 0, 10000, {}, "rounds of exchange (Decide's default)"},
    OptionSpec{"salience_weight",
               K::kNumber,
               "0.4",
               0,
               1,
               {},
               "start-position update: weight of (1 - salience) (Decide)"},
    OptionSpec{"seed", K::kInteger, "1", 0, 2147483647, {}, "PCG seed of variant=random-rate"},
    OptionSpec{"tie", K::kChoice, "id", 0, 0, kTie,
               "equal gains: smallest actor and issue ids first, or enumeration order (Decide)"},
    OptionSpec{"variant", K::kChoice, "equal-gain", 0, 0, kVariant,
               "how moves are sized: equal gains (Stokman & Van Oosten 1994), or a rate drawn "
               "between the two break-even rates"},
    OptionSpec{"view", K::kChoice, "current", 0, 0, kView,
               "outcome a move's cap is checked against: the current one, or Decide's "
               "bookkeeping"},
};

}  // namespace

std::span<const OptionSpec> ExchangeOptionSpecs() {
  return kSpecs;
}

ExchangeOptions ParseExchangeOptions(const ModelOptions& o) {
  OptionReader r(o, kSpecs, "exchange");
  if (r.Choice("preset") == "decide") {
    r.Preset("tie", "order");
    r.Preset("view", "decide");
    r.Preset("arithmetic", "decimal");
  }
  ExchangeOptions e;
  e.rounds = static_cast<int>(r.Integer("rounds"));
  e.tie = r.Enum("tie", {ExchangeTie::kId, ExchangeTie::kOrder});
  e.variant = r.Enum("variant", {ExchangeVariant::kEqualGain, ExchangeVariant::kRandomRate});
  e.view = r.Enum("view", {ExchangeView::kCurrent, ExchangeView::kDecide});
  e.arithmetic = r.Enum("arithmetic", {ExchangeArithmetic::kDouble, ExchangeArithmetic::kDecimal});
  if (e.arithmetic == ExchangeArithmetic::kDecimal && e.view != ExchangeView::kDecide) {
    throw InputError(
        "option arithmetic: 'decimal' applies only to view=decide; give view=decide (or "
        "preset=decide), or leave arithmetic out");
  }
  e.within_groups = r.Choice("groups") == "within";
  e.seed = static_cast<std::uint64_t>(r.Integer("seed"));
  e.salience_weight = r.Number("salience_weight");
  e.fixed_weight = r.Number("fixed_weight");
  e.trail = o.trail();
  e.cancel = o.cancel();
  return e;
}

}  // namespace entente
