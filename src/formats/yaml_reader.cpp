#include <initializer_list>
#include <optional>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "entente/core/text.hpp"
#include "entente/formats/yaml_scenario.hpp"

namespace entente {
namespace {

// Walks the YAML tree, collecting located errors instead of stopping at the first.
class YamlReader {
 public:
  explicit YamlReader(std::string file) : file_(std::move(file)) {}

  // A node the document does not have carries no mark; callers pass the parent instead.
  Location At(const YAML::Node& node, std::string field = {}) const {
    const int line = node.IsDefined() ? node.Mark().line + 1 : 0;
    return Location{file_, line, std::move(field)};
  }

  void Fail(const YAML::Node& node, std::string field, std::string message, std::string hint) {
    errors_.push_back(Error{At(node, std::move(field)), std::move(message), std::move(hint)});
  }

  // Flags keys of `map` that are not in `known`.
  void CheckKeys(const YAML::Node& map, std::initializer_list<std::string_view> known,
                 std::string_view what) {
    for (const auto& kv : map) {
      const std::string key = kv.first.Scalar();
      bool ok = false;
      for (std::string_view k : known) ok = ok || k == key;
      if (!ok) {
        std::string list;
        for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        Fail(kv.first, key, fmt::format("unknown key '{}' in {}", key, what),
             fmt::format("use one of: {}", list));
      }
    }
  }

  std::string Text(const YAML::Node& map, const char* key, bool required = false) {
    const YAML::Node n = map[key];
    if (!n || n.IsNull()) {
      if (required) {
        Fail(map, key, fmt::format("missing '{}'", key), fmt::format("add '{}: ...'", key));
      }
      return {};
    }
    if (!n.IsScalar()) {
      Fail(n, key, fmt::format("'{}' must be a single value", key), "write it as text");
      return {};
    }
    return n.Scalar();
  }

  double Number(const YAML::Node& n, const std::string& field) {
    if (n && n.IsScalar()) {
      if (auto v = ParseNumber(n.Scalar())) return *v;
      Fail(n, field, fmt::format("{} '{}' is not a number", field, n.Scalar()),
           "write a plain decimal number such as 13 or 0.45");
    } else {
      Fail(n, field, fmt::format("{} must be a number", field),
           "write a plain decimal number such as 13 or 0.45");
    }
    return 0;
  }

  double NumberKey(const YAML::Node& map, const char* key) {
    const YAML::Node n = map[key];
    if (!n || n.IsNull()) {
      Fail(map, key, fmt::format("missing '{}'", key), fmt::format("add '{}: <number>'", key));
      return 0;
    }
    return Number(n, key);
  }

  // A list of texts; a single value is split on ';' when `split` (veto players "A;B", as in
  // the CSV bundle) and taken whole otherwise (a single source).
  // A stance number: plain (`40`), or with its uncertainty: `{value: 40, sd: 10}` (normal),
  // `{low: 20, high: 55}` (uniform; the point value is the midpoint), `{value: 30, low: 20,
  // high: 55}` (triangular with mode 30).
  void UncertainNumber(const YAML::Node& map, const char* key, double& value, Spread& spread) {
    const YAML::Node n = map[key];
    if (!n || !n.IsMap()) {
      value = NumberKey(map, key);
      return;
    }
    CheckKeys(n, {"value", "sd", "low", "high"}, fmt::format("'{}'", key));
    const auto get = [&](const char* k) -> std::optional<double> {
      if (!n[k]) return std::nullopt;
      return Number(n[k], std::string(key) + "." + k);
    };
    const auto v = get("value");
    const auto sd = get("sd");
    const auto lo = get("low");
    const auto hi = get("high");
    const std::string hint =
        "write {value: V, sd: S}, {low: L, high: H} or {value: V, low: L, high: H}";
    if (v && sd && !lo && !hi) {
      value = *v;
      spread = Spread::Normal(*sd);
    } else if (!v && !sd && lo && hi) {
      value = (*lo + *hi) / 2;
      spread = Spread::Uniform(*lo, *hi);
    } else if (v && !sd && lo && hi) {
      value = *v;
      spread = Spread::Triangular(*lo, *hi);
    } else if (v && !sd && !lo && !hi) {
      value = *v;
    } else {
      Fail(n, key, fmt::format("'{}' mixes or lacks distribution parameters", key), hint);
    }
  }

  std::vector<std::string> TextList(const YAML::Node& map, const char* key, bool split) {
    std::vector<std::string> out;
    const YAML::Node n = map[key];
    if (!n || n.IsNull()) return out;
    if (n.IsScalar()) return split ? SplitList(n.Scalar(), ';') : std::vector{n.Scalar()};
    if (!n.IsSequence()) {
      Fail(n, key, fmt::format("'{}' must be a list", key), "write e.g. [US, ROK]");
      return out;
    }
    for (const YAML::Node& item : n) {
      if (item.IsScalar())
        out.push_back(item.Scalar());
      else
        Fail(item, key, fmt::format("'{}' entries must be single values", key),
             "write e.g. [US, ROK]");
    }
    return out;
  }

  bool RequireMap(const YAML::Node& n, std::string_view what) {
    if (n.IsMap()) return true;
    Fail(n, "", fmt::format("{} must be a mapping of keys to values", what),
         "indent its keys under it, e.g. 'id: US'");
    return false;
  }

  void ReadActors(const YAML::Node& list, Scenario& s) {
    if (!list) return;
    if (!list.IsSequence()) {
      Fail(list, "actors", "'actors' must be a list", "start each actor with '- id: ...'");
      return;
    }
    for (const YAML::Node& n : list) {
      if (!RequireMap(n, "an actor")) continue;
      CheckKeys(n, {"id", "name", "description"}, "an actor");
      Actor a;
      a.id = Text(n, "id", true);
      a.name = Text(n, "name");
      a.description = Text(n, "description");
      a.origin = At(n);
      s.actors.push_back(std::move(a));
    }
  }

  void ReadAnchors(const YAML::Node& n, Scale& scale) {
    if (!n || n.IsNull()) return;
    if (n.IsMap()) {
      for (const auto& kv : n) {
        scale.anchors.push_back(Anchor{Number(kv.first, "anchors"), kv.second.Scalar()});
      }
    } else if (n.IsSequence()) {
      for (const YAML::Node& item : n) {
        if (!RequireMap(item, "an anchor")) continue;
        CheckKeys(item, {"value", "label"}, "an anchor");
        scale.anchors.push_back(Anchor{NumberKey(item, "value"), Text(item, "label")});
      }
    } else {
      Fail(n, "anchors", "'anchors' must map values to labels", "write e.g. '0: freeze'");
    }
  }

  void ReadScale(const YAML::Node& parent, Issue& issue) {
    const YAML::Node n = parent["scale"];
    if (!n) {
      Fail(parent, "scale", "missing 'scale'", "add 'scale: {min: 0, max: 100}'");
      return;
    }
    if (!RequireMap(n, "'scale'")) return;
    CheckKeys(n, {"min", "max", "unit", "anchors"}, "a scale");
    issue.scale.min = NumberKey(n, "min");
    issue.scale.max = NumberKey(n, "max");
    issue.scale.unit = Text(n, "unit");
    ReadAnchors(n["anchors"], issue.scale);
  }

  void ReadStances(const YAML::Node& list, Issue& issue) {
    if (!list) return;
    if (!list.IsSequence()) {
      Fail(list, "stances", "'stances' must be a list", "start each stance with '- actor: ...'");
      return;
    }
    for (const YAML::Node& n : list) {
      if (!RequireMap(n, "a stance")) continue;
      CheckKeys(n, {"actor", "position", "salience", "capability", "basis", "note"}, "a stance");
      Stance st;
      st.origin = At(n);
      st.actor = Text(n, "actor", true);
      UncertainNumber(n, "position", st.position, st.position_spread);
      UncertainNumber(n, "salience", st.salience, st.salience_spread);
      UncertainNumber(n, "capability", st.capability, st.capability_spread);
      const std::string basis = Text(n, "basis");
      if (auto b = ParseBasis(basis)) {
        st.basis = *b;
      } else {
        Fail(n["basis"], "basis", fmt::format("unknown basis '{}'", basis),
             "use brief, source or judgement (or leave it out)");
      }
      st.note = Text(n, "note");
      issue.stances.push_back(std::move(st));
    }
  }

  // `metadata: {proc: COD, counvte: QMV}`: text values, in the order written.
  void ReadMetadata(const YAML::Node& n, Issue& issue) {
    if (!n || n.IsNull()) return;
    if (!n.IsMap()) {
      Fail(n, "metadata", "'metadata' must map keys to text", "write e.g. '{proc: COD}'");
      return;
    }
    for (const auto& kv : n) {
      if (!kv.second.IsScalar() && !kv.second.IsNull()) {
        Fail(kv.second, kv.first.Scalar(), "a metadata value must be a single value",
             "write it as text");
        continue;
      }
      issue.metadata.push_back(
          IssueMeta{kv.first.Scalar(), kv.second.IsNull() ? std::string() : kv.second.Scalar()});
    }
  }

  // `outcome: 13.9` or `outcome: {value: 13.9, date: 2021-04-08, source: "..."}`.
  void ReadOutcome(const YAML::Node& n, const std::string& issue_id) {
    if (!n || n.IsNull()) return;
    Outcome o;
    o.issue = issue_id;
    o.origin = At(n);
    if (n.IsScalar()) {
      o.value = Number(n, "outcome");
    } else if (n.IsMap()) {
      CheckKeys(n, {"value", "date", "source"}, "an outcome");
      o.value = NumberKey(n, "value");
      o.date = Text(n, "date");
      o.source = Text(n, "source");
    } else {
      Fail(n, "outcome", "'outcome' must be a number or {value, date, source}",
           "write e.g. 'outcome: {value: 13.9, date: 2021-04-08}'");
      return;
    }
    doc_.outcomes.push_back(std::move(o));
  }

  void ReadGroups(const YAML::Node& list, Scenario& s) {
    if (!RequireList(list, "groups", "write e.g. '- {id: p1, name: ..., issues: [i1, i2]}'"))
      return;
    for (const YAML::Node& n : list) {
      if (!RequireMap(n, "a group")) continue;
      CheckKeys(n, {"id", "name", "issues"}, "a group");
      IssueGroup g;
      g.origin = At(n);
      g.id = Text(n, "id", true);
      g.name = Text(n, "name");
      g.issues = TextList(n, "issues", true);
      s.groups.push_back(std::move(g));
    }
  }

  void ReadIssues(const YAML::Node& list, Scenario& s) {
    if (!list) return;
    if (!list.IsSequence()) {
      Fail(list, "issues", "'issues' must be a list", "start each issue with '- id: ...'");
      return;
    }
    for (const YAML::Node& n : list) {
      if (!RequireMap(n, "an issue")) continue;
      CheckKeys(n,
                {"id", "name", "description", "scale", "status_quo", "decision_rule",
                 "veto_players", "stances", "metadata", "outcome"},
                "an issue");
      Issue issue;
      issue.origin = At(n);
      issue.id = Text(n, "id", true);
      issue.name = Text(n, "name");
      issue.description = Text(n, "description");
      ReadScale(n, issue);
      if (n["status_quo"] && !n["status_quo"].IsNull()) {
        issue.status_quo = Number(n["status_quo"], "status_quo");
      }
      const std::string rule = Text(n, "decision_rule");
      if (auto kind = ParseDecisionKind(rule)) {
        issue.rule.kind = *kind;
      } else {
        Fail(n["decision_rule"], "decision_rule", fmt::format("unknown decision rule '{}'", rule),
             "use 'none' or 'unanimity'");
      }
      issue.rule.veto_players = TextList(n, "veto_players", true);
      ReadStances(n["stances"], issue);
      ReadMetadata(n["metadata"], issue);
      ReadOutcome(n["outcome"], issue.id);
      s.issues.push_back(std::move(issue));
    }
  }

  bool RequireList(const YAML::Node& n, const char* key, const char* example) {
    if (!n) return false;
    if (n.IsSequence()) return true;
    Fail(n, key, fmt::format("'{}' must be a list", key), example);
    return false;
  }

  void ReadAlliances(const YAML::Node& list, Scenario& s) {
    if (!RequireList(list, "alliances", "write e.g. '- {id: us-rok, members: [US, ROK]}'")) return;
    for (const YAML::Node& n : list) {
      if (!RequireMap(n, "an alliance")) continue;
      CheckKeys(n, {"id", "name", "members"}, "an alliance");
      Alliance a;
      a.origin = At(n);
      a.id = Text(n, "id", true);
      a.name = Text(n, "name");
      a.members = TextList(n, "members", true);
      s.alliances.push_back(std::move(a));
    }
  }

  std::optional<double> OptionalNumber(const YAML::Node& map, const char* key) {
    if (!map[key] || map[key].IsNull()) return std::nullopt;
    return Number(map[key], key);
  }

  void ReadMoves(const YAML::Node& list, Scenario& s) {
    if (!RequireList(list, "moves", "write e.g. '- {id: press, name: ..., changes: [...]}'"))
      return;
    for (const YAML::Node& n : list) {
      if (!RequireMap(n, "a move")) continue;
      CheckKeys(n, {"id", "name", "source", "changes"}, "a move");
      Move m;
      m.origin = At(n);
      m.id = Text(n, "id", true);
      m.name = Text(n, "name");
      m.source = Text(n, "source");
      const YAML::Node changes = n["changes"];
      if (RequireList(changes, "changes",
                      "write e.g. '- {actor: US, issue: opcon, salience: 0.8}'")) {
        for (const YAML::Node& c : changes) {
          if (!RequireMap(c, "a change")) continue;
          CheckKeys(c, {"actor", "issue", "position", "salience", "capability"}, "a change");
          StanceChange ch;
          ch.origin = At(c);
          ch.actor = Text(c, "actor", true);
          ch.issue = Text(c, "issue", true);
          ch.position = OptionalNumber(c, "position");
          ch.salience = OptionalNumber(c, "salience");
          ch.capability = OptionalNumber(c, "capability");
          m.changes.push_back(std::move(ch));
        }
      }
      s.moves.push_back(std::move(m));
    }
  }

  Result<ScenarioDocument> Read(std::string_view text) {
    YAML::Node loaded;
    try {
      loaded = YAML::Load(std::string(text));
    } catch (const YAML::ParserException& e) {
      return Error{Location{file_, e.mark.line + 1}, fmt::format("YAML syntax error: {}", e.msg),
                   "check the indentation and quoting on this line or the one before"};
    }
    const YAML::Node& root = loaded;  // const: lookups must never insert keys
    if (!root || root.IsNull()) {
      return Error{Location{file_, 1}, "file is empty",
                   "see docs/scenario-format.md for an example"};
    }
    if (!RequireMap(root, "the scenario")) return errors_;
    CheckKeys(root,
              {"entente", "title", "as_of", "description", "sources", "actors", "issues",
               "alliances", "moves", "groups"},
              "the scenario");
    Scenario& s = doc_.scenario;
    if (root["entente"] && Text(root, "entente") != "1") {
      Fail(root["entente"], "entente", "unsupported format version",
           "this Entente reads 'entente: 1'");
    }
    s.meta.title = Text(root, "title");
    s.meta.as_of = Text(root, "as_of");
    s.meta.description = Text(root, "description");
    s.meta.sources = TextList(root, "sources", false);
    if (!root["actors"])
      Fail(root, "actors", "missing 'actors'", "list the actors under 'actors:'");
    if (!root["issues"])
      Fail(root, "issues", "missing 'issues'", "list the issues under 'issues:'");
    ReadActors(root["actors"], s);
    ReadIssues(root["issues"], s);
    ReadAlliances(root["alliances"], s);
    ReadMoves(root["moves"], s);
    ReadGroups(root["groups"], s);
    if (!errors_.empty()) return std::move(errors_);
    return std::move(doc_);
  }

 private:
  std::string file_;
  Errors errors_;
  ScenarioDocument doc_;
};

}  // namespace

Result<ScenarioDocument> ParseYamlDocument(std::string_view text, const std::string& file) {
  try {
    return YamlReader(file).Read(text);
  } catch (const YAML::Exception& e) {
    return Error{Location{file, e.mark.line + 1}, fmt::format("YAML error: {}", e.msg),
                 "see docs/scenario-format.md for the expected layout"};
  }
}

Result<Scenario> ParseYamlScenario(std::string_view text, const std::string& file) {
  Result<ScenarioDocument> doc = ParseYamlDocument(text, file);
  if (!doc) return doc.errors();
  return std::move(doc).value().scenario;
}

}  // namespace entente
