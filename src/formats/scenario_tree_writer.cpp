// Scenario -> the YAML format's shape as JSON (the server's scenarios, Python's to_dict). The
// YAML text writer (yaml_writer.cpp) writes the same shape; a test reads both back.
#include <nlohmann/json.hpp>

#include "entente/formats/scenario_tree.hpp"

namespace entente {
namespace {

using Json = nlohmann::ordered_json;

// A number with its spread in the form the reader takes back.
Json Uncertain(double value, const Spread& sp) {
  switch (sp.kind) {
    case Spread::Kind::kNone: return value;
    case Spread::Kind::kNormal: return Json{{"value", value}, {"sd", sp.sd}};
    case Spread::Kind::kUniform: return Json{{"low", sp.low}, {"high", sp.high}};
    case Spread::Kind::kTriangular:
      return Json{{"value", value}, {"low", sp.low}, {"high", sp.high}};
  }
  return value;
}

void Put(Json& j, const char* key, const std::string& text) {
  if (!text.empty()) j[key] = text;
}

Json Values(const std::vector<MemberValue>& values) {
  Json j = Json::object();
  for (const MemberValue& v : values) j[v.member] = v.value;
  return j;
}

// The mapping form of a rule (only the keys that differ from their defaults), as the YAML
// writer writes it.
Json RuleJson(const DecisionRule& r) {
  Json j{{"kind", std::string(DecisionKindName(r.kind))}};
  Put(j, "name", r.name);
  Put(j, "preset", r.preset);
  if (!r.members.empty()) j["members"] = r.members;
  if (r.seats != 0) j["seats"] = r.seats;
  if (r.threshold) j["threshold"] = *r.threshold;
  if (r.weight_source == WeightSource::kEqual) j["weights"] = "equal";
  if (r.weight_source == WeightSource::kTable) j["weights"] = Values(r.weights);
  if (r.min_members) j["min_members"] = *r.min_members;
  if (r.min_member_count != 0) j["min_member_count"] = r.min_member_count;
  if (!r.population.empty()) j["population"] = Values(r.population);
  if (r.min_population) j["min_population"] = *r.min_population;
  if (r.blocking_minority != 0) j["blocking_minority"] = r.blocking_minority;
  if (!r.veto_players.empty()) j["veto_players"] = r.veto_players;
  if (r.absent != AbsentMembers::kAgainst) j["absent"] = std::string(AbsentMembersName(r.absent));
  Put(j, "agenda_setter", r.agenda_setter);
  if (r.on_empty != OnEmpty::kStatusQuo) j["on_empty"] = std::string(OnEmptyName(r.on_empty));
  if (r.reversion_cost != 0) j["reversion_cost"] = r.reversion_cost;
  if (!r.chambers.empty()) {
    Json chambers = Json::array();
    for (const DecisionRule& c : r.chambers) chambers.push_back(RuleJson(c));
    j["chambers"] = chambers;
  }
  return j;
}

Json StanceJson(const Stance& s, const std::string& coder) {
  Json st{{"actor", s.actor}};
  if (!coder.empty()) st["coder"] = coder;
  st["position"] = Uncertain(s.position, s.position_spread);
  st["salience"] = Uncertain(s.salience, s.salience_spread);
  st["capability"] = Uncertain(s.capability, s.capability_spread);
  if (s.basis != Basis::kUnstated) st["basis"] = std::string(BasisName(s.basis));
  Put(st, "note", s.note);
  return st;
}

Json IssueJson(const Issue& i, const std::vector<Outcome>& outcomes,
               const std::vector<Coding>& codings) {
  Json j{{"id", i.id}};
  Put(j, "name", i.name);
  Put(j, "description", i.description);
  Json scale{{"min", i.scale.min}, {"max", i.scale.max}};
  Put(scale, "unit", i.scale.unit);
  if (!i.scale.anchors.empty()) {
    Json anchors = Json::array();
    for (const Anchor& a : i.scale.anchors)
      anchors.push_back({{"value", a.value}, {"label", a.label}});
    scale["anchors"] = anchors;
  }
  j["scale"] = scale;
  if (i.status_quo) j["status_quo"] = *i.status_quo;
  // A plain rule keeps the short form; the rest is the mapping.
  if (i.rule.IsSimple()) {
    j["decision_rule"] = std::string(DecisionKindName(i.rule.kind));
    if (!i.rule.veto_players.empty()) j["veto_players"] = i.rule.veto_players;
  } else {
    j["decision_rule"] = RuleJson(i.rule);
  }
  Json stances = Json::array();
  for (const Stance& s : i.stances) {
    // A coded stance is written as its codings (the pooled numbers are read back from them).
    bool coded = false;
    for (const Coding& c : codings) {
      if (c.issue != i.id || c.stance.actor != s.actor) continue;
      stances.push_back(StanceJson(c.stance, c.coder));
      coded = true;
    }
    if (!coded) stances.push_back(StanceJson(s, ""));
  }
  j["stances"] = stances;
  if (!i.metadata.empty()) {
    Json meta = Json::object();
    for (const IssueMeta& m : i.metadata) meta[m.key] = m.value;
    j["metadata"] = meta;
  }
  for (const Outcome& o : outcomes) {
    if (o.issue != i.id) continue;
    Json out{{"value", o.value}};
    Put(out, "date", o.date);
    Put(out, "source", o.source);
    j["outcome"] = out;
  }
  return j;
}

Json MoveJson(const Move& m) {
  Json j{{"id", m.id}};
  Put(j, "name", m.name);
  Put(j, "source", m.source);
  Json changes = Json::array();
  for (const StanceChange& c : m.changes) {
    Json ch{{"actor", c.actor}, {"issue", c.issue}};
    if (c.position) ch["position"] = *c.position;
    if (c.salience) ch["salience"] = *c.salience;
    if (c.capability) ch["capability"] = *c.capability;
    changes.push_back(ch);
  }
  j["changes"] = changes;
  return j;
}

}  // namespace

nlohmann::ordered_json ScenarioToJson(const Scenario& scenario) {
  return ScenarioDocumentToJson(ScenarioDocument{scenario, {}, {}});
}

nlohmann::ordered_json ScenarioDocumentToJson(const ScenarioDocument& document) {
  const Scenario& scenario = document.scenario;
  Json j{{"entente", 1}};
  Put(j, "title", scenario.meta.title);
  Put(j, "as_of", scenario.meta.as_of);
  Put(j, "description", scenario.meta.description);
  if (!scenario.meta.sources.empty()) j["sources"] = scenario.meta.sources;
  Json actors = Json::array();
  for (const Actor& a : scenario.actors) {
    Json actor{{"id", a.id}};
    Put(actor, "name", a.name);
    Put(actor, "description", a.description);
    actors.push_back(actor);
  }
  j["actors"] = actors;
  Json issues = Json::array();
  for (const Issue& i : scenario.issues)
    issues.push_back(IssueJson(i, document.outcomes, scenario.codings));
  j["issues"] = issues;
  if (!scenario.alliances.empty()) {
    Json alliances = Json::array();
    for (const Alliance& a : scenario.alliances) {
      Json al{{"id", a.id}};
      Put(al, "name", a.name);
      al["members"] = a.members;
      alliances.push_back(al);
    }
    j["alliances"] = alliances;
  }
  if (!scenario.moves.empty()) {
    Json moves = Json::array();
    for (const Move& m : scenario.moves) moves.push_back(MoveJson(m));
    j["moves"] = moves;
  }
  if (!scenario.groups.empty()) {
    Json groups = Json::array();
    for (const IssueGroup& g : scenario.groups) {
      Json group{{"id", g.id}};
      Put(group, "name", g.name);
      group["issues"] = g.issues;
      groups.push_back(group);
    }
    j["groups"] = groups;
  }
  if (!scenario.model_options.empty()) j["model_options"] = scenario.model_options;
  if (!scenario.seeds.empty()) {
    Json seeds = Json::array();
    for (const SeedAnswer& a : scenario.seeds) {
      seeds.push_back({{"coder", a.coder},
                       {"question", a.question},
                       {"q05", a.q05},
                       {"q50", a.q50},
                       {"q95", a.q95},
                       {"realization", a.realization}});
    }
    j["seeds"] = seeds;
  }
  return j;
}

}  // namespace entente
