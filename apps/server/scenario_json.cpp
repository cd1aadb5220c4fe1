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
      {"decision_rule", std::string(DecisionKindName(i.rule.kind))},
      {"veto_players", i.rule.veto_players},
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
