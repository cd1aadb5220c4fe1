// Scenario, Actor, Issue, Stance, ... as Python classes with writable attributes. Containers are
// opaque (bindings.hpp), so items come back by reference and edits land in the scenario.
#include <fmt/format.h>

#include "bindings.hpp"
#include "entente/core/issue.hpp"
#include "entente/core/spread.hpp"
#include "errors.hpp"

namespace py = pybind11;

namespace entente::python {
namespace {

// Spread kinds and bases travel as the strings the file formats use.
Spread::Kind ParseSpreadKind(const std::string& text) {
  if (text.empty() || text == "none") return Spread::Kind::kNone;
  if (text == "normal") return Spread::Kind::kNormal;
  if (text == "uniform") return Spread::Kind::kUniform;
  if (text == "triangular") return Spread::Kind::kTriangular;
  throw InputError(
      fmt::format("spread kind '{}' is unknown; use none, normal, uniform or triangular", text));
}

py::dict Values(const std::vector<MemberValue>& values) {
  py::dict d;
  for (const MemberValue& v : values) d[py::str(v.member)] = v.value;
  return d;
}

// A rule in the YAML mapping shape (docs/decision-rules.md), only the keys that are set.
py::dict RuleDict(const DecisionRule& r) {
  py::dict d;
  d["kind"] = std::string(DecisionKindName(r.kind));
  if (!r.name.empty()) d["name"] = r.name;
  if (!r.preset.empty()) d["preset"] = r.preset;
  if (!r.members.empty()) d["members"] = r.members;
  if (r.seats != 0) d["seats"] = r.seats;
  if (r.threshold) d["threshold"] = *r.threshold;
  if (r.weight_source == WeightSource::kEqual) d["weights"] = "equal";
  if (r.weight_source == WeightSource::kTable) d["weights"] = Values(r.weights);
  if (r.min_members) d["min_members"] = *r.min_members;
  if (r.min_member_count != 0) d["min_member_count"] = r.min_member_count;
  if (!r.population.empty()) d["population"] = Values(r.population);
  if (r.min_population) d["min_population"] = *r.min_population;
  if (r.blocking_minority != 0) d["blocking_minority"] = r.blocking_minority;
  if (!r.veto_players.empty()) d["veto_players"] = r.veto_players;
  if (r.absent != AbsentMembers::kAgainst) d["absent"] = std::string(AbsentMembersName(r.absent));
  if (!r.agenda_setter.empty()) d["agenda_setter"] = r.agenda_setter;
  if (r.on_empty != OnEmpty::kStatusQuo) d["on_empty"] = std::string(OnEmptyName(r.on_empty));
  if (r.reversion_cost != 0) d["reversion_cost"] = r.reversion_cost;
  if (!r.chambers.empty()) {
    py::list chambers;
    for (const DecisionRule& c : r.chambers) chambers.append(RuleDict(c));
    d["chambers"] = chambers;
  }
  return d;
}

void BindSpread(py::module_& m) {
  py::class_<Spread>(m, "Spread")
      .def(py::init([](const std::string& kind, double sd, double low, double high) {
             return Spread{ParseSpreadKind(kind), sd, low, high};
           }),
           py::arg("kind") = "none", py::arg("sd") = 0.0, py::arg("low") = 0.0,
           py::arg("high") = 0.0)
      .def_property(
          "kind",
          [](const Spread& s) {
            return s.kind == Spread::Kind::kNone ? std::string("none")
                                                 : std::string(SpreadKindName(s.kind));
          },
          [](Spread& s, const std::string& k) { s.kind = ParseSpreadKind(k); })
      .def_readwrite("sd", &Spread::sd)
      .def_readwrite("low", &Spread::low)
      .def_readwrite("high", &Spread::high)
      .def(py::self == py::self)
      .def("__repr__", [](const Spread& s) {
        return fmt::format("Spread(kind='{}', sd={}, low={}, high={})", SpreadKindName(s.kind),
                           s.sd, s.low, s.high);
      });
}

void BindStance(py::module_& m) {
  py::class_<Stance>(m, "Stance")
      .def(py::init([](std::string actor, double position, double salience, double capability,
                       const std::string& basis, std::string note) {
             const auto b = ParseBasis(basis);
             if (!b)
               throw InputError(
                   fmt::format("basis '{}' is unknown; use brief, source or judgement", basis));
             return Stance{std::move(actor), position, salience, capability, *b,
                           std::move(note),  {}};
           }),
           py::arg("actor"), py::arg("position"), py::arg("salience"), py::arg("capability"),
           py::arg("basis") = "", py::arg("note") = "")
      .def_readwrite("actor", &Stance::actor)
      .def_readwrite("position", &Stance::position)
      .def_readwrite("salience", &Stance::salience)
      .def_readwrite("capability", &Stance::capability)
      .def_property(
          "basis", [](const Stance& s) { return std::string(BasisName(s.basis)); },
          [](Stance& s, const std::string& text) {
            const auto b = ParseBasis(text);
            if (!b)
              throw InputError(
                  fmt::format("basis '{}' is unknown; use brief, source or judgement", text));
            s.basis = *b;
          })
      .def_readwrite("note", &Stance::note)
      .def_readwrite("origin", &Stance::origin)
      .def_readwrite("position_spread", &Stance::position_spread)
      .def_readwrite("salience_spread", &Stance::salience_spread)
      .def_readwrite("capability_spread", &Stance::capability_spread)
      .def_property_readonly("weight", &Stance::Weight)
      .def(py::self == py::self)
      .def("__repr__", [](const Stance& s) {
        return fmt::format("Stance(actor='{}', position={}, salience={}, capability={})", s.actor,
                           s.position, s.salience, s.capability);
      });
}

void BindIssue(py::module_& m) {
  py::class_<Anchor>(m, "Anchor")
      .def(py::init([](double value, std::string label) {
             return Anchor{value, std::move(label)};
           }),
           py::arg("value"), py::arg("label"))
      .def_readwrite("value", &Anchor::value)
      .def_readwrite("label", &Anchor::label)
      .def(py::self == py::self)
      .def("__repr__",
           [](const Anchor& a) { return fmt::format("Anchor({}, '{}')", a.value, a.label); });
  py::class_<Scale>(m, "Scale")
      .def(py::init([](double lo, double hi, std::string unit, std::vector<Anchor> anchors) {
             return Scale{lo, hi, std::move(unit), std::move(anchors)};
           }),
           py::arg("min") = 0.0, py::arg("max") = 100.0, py::arg("unit") = "",
           py::arg("anchors") = std::vector<Anchor>{})
      .def_readwrite("min", &Scale::min)
      .def_readwrite("max", &Scale::max)
      .def_readwrite("unit", &Scale::unit)
      .def_readwrite("anchors", &Scale::anchors)
      .def_property_readonly("range", &Scale::Range)
      .def(py::self == py::self);
  py::class_<Issue>(m, "Issue")
      .def(py::init([](std::string id, std::string name, Scale scale,
                       std::optional<double> status_quo, const std::string& rule,
                       std::vector<std::string> veto, std::string description) {
             const auto kind = ParseDecisionKind(rule);
             if (!kind)
               throw InputError(
                   fmt::format("decision rule '{}' is unknown; use none, unanimity, majority, "
                               "qualified_majority or bicameral",
                               rule));
             Issue i;
             i.id = std::move(id);
             i.name = std::move(name);
             i.description = std::move(description);
             i.scale = std::move(scale);
             i.status_quo = status_quo;
             i.rule = DecisionRule{*kind, std::move(veto)};
             return i;
           }),
           py::arg("id"), py::arg("name") = "", py::arg("scale") = Scale{},
           py::arg("status_quo") = std::nullopt, py::arg("decision_rule") = "none",
           py::arg("veto_players") = std::vector<std::string>{}, py::arg("description") = "")
      .def_readwrite("id", &Issue::id)
      .def_readwrite("name", &Issue::name)
      .def_readwrite("description", &Issue::description)
      .def_readwrite("scale", &Issue::scale)
      .def_readwrite("status_quo", &Issue::status_quo)
      .def_property(
          "decision_rule",
          [](const Issue& i) { return std::string(DecisionKindName(i.rule.kind)); },
          [](Issue& i, const std::string& text) {
            const auto kind = ParseDecisionKind(text);
            if (!kind)
              throw InputError(
                  fmt::format("decision rule '{}' is unknown; use none, unanimity, majority, "
                              "qualified_majority or bicameral",
                              text));
            i.rule.kind = *kind;
          })
      .def_property_readonly(
          "rule",
          [](const Issue& i) -> py::object {
            if (i.rule.IsSimple()) return py::none();
            return RuleDict(i.rule);
          },
          "The decision rule in the YAML mapping shape; None for the plain forms (none, or "
          "unanimity of veto_players). Build richer rules through from_dict or YAML.")
      .def_property(
          "veto_players", [](const Issue& i) { return i.rule.veto_players; },
          [](Issue& i, std::vector<std::string> v) { i.rule.veto_players = std::move(v); })
      .def_readwrite("stances", &Issue::stances)
      .def_readwrite("origin", &Issue::origin)
      .def(
          "stance",
          [](Issue& i, const std::string& actor) -> Stance& {
            Stance* s = i.FindStance(actor);
            if (s == nullptr)
              throw py::key_error(
                  fmt::format("actor '{}' takes no part in issue '{}'", actor, i.id));
            return *s;
          },
          py::return_value_policy::reference_internal, py::arg("actor"),
          "The stance of `actor` (by reference).")
      .def(py::self == py::self)
      .def("__repr__", [](const Issue& i) {
        return fmt::format("Issue(id='{}', {} stances)", i.id, i.stances.size());
      });
}

void BindActorsAndMoves(py::module_& m) {
  py::class_<Actor>(m, "Actor")
      .def(py::init([](std::string id, std::string name, std::string description) {
             return Actor{std::move(id), std::move(name), std::move(description), {}};
           }),
           py::arg("id"), py::arg("name") = "", py::arg("description") = "")
      .def_readwrite("id", &Actor::id)
      .def_readwrite("name", &Actor::name)
      .def_readwrite("description", &Actor::description)
      .def_readwrite("origin", &Actor::origin)
      .def(py::self == py::self)
      .def("__repr__",
           [](const Actor& a) { return fmt::format("Actor(id='{}', name='{}')", a.id, a.name); });
  py::class_<Alliance>(m, "Alliance")
      .def(py::init([](std::string id, std::vector<std::string> members, std::string name) {
             return Alliance{std::move(id), std::move(name), std::move(members), {}};
           }),
           py::arg("id"), py::arg("members"), py::arg("name") = "")
      .def_readwrite("id", &Alliance::id)
      .def_readwrite("name", &Alliance::name)
      .def_readwrite("members", &Alliance::members)
      .def(py::self == py::self);
  py::class_<StanceChange>(m, "StanceChange")
      .def(py::init([](std::string actor, std::string issue, std::optional<double> position,
                       std::optional<double> salience, std::optional<double> capability) {
             return StanceChange{std::move(actor), std::move(issue), position,
                                 salience,         capability,       {}};
           }),
           py::arg("actor"), py::arg("issue"), py::arg("position") = std::nullopt,
           py::arg("salience") = std::nullopt, py::arg("capability") = std::nullopt)
      .def_readwrite("actor", &StanceChange::actor)
      .def_readwrite("issue", &StanceChange::issue)
      .def_readwrite("position", &StanceChange::position)
      .def_readwrite("salience", &StanceChange::salience)
      .def_readwrite("capability", &StanceChange::capability)
      .def(py::self == py::self);
  py::class_<Move>(m, "Move")
      .def(py::init([](std::string id, std::vector<StanceChange> changes, std::string name,
                       std::string source) {
             return Move{std::move(id), std::move(name), std::move(source), std::move(changes), {}};
           }),
           py::arg("id"), py::arg("changes"), py::arg("name") = "", py::arg("source") = "")
      .def_readwrite("id", &Move::id)
      .def_readwrite("name", &Move::name)
      .def_readwrite("source", &Move::source)
      .def_readwrite("changes", &Move::changes)
      .def(py::self == py::self);
}

}  // namespace

void BindScenario(py::module_& m) {
  // Containers first: constructors below take them as default arguments.
  py::bind_vector<std::vector<Actor>>(m, "ActorList");
  py::bind_vector<std::vector<Issue>>(m, "IssueList");
  py::bind_vector<std::vector<Stance>>(m, "StanceList");
  py::bind_vector<std::vector<Anchor>>(m, "AnchorList");
  py::bind_vector<std::vector<Alliance>>(m, "AllianceList");
  py::bind_vector<std::vector<Move>>(m, "MoveList");
  py::bind_vector<std::vector<StanceChange>>(m, "StanceChangeList");
  py::implicitly_convertible<py::list, std::vector<Actor>>();
  py::implicitly_convertible<py::list, std::vector<Issue>>();
  py::implicitly_convertible<py::list, std::vector<Stance>>();
  py::implicitly_convertible<py::list, std::vector<Anchor>>();
  py::implicitly_convertible<py::list, std::vector<Alliance>>();
  py::implicitly_convertible<py::list, std::vector<Move>>();
  py::implicitly_convertible<py::list, std::vector<StanceChange>>();
  py::class_<Location>(m, "Location")
      .def_readonly("file", &Location::file)
      .def_readonly("line", &Location::line)
      .def_readonly("field", &Location::field)
      .def_readonly("path", &Location::path)
      .def_readonly("names", &Location::names)
      .def("__str__", &Location::ToString);
  BindSpread(m);
  BindStance(m);
  BindIssue(m);
  BindActorsAndMoves(m);

  py::class_<Scenario>(m, "Scenario")
      .def(py::init<>())
      .def_property(
          "title", [](const Scenario& s) { return s.meta.title; },
          [](Scenario& s, std::string v) { s.meta.title = std::move(v); })
      .def_property(
          "as_of", [](const Scenario& s) { return s.meta.as_of; },
          [](Scenario& s, std::string v) { s.meta.as_of = std::move(v); })
      .def_property(
          "description", [](const Scenario& s) { return s.meta.description; },
          [](Scenario& s, std::string v) { s.meta.description = std::move(v); })
      .def_property(
          "sources", [](const Scenario& s) { return s.meta.sources; },
          [](Scenario& s, std::vector<std::string> v) { s.meta.sources = std::move(v); })
      .def_readwrite("actors", &Scenario::actors)
      .def_readwrite("issues", &Scenario::issues)
      .def_readwrite("alliances", &Scenario::alliances)
      .def_readwrite("moves", &Scenario::moves)
      .def_readwrite("model_options", &Scenario::model_options,
                     "Options the scenario gives a model, {model: {key: value}} (a copy: assign "
                     "the whole dict to change it); they apply under the caller's own.")
      .def(
          "issue",
          [](Scenario& s, const std::string& id) -> Issue& {
            Issue* i = s.FindIssue(id);
            if (i == nullptr) throw py::key_error(fmt::format("no issue '{}'", id));
            return *i;
          },
          py::return_value_policy::reference_internal, py::arg("id"),
          "The issue with `id` (by reference).")
      .def(
          "actor",
          [](Scenario& s, const std::string& id) -> Actor& {
            for (Actor& a : s.actors) {
              if (a.id == id) return a;
            }
            throw py::key_error(fmt::format("no actor '{}'", id));
          },
          py::return_value_policy::reference_internal, py::arg("id"),
          "The actor with `id` (by reference).")
      .def("_copy", [](const Scenario& s) { return Scenario(s); })
      .def(py::self == py::self);
}

}  // namespace entente::python
