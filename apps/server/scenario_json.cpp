// Scenario -> JSON (the reader is in scenario_json_reader.cpp).
#include "scenario_json.hpp"

namespace entente::server {
namespace {

using Json = nlohmann::ordered_json;

Json SpreadJson(const Spread& s) {
  Json j{{"kind", std::string(SpreadKindName(s.kind))}};
  if (s.kind == Spread::Kind::kNormal) {
    j["sd"] = s.sd;
  } else {
    j["low"] = s.low;
    j["high"] = s.high;
  }
  return j;
}

Json StanceJson(const Stance& s) {
  Json j{{"actor", s.actor},
         {"position", s.position},
         {"salience", s.salience},
         {"capability", s.capability},
         {"basis", std::string(BasisName(s.basis))},
         {"note", s.note}};
  if (s.position_spread.IsSet()) j["position_spread"] = SpreadJson(s.position_spread);
  if (s.salience_spread.IsSet()) j["salience_spread"] = SpreadJson(s.salience_spread);
  if (s.capability_spread.IsSet()) j["capability_spread"] = SpreadJson(s.capability_spread);
  return j;
}

Json Values(const std::vector<MemberValue>& values) {
  Json j = Json::object();
  for (const MemberValue& v : values) j[v.member] = v.value;
  return j;
}

// The YAML mapping form of a rule (only the keys that differ from their defaults).
Json RuleJson(const DecisionRule& r) {
  Json j{{"kind", std::string(DecisionKindName(r.kind))}};
  if (!r.name.empty()) j["name"] = r.name;
  if (!r.preset.empty()) j["preset"] = r.preset;
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
  if (!r.agenda_setter.empty()) j["agenda_setter"] = r.agenda_setter;
  if (r.on_empty != OnEmpty::kStatusQuo) j["on_empty"] = std::string(OnEmptyName(r.on_empty));
  if (r.reversion_cost != 0) j["reversion_cost"] = r.reversion_cost;
  if (!r.chambers.empty()) {
    Json chambers = Json::array();
    for (const DecisionRule& c : r.chambers) chambers.push_back(RuleJson(c));
    j["chambers"] = chambers;
  }
  return j;
}

Json IssueJson(const Issue& i) {
  Json anchors = Json::array();
  for (const Anchor& a : i.scale.anchors)
    anchors.push_back({{"value", a.value}, {"label", a.label}});
  Json stances = Json::array();
  for (const Stance& s : i.stances) stances.push_back(StanceJson(s));
  return Json{
      {"id", i.id},
      {"name", i.name},
      {"description", i.description},
      {"scale",
       {{"min", i.scale.min}, {"max", i.scale.max}, {"unit", i.scale.unit}, {"anchors", anchors}}},
      {"status_quo", i.status_quo ? Json(*i.status_quo) : Json()},
      // Plain rules keep the short form older clients read; the rest is the YAML mapping.
      {"decision_rule",
       i.rule.IsSimple() ? Json(std::string(DecisionKindName(i.rule.kind))) : RuleJson(i.rule)},
      {"veto_players", i.rule.IsSimple() ? i.rule.veto_players : std::vector<std::string>{}},
      {"stances", stances}};
}

Json MoveJson(const Move& m) {
  Json changes = Json::array();
  for (const StanceChange& c : m.changes) {
    Json j{{"actor", c.actor}, {"issue", c.issue}};
    if (c.position) j["position"] = *c.position;
    if (c.salience) j["salience"] = *c.salience;
    if (c.capability) j["capability"] = *c.capability;
    changes.push_back(j);
  }
  return Json{{"id", m.id}, {"name", m.name}, {"source", m.source}, {"changes", changes}};
}

}  // namespace

nlohmann::ordered_json ScenarioToJson(const Scenario& scenario) {
  Json actors = Json::array();
  for (const Actor& a : scenario.actors) {
    actors.push_back({{"id", a.id}, {"name", a.name}, {"description", a.description}});
  }
  Json issues = Json::array();
  for (const Issue& i : scenario.issues) issues.push_back(IssueJson(i));
  Json alliances = Json::array();
  for (const Alliance& a : scenario.alliances) {
    alliances.push_back({{"id", a.id}, {"name", a.name}, {"members", a.members}});
  }
  Json moves = Json::array();
  for (const Move& m : scenario.moves) moves.push_back(MoveJson(m));
  Json groups = Json::array();
  for (const IssueGroup& g : scenario.groups) {
    groups.push_back({{"id", g.id}, {"name", g.name}, {"issues", g.issues}});
  }
  return Json{{"title", scenario.meta.title},
              {"as_of", scenario.meta.as_of},
              {"description", scenario.meta.description},
              {"sources", scenario.meta.sources},
              {"actors", actors},
              {"issues", issues},
              {"alliances", alliances},
              {"moves", moves},
              {"groups", groups}};
}

nlohmann::ordered_json ErrorJson(const Error& error) {
  return Json{{"where", error.where.file}, {"line", error.where.line}, {"field", error.where.field},
              {"message", error.message},  {"hint", error.hint},       {"text", error.ToString()}};
}

nlohmann::ordered_json ErrorsJson(const Errors& errors) {
  Json list = Json::array();
  for (const Error& e : errors) list.push_back(ErrorJson(e));
  return Json{{"errors", list}};
}

}  // namespace entente::server
