// Presets (facts from the treaties; sources beside the tables in eu_council.cpp):
//   un_security_council: 15 members, one vote each; a decision needs 9 affirmative votes
//     including the concurring votes of the permanent members (UN Charter art. 27(3)); an
//     abstaining or absent permanent member does not veto (Council practice, confirmed by the
//     ICJ's Namibia advisory opinion, 1971, para. 22).
//   eu_council_pre_nice: 62 of 87 weighted votes (TEC art. 205(2)).
//   eu_council_nice: 255 of 345 (EU-27) / 260 of 352 (EU-28) votes and a majority of members;
//     a member may ask that the majority also hold 62% of the population (min_population).
//   eu_council_lisbon: 55% of members, at least 15, with 65% of the population; a blocking
//     minority needs at least four members, failing which the majority is deemed attained
//     (TEU art. 16(4)).
#include "entente/core/rule_presets.hpp"

#include <array>
#include <cctype>
#include <string>

#include <fmt/format.h>

#include "entente/core/eu_council.hpp"

namespace entente {
namespace {

constexpr std::array<std::string_view, 4> kPresets = {"un_security_council", "eu_council_pre_nice",
                                                      "eu_council_nice", "eu_council_lisbon"};

// The actor id that names member `m`, or its upper-case code when no actor does.
std::string SeatName(const CouncilMember& m, std::span<const Actor> actors) {
  for (const Actor& a : actors) {
    if (FindCouncilMember(a.id) == &m) return a.id;
  }
  std::string code(m.code);
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code;
}

bool Named(const CouncilMember& m, std::span<const Actor> actors) {
  for (const Actor& a : actors) {
    if (FindCouncilMember(a.id) == &m) return true;
  }
  return false;
}

CouncilRegime RegimeOf(std::string_view preset) {
  if (preset == "eu_council_nice") return CouncilRegime::kNice;
  if (preset == "eu_council_lisbon") return CouncilRegime::kLisbon;
  return CouncilRegime::kPreNice;
}

DecisionRule ExpandEu(const DecisionRule& rule, std::span<const Actor> actors) {
  const CouncilRegime regime = RegimeOf(rule.preset);
  const CouncilMember* uk = FindCouncilMember("uk");
  const CouncilMember* hr = FindCouncilMember("cr");
  // Lisbon with the United Kingdom is the EU-28 of 2014-2020, with that era's populations.
  const bool eu28 = regime == CouncilRegime::kLisbon && Named(*uk, actors);
  std::vector<const CouncilMember*> seats;
  if (!rule.members.empty()) {
    for (const std::string& id : rule.members) {
      if (const CouncilMember* m = FindCouncilMember(id)) seats.push_back(m);
    }
  } else {
    for (const CouncilMember& m : CouncilMembers()) {
      const bool in = regime == CouncilRegime::kPreNice ? m.pre_nice_votes > 0
                      : regime == CouncilRegime::kNice  ? (&m != hr || Named(m, actors))
                                                        : (&m != uk || eu28);
      if (in) seats.push_back(&m);
    }
  }
  const bool use_eu28_population = regime != CouncilRegime::kLisbon || eu28;
  DecisionRule out = rule;
  out.preset = rule.preset;
  out.kind = rule.kind == DecisionKind::kUnanimity ? DecisionKind::kUnanimity
                                                   : DecisionKind::kQualifiedMajority;
  out.members.clear();
  out.weights.clear();
  out.population.clear();
  double total = 0;
  for (const CouncilMember* m : seats) {
    const std::string name = SeatName(*m, actors);
    const double votes = regime == CouncilRegime::kPreNice ? m->pre_nice_votes : m->nice_votes;
    out.members.push_back(name);
    out.weights.push_back({name, votes});
    out.population.push_back({name, use_eu28_population ? m->population_eu28 : m->population_eu27});
    total += votes;
  }
  const int n = static_cast<int>(seats.size());
  switch (regime) {
    case CouncilRegime::kPreNice:
      out.weight_source = WeightSource::kTable;
      if (!rule.threshold) out.threshold = 62.0 / 87.0;
      break;
    case CouncilRegime::kNice:
      out.weight_source = WeightSource::kTable;
      if (!rule.threshold) out.threshold = NiceQuota(total).value_or(255.0 * total / 345) / total;
      if (rule.min_member_count == 0 && !rule.min_members) out.min_member_count = n / 2 + 1;
      break;
    case CouncilRegime::kLisbon:
      out.weight_source = WeightSource::kEqual;
      out.weights.clear();
      if (!rule.threshold) out.threshold = 0;
      if (rule.min_member_count == 0 && !rule.min_members) {
        out.min_members = 0.55;
        out.min_member_count = 15;
        if (rule.blocking_minority == 0) out.blocking_minority = 4;
      }
      if (!rule.min_population) out.min_population = 0.65;
      break;
  }
  return out;
}

DecisionRule ExpandUnsc(const DecisionRule& rule) {
  DecisionRule out = rule;
  out.kind = DecisionKind::kQualifiedMajority;
  out.weight_source = WeightSource::kEqual;
  out.weights.clear();
  if (out.seats == 0) out.seats = kUnscSeats;
  if (!out.threshold) out.threshold = static_cast<double>(kUnscVotes) / kUnscSeats;
  return out;
}

}  // namespace

std::span<const std::string_view> RulePresetNames() {
  return kPresets;
}

bool IsRulePreset(std::string_view name) {
  for (std::string_view p : kPresets) {
    if (p == name) return true;
  }
  return false;
}

bool IsEuCouncilPreset(std::string_view name) {
  return name == "eu_council_pre_nice" || name == "eu_council_nice" || name == "eu_council_lisbon";
}

DecisionRule ExpandPreset(const DecisionRule& rule, std::span<const Actor> actors) {
  DecisionRule out = rule;
  if (rule.preset == "un_security_council") out = ExpandUnsc(rule);
  if (IsEuCouncilPreset(rule.preset)) out = ExpandEu(rule, actors);
  for (DecisionRule& c : out.chambers) c = ExpandPreset(c, actors);
  return out;
}

Result<DecisionRule> RuleForDeuProcedure(std::string_view proc, std::string_view counvte,
                                         std::string_view regime) {
  const auto r = ParseCouncilRegime(regime);
  if (!r) {
    return Error{Location{}, fmt::format("unknown Council regime '{}'", regime),
                 "use pre_nice, nice or lisbon"};
  }
  if (proc != "CNS" && proc != "COD") {
    return Error{Location{}, fmt::format("unknown legislative procedure '{}'", proc),
                 "use CNS (consultation) or COD (codecision)"};
  }
  DecisionRule council;
  council.name = "Council";
  council.preset = fmt::format("eu_council_{}", CouncilRegimeName(*r));
  bool setter = true;
  if (counvte == "QMV") {
    council.kind = DecisionKind::kQualifiedMajority;
  } else if (counvte == "Unan") {
    council.kind = DecisionKind::kUnanimity;
  } else if (counvte == "QMV(10)") {
    // Acts not adopted on a Commission proposal: a stricter member test and no setter.
    council.kind = DecisionKind::kQualifiedMajority;
    setter = false;
    if (*r == CouncilRegime::kPreNice) {
      council.min_member_count = 10;
    } else if (*r == CouncilRegime::kNice) {
      council.min_members = 2.0 / 3.0;
    } else {
      council.min_members = 0.72;
      council.min_population = 0.65;
    }
  } else {
    return Error{Location{}, fmt::format("unknown Council voting rule '{}'", counvte),
                 "use QMV, Unan or QMV(10)"};
  }
  DecisionRule rule = council;
  if (proc == "COD") {
    DecisionRule parliament;
    parliament.kind = DecisionKind::kMajority;
    parliament.name = "Parliament";
    parliament.members = {"ep"};
    parliament.absent = AbsentMembers::kSupport;
    rule = DecisionRule{};
    rule.kind = DecisionKind::kBicameral;
    rule.chambers = {council, parliament};
  }
  if (setter) rule.agenda_setter = "com";
  return rule;
}

}  // namespace entente
