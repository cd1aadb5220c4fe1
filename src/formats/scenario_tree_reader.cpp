// The scenario reader: walks a scenario tree (YAML file, JSON request, Python dict), collecting
// every structural problem, each located by line (YAML), path and names.
#include <initializer_list>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/text.hpp"
#include "entente/formats/scenario_tree.hpp"
#include "tree_fields.hpp"

namespace entente {
namespace {

using Kind = TreeNode::Kind;
using detail::At;
using detail::Peek;

class TreeReader : public detail::TreeFields {
 public:
  using TreeFields::TreeFields;

  void ReadActors(const TreeNode& root, Scenario& s) {
    const TreeNode* list = List(root, {}, "actors", "start each actor with '- id: ...'");
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const TreeNode& n = list->items[i];
      const At at = At{}.Item("actors", i, "actor " + Peek(n, "id"));
      if (!RequireMap(n, at, "an actor")) continue;
      CheckKeys(n, at, {"id", "name", "description"}, "an actor");
      Actor a;
      a.id = Text(n, at, "id", true);
      a.name = Text(n, at, "name");
      a.description = Text(n, at, "description");
      a.origin = Loc(n.line, at);
      s.actors.push_back(std::move(a));
    }
  }

  void ReadAnchors(const TreeNode* n, const At& at, Scale& scale) {
    if (n == nullptr || n->IsNull()) return;
    if (n->kind == Kind::kMap) {
      for (const TreeNode::Entry& e : n->entries) {
        TreeNode key;
        key.kind = Kind::kScalar;
        key.scalar = e.key;
        key.line = e.line;
        scale.anchors.push_back(Anchor{Number(&key, e.line, at, "anchors"), e.value.scalar});
      }
    } else if (n->kind == Kind::kList) {
      for (const TreeNode& item : n->items) {
        if (!RequireMap(item, at, "an anchor")) continue;
        CheckKeys(item, at, {"value", "label"}, "an anchor");
        scale.anchors.push_back(Anchor{NumberKey(item, at, "value"), Text(item, at, "label")});
      }
    } else {
      Fail(n->line, at, "anchors", "'anchors' must map values to labels", "write e.g. '0: freeze'");
    }
  }

  void ReadScale(const TreeNode& parent, const At& at, Issue& issue) {
    const TreeNode* n = parent.Find("scale");
    if (n == nullptr) {
      Fail(parent.line, at, "scale", "missing 'scale'", "add 'scale: {min: 0, max: 100}'");
      return;
    }
    if (!RequireMap(*n, at, "'scale'")) return;
    CheckKeys(*n, at, {"min", "max", "unit", "anchors"}, "a scale");
    issue.scale.min = NumberKey(*n, at, "min");
    issue.scale.max = NumberKey(*n, at, "max");
    issue.scale.unit = Text(*n, at, "unit");
    ReadAnchors(n->Find("anchors"), at, issue.scale);
  }

  void ReadStances(const TreeNode& parent, const At& issue_at, Issue& issue) {
    const TreeNode* list =
        List(parent, issue_at, "stances", "start each stance with '- actor: ...'");
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const TreeNode& n = list->items[i];
      const At at =
          issue_at.Item("stances", i, fmt::format("{} on {}", Peek(n, "actor"), issue.id));
      if (!RequireMap(n, at, "a stance")) continue;
      CheckKeys(n, at, {"actor", "coder", "position", "salience", "capability", "basis", "note"},
                "a stance");
      Stance st;
      st.origin = Loc(n.line, at);
      st.actor = Text(n, at, "actor", true);
      UncertainNumber(n, at, "position", st.position, st.position_spread);
      UncertainNumber(n, at, "salience", st.salience, st.salience_spread);
      UncertainNumber(n, at, "capability", st.capability, st.capability_spread);
      const std::string basis = Text(n, at, "basis");
      if (auto b = ParseBasis(basis)) {
        st.basis = *b;
      } else {
        Fail(n.Find("basis")->line, at, "basis", fmt::format("unknown basis '{}'", basis),
             "use brief, source or judgement (or leave it out)");
      }
      st.note = Text(n, at, "note");
      if (std::string coder = Text(n, at, "coder"); !coder.empty()) {
        AddCoding(codings_, issue, std::move(coder), std::move(st));
      } else {
        issue.stances.push_back(std::move(st));
      }
    }
  }

  void ReadIssues(const TreeNode& root, Scenario& s) {
    const TreeNode* list = List(root, {}, "issues", "start each issue with '- id: ...'");
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const TreeNode& n = list->items[i];
      const At at = At{}.Item("issues", i, "issue " + Peek(n, "id"));
      if (!RequireMap(n, at, "an issue")) continue;
      CheckKeys(n, at,
                {"id", "name", "description", "scale", "status_quo", "decision_rule",
                 "veto_players", "stances", "metadata", "outcome"},
                "an issue");
      Issue issue;
      issue.origin = Loc(n.line, at);
      issue.id = Text(n, at, "id", true);
      issue.name = Text(n, at, "name");
      issue.description = Text(n, at, "description");
      ReadScale(n, at, issue);
      issue.status_quo = OptionalNumber(n, at, "status_quo");
      const TreeNode* rule = n.Find("decision_rule");
      if (rule != nullptr && rule->kind == Kind::kMap) {
        ReadRule(*rule, at, issue.rule, false);
        if (const TreeNode* v = n.Find("veto_players"); v != nullptr) {
          Fail(v->line, at, "veto_players",
               "veto players are given twice: next to and inside 'decision_rule'",
               "move them into the decision_rule mapping");
        }
      } else {
        const std::string kind = Text(n, at, "decision_rule");
        issue.rule.kind =
            RuleKind(rule != nullptr ? rule->line : n.line, at, "decision_rule", kind);
        issue.rule.veto_players = TextList(n, at, "veto_players", true);
      }
      ReadStances(n, at, issue);
      ReadMetadata(n, at, issue);
      ReadOutcome(n, at, issue.id);
      s.issues.push_back(std::move(issue));
    }
  }

  DecisionKind RuleKind(int line, const At& at, const char* field, const std::string& text) {
    if (auto kind = ParseDecisionKind(text)) return *kind;
    Fail(line, at, field, fmt::format("unknown decision rule '{}'", text),
         "use none, unanimity, majority, qualified_majority or bicameral");
    return DecisionKind::kNone;
  }

  // A decision rule in its mapping form (docs/decision-rules.md); `chamber` for the rules of a
  // bicameral rule's chambers.
  void ReadRule(const TreeNode& n, const At& at, DecisionRule& r, bool chamber) {
    CheckKeys(n, at,
              {"kind", "name", "preset", "members", "seats", "threshold", "weights", "min_members",
               "min_member_count", "population", "min_population", "blocking_minority",
               "veto_players", "absent", "agenda_setter", "on_empty", "reversion_cost", "chambers"},
              chamber ? "a chamber" : "a decision rule");
    r.origin = Loc(n.line, at);
    const std::string kind = Text(n, at, "kind");
    const TreeNode* kind_node = n.Find("kind");
    r.name = Text(n, at, "name");
    r.preset = Text(n, at, "preset");
    if (kind.empty() && !r.preset.empty()) {
      r.kind = DecisionKind::kQualifiedMajority;
    } else if (kind.empty()) {
      r.kind = DecisionKind::kNone;
      Fail(n.line, at, "kind", "the decision rule has no kind",
           "add 'kind: ...' (unanimity, majority, qualified_majority or bicameral) or a preset");
    } else {
      r.kind = RuleKind(kind_node != nullptr ? kind_node->line : n.line, at, "decision_rule", kind);
    }
    r.members = TextList(n, at, "members", true);
    r.seats = WholeNumber(n, at, "seats");
    r.threshold = OptionalNumber(n, at, "threshold");
    if (const TreeNode* w = n.Find("weights"); w != nullptr && !w->IsNull()) {
      if (w->kind == Kind::kScalar && w->scalar == "capability") {
        r.weight_source = WeightSource::kCapability;
      } else if (w->kind == Kind::kScalar && w->scalar == "equal") {
        r.weight_source = WeightSource::kEqual;
      } else if (w->kind == Kind::kMap) {
        r.weight_source = WeightSource::kTable;
        r.weights = Values(*w, at, "weights");
      } else {
        Fail(w->line, at, "weights", "unknown weights",
             "use capability, equal or a map such as {DE: 29}");
      }
    }
    r.min_members = OptionalNumber(n, at, "min_members");
    r.min_member_count = WholeNumber(n, at, "min_member_count");
    if (const TreeNode* p = n.Find("population"); p != nullptr && !p->IsNull())
      r.population = Values(*p, at, "population");
    r.min_population = OptionalNumber(n, at, "min_population");
    r.blocking_minority = WholeNumber(n, at, "blocking_minority");
    r.veto_players = TextList(n, at, "veto_players", true);
    if (const std::string a = Text(n, at, "absent"); !a.empty()) {
      if (auto v = ParseAbsentMembers(a)) {
        r.absent = *v;
      } else {
        Fail(n.Find("absent")->line, at, "absent", fmt::format("unknown absent '{}'", a),
             "use against, drop or support");
      }
    }
    r.agenda_setter = Text(n, at, "agenda_setter");
    if (const std::string e = Text(n, at, "on_empty"); !e.empty()) {
      if (auto v = ParseOnEmpty(e)) {
        r.on_empty = *v;
      } else {
        Fail(n.Find("on_empty")->line, at, "on_empty", fmt::format("unknown on_empty '{}'", e),
             "use status_quo or model");
      }
    }
    r.reversion_cost = OptionalNumber(n, at, "reversion_cost").value_or(0);
    const TreeNode* chambers =
        List(n, at, "chambers", "write '- {kind: majority, members: [EP]}' per chamber");
    for (std::size_t i = 0; chambers != nullptr && i < chambers->items.size(); ++i) {
      const TreeNode& c = chambers->items[i];
      const At cat = at.Item("chambers", i, at.names);
      if (!RequireMap(c, cat, "a chamber")) continue;
      DecisionRule sub;
      ReadRule(c, cat, sub, true);
      r.chambers.push_back(std::move(sub));
    }
  }

  // `metadata: {proc: COD, counvte: QMV}`: text values, in the order written.
  void ReadMetadata(const TreeNode& issue_node, const At& at, Issue& issue) {
    const TreeNode* n = issue_node.Find("metadata");
    if (n == nullptr || n->IsNull()) return;
    if (n->kind != Kind::kMap) {
      Fail(n->line, at, "metadata", "'metadata' must map keys to text", "write e.g. '{proc: COD}'");
      return;
    }
    for (const TreeNode::Entry& e : n->entries) {
      if (e.value.kind == Kind::kScalar || e.value.IsNull()) {
        issue.metadata.push_back(
            IssueMeta{e.key, e.value.IsNull() ? std::string() : e.value.scalar});
      } else {
        Fail(e.value.line, at, e.key, "a metadata value must be a single value",
             "write it as text");
      }
    }
  }

  // `outcome: 13.9` or `outcome: {value: 13.9, date: 2021-04-08, source: "..."}`.
  void ReadOutcome(const TreeNode& issue_node, const At& at, const std::string& issue_id) {
    const TreeNode* n = issue_node.Find("outcome");
    if (n == nullptr || n->IsNull()) return;
    Outcome o;
    o.issue = issue_id;
    o.origin = Loc(n->line, at, "outcome");
    if (n->kind == Kind::kScalar) {
      o.value = Number(n, n->line, at, "outcome");
    } else if (n->kind == Kind::kMap) {
      CheckKeys(*n, at, {"value", "date", "source"}, "an outcome");
      o.value = NumberKey(*n, at, "value");
      o.date = Text(*n, at, "date");
      o.source = Text(*n, at, "source");
    } else {
      Fail(n->line, at, "outcome", "'outcome' must be a number or {value, date, source}",
           "write e.g. 'outcome: {value: 13.9, date: 2021-04-08}'");
      return;
    }
    outcomes_.push_back(std::move(o));
  }

  void ReadGroups(const TreeNode& root, Scenario& s) {
    const TreeNode* list =
        List(root, {}, "groups", "write e.g. '- {id: p1, name: ..., issues: [i1, i2]}'");
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const TreeNode& n = list->items[i];
      const At at = At{}.Item("groups", i, "group " + Peek(n, "id"));
      if (!RequireMap(n, at, "a group")) continue;
      CheckKeys(n, at, {"id", "name", "issues"}, "a group");
      IssueGroup g;
      g.origin = Loc(n.line, at);
      g.id = Text(n, at, "id", true);
      g.name = Text(n, at, "name");
      g.issues = TextList(n, at, "issues", true);
      s.groups.push_back(std::move(g));
    }
  }

  void ReadSeeds(const TreeNode& root, Scenario& s) {
    const TreeNode* list =
        List(root, {}, "seeds",
             "write e.g. '- {coder: a, question: q1, q05: 1, q50: 2, q95: 4, realization: 3}'");
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const TreeNode& n = list->items[i];
      const At at =
          At{}.Item("seeds", i, fmt::format("{} on {}", Peek(n, "coder"), Peek(n, "question")));
      if (!RequireMap(n, at, "a seed answer")) continue;
      CheckKeys(n, at, {"coder", "question", "q05", "q50", "q95", "realization"}, "a seed answer");
      SeedAnswer a;
      a.origin = Loc(n.line, at);
      a.coder = Text(n, at, "coder", true);
      a.question = Text(n, at, "question", true);
      a.q05 = NumberKey(n, at, "q05");
      a.q50 = NumberKey(n, at, "q50");
      a.q95 = NumberKey(n, at, "q95");
      a.realization = NumberKey(n, at, "realization");
      s.seeds.push_back(std::move(a));
    }
  }

  void ReadAlliances(const TreeNode& root, Scenario& s) {
    const TreeNode* list =
        List(root, {}, "alliances", "write e.g. '- {id: us-rok, members: [US, ROK]}'");
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const TreeNode& n = list->items[i];
      const At at = At{}.Item("alliances", i, "alliance " + Peek(n, "id"));
      if (!RequireMap(n, at, "an alliance")) continue;
      CheckKeys(n, at, {"id", "name", "members"}, "an alliance");
      Alliance a;
      a.origin = Loc(n.line, at);
      a.id = Text(n, at, "id", true);
      a.name = Text(n, at, "name");
      a.members = TextList(n, at, "members", true);
      s.alliances.push_back(std::move(a));
    }
  }

  void ReadMoves(const TreeNode& root, Scenario& s) {
    const TreeNode* list =
        List(root, {}, "moves", "write e.g. '- {id: press, name: ..., changes: [...]}'");
    if (list == nullptr) return;
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const TreeNode& n = list->items[i];
      const At at = At{}.Item("moves", i, "move " + Peek(n, "id"));
      if (!RequireMap(n, at, "a move")) continue;
      CheckKeys(n, at, {"id", "name", "source", "changes"}, "a move");
      Move m;
      m.origin = Loc(n.line, at);
      m.id = Text(n, at, "id", true);
      m.name = Text(n, at, "name");
      m.source = Text(n, at, "source");
      const TreeNode* changes =
          List(n, at, "changes", "write e.g. '- {actor: US, issue: opcon, salience: 0.8}'");
      for (std::size_t j = 0; changes != nullptr && j < changes->items.size(); ++j) {
        const TreeNode& c = changes->items[j];
        const At cat =
            at.Item("changes", j,
                    fmt::format("move {}: {} on {}", m.id, Peek(c, "actor"), Peek(c, "issue")));
        if (!RequireMap(c, cat, "a change")) continue;
        CheckKeys(c, cat, {"actor", "issue", "position", "salience", "capability"}, "a change");
        StanceChange ch;
        ch.origin = Loc(c.line, cat);
        ch.actor = Text(c, cat, "actor", true);
        ch.issue = Text(c, cat, "issue", true);
        ch.position = OptionalNumber(c, cat, "position");
        ch.salience = OptionalNumber(c, cat, "salience");
        ch.capability = OptionalNumber(c, cat, "capability");
        m.changes.push_back(std::move(ch));
      }
      s.moves.push_back(std::move(m));
    }
  }

  // `model_options: {MODEL: {KEY: VALUE}}`: options the scenario gives a model.
  void ReadModelOptions(const TreeNode& root, Scenario& s) {
    const TreeNode* n = root.Find("model_options");
    if (n == nullptr || n->IsNull()) return;
    const std::string hint = "write e.g. 'model_options: {ktab-smp: {victory: square}}'";
    if (n->kind != Kind::kMap) {
      Fail(n->line, {}, "model_options", "'model_options' must map model names to options", hint);
      return;
    }
    for (const TreeNode::Entry& model : n->entries) {
      const At at{"model_options." + model.key, "model " + model.key};
      if (model.value.kind != Kind::kMap) {
        Fail(model.line, at, model.key, "a model's options must map names to values", hint);
        continue;
      }
      std::map<std::string, std::string>& into = s.model_options[model.key];
      for (const TreeNode::Entry& option : model.value.entries) {
        if (option.value.kind == Kind::kScalar) {
          into[option.key] = option.value.scalar;
        } else {
          Fail(option.line, at, option.key,
               fmt::format("option '{}' must be a single value", option.key), hint);
        }
      }
    }
  }

  Result<ScenarioDocument> Read(const TreeNode& root) {
    if (root.IsNull()) {
      return Error{Location{file_, root.line},
                   root.line > 0 ? "file is empty" : "the scenario is empty",
                   "see docs/scenario-format.md for an example"};
    }
    if (!RequireMap(root, {}, "the scenario")) return errors_;
    CheckKeys(root, {},
              {"entente", "title", "as_of", "description", "sources", "actors", "issues",
               "alliances", "moves", "groups", "model_options", "seeds"},
              "the scenario");
    ScenarioDocument doc;
    Scenario& s = doc.scenario;
    if (const TreeNode* v = root.Find("entente");
        v != nullptr && Text(root, {}, "entente") != "1") {
      Fail(v->line, {}, "entente", "unsupported format version", "this Entente reads 'entente: 1'");
    }
    s.meta.title = Text(root, {}, "title");
    s.meta.as_of = Text(root, {}, "as_of");
    s.meta.description = Text(root, {}, "description");
    s.meta.sources = TextList(root, {}, "sources", false);
    if (root.Find("actors") == nullptr)
      Fail(root.line, {}, "actors", "missing 'actors'", "list the actors under 'actors:'");
    if (root.Find("issues") == nullptr)
      Fail(root.line, {}, "issues", "missing 'issues'", "list the issues under 'issues:'");
    ReadActors(root, s);
    ReadIssues(root, s);
    ReadAlliances(root, s);
    ReadMoves(root, s);
    ReadGroups(root, s);
    ReadSeeds(root, s);
    ReadModelOptions(root, s);
    if (!errors_.empty()) return std::move(errors_);
    doc.outcomes = std::move(outcomes_);
    s.codings = std::move(codings_);
    PoolCodings(s, PoolRule::kMean);
    return doc;
  }

 private:
  std::vector<Outcome> outcomes_;
  std::vector<Coding> codings_;  // coded stances, in input order
};

}  // namespace

Result<ScenarioDocument> ReadScenarioDocumentTree(const TreeNode& root, const std::string& file) {
  return TreeReader(file).Read(root);
}

Result<Scenario> ReadScenarioTree(const TreeNode& root, const std::string& file) {
  Result<ScenarioDocument> doc = ReadScenarioDocumentTree(root, file);
  if (!doc) return doc.errors();
  return std::move(doc).value().scenario;
}

Result<Scenario> ScenarioFromJson(const nlohmann::json& json, const std::string& label) {
  return ReadScenarioTree(TreeFromJson(json), label);
}

}  // namespace entente