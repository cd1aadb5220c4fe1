#include <fmt/format.h>

#include "entente/core/text.hpp"
#include "entente/formats/yaml_scenario.hpp"

namespace entente {
namespace {

// Words YAML 1.1 readers (PyYAML, older tools) would turn into booleans or null.
bool LooksSpecial(std::string_view s) {
  static constexpr std::string_view kWords[] = {
      "y",  "Y",    "yes",  "Yes",  "YES",   "n",     "N",     "no", "No",
      "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On",
      "ON", "off",  "Off",  "OFF",  "null",  "Null",  "NULL",  "~"};
  for (std::string_view w : kWords) {
    if (s == w) return true;
  }
  return ParseNumber(s).has_value() || (s.size() > 4 && s[4] == '-' && ParseNumber(s.substr(0, 4)));
}

// A scalar usable anywhere, flow context included: plain when unambiguous, else double-quoted.
std::string Scalar(std::string_view s) {
  bool plain = !s.empty() && s.front() != ' ' && s.back() != ' ' && !LooksSpecial(s) &&
               std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) == std::string_view::npos;
  for (std::size_t i = 0; plain && i < s.size(); ++i) {
    const char c = s[i];
    const bool ctrl = static_cast<unsigned char>(c) < 0x20;
    const bool flow = c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    const bool colon_space = c == ':' && (i + 1 == s.size() || s[i + 1] == ' ');
    const bool hash = c == '#' && i > 0 && s[i - 1] == ' ';
    if (ctrl || flow || colon_space || hash || c == '"') plain = false;
  }
  if (plain) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

void Line(std::string& out, int indent, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  out += fmt::format("{:{}}{}: {}\n", "", indent, key, Scalar(value));
}

// A number with its spread in the form the reader takes back.
std::string Uncertain(double value, const Spread& sp) {
  switch (sp.kind) {
    case Spread::Kind::kNone: return FormatNumber(value);
    case Spread::Kind::kNormal:
      return fmt::format("{{value: {}, sd: {}}}", FormatNumber(value), FormatNumber(sp.sd));
    case Spread::Kind::kUniform:
      return fmt::format("{{low: {}, high: {}}}", FormatNumber(sp.low), FormatNumber(sp.high));
    case Spread::Kind::kTriangular:
      return fmt::format("{{value: {}, low: {}, high: {}}}", FormatNumber(value),
                         FormatNumber(sp.low), FormatNumber(sp.high));
  }
  return FormatNumber(value);
}

std::string StanceLine(const Stance& s, const std::string& coder) {
  std::string out = fmt::format(
      "{{actor: {}{}, position: {}, salience: {}, capability: {}", Scalar(s.actor),
      coder.empty() ? "" : ", coder: " + Scalar(coder), Uncertain(s.position, s.position_spread),
      Uncertain(s.salience, s.salience_spread), Uncertain(s.capability, s.capability_spread));
  if (s.basis != Basis::kUnstated) out += fmt::format(", basis: {}", BasisName(s.basis));
  if (!s.note.empty()) out += fmt::format(", note: {}", Scalar(s.note));
  return out + "}";
}

std::string OutcomeLine(const Outcome& o) {
  std::string out = fmt::format("{{value: {}", FormatNumber(o.value));
  if (!o.date.empty()) out += fmt::format(", date: {}", Scalar(o.date));
  if (!o.source.empty()) out += fmt::format(", source: {}", Scalar(o.source));
  return out + "}";
}

std::string List(const std::vector<std::string>& items) {
  std::string list;
  for (const std::string& v : items) list += (list.empty() ? "" : ", ") + Scalar(v);
  return "[" + list + "]";
}

std::string Values(const std::vector<MemberValue>& values) {
  std::string map;
  for (const MemberValue& v : values) {
    map +=
        fmt::format("{}{}: {}", map.empty() ? "" : ", ", Scalar(v.member), FormatNumber(v.value));
  }
  return "{" + map + "}";
}

// A rule in its mapping form, one key a line at `indent`; `first` prefixes the first line
// (the "- " of a chamber in a list).
void RuleBlock(std::string& out, const DecisionRule& r, int indent, std::string_view first) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  bool opened = false;
  const auto key = [&](std::string_view k, const std::string& v) {
    out += opened ? pad : pad.substr(0, pad.size() - first.size()) + std::string(first);
    opened = true;
    out += fmt::format("{}: {}\n", k, v);
  };
  key("kind", std::string(DecisionKindName(r.kind)));
  if (!r.name.empty()) key("name", Scalar(r.name));
  if (!r.preset.empty()) key("preset", Scalar(r.preset));
  if (!r.members.empty()) key("members", List(r.members));
  if (r.seats != 0) key("seats", std::to_string(r.seats));
  if (r.threshold) key("threshold", FormatNumber(*r.threshold));
  if (r.weight_source == WeightSource::kEqual) key("weights", "equal");
  if (r.weight_source == WeightSource::kTable) key("weights", Values(r.weights));
  if (r.min_members) key("min_members", FormatNumber(*r.min_members));
  if (r.min_member_count != 0) key("min_member_count", std::to_string(r.min_member_count));
  if (!r.population.empty()) key("population", Values(r.population));
  if (r.min_population) key("min_population", FormatNumber(*r.min_population));
  if (r.blocking_minority != 0) key("blocking_minority", std::to_string(r.blocking_minority));
  if (!r.veto_players.empty()) key("veto_players", List(r.veto_players));
  if (r.absent != AbsentMembers::kAgainst) key("absent", std::string(AbsentMembersName(r.absent)));
  if (!r.agenda_setter.empty()) key("agenda_setter", Scalar(r.agenda_setter));
  if (r.on_empty != OnEmpty::kStatusQuo) key("on_empty", std::string(OnEmptyName(r.on_empty)));
  if (r.reversion_cost != 0) key("reversion_cost", FormatNumber(r.reversion_cost));
  if (!r.chambers.empty()) {
    key("chambers", "");
    out.pop_back();
    out.pop_back();  // "chambers:" ends the line without a value
    out += "\n";
    for (const DecisionRule& c : r.chambers) RuleBlock(out, c, indent + 4, "- ");
  }
}

std::string WriteYaml(const Scenario& scenario, const std::vector<Outcome>& outcomes) {
  std::string out = "entente: 1\n";
  const Metadata& info = scenario.meta;
  Line(out, 0, "title", info.title);
  Line(out, 0, "as_of", info.as_of);
  Line(out, 0, "description", info.description);
  if (!info.sources.empty()) {
    out += "sources:\n";
    for (const std::string& src : info.sources) out += fmt::format("  - {}\n", Scalar(src));
  }
  out += "\nactors:\n";
  for (const Actor& a : scenario.actors) {
    out += fmt::format("  - id: {}\n", Scalar(a.id));
    Line(out, 4, "name", a.name);
    Line(out, 4, "description", a.description);
  }
  out += "\nissues:\n";
  for (const Issue& i : scenario.issues) {
    out += fmt::format("  - id: {}\n", Scalar(i.id));
    Line(out, 4, "name", i.name);
    Line(out, 4, "description", i.description);
    out += fmt::format("    scale:\n      min: {}\n      max: {}\n", FormatNumber(i.scale.min),
                       FormatNumber(i.scale.max));
    Line(out, 6, "unit", i.scale.unit);
    if (!i.scale.anchors.empty()) {
      out += "      anchors:\n";
      for (const Anchor& a : i.scale.anchors) {
        out += fmt::format("        {}: {}\n", FormatNumber(a.value), Scalar(a.label));
      }
    }
    if (i.status_quo) out += fmt::format("    status_quo: {}\n", FormatNumber(*i.status_quo));
    if (i.rule.IsSimple()) {
      out += fmt::format("    decision_rule: {}\n", DecisionKindName(i.rule.kind));
      if (!i.rule.veto_players.empty())
        out += fmt::format("    veto_players: {}\n", List(i.rule.veto_players));
    } else {
      out += "    decision_rule:\n";
      RuleBlock(out, i.rule, 6, "");
    }
    out += "    stances:\n";
    for (const Stance& s : i.stances) {
      // A coded stance is written as its codings (the pooled numbers are read back from them).
      bool coded = false;
      for (const Coding& c : scenario.codings) {
        if (c.issue != i.id || c.stance.actor != s.actor) continue;
        out += fmt::format("      - {}\n", StanceLine(c.stance, c.coder));
        coded = true;
      }
      if (!coded) out += fmt::format("      - {}\n", StanceLine(s, ""));
    }
    if (!i.metadata.empty()) {
      out += "    metadata:\n";
      for (const IssueMeta& m : i.metadata) {
        out += fmt::format("      {}: {}\n", Scalar(m.key), Scalar(m.value));
      }
    }
    for (const Outcome& o : outcomes) {
      if (o.issue == i.id) out += fmt::format("    outcome: {}\n", OutcomeLine(o));
    }
    out += '\n';
  }
  if (!scenario.alliances.empty()) {
    out += "alliances:\n";
    for (const Alliance& a : scenario.alliances) {
      std::string members;
      for (const std::string& m : a.members) members += (members.empty() ? "" : ", ") + Scalar(m);
      out += fmt::format("  - {{id: {}{}, members: [{}]}}\n", Scalar(a.id),
                         a.name.empty() ? "" : ", name: " + Scalar(a.name), members);
    }
    out += '\n';
  }
  if (!scenario.moves.empty()) {
    out += "moves:\n";
    for (const Move& m : scenario.moves) {
      out += fmt::format("  - id: {}\n", Scalar(m.id));
      Line(out, 4, "name", m.name);
      Line(out, 4, "source", m.source);
      out += "    changes:\n";
      for (const StanceChange& c : m.changes) {
        std::string line = fmt::format("{{actor: {}, issue: {}", Scalar(c.actor), Scalar(c.issue));
        if (c.position) line += ", position: " + FormatNumber(*c.position);
        if (c.salience) line += ", salience: " + FormatNumber(*c.salience);
        if (c.capability) line += ", capability: " + FormatNumber(*c.capability);
        out += "      - " + line + "}\n";
      }
    }
    out += '\n';
  }
  if (!scenario.groups.empty()) {
    out += "groups:\n";
    for (const IssueGroup& g : scenario.groups) {
      out += fmt::format("  - {{id: {}{}, issues: {}}}\n", Scalar(g.id),
                         g.name.empty() ? "" : ", name: " + Scalar(g.name), List(g.issues));
    }
    out += '\n';
  }
  if (!scenario.model_options.empty()) {
    out += "model_options:\n";
    for (const auto& [model, options] : scenario.model_options) {
      out += fmt::format("  {}:\n", Scalar(model));
      for (const auto& [key, value] : options)
        out += fmt::format("    {}: {}\n", Scalar(key), Scalar(value));
    }
    out += '\n';
  }
  if (!scenario.seeds.empty()) {
    out += "seeds:\n";
    for (const SeedAnswer& a : scenario.seeds) {
      out += fmt::format(
          "  - {{coder: {}, question: {}, q05: {}, q50: {}, q95: {}, realization: {}}}\n",
          Scalar(a.coder), Scalar(a.question), FormatNumber(a.q05), FormatNumber(a.q50),
          FormatNumber(a.q95), FormatNumber(a.realization));
    }
    out += '\n';
  }
  out.pop_back();  // one newline at the end, not a blank line
  return out;
}

}  // namespace

std::string WriteYamlScenario(const Scenario& scenario) {
  return WriteYaml(scenario, {});
}

std::string WriteYamlDocument(const ScenarioDocument& document) {
  return WriteYaml(document.scenario, document.outcomes);
}

}  // namespace entente
