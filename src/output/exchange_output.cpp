#include "entente/output/exchange_output.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/text.hpp"

namespace entente {
namespace {

nlohmann::ordered_json MoveJson(const Scenario& s, const ExchangeMove& m) {
  return {{"actor", s.actors[m.actor].id},
          {"issue", s.issues[m.issue].id},
          {"from", m.from},
          {"to", m.to},
          {"gain", m.gain}};
}

}  // namespace

nlohmann::ordered_json ExchangesJson(const Scenario& s, const Forecast& f) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ExchangeRecord& e : f.exchanges) {
    out.push_back({{"round", e.round},
                   {"first", MoveJson(s, e.first)},
                   {"second", MoveJson(s, e.second)},
                   {"gain", e.gain},
                   {"shift_first", e.shift_first},
                   {"shift_second", e.shift_second}});
  }
  return out;
}

nlohmann::ordered_json BalancesJson(const Scenario& s, const Forecast& f) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ActorBalance& b : f.balances) {
    out.push_back({{"actor", s.actors[b.actor].id},
                   {"exchanges", b.exchanges},
                   {"own_gain", b.own_gain},
                   {"externality", b.externality},
                   {"total", b.own_gain + b.externality}});
  }
  return out;
}

std::string ExchangesTable(const Scenario& s, const Forecast& f, std::size_t top) {
  if (f.balances.empty()) return {};
  std::string out;
  std::vector<std::size_t> order(f.exchanges.size());
  std::iota(order.begin(), order.end(), 0);
  // Largest gains first; equal gains keep the order they were realized in.
  std::stable_sort(order.begin(), order.end(), [&f](std::size_t a, std::size_t b) {
    return f.exchanges[a].gain > f.exchanges[b].gain;
  });
  order.resize(std::min(order.size(), top));
  out += fmt::format(
      "\nExchanges that mattered most ({} realized in all; gains on a 0-100 "
      "scale x salience):\n",
      f.exchanges.size());
  if (order.empty()) out += "- none: no pair of actors could both gain from a trade.\n";
  for (std::size_t k : order) {
    const ExchangeRecord& e = f.exchanges[k];
    const std::string& other = s.actors[e.second.actor].id;
    out += fmt::format(
        "- round {}: {} gives way on {} ({} -> {}) to {} for {}, where {} gives "
        "way ({} -> {}); gain {}\n",
        e.round, s.actors[e.first.actor].id, s.issues[e.first.issue].id,
        FormatFixed(e.first.from, 1), FormatFixed(e.first.to, 1), other,
        s.issues[e.second.issue].id, other, FormatFixed(e.second.from, 1),
        FormatFixed(e.second.to, 1), FormatFixed(e.gain, 3));
  }
  out += "\nBalances (own: from its exchanges; externality: from exchanges of others):\n";
  std::size_t width = 5;
  for (const Actor& a : s.actors) width = std::max(width, a.id.size());
  out += fmt::format("{:<{}}  {:>9}  {:>9}  {:>11}  {:>9}\n", "actor", width, "exchanges", "own",
                     "externality", "total");
  for (const ActorBalance& b : f.balances) {
    out += fmt::format("{:<{}}  {:>9}  {:>9}  {:>11}  {:>9}\n", s.actors[b.actor].id, width,
                       b.exchanges, FormatFixed(b.own_gain, 3), FormatFixed(b.externality, 3),
                       FormatFixed(b.own_gain + b.externality, 3));
  }
  return out;
}

}  // namespace entente
