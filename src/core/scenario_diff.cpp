#include "entente/core/scenario_diff.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace entente {
namespace {

std::string Opt(const std::optional<double>& v) {
  return v ? fmt::format("{}", *v) : "none";
}

// The parts of a rule an analyst reads first: its kind, threshold and veto players.
std::string RuleWords(const DecisionRule& r) {
  std::string out(DecisionKindName(r.kind));
  if (r.threshold) out += fmt::format(" {}", *r.threshold);
  if (!r.veto_players.empty()) out += fmt::format(" (veto: {})", fmt::join(r.veto_players, ", "));
  return out;
}

class Differ {
 public:
  std::vector<ScenarioChange> out;

  void Add(ScenarioChange c) { out.push_back(std::move(c)); }

  void Stances(const Issue& a, const Issue& b) {
    for (const Stance& sa : a.stances) {
      const Stance* sb = b.FindStance(sa.actor);
      if (sb == nullptr) {
        Add({sa.actor, a.id, "stance", "removed", "", "",
             fmt::format("{} on {}: stance removed", sa.actor, a.id)});
        continue;
      }
      const auto num = [&](const char* what, double x, double y) {
        if (x != y) {
          Add({sa.actor, a.id, what, "changed", fmt::format("{}", x), fmt::format("{}", y),
               fmt::format("{} on {}: {} {} -> {}", sa.actor, a.id, what, x, y)});
        }
      };
      num("position", sa.position, sb->position);
      num("salience", sa.salience, sb->salience);
      num("capability", sa.capability, sb->capability);
      if (sa.position_spread != sb->position_spread || sa.salience_spread != sb->salience_spread ||
          sa.capability_spread != sb->capability_spread) {
        Add({sa.actor, a.id, "uncertainty", "changed", "", "",
             fmt::format("{} on {}: uncertainty changed", sa.actor, a.id)});
      }
      if (sa.basis != sb->basis || sa.note != sb->note) {
        Add({sa.actor, a.id, "basis", "changed", "", "",
             fmt::format("{} on {}: basis or note changed", sa.actor, a.id)});
      }
    }
    for (const Stance& sb : b.stances) {
      if (a.FindStance(sb.actor) == nullptr) {
        Add({sb.actor, b.id, "stance", "added", "",
             fmt::format("position {}, salience {}, capability {}", sb.position, sb.salience,
                         sb.capability),
             fmt::format("{} on {}: stance added (position {}, salience {}, capability {})",
                         sb.actor, b.id, sb.position, sb.salience, sb.capability)});
      }
    }
  }

  void OneIssue(const Issue& a, const Issue& b) {
    if (a.name != b.name || a.description != b.description) {
      Add({"", a.id, "name", "changed", a.name, b.name,
           fmt::format("issue {}: name or description changed", a.id)});
    }
    if (a.scale != b.scale) {
      Add({"", a.id, "scale", "changed", fmt::format("{} to {}", a.scale.min, a.scale.max),
           fmt::format("{} to {}", b.scale.min, b.scale.max),
           fmt::format("issue {}: scale or anchors changed", a.id)});
    }
    if (a.status_quo != b.status_quo) {
      Add({"", a.id, "status_quo", "changed", Opt(a.status_quo), Opt(b.status_quo),
           fmt::format("issue {}: status quo {} -> {}", a.id, Opt(a.status_quo),
                       Opt(b.status_quo))});
    }
    if (a.rule != b.rule) {
      const std::string x = RuleWords(a.rule);
      const std::string y = RuleWords(b.rule);
      Add({"", a.id, "decision_rule", "changed", x, y,
           x == y ? fmt::format("issue {}: decision rule changed ({})", a.id, y)
                  : fmt::format("issue {}: decision rule {} -> {}", a.id, x, y)});
    }
    Stances(a, b);
  }
};

}  // namespace

std::vector<ScenarioChange> ScenarioChanges(const Scenario& a, const Scenario& b) {
  Differ d;
  if (a.meta != b.meta) {
    d.Add({"", "", "metadata", "changed", a.meta.title, b.meta.title,
           "metadata (title, date, sources) changed"});
  }
  for (const Actor& x : a.actors) {
    const Actor* y = b.FindActor(x.id);
    if (y == nullptr) {
      d.Add({x.id, "", "actor", "removed", "", "", fmt::format("actor {} removed", x.id)});
    } else if (!(*y == x)) {
      d.Add({x.id, "", "name", "changed", x.name, y->name,
             fmt::format("actor {}: name or description changed", x.id)});
    }
  }
  for (const Actor& y : b.actors) {
    if (a.FindActor(y.id) == nullptr)
      d.Add({y.id, "", "actor", "added", "", "", fmt::format("actor {} added", y.id)});
  }
  for (const Issue& x : a.issues) {
    const Issue* y = b.FindIssue(x.id);
    if (y == nullptr) {
      d.Add({"", x.id, "issue", "removed", "", "", fmt::format("issue {} removed", x.id)});
    } else {
      d.OneIssue(x, *y);
    }
  }
  for (const Issue& y : b.issues) {
    if (a.FindIssue(y.id) == nullptr)
      d.Add({"", y.id, "issue", "added", "", "", fmt::format("issue {} added", y.id)});
  }
  if (a.alliances != b.alliances)
    d.Add({"", "", "alliances", "changed", "", "", "alliances changed"});
  if (a.moves != b.moves) d.Add({"", "", "moves", "changed", "", "", "named moves changed"});
  return std::move(d.out);
}

std::vector<std::string> DiffScenarios(const Scenario& a, const Scenario& b) {
  std::vector<std::string> out;
  for (ScenarioChange& c : ScenarioChanges(a, b)) out.push_back(std::move(c.text));
  return out;
}

}  // namespace entente
