#include "entente/models/rule_layout.hpp"

#include <algorithm>

#include "entente/core/assert.hpp"
#include "entente/core/rule_presets.hpp"

namespace entente {
namespace {

double ValueOf(const std::vector<MemberValue>& values, const std::string& member) {
  for (const MemberValue& v : values) {
    if (v.member == member) return v.value;
  }
  return 0;
}

bool Contains(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

// `r` is the chamber with its preset spelled out; `stated` as the scenario gives it, which
// describes a preset better ("pre-Nice: 62 of 87 votes" rather than its 15 weights).
ChamberLayout LayoutChamber(const DecisionRule& r, const DecisionRule& stated, const Issue& issue) {
  ChamberLayout c;
  c.name = r.name;
  c.rule = DescribeRule(stated);
  std::vector<std::string> members;
  if (r.kind == DecisionKind::kUnanimity && !r.veto_players.empty()) {
    members = r.veto_players;
  } else if (!r.members.empty()) {
    members = r.members;
  } else if (r.weight_source == WeightSource::kTable && !r.weights.empty()) {
    for (const MemberValue& w : r.weights) members.push_back(w.member);
  } else {
    for (const Stance& s : issue.stances) members.push_back(s.actor);
  }
  c.capability_weights = r.weight_source == WeightSource::kCapability;
  c.weight_unit = r.weight_source == WeightSource::kCapability ? "capability"
                  : r.weight_source == WeightSource::kEqual    ? "members"
                                                               : "votes";
  for (const std::string& m : members) {
    Seat seat;
    seat.name = m;
    for (std::size_t s = 0; s < issue.stances.size(); ++s) {
      if (issue.stances[s].actor == m) seat.stance = static_cast<int>(s);
    }
    seat.weight = r.weight_source == WeightSource::kTable ? ValueOf(r.weights, m) : 1.0;
    seat.population = ValueOf(r.population, m);
    seat.veto = r.kind == DecisionKind::kUnanimity || Contains(r.veto_players, m);
    c.seats.push_back(std::move(seat));
  }
  for (int extra = static_cast<int>(members.size()); extra < r.seats; ++extra) {
    Seat seat;
    seat.name = "";
    seat.modelled = false;
    seat.weight = 1;
    c.seats.push_back(std::move(seat));
  }
  Chamber& t = c.tests;
  switch (r.kind) {
    case DecisionKind::kUnanimity: t.weight_test = false; break;
    case DecisionKind::kMajority:
      t.threshold = 0.5;
      t.strict = true;
      break;
    default: t.threshold = r.threshold.value_or(0); break;
  }
  t.min_count = r.min_member_count;
  t.min_share = r.min_members.value_or(0);
  t.min_population = r.min_population;
  t.blocking_minority = r.blocking_minority;
  t.absent = r.absent;
  return c;
}

}  // namespace

RuleLayout LayoutRule(std::span<const Actor> actors, const Issue& issue) {
  RuleLayout out;
  out.kind = issue.rule.kind;
  if (issue.rule.kind == DecisionKind::kNone) return out;
  const DecisionRule rule = ExpandPreset(issue.rule, actors);
  out.kind = rule.kind;
  out.rule = DescribeRule(issue.rule);
  out.on_empty = rule.on_empty;
  if (rule.kind == DecisionKind::kBicameral) {
    for (std::size_t k = 0; k < rule.chambers.size(); ++k)
      out.chambers.push_back(LayoutChamber(
          rule.chambers[k],
          k < issue.rule.chambers.size() ? issue.rule.chambers[k] : rule.chambers[k], issue));
  } else {
    out.chambers.push_back(LayoutChamber(rule, issue.rule, issue));
  }
  for (ChamberLayout& c : out.chambers) {
    c.tests.reversion_cost = rule.reversion_cost;
    for (const Seat& s : c.seats) {
      if (s.veto && s.modelled && !Contains(out.veto_players, s.name))
        out.veto_players.push_back(s.name);
    }
  }
  return out;
}

std::vector<Chamber> FillChambers(const RuleLayout& layout, std::span<const double> positions,
                                  std::span<const double> capabilities) {
  std::vector<Chamber> out;
  FillChambersInto(layout, positions, capabilities, out);
  return out;
}

void FillChambersInto(const RuleLayout& layout, std::span<const double> positions,
                      std::span<const double> capabilities, std::vector<Chamber>& out) {
  out.resize(layout.chambers.size());
  for (std::size_t k = 0; k < layout.chambers.size(); ++k) {
    const ChamberLayout& c = layout.chambers[k];
    Chamber& ch = out[k];
    std::vector<Voter> voters = std::move(ch.voters);
    ch = c.tests;  // the tests carry no voters, so this copies no vector
    voters.clear();
    for (const Seat& s : c.seats) {
      Voter v;
      if (s.stance >= 0) {
        ENTENTE_ASSERT(static_cast<std::size_t>(s.stance) < positions.size(),
                       "a seat refers to a stance the forecast does not have");
        v.position = positions[static_cast<std::size_t>(s.stance)];
      }
      v.weight = c.capability_weights
                     ? (s.stance >= 0 ? capabilities[static_cast<std::size_t>(s.stance)] : 0.0)
                     : s.weight;
      v.population = s.population;
      v.veto = s.veto;
      voters.push_back(v);
    }
    ch.voters = std::move(voters);
  }
}

}  // namespace entente
