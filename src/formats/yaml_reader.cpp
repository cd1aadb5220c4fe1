#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "entente/core/encoding.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/yaml_scenario.hpp"

namespace entente {
namespace {

// Records where a document's first node starts, to tell a second document with content from
// an empty one (a trailing '---').
class FirstNode : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> mark;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}  // an empty document
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { Note(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    if (!value.empty()) Note(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    Note(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    Note(m);
  }
  void OnMapEnd() override {}

 private:
  void Note(const YAML::Mark& m) {
    if (!mark) mark = m;
  }
};

// The first line holding more than blanks, comments and document markers; 0 when none.
int FirstContentLine(const std::string& text) {
  std::istringstream in(text);
  std::string row;
  for (int n = 1; std::getline(in, row); ++n) {
    const std::size_t at = row.find_first_not_of(" \t\r");
    if (at == std::string::npos || row[at] == '#') continue;
    if (row.rfind("---", 0) == 0 || row.rfind("...", 0) == 0) continue;
    if (row.substr(at) == "~" || row.substr(at) == "null") continue;
    return n;
  }
  return 0;
}

// True when a line before `line` (1-based) starts a document ('---') or ends one ('...').
bool MarkerBefore(const std::string& text, int line) {
  std::istringstream in(text);
  std::string row;
  for (int n = 1; n < line && std::getline(in, row); ++n) {
    if (row.rfind("---", 0) == 0 || row.rfind("...", 0) == 0) return true;
  }
  return false;
}

// The line of a second document's first node, if the text has one with content. Only two
// documents are ever asked for: yaml-cpp's LoadAll loops forever on some malformed input (an
// unclosed flow map followed by more keys, found by fuzz_yaml_scenario), producing empty
// documents without end.
std::optional<int> SecondDocumentLine(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  FirstNode first;
  if (!parser.HandleNextDocument(first)) return std::nullopt;
  FirstNode second;
  if (!parser.HandleNextDocument(second) || !second.mark) return std::nullopt;
  return second.mark->line + 1;
}

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
      const YAML::Node rule = n["decision_rule"];
      if (rule && rule.IsMap()) {
        ReadRule(rule, issue.rule, false);
        if (n["veto_players"]) {
          Fail(n["veto_players"], "veto_players",
               "veto players are given twice: next to and inside 'decision_rule'",
               "move them into the decision_rule mapping");
        }
      } else {
        const std::string kind = Text(n, "decision_rule");
        issue.rule.kind = Kind(rule, kind);
        issue.rule.veto_players = TextList(n, "veto_players", true);
      }
      ReadStances(n["stances"], issue);
      ReadMetadata(n["metadata"], issue);
      ReadOutcome(n["outcome"], issue.id);
      s.issues.push_back(std::move(issue));
    }
  }

  DecisionKind Kind(const YAML::Node& node, const std::string& text) {
    if (auto kind = ParseDecisionKind(text)) return *kind;
    Fail(node, "decision_rule", fmt::format("unknown decision rule '{}'", text),
         "use none, unanimity, majority, qualified_majority or bicameral");
    return DecisionKind::kNone;
  }

  int WholeNumber(const YAML::Node& map, const char* key) {
    if (!map[key] || map[key].IsNull()) return 0;
    const double v = Number(map[key], key);
    if (v != static_cast<int>(v)) {
      Fail(map[key], key, fmt::format("{} must be a whole number", key), "write e.g. 4");
      return 0;
    }
    return static_cast<int>(v);
  }

  // `weights`/`population` as a map of actor ids to numbers.
  std::vector<MemberValue> Values(const YAML::Node& n, const char* key) {
    std::vector<MemberValue> out;
    if (!n.IsMap()) {
      Fail(n, key, fmt::format("'{}' must map actor ids to numbers", key),
           "write e.g. '{DE: 29, FR: 29}'");
      return out;
    }
    for (const auto& kv : n) out.push_back({kv.first.Scalar(), Number(kv.second, key)});
    return out;
  }

  // A decision rule in its mapping form (docs/decision-rules.md); `chamber` for the rules of a
  // bicameral rule's chambers.
  void ReadRule(const YAML::Node& n, DecisionRule& r, bool chamber) {
    CheckKeys(n,
              {"kind", "name", "preset", "members", "seats", "threshold", "weights", "min_members",
               "min_member_count", "population", "min_population", "blocking_minority",
               "veto_players", "absent", "agenda_setter", "on_empty", "reversion_cost", "chambers"},
              chamber ? "a chamber" : "a decision rule");
    r.origin = At(n);
    const std::string kind = Text(n, "kind");
    r.kind = Kind(n["kind"] ? n["kind"] : n, kind);
    r.name = Text(n, "name");
    r.preset = Text(n, "preset");
    if (kind.empty() && !r.preset.empty()) r.kind = DecisionKind::kQualifiedMajority;
    if (kind.empty() && r.preset.empty()) {
      Fail(n, "kind", "the decision rule has no kind",
           "add 'kind: ...' (unanimity, majority, qualified_majority or bicameral) or a preset");
    }
    r.members = TextList(n, "members", true);
    r.seats = WholeNumber(n, "seats");
    r.threshold = OptionalNumber(n, "threshold");
    if (const YAML::Node w = n["weights"]; w && !w.IsNull()) {
      if (w.IsScalar() && w.Scalar() == "capability") {
        r.weight_source = WeightSource::kCapability;
      } else if (w.IsScalar() && w.Scalar() == "equal") {
        r.weight_source = WeightSource::kEqual;
      } else if (w.IsMap()) {
        r.weight_source = WeightSource::kTable;
        r.weights = Values(w, "weights");
      } else {
        Fail(w, "weights", "unknown weights", "use capability, equal or a map such as {DE: 29}");
      }
    }
    r.min_members = OptionalNumber(n, "min_members");
    r.min_member_count = WholeNumber(n, "min_member_count");
    if (const YAML::Node p = n["population"]; p && !p.IsNull())
      r.population = Values(p, "population");
    r.min_population = OptionalNumber(n, "min_population");
    r.blocking_minority = WholeNumber(n, "blocking_minority");
    r.veto_players = TextList(n, "veto_players", true);
    if (const std::string a = Text(n, "absent"); !a.empty()) {
      if (auto v = ParseAbsentMembers(a)) {
        r.absent = *v;
      } else {
        Fail(n["absent"], "absent", fmt::format("unknown absent '{}'", a),
             "use against, drop or support");
      }
    }
    r.agenda_setter = Text(n, "agenda_setter");
    if (const std::string e = Text(n, "on_empty"); !e.empty()) {
      if (auto v = ParseOnEmpty(e)) {
        r.on_empty = *v;
      } else {
        Fail(n["on_empty"], "on_empty", fmt::format("unknown on_empty '{}'", e),
             "use status_quo or model");
      }
    }
    r.reversion_cost = OptionalNumber(n, "reversion_cost").value_or(0);
    const YAML::Node chambers = n["chambers"];
    if (RequireList(chambers, "chambers",
                    "write '- {kind: majority, members: [EP]}' per chamber")) {
      for (const YAML::Node& c : chambers) {
        if (!RequireMap(c, "a chamber")) continue;
        DecisionRule sub;
        ReadRule(c, sub, true);
        r.chambers.push_back(std::move(sub));
      }
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

  // yaml-cpp keeps every duplicate of a key and lookups return the first, so a repeated key
  // would silently lose its later value: each one is an error at its line. The walk uses its
  // own stack, so deep nesting cannot overflow the call stack, and visits each collection once
  // (by its place in the text): an alias may repeat a collection many times or hold itself.
  void CheckDuplicateKeys(const YAML::Node& root) {
    std::vector<YAML::Node> todo{root};
    std::set<int> seen;
    while (!todo.empty()) {
      const YAML::Node n = todo.back();
      todo.pop_back();
      if ((n.IsSequence() || n.IsMap()) && !seen.insert(n.Mark().pos).second) continue;
      if (n.IsSequence()) {
        for (const YAML::Node& item : n) todo.push_back(item);
      } else if (n.IsMap()) {
        std::map<std::string, int> first_line;
        for (const auto& kv : n) {
          if (kv.first.IsScalar()) {
            const auto [it, fresh] =
                first_line.emplace(kv.first.Scalar(), kv.first.Mark().line + 1);
            if (!fresh) {
              Fail(kv.first, kv.first.Scalar(),
                   fmt::format("duplicate key '{}' (first given on line {})", kv.first.Scalar(),
                               it->second),
                   "keep one of the two: YAML takes each key once per mapping");
            }
          }
          todo.push_back(kv.second);
        }
      }
    }
  }

  Result<ScenarioDocument> Read(std::string_view text) {
    const std::string copy(text);
    YAML::Node root;
    std::optional<int> second;
    try {
      root = YAML::Load(copy);
      second = SecondDocumentLine(copy);
    } catch (const YAML::ParserException& e) {
      return Error{Location{file_, e.mark.line + 1}, fmt::format("YAML syntax error: {}", e.msg),
                   "check the indentation and quoting on this line or the one before"};
    }
    // A document after the first would be ignored; an empty one (a trailing '---') holds
    // nothing to lose.
    if (second && !MarkerBefore(copy, *second)) {
      // No '---' starts it: yaml-cpp ended the first document early on malformed text.
      return Error{Location{file_, *second},
                   "YAML syntax error: the scenario's text stops making sense here",
                   "check the indentation and quoting on this line or the one before"};
    }
    if (second) {
      return Error{Location{file_, *second},
                   "a second YAML document (after a '---' line) starts here; Entente reads one "
                   "scenario per file",
                   "remove the '---' line and merge the documents, or put each scenario in a "
                   "file of its own"};
    }
    if (!root || root.IsNull()) {
      if (const int line = FirstContentLine(copy); line > 0) {
        return Error{Location{file_, line}, "YAML syntax error: no YAML document starts here",
                     "check the first characters of this line (a plain value cannot start with ',' "
                     "or '%'); see docs/scenario-format.md for an example"};
      }
      return Error{Location{file_, 1}, "file is empty",
                   "see docs/scenario-format.md for an example"};
    }
    CheckDuplicateKeys(root);
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

Result<ScenarioDocument> ParseYamlDocument(std::string_view bytes, const std::string& file) {
  Result<std::string> text = DecodeText(bytes, file);
  if (!text) return text.errors();
  try {
    return YamlReader(file).Read(text.value());
  } catch (const YAML::Exception& e) {
    return Error{Location{file, e.mark.line + 1}, fmt::format("YAML error: {}", e.msg),
                 "see docs/scenario-format.md for the expected layout"};
  }
}

Result<Scenario> ParseYamlScenario(std::string_view bytes, const std::string& file) {
  Result<ScenarioDocument> doc = ParseYamlDocument(bytes, file);
  if (!doc) return doc.errors();
  return std::move(doc).value().scenario;
}

}  // namespace entente
