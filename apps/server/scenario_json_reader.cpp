// JSON -> Scenario: the dashboard's scenario form, every structural problem located by its
// JSON path so the front end can put the message beside the cell it concerns.
#include <cmath>
#include <initializer_list>

#include <fmt/format.h>

#include "scenario_json.hpp"

namespace entente::server {
namespace {

using Json = nlohmann::json;

class Reader {
 public:
  Errors errors;

  void Fail(const std::string& at, const std::string& field, std::string message,
            std::string hint) {
    errors.push_back(Error{Location{at, 0, field}, std::move(message), std::move(hint)});
  }

  // True when `j` is an object; reports keys outside `known`.
  bool Object(const Json& j, const std::string& at, std::initializer_list<const char*> known) {
    if (!j.is_object()) {
      Fail(at, "", fmt::format("expected an object, got {}", j.type_name()),
           "send a JSON object here");
      return false;
    }
    for (const auto& [key, value] : j.items()) {
      bool ok = false;
      for (const char* k : known) ok = ok || key == k;
      if (!ok) {
        Fail(at, key, fmt::format("unknown key '{}'", key),
             fmt::format("use one of: {}", fmt::join(known, ", ")));
      }
    }
    return true;
  }

  std::string Text(const Json& j, const char* key, const std::string& at, bool required = false) {
    if (!j.contains(key) || j[key].is_null()) {
      if (required)
        Fail(at, key, fmt::format("'{}' is missing", key), fmt::format("give '{}' a value", key));
      return {};
    }
    if (!j[key].is_string()) {
      Fail(at, key, fmt::format("'{}' must be a string, got {}", key, j[key].type_name()),
           "quote the value");
      return {};
    }
    return j[key].get<std::string>();
  }

  std::optional<double> OptNumber(const Json& j, const char* key, const std::string& at) {
    if (!j.contains(key) || j[key].is_null()) return std::nullopt;
    if (!j[key].is_number()) {
      Fail(at, key, fmt::format("'{}' must be a number, got {}", key, j[key].type_name()),
           "write a plain number such as 0.5");
      return std::nullopt;
    }
    return j[key].get<double>();
  }

  double Number(const Json& j, const char* key, const std::string& at) {
    if (!j.contains(key) || j[key].is_null()) {
      Fail(at, key, fmt::format("'{}' is missing", key), fmt::format("give '{}' a number", key));
      return 0;
    }
    return OptNumber(j, key, at).value_or(0);
  }

  std::vector<std::string> Texts(const Json& j, const char* key, const std::string& at) {
    std::vector<std::string> out;
    if (!j.contains(key) || j[key].is_null()) return out;
    if (!j[key].is_array()) {
      Fail(at, key, fmt::format("'{}' must be a list of strings", key), "write [\"A\", \"B\"]");
      return out;
    }
    for (const Json& v : j[key]) {
      if (v.is_string()) {
        out.push_back(v.get<std::string>());
      } else {
        Fail(at, key, fmt::format("'{}' must hold strings only", key), "quote every item");
      }
    }
    return out;
  }

  // Calls `each(item, path)` for every element of the list `j[key]`.
  template <typename F>
  void List(const Json& j, const char* key, const std::string& at, F each) {
    if (!j.contains(key) || j[key].is_null()) return;
    if (!j[key].is_array()) {
      Fail(at, key, fmt::format("'{}' must be a list", key), "send a JSON array");
      return;
    }
    for (std::size_t i = 0; i < j[key].size(); ++i)
      each(j[key][i], fmt::format("{}.{}[{}]", at, key, i));
  }

  Spread ReadSpread(const Json& j, const char* key, const std::string& at) {
    if (!j.contains(key) || j[key].is_null()) return {};
    const std::string path = at + "." + key;
    if (!Object(j[key], path, {"kind", "sd", "low", "high"})) return {};
    const std::string kind = Text(j[key], "kind", path, true);
    if (kind == "normal") return Spread::Normal(Number(j[key], "sd", path));
    if (kind == "uniform")
      return Spread::Uniform(Number(j[key], "low", path), Number(j[key], "high", path));
    if (kind == "triangular") {
      return Spread::Triangular(Number(j[key], "low", path), Number(j[key], "high", path));
    }
    Fail(path, "kind", fmt::format("unknown spread kind '{}'", kind),
         "use normal, uniform or triangular");
    return {};
  }

  Stance ReadStance(const Json& j, const std::string& at) {
    Stance s;
    s.origin = Location{at, 0, ""};
    if (!Object(j, at,
                {"actor", "position", "salience", "capability", "basis", "note", "position_spread",
                 "salience_spread", "capability_spread"})) {
      return s;
    }
    s.actor = Text(j, "actor", at, true);
    s.position = Number(j, "position", at);
    s.salience = Number(j, "salience", at);
    s.capability = Number(j, "capability", at);
    const std::string basis = Text(j, "basis", at);
    if (const auto b = ParseBasis(basis)) {
      s.basis = *b;
    } else {
      Fail(at, "basis", fmt::format("unknown basis '{}'", basis),
           "use brief, source, judgement or leave it empty");
    }
    s.note = Text(j, "note", at);
    s.position_spread = ReadSpread(j, "position_spread", at);
    s.salience_spread = ReadSpread(j, "salience_spread", at);
    s.capability_spread = ReadSpread(j, "capability_spread", at);
    return s;
  }

  Issue ReadIssue(const Json& j, const std::string& at) {
    Issue issue;
    issue.origin = Location{at, 0, ""};
    if (!Object(j, at,
                {"id", "name", "description", "scale", "status_quo", "decision_rule",
                 "veto_players", "stances"})) {
      return issue;
    }
    issue.id = Text(j, "id", at, true);
    issue.name = Text(j, "name", at);
    issue.description = Text(j, "description", at);
    const std::string scale_at = at + ".scale";
    if (!j.contains("scale")) {
      Fail(at, "scale", "'scale' is missing", "give {\"min\": 0, \"max\": 100}");
    } else if (Object(j["scale"], scale_at, {"min", "max", "unit", "anchors"})) {
      issue.scale.min = Number(j["scale"], "min", scale_at);
      issue.scale.max = Number(j["scale"], "max", scale_at);
      issue.scale.unit = Text(j["scale"], "unit", scale_at);
      List(j["scale"], "anchors", scale_at, [&](const Json& a, const std::string& p) {
        if (Object(a, p, {"value", "label"}))
          issue.scale.anchors.push_back({Number(a, "value", p), Text(a, "label", p)});
      });
    }
    issue.status_quo = OptNumber(j, "status_quo", at);
    if (j.contains("decision_rule") && j["decision_rule"].is_object()) {
      issue.rule = ReadRule(j["decision_rule"], at + ".decision_rule");
      if (!Texts(j, "veto_players", at).empty()) {
        Fail(at, "veto_players",
             "veto players are given twice: next to and inside "
             "'decision_rule'",
             "move them into the decision_rule object");
      }
    } else {
      issue.rule.kind = Kind(Text(j, "decision_rule", at), at, "decision_rule");
      issue.rule.veto_players = Texts(j, "veto_players", at);
    }
    List(j, "stances", at,
         [&](const Json& s, const std::string& p) { issue.stances.push_back(ReadStance(s, p)); });
    return issue;
  }

  DecisionKind Kind(const std::string& text, const std::string& at, const char* field) {
    if (const auto k = ParseDecisionKind(text)) return *k;
    Fail(at, field, fmt::format("unknown decision rule '{}'", text),
         "use none, unanimity, majority, qualified_majority or bicameral");
    return DecisionKind::kNone;
  }

  std::vector<MemberValue> Values(const Json& j, const char* key, const std::string& at) {
    std::vector<MemberValue> out;
    if (!j.contains(key) || j[key].is_null()) return out;
    if (!j[key].is_object()) {
      Fail(at, key, fmt::format("'{}' must map actor ids to numbers", key),
           "send e.g. {\"DE\": 29}");
      return out;
    }
    for (const auto& [id, v] : j[key].items()) {
      if (v.is_number()) {
        out.push_back({id, v.get<double>()});
      } else {
        Fail(at, key, fmt::format("'{}' of '{}' must be a number", key, id), "send a number");
      }
    }
    return out;
  }

  int Whole(const Json& j, const char* key, const std::string& at) {
    const auto v = OptNumber(j, key, at);
    if (v && *v != std::floor(*v))
      Fail(at, key, fmt::format("'{}' must be whole", key), "send e.g. 4");
    return v ? static_cast<int>(*v) : 0;
  }

  // The YAML mapping form of a rule (docs/decision-rules.md), as a JSON object.
  DecisionRule ReadRule(const Json& j, const std::string& at) {
    DecisionRule r;
    r.origin = Location{at, 0, ""};
    if (!Object(j, at,
                {"kind", "name", "preset", "members", "seats", "threshold", "weights",
                 "min_members", "min_member_count", "population", "min_population",
                 "blocking_minority", "veto_players", "absent", "agenda_setter", "on_empty",
                 "reversion_cost", "chambers"})) {
      return r;
    }
    const std::string kind = Text(j, "kind", at);
    r.preset = Text(j, "preset", at);
    r.kind = kind.empty() && !r.preset.empty() ? DecisionKind::kQualifiedMajority
                                               : Kind(kind, at, "kind");
    r.name = Text(j, "name", at);
    r.members = Texts(j, "members", at);
    r.seats = Whole(j, "seats", at);
    r.threshold = OptNumber(j, "threshold", at);
    if (j.contains("weights") && j["weights"].is_string()) {
      const std::string w = j["weights"].get<std::string>();
      if (w == "equal")
        r.weight_source = WeightSource::kEqual;
      else if (w != "capability")
        Fail(at, "weights", fmt::format("unknown weights '{}'", w),
             "use capability, equal or an object of votes");
    } else if (j.contains("weights") && !j["weights"].is_null()) {
      r.weight_source = WeightSource::kTable;
      r.weights = Values(j, "weights", at);
    }
    r.min_members = OptNumber(j, "min_members", at);
    r.min_member_count = Whole(j, "min_member_count", at);
    r.population = Values(j, "population", at);
    r.min_population = OptNumber(j, "min_population", at);
    r.blocking_minority = Whole(j, "blocking_minority", at);
    r.veto_players = Texts(j, "veto_players", at);
    if (const std::string a = Text(j, "absent", at); !a.empty()) {
      if (const auto v = ParseAbsentMembers(a))
        r.absent = *v;
      else
        Fail(at, "absent", fmt::format("unknown absent '{}'", a), "use against, drop or support");
    }
    r.agenda_setter = Text(j, "agenda_setter", at);
    if (const std::string e = Text(j, "on_empty", at); !e.empty()) {
      if (const auto v = ParseOnEmpty(e))
        r.on_empty = *v;
      else
        Fail(at, "on_empty", fmt::format("unknown on_empty '{}'", e), "use status_quo or model");
    }
    r.reversion_cost = OptNumber(j, "reversion_cost", at).value_or(0);
    List(j, "chambers", at,
         [&](const Json& c, const std::string& p) { r.chambers.push_back(ReadRule(c, p)); });
    return r;
  }

  Move ReadMove(const Json& j, const std::string& at) {
    Move m;
    m.origin = Location{at, 0, ""};
    if (!Object(j, at, {"id", "name", "source", "changes"})) return m;
    m.id = Text(j, "id", at, true);
    m.name = Text(j, "name", at);
    m.source = Text(j, "source", at);
    List(j, "changes", at, [&](const Json& c, const std::string& p) {
      StanceChange ch;
      ch.origin = Location{p, 0, ""};
      if (Object(c, p, {"actor", "issue", "position", "salience", "capability"})) {
        ch.actor = Text(c, "actor", p, true);
        ch.issue = Text(c, "issue", p, true);
        ch.position = OptNumber(c, "position", p);
        ch.salience = OptNumber(c, "salience", p);
        ch.capability = OptNumber(c, "capability", p);
      }
      m.changes.push_back(std::move(ch));
    });
    return m;
  }
};

}  // namespace

Result<Scenario> ScenarioFromJson(const nlohmann::json& json, const std::string& label) {
  Reader r;
  Scenario s;
  if (!r.Object(json, label,
                {"title", "as_of", "description", "sources", "actors", "issues", "alliances",
                 "moves", "groups"})) {
    return r.errors;
  }
  s.meta.title = r.Text(json, "title", label);
  s.meta.as_of = r.Text(json, "as_of", label);
  s.meta.description = r.Text(json, "description", label);
  s.meta.sources = r.Texts(json, "sources", label);
  r.List(json, "actors", label, [&](const Json& a, const std::string& p) {
    Actor actor;
    actor.origin = Location{p, 0, ""};
    if (r.Object(a, p, {"id", "name", "description"})) {
      actor.id = r.Text(a, "id", p, true);
      actor.name = r.Text(a, "name", p);
      actor.description = r.Text(a, "description", p);
    }
    s.actors.push_back(std::move(actor));
  });
  r.List(json, "issues", label,
         [&](const Json& i, const std::string& p) { s.issues.push_back(r.ReadIssue(i, p)); });
  r.List(json, "alliances", label, [&](const Json& a, const std::string& p) {
    Alliance al;
    al.origin = Location{p, 0, ""};
    if (r.Object(a, p, {"id", "name", "members"})) {
      al.id = r.Text(a, "id", p, true);
      al.name = r.Text(a, "name", p);
      al.members = r.Texts(a, "members", p);
    }
    s.alliances.push_back(std::move(al));
  });
  r.List(json, "moves", label,
         [&](const Json& m, const std::string& p) { s.moves.push_back(r.ReadMove(m, p)); });
  // Issue groups (a backtest resamples them); optional.
  r.List(json, "groups", label, [&](const Json& g, const std::string& p) {
    IssueGroup group;
    group.origin = Location{p, 0, ""};
    if (r.Object(g, p, {"id", "name", "issues"})) {
      group.id = r.Text(g, "id", p, true);
      group.name = r.Text(g, "name", p);
      group.issues = r.Texts(g, "issues", p);
    }
    s.groups.push_back(std::move(group));
  });
  if (!r.errors.empty()) return r.errors;
  return s;
}

}  // namespace entente::server
