#include "entente/core/scenario_diff.hpp"

#include <fmt/format.h>

namespace entente {
namespace {

std::string Opt(const std::optional<double>& v) {
  return v ? fmt::format("{}", *v) : "none";
}

void DiffStances(const Issue& a, const Issue& b, std::vector<std::string>& out) {
  for (const Stance& sa : a.stances) {
    const Stance* sb = b.FindStance(sa.actor);
    if (sb == nullptr) {
      out.push_back(fmt::format("{} on {}: stance removed", sa.actor, a.id));
      continue;
    }
    const auto num = [&](const char* what, double x, double y) {
      if (x != y) out.push_back(fmt::format("{} on {}: {} {} -> {}", sa.actor, a.id, what, x, y));
    };
    num("position", sa.position, sb->position);
    num("salience", sa.salience, sb->salience);
    num("capability", sa.capability, sb->capability);
    if (sa.position_spread != sb->position_spread || sa.salience_spread != sb->salience_spread ||
        sa.capability_spread != sb->capability_spread) {
      out.push_back(fmt::format("{} on {}: uncertainty changed", sa.actor, a.id));
    }
    if (sa.basis != sb->basis || sa.note != sb->note) {
      out.push_back(fmt::format("{} on {}: basis or note changed", sa.actor, a.id));
    }
  }
  for (const Stance& sb : b.stances) {
    if (a.FindStance(sb.actor) == nullptr) {
      out.push_back(fmt::format("{} on {}: stance added (position {}, salience {}, capability {})",
                                sb.actor, b.id, sb.position, sb.salience, sb.capability));
    }
  }
}

void DiffIssue(const Issue& a, const Issue& b, std::vector<std::string>& out) {
  if (a.name != b.name || a.description != b.description) {
    out.push_back(fmt::format("issue {}: name or description changed", a.id));
  }
  if (a.scale != b.scale) out.push_back(fmt::format("issue {}: scale or anchors changed", a.id));
  if (a.status_quo != b.status_quo) {
    out.push_back(
        fmt::format("issue {}: status quo {} -> {}", a.id, Opt(a.status_quo), Opt(b.status_quo)));
  }
  if (a.rule != b.rule)
    out.push_back(fmt::format("issue {}: decision rule or veto players changed", a.id));
  DiffStances(a, b, out);
}

}  // namespace

std::vector<std::string> DiffScenarios(const Scenario& a, const Scenario& b) {
  std::vector<std::string> out;
  if (a.meta != b.meta) out.push_back("metadata (title, date, sources) changed");
  for (const Actor& x : a.actors) {
    const Actor* y = b.FindActor(x.id);
    if (y == nullptr)
      out.push_back(fmt::format("actor {} removed", x.id));
    else if (!(*y == x))
      out.push_back(fmt::format("actor {}: name or description changed", x.id));
  }
  for (const Actor& y : b.actors) {
    if (a.FindActor(y.id) == nullptr) out.push_back(fmt::format("actor {} added", y.id));
  }
  for (const Issue& x : a.issues) {
    const Issue* y = b.FindIssue(x.id);
    if (y == nullptr)
      out.push_back(fmt::format("issue {} removed", x.id));
    else
      DiffIssue(x, *y, out);
  }
  for (const Issue& y : b.issues) {
    if (a.FindIssue(y.id) == nullptr) out.push_back(fmt::format("issue {} added", y.id));
  }
  if (a.alliances != b.alliances) out.push_back("alliances changed");
  if (a.moves != b.moves) out.push_back("named moves changed");
  return out;
}

}  // namespace entente
