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

std::string StanceLine(const Stance& s) {
  std::string out = fmt::format("{{actor: {}, position: {}, salience: {}, capability: {}",
                                Scalar(s.actor), Uncertain(s.position, s.position_spread),
                                Uncertain(s.salience, s.salience_spread),
                                Uncertain(s.capability, s.capability_spread));
  if (s.basis != Basis::kUnstated) out += fmt::format(", basis: {}", BasisName(s.basis));
  if (!s.note.empty()) out += fmt::format(", note: {}", Scalar(s.note));
  return out + "}";
}

}  // namespace

std::string WriteYamlScenario(const Scenario& scenario) {
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
    out += fmt::format("    decision_rule: {}\n", DecisionKindName(i.rule.kind));
    if (!i.rule.veto_players.empty()) {
      std::string list;
      for (const std::string& v : i.rule.veto_players)
        list += (list.empty() ? "" : ", ") + Scalar(v);
      out += fmt::format("    veto_players: [{}]\n", list);
    }
    out += "    stances:\n";
    for (const Stance& s : i.stances) out += fmt::format("      - {}\n", StanceLine(s));
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
  if (!scenario.model_options.empty()) {
    out += "model_options:\n";
    for (const auto& [model, options] : scenario.model_options) {
      out += fmt::format("  {}:\n", Scalar(model));
      for (const auto& [key, value] : options)
        out += fmt::format("    {}: {}\n", Scalar(key), Scalar(value));
    }
    out += '\n';
  }
  out.pop_back();  // one newline at the end, not a blank line
  return out;
}

}  // namespace entente
