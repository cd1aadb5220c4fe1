#include "entente/core/rule.hpp"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/core/rule_presets.hpp"
#include "entente/core/text.hpp"

namespace entente {
namespace {

std::string Percent(double share) {
  return FormatNumber(static_cast<double>(std::llround(share * 1000)) / 10) + "%";
}

std::string PresetWords(const DecisionRule& r) {
  if (r.preset == "un_security_council") {
    const std::string veto = r.veto_players.empty()
                                 ? std::string("a permanent member")
                                 : fmt::format("{}", fmt::join(r.veto_players, ", "));
    return fmt::format("the UN Security Council's rule ({} of {} votes, no veto by {})", kUnscVotes,
                       r.seats > 0 ? r.seats : kUnscSeats, veto);
  }
  if (r.kind == DecisionKind::kUnanimity) return "the EU Council's unanimity";
  if (r.preset == "eu_council_pre_nice")
    return "the EU Council's qualified majority (pre-Nice: 62 of 87 votes";
  if (r.preset == "eu_council_nice") {
    return "the EU Council's qualified majority (Nice: 73.9% of the votes and a majority of the "
           "members";
  }
  return "the EU Council's qualified majority (Lisbon: 55% of the members, at least 15, with 65% "
         "of the population";
}

}  // namespace

std::string_view DecisionKindName(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::kNone: return "none";
    case DecisionKind::kUnanimity: return "unanimity";
    case DecisionKind::kMajority: return "majority";
    case DecisionKind::kQualifiedMajority: return "qualified_majority";
    case DecisionKind::kBicameral: return "bicameral";
  }
  return "none";
}

std::optional<DecisionKind> ParseDecisionKind(std::string_view text) {
  if (text.empty()) return DecisionKind::kNone;
  for (DecisionKind k : {DecisionKind::kNone, DecisionKind::kUnanimity, DecisionKind::kMajority,
                         DecisionKind::kQualifiedMajority, DecisionKind::kBicameral}) {
    if (text == DecisionKindName(k)) return k;
  }
  return std::nullopt;
}

std::string_view AbsentMembersName(AbsentMembers a) {
  switch (a) {
    case AbsentMembers::kAgainst: return "against";
    case AbsentMembers::kDrop: return "drop";
    case AbsentMembers::kSupport: return "support";
  }
  return "against";
}

std::optional<AbsentMembers> ParseAbsentMembers(std::string_view text) {
  for (AbsentMembers a : {AbsentMembers::kAgainst, AbsentMembers::kDrop, AbsentMembers::kSupport}) {
    if (text == AbsentMembersName(a)) return a;
  }
  return std::nullopt;
}

std::string_view OnEmptyName(OnEmpty o) {
  return o == OnEmpty::kModel ? "model" : "status_quo";
}

std::optional<OnEmpty> ParseOnEmpty(std::string_view text) {
  if (text == "status_quo") return OnEmpty::kStatusQuo;
  if (text == "model") return OnEmpty::kModel;
  return std::nullopt;
}

bool operator==(const DecisionRule& a, const DecisionRule& b) {
  return a.kind == b.kind && a.name == b.name && a.preset == b.preset && a.members == b.members &&
         a.seats == b.seats && a.threshold == b.threshold && a.weight_source == b.weight_source &&
         a.weights == b.weights && a.min_members == b.min_members &&
         a.min_member_count == b.min_member_count && a.population == b.population &&
         a.min_population == b.min_population && a.blocking_minority == b.blocking_minority &&
         a.veto_players == b.veto_players && a.absent == b.absent &&
         a.agenda_setter == b.agenda_setter && a.on_empty == b.on_empty &&
         a.reversion_cost == b.reversion_cost && a.chambers == b.chambers;
}

bool DecisionRule::IsSimple() const {
  const bool plain_kind = kind == DecisionKind::kNone || kind == DecisionKind::kUnanimity;
  return plain_kind && name.empty() && preset.empty() && members.empty() && seats == 0 &&
         !threshold && weight_source == WeightSource::kCapability && weights.empty() &&
         !min_members && min_member_count == 0 && population.empty() && !min_population &&
         blocking_minority == 0 && absent == AbsentMembers::kAgainst && agenda_setter.empty() &&
         on_empty == OnEmpty::kStatusQuo && reversion_cost == 0 && chambers.empty();
}

std::string DescribeRule(const DecisionRule& r) {
  std::string out;
  if (!r.preset.empty() && IsRulePreset(r.preset)) {
    out = PresetWords(r);
    if (r.preset != "un_security_council" && r.kind != DecisionKind::kUnanimity) {
      if (r.min_member_count > 0 && r.preset != "eu_council_lisbon") {
        out += fmt::format(", at least {} members", r.min_member_count);
      }
      if (r.min_population && r.preset != "eu_council_lisbon") {
        out += fmt::format(", {} of the population", Percent(*r.min_population));
      }
      out += ")";
    }
    return out;
  }
  const char* unit = r.weight_source == WeightSource::kCapability ? "capability"
                     : r.weight_source == WeightSource::kEqual    ? "members"
                                                                  : "votes";
  std::vector<std::string> parts;
  switch (r.kind) {
    case DecisionKind::kNone: return "none";
    case DecisionKind::kUnanimity:
      return r.veto_players.empty()
                 ? (r.members.empty() ? std::string("unanimity")
                                      : fmt::format("unanimity of {}", fmt::join(r.members, ", ")))
                 : fmt::format("unanimity of {}", fmt::join(r.veto_players, ", "));
    case DecisionKind::kBicameral: {
      std::vector<std::string> chambers;
      for (const DecisionRule& c : r.chambers) {
        chambers.push_back(c.name.empty() ? DescribeRule(c)
                                          : fmt::format("{}: {}", c.name, DescribeRule(c)));
      }
      return fmt::format("bicameral ({})", fmt::join(chambers, "; "));
    }
    case DecisionKind::kMajority:
      out = "majority";
      parts.push_back(fmt::format("more than half of the {}", unit));
      break;
    case DecisionKind::kQualifiedMajority:
      out = "qualified majority";
      if (r.threshold && *r.threshold > 0) {
        parts.push_back(fmt::format("{} of the {}", Percent(*r.threshold), unit));
      }
      break;
  }
  if (r.min_members) parts.push_back(fmt::format("{} of the members", Percent(*r.min_members)));
  if (r.min_member_count > 0)
    parts.push_back(fmt::format("at least {} members", r.min_member_count));
  if (r.min_population) {
    parts.push_back(fmt::format("{} of the population", Percent(*r.min_population)));
  }
  if (!r.veto_players.empty()) {
    parts.push_back(fmt::format("no veto by {}", fmt::join(r.veto_players, ", ")));
  }
  if (!parts.empty()) out += fmt::format(" ({})", fmt::join(parts, ", "));
  return out;
}

}  // namespace entente
