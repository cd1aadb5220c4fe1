#include "entente/core/rule_validation.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/core/eu_council.hpp"
#include "entente/core/rule_presets.hpp"

namespace entente {
namespace {

class RuleChecker {
 public:
  RuleChecker(const Scenario& scenario, const Issue& issue, Errors& errors)
      : scenario_(scenario), issue_(issue), errors_(errors) {}

  void Run() {
    const DecisionRule& r = issue_.rule;
    if (r.kind == DecisionKind::kNone) {
      if (!r.veto_players.empty()) {
        Add(r, "veto_players",
            fmt::format("issue '{}' lists veto players but its decision rule is 'none'", issue_.id),
            "set the decision rule to 'unanimity' or remove the veto players");
      } else if (!(r == DecisionRule{})) {
        Add(r, "decision_rule",
            fmt::format("issue '{}': decision rule 'none' takes no other settings", issue_.id),
            "give the rule a kind (unanimity, majority, qualified_majority or bicameral)");
      }
      return;
    }
    if (!issue_.status_quo) {
      Add(DecisionRule{}, "status_quo",
          fmt::format("issue '{}' has a {} rule but no status quo", issue_.id,
                      DecisionKindName(r.kind)),
          "give the status quo the members compare every outcome with");
    }
    if (!r.agenda_setter.empty() && !Known(r.agenda_setter)) {
      Add(r, "agenda_setter",
          fmt::format("issue '{}': unknown agenda setter '{}'", issue_.id, r.agenda_setter),
          "use an actor id from the actors list");
    }
    if (!std::isfinite(r.reversion_cost) || r.reversion_cost < 0) {
      Add(r, "reversion_cost",
          fmt::format("issue '{}': reversion cost {} is negative", issue_.id, r.reversion_cost),
          "give a number >= 0 in scale units (0: no cost, the formal rule)");
    }
    if (r.kind == DecisionKind::kBicameral) {
      CheckBicameral(r);
    } else {
      CheckChamber(r, fmt::format("issue '{}'", issue_.id));
    }
  }

 private:
  void Add(const DecisionRule& r, std::string field, std::string message, std::string hint) {
    const Location& at = r.origin.file.empty() && r.origin.line == 0 ? issue_.origin : r.origin;
    errors_.push_back(Error{at.WithField(std::move(field)), std::move(message), std::move(hint)});
  }

  bool Known(const std::string& id) const { return scenario_.FindActor(id) != nullptr; }

  void CheckBicameral(const DecisionRule& r) {
    if (r.chambers.size() < 2) {
      Add(r, "chambers",
          fmt::format("issue '{}': a bicameral rule needs at least two chambers", issue_.id),
          "list each chamber's rule under 'chambers:', e.g. a Council and a Parliament");
    }
    DecisionRule bare;
    bare.kind = r.kind;
    bare.chambers = r.chambers;
    bare.agenda_setter = r.agenda_setter;
    bare.on_empty = r.on_empty;
    bare.reversion_cost = r.reversion_cost;
    bare.origin = r.origin;
    if (!(bare == r)) {
      Add(r, "decision_rule",
          fmt::format("issue '{}': a bicameral rule takes only chambers, agenda_setter, "
                      "on_empty and reversion_cost",
                      issue_.id),
          "move members, weights and thresholds into the chambers");
    }
    for (std::size_t k = 0; k < r.chambers.size(); ++k) {
      const DecisionRule& c = r.chambers[k];
      const std::string label = fmt::format("issue '{}', chamber {}", issue_.id,
                                            c.name.empty() ? std::to_string(k + 1) : c.name);
      if (c.kind == DecisionKind::kNone || c.kind == DecisionKind::kBicameral) {
        Add(c, "kind",
            fmt::format("{}: a chamber's kind must be unanimity, majority or "
                        "qualified_majority",
                        label),
            "give each chamber its own voting rule");
        continue;
      }
      if (!c.agenda_setter.empty() || c.on_empty != OnEmpty::kStatusQuo || c.reversion_cost != 0) {
        Add(c, "agenda_setter",
            fmt::format("{}: agenda_setter, on_empty and reversion_cost belong to the issue's "
                        "rule, not to a chamber",
                        label),
            "give them once, next to 'kind: bicameral'");
      }
      CheckChamber(c, label);
    }
  }

  // `need_stance`: each must take a stance on the issue (the veto players of plain unanimity).
  void CheckIds(const DecisionRule& r, const std::string& label, const char* field,
                const std::vector<std::string>& ids, bool need_stance) {
    std::set<std::string> seen;
    for (const std::string& id : ids) {
      if (!seen.insert(id).second) {
        Add(r, field, fmt::format("{} lists {} '{}' twice", label, Singular(field), id),
            fmt::format("list each {} once", Singular(field)));
      } else if (!Known(id)) {
        Add(r, field, fmt::format("{}: unknown {} '{}'", label, Singular(field), id),
            "use an actor id from the actors list");
      } else if (need_stance && issue_.FindStance(id) == nullptr) {
        Add(r, field, fmt::format("{}: veto player '{}' has no stance on this issue", label, id),
            "add a stance for it or remove it from the veto players");
      }
    }
  }

  static std::string Singular(const char* field) {
    std::string f = field;
    if (f == "veto_players") return "veto player";
    if (f == "members") return "member";
    return f;
  }

  void CheckValues(const DecisionRule& r, const std::string& label, const char* field,
                   const std::vector<MemberValue>& values) {
    std::set<std::string> seen;
    for (const MemberValue& v : values) {
      if (!seen.insert(v.member).second) {
        Add(r, field, fmt::format("{} gives '{}' two {}", label, v.member, field),
            "give each member once");
      } else if (!Known(v.member)) {
        Add(r, field, fmt::format("{}: {} names unknown actor '{}'", label, field, v.member),
            "use an actor id from the actors list");
      }
      if (!std::isfinite(v.value) || v.value < 0) {
        Add(r, field, fmt::format("{}: {} of '{}' is {}", label, field, v.member, v.value),
            "give a number >= 0");
      }
    }
  }

  void CheckShare(const DecisionRule& r, const std::string& label, const char* field,
                  const std::optional<double>& share) {
    if (share && !(std::isfinite(*share) && *share > 0 && *share <= 1)) {
      Add(r, field, fmt::format("{}: {} {} is not a share in (0, 1]", label, field, *share),
          "give a share such as 0.55 for 55%");
    }
  }

  // The members the chamber names (explicitly or through its weights), for coverage checks.
  static std::vector<std::string> Members(const DecisionRule& r) {
    if (!r.members.empty()) return r.members;
    std::vector<std::string> out;
    for (const MemberValue& w : r.weights) out.push_back(w.member);
    return out;
  }

  void CheckPreset(const DecisionRule& r, const std::string& label) {
    if (!IsRulePreset(r.preset)) {
      Add(r, "preset", fmt::format("{}: unknown preset '{}'", label, r.preset),
          fmt::format("use one of: {}", fmt::join(RulePresetNames(), ", ")));
      return;
    }
    if (r.kind == DecisionKind::kMajority ||
        (r.preset == "un_security_council" && r.kind == DecisionKind::kUnanimity)) {
      Add(r, "kind", fmt::format("{}: preset '{}' sets its own kind", label, r.preset),
          "leave 'kind' out (or use qualified_majority; EU presets also take unanimity)");
    }
    if (!r.weights.empty() || r.weight_source != WeightSource::kCapability) {
      Add(r, "weights", fmt::format("{}: preset '{}' sets the weights", label, r.preset),
          "leave 'weights' out, or drop the preset and give the rule in full");
    }
    if (r.preset == "un_security_council") {
      if (r.members.empty()) {
        Add(r, "members",
            fmt::format("{}: the Security Council preset needs the members the scenario models",
                        label),
            "list them, e.g. 'members: [US, CHINA, RUSSIA]', and the permanent ones under "
            "'veto_players'");
      }
      if (static_cast<int>(r.members.size()) > kUnscSeats) {
        Add(r, "members",
            fmt::format("{}: the Security Council has {} seats, not {}", label, kUnscSeats,
                        r.members.size()),
            "list at most 15 members");
      }
      if (static_cast<int>(r.veto_players.size()) > kUnscPermanent) {
        Add(r, "veto_players",
            fmt::format("{}: the Security Council has {} permanent members, not {}", label,
                        kUnscPermanent, r.veto_players.size()),
            "list only the permanent members as veto players");
      }
      if (r.seats != 0 && r.seats != kUnscSeats) {
        Add(r, "seats", fmt::format("{}: the Security Council has 15 seats", label),
            "leave 'seats' out");
      }
      return;
    }
    // EU presets: members are actors named by member-state codes.
    bool any = false;
    for (const Actor& a : scenario_.actors) any = any || FindCouncilMember(a.id) != nullptr;
    for (const std::string& m : r.members) {
      const CouncilMember* c = FindCouncilMember(m);
      if (c == nullptr || (r.preset == "eu_council_pre_nice" && c->pre_nice_votes == 0)) {
        Add(r, "members",
            fmt::format("{}: '{}' is not a member state under '{}'", label, m, r.preset),
            "use the codes of the regime's member states (de, fr, it, ..., as in the DEU data)");
      }
    }
    if (r.members.empty() && !any) {
      Add(r, "preset",
          fmt::format("{}: no actor is named by an EU member-state code, so nobody votes in "
                      "the Council",
                      label),
          "name the member states' actors by their codes (de, fr, it, es, pl, ...)");
    }
  }

  // `label` names the issue (and chamber) in messages, e.g. "issue 'i', chamber Council".
  void CheckChamber(const DecisionRule& r, const std::string& label) {
    if (!r.chambers.empty()) {
      Add(r, "chambers", fmt::format("{}: only a bicameral rule has chambers", label),
          "set 'kind: bicameral' or remove the chambers");
    }
    if (!r.preset.empty()) CheckPreset(r, label);
    const bool plain_unanimity = r.kind == DecisionKind::kUnanimity && r.preset.empty();
    CheckIds(r, label, "members", r.members, plain_unanimity && r.veto_players.empty());
    CheckIds(r, label, "veto_players", r.veto_players, plain_unanimity);
    CheckValues(r, label, "weights", r.weights);
    CheckValues(r, label, "population", r.population);
    CheckShare(r, label, "threshold", r.threshold);
    CheckShare(r, label, "min_members", r.min_members);
    CheckShare(r, label, "min_population", r.min_population);
    if (r.min_member_count < 0 || r.blocking_minority < 0 || r.seats < 0) {
      Add(r, "decision_rule", fmt::format("{}: member counts must not be negative", label),
          "give min_member_count, blocking_minority and seats as whole numbers >= 0");
    }
    if (plain_unanimity) {
      if (r.veto_players.empty() && r.members.empty()) {
        Add(r, "veto_players",
            fmt::format("issue '{}' has a unanimity rule but no veto players", issue_.id),
            "list the actors whose consent is needed, or set the rule to 'none'");
      }
      return;
    }
    if (r.kind == DecisionKind::kMajority && r.threshold) {
      Add(r, "threshold",
          fmt::format("{}: a majority is more than half; it takes no threshold", label),
          "use 'kind: qualified_majority' with the threshold");
    }
    if (r.kind == DecisionKind::kQualifiedMajority && r.preset.empty() && !r.threshold &&
        !r.min_members && r.min_member_count == 0 && !r.min_population) {
      Add(r, "threshold", fmt::format("{}: a qualified majority needs a threshold", label),
          "give the share of the weight needed, e.g. 'threshold: 0.7388'");
    }
    if (r.weight_source == WeightSource::kTable && r.preset.empty()) {
      if (r.weights.empty()) {
        Add(r, "weights", fmt::format("{}: the weights map is empty", label),
            "give each member's votes, e.g. '{DE: 29, FR: 29}', or 'weights: capability'");
      }
      for (const std::string& m : r.members) {
        bool has = false;
        for (const MemberValue& w : r.weights) has = has || w.member == m;
        if (!has) {
          Add(r, "weights", fmt::format("{}: member '{}' has no weight", label, m),
              "give every member a weight");
        }
      }
    }
    if (r.min_population && r.preset.empty()) {
      for (const std::string& m : Members(r).empty() ? StanceActors() : Members(r)) {
        bool has = false;
        for (const MemberValue& p : r.population) has = has || p.member == m;
        if (!has) {
          Add(r, "population", fmt::format("{}: member '{}' has no population", label, m),
              "give every member's population under 'population'");
        }
      }
    }
    if (r.seats > 0 && r.preset.empty()) {
      if (r.weight_source != WeightSource::kEqual) {
        Add(r, "seats", fmt::format("{}: seats not modelled need equal weights", label),
            "add 'weights: equal' (one vote per seat)");
      }
      if (r.seats < static_cast<int>(r.members.size()) || r.members.empty()) {
        Add(r, "seats",
            fmt::format("{}: seats ({}) must cover the listed members ({})", label, r.seats,
                        r.members.size()),
            "list the modelled members under 'members' and give the total number of seats");
      }
    }
    if (!r.members.empty()) {
      for (const std::string& v : r.veto_players) {
        if (std::find(r.members.begin(), r.members.end(), v) == r.members.end()) {
          Add(r, "veto_players",
              fmt::format("{}: veto player '{}' is not among the members", label, v),
              "add it to 'members' or remove it from the veto players");
        }
      }
    }
  }

  std::vector<std::string> StanceActors() const {
    std::vector<std::string> out;
    for (const Stance& s : issue_.stances) out.push_back(s.actor);
    return out;
  }

  const Scenario& scenario_;
  const Issue& issue_;
  Errors& errors_;
};

}  // namespace

void CheckDecisionRule(const Scenario& scenario, const Issue& issue, Errors& errors) {
  RuleChecker(scenario, issue, errors).Run();
}

}  // namespace entente
