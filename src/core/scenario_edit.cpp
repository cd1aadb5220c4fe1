// What-if edits. Targets are resolved against the scenario, not split on the first dot, so an
// id such as "eu.budget" still works; the edited copy then goes through Validate, whose new
// problems are reported as the edit's.
#include "entente/core/scenario_edit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "entente/core/error.hpp"
#include "entente/core/text.hpp"
#include "entente/core/validation.hpp"

namespace entente {
namespace {

constexpr std::array<std::pair<std::string_view, EditField>, 7> kFields{{
    {"position", EditField::kPosition},
    {"salience", EditField::kSalience},
    {"capability", EditField::kCapability},
    {"status_quo", EditField::kStatusQuo},
    {"decision_rule", EditField::kDecisionRule},
    {"threshold", EditField::kThreshold},
    {"veto_players", EditField::kVetoPlayers},
}};

constexpr std::string_view kFieldHint =
    "use position, salience or capability (ACTOR.ISSUE.FIELD; salience and capability also "
    "ACTOR.FIELD for every issue of the actor) or status_quo, decision_rule, threshold, "
    "veto_players (ISSUE.FIELD)";

constexpr std::string_view kExample = "write e.g. US.opcon_transfer.salience=0.8";

bool OfStance(EditField f) {
  return f == EditField::kPosition || f == EditField::kSalience || f == EditField::kCapability;
}

bool Numeric(EditField f) {
  return f != EditField::kDecisionRule && f != EditField::kVetoPlayers;
}

Error EditError(std::string_view edit, std::string_view message, std::string hint) {
  return FieldError("set", fmt::format("edit '{}': {}", edit, message), std::move(hint));
}

// What validation's location names, so a problem an edit makes on several issues says which.
std::string Where(const Location& where) {
  if (!where.names.empty()) return where.names + ": ";
  const std::string place = where.ToString();
  return place.empty() ? "" : "at " + place + ": ";
}

template <typename T>
std::string Ids(const std::vector<T>& items) {
  std::string out;
  for (const T& x : items) out += (out.empty() ? "" : ", ") + x.id;
  return out.empty() ? "none" : out;
}

std::string StanceIds(const Issue& issue) {
  std::string out;
  for (const Stance& s : issue.stances) out += (out.empty() ? "" : ", ") + s.actor;
  return out.empty() ? "none" : out;
}

// The stances `e` changes; throws naming what does not resolve.
std::vector<Stance*> StancesOf(Scenario& s, const ScenarioEdit& e, const std::string& text) {
  if (s.FindActor(e.target) != nullptr) {
    if (e.field == EditField::kPosition) {
      throw InputError({EditError(text, "a position is on one issue's scale",
                                  fmt::format("name the issue: {}.ISSUE.position", e.target))});
    }
    std::vector<Stance*> out;
    for (Issue& issue : s.issues) {
      if (Stance* st = issue.FindStance(e.target)) out.push_back(st);
    }
    if (out.empty()) {
      throw InputError({EditError(text, fmt::format("actor '{}' takes part in no issue", e.target),
                                  "give it a stance in the scenario first")});
    }
    return out;
  }
  // ACTOR.ISSUE: the first split where both ids exist.
  for (std::size_t dot = e.target.find('.'); dot != std::string::npos;
       dot = e.target.find('.', dot + 1)) {
    const std::string actor = e.target.substr(0, dot);
    Issue* issue = s.FindIssue(e.target.substr(dot + 1));
    if (s.FindActor(actor) == nullptr || issue == nullptr) continue;
    Stance* st = issue->FindStance(actor);
    if (st == nullptr) {
      throw InputError(
          {EditError(text, fmt::format("actor '{}' takes no part in issue '{}'", actor, issue->id),
                     fmt::format("the issue's actors are: {}", StanceIds(*issue)))});
    }
    return {st};
  }
  const std::size_t dot = e.target.find('.');
  const std::string actor = e.target.substr(0, dot);
  if (dot == std::string::npos || s.FindActor(actor) == nullptr) {
    if (dot == std::string::npos && s.FindIssue(actor) != nullptr) {
      throw InputError(
          {EditError(text,
                     fmt::format("'{}' is an issue; {} is an actor's, on an issue", actor,
                                 EditFieldName(e.field)),
                     fmt::format("write ACTOR.{}.{}", actor, EditFieldName(e.field)))});
    }
    throw InputError({EditError(text, fmt::format("unknown actor '{}'", actor),
                                fmt::format("the scenario's actors are: {}", Ids(s.actors)))});
  }
  throw InputError({EditError(text, fmt::format("unknown issue '{}'", e.target.substr(dot + 1)),
                              fmt::format("the scenario's issues are: {}", Ids(s.issues)))});
}

Issue& IssueOf(Scenario& s, const ScenarioEdit& e, const std::string& text) {
  if (Issue* issue = s.FindIssue(e.target)) return *issue;
  if (s.FindActor(e.target) != nullptr) {
    throw InputError({EditError(
        text,
        fmt::format("'{}' is an actor; {} belongs to an issue", e.target, EditFieldName(e.field)),
        fmt::format("write ISSUE.{}", EditFieldName(e.field)))});
  }
  throw InputError({EditError(text, fmt::format("unknown issue '{}'", e.target),
                              fmt::format("the scenario's issues are: {}", Ids(s.issues)))});
}

void Apply(Scenario& s, const ScenarioEdit& e, const std::string& text) {
  const double v = Numeric(e.field) ? ParseNumber(e.value).value_or(NAN) : NAN;
  if (OfStance(e.field)) {
    for (Stance* st : StancesOf(s, e, text)) {
      if (e.field == EditField::kPosition) st->position = v;
      if (e.field == EditField::kSalience) st->salience = v;
      if (e.field == EditField::kCapability) st->capability = v;
    }
    return;
  }
  Issue& issue = IssueOf(s, e, text);
  switch (e.field) {
    case EditField::kStatusQuo: issue.status_quo = v; break;
    case EditField::kThreshold: issue.rule.threshold = v; break;
    case EditField::kDecisionRule: issue.rule.kind = *ParseDecisionKind(e.value); break;
    case EditField::kVetoPlayers: issue.rule.veto_players = SplitList(e.value, '+'); break;
    default: break;
  }
}

}  // namespace

std::string_view EditFieldName(EditField field) {
  for (const auto& [name, f] : kFields) {
    if (f == field) return name;
  }
  return "position";
}

std::string ScenarioEdit::ToString() const {
  return fmt::format("{}.{}={}", target, EditFieldName(field), value);
}

Result<ScenarioEdit> ParseEdit(std::string_view text) {
  const std::string edit(Trim(text));
  const std::size_t eq = edit.find('=');
  const std::string lhs = eq == std::string::npos ? edit : std::string(Trim(edit.substr(0, eq)));
  const std::size_t dot = lhs.rfind('.');
  if (eq == std::string::npos || dot == std::string::npos || dot == 0) {
    return EditError(edit, "is not TARGET.FIELD=VALUE", std::string(kExample));
  }
  ScenarioEdit out;
  out.target = lhs.substr(0, dot);
  out.value = std::string(Trim(edit.substr(eq + 1)));
  const std::string field = lhs.substr(dot + 1);
  const auto f = std::find_if(kFields.begin(), kFields.end(),
                              [&field](const auto& kv) { return kv.first == field; });
  if (f == kFields.end())
    return EditError(edit, fmt::format("unknown field '{}'", field), std::string(kFieldHint));
  out.field = f->second;
  if (Numeric(out.field)) {
    const std::optional<double> v = ParseNumber(out.value);
    if (!v || !std::isfinite(*v)) {
      return EditError(edit, fmt::format("{} '{}' is not a number", field, out.value),
                       std::string(kExample));
    }
    out.value = FormatNumber(*v);  // one spelling per number, as runs are stored and compared
  }
  if (out.field == EditField::kDecisionRule) {
    const auto kind = ParseDecisionKind(out.value);
    if (!kind || out.value.empty() || *kind == DecisionKind::kBicameral) {
      return EditError(edit,
                       fmt::format("decision_rule '{}' is not a rule an edit can set", out.value),
                       "give none, unanimity, majority or qualified_majority (chambers need the "
                       "scenario file)");
    }
  }
  return out;
}

Result<std::vector<ScenarioEdit>> ParseEdits(const std::vector<std::string>& texts) {
  std::vector<ScenarioEdit> out;
  Errors errors;
  for (const std::string& t : texts) {
    Result<ScenarioEdit> e = ParseEdit(t);
    if (e) {
      out.push_back(std::move(e).value());
    } else {
      errors.insert(errors.end(), e.errors().begin(), e.errors().end());
    }
  }
  if (!errors.empty()) return errors;
  return out;
}

Scenario WithEdits(const Scenario& scenario, const std::vector<ScenarioEdit>& edits) {
  Scenario out = scenario;
  if (edits.empty()) return out;
  for (const ScenarioEdit& e : edits) Apply(out, e, e.ToString());
  // Problems the file has already are the file's; only new ones are the edits'. Validation
  // runs on the end result, so edits that are only valid together (a rule 'none' and no veto
  // players) pass.
  const Errors before = Validate(scenario);
  Errors added;
  for (const Error& err : Validate(out)) {
    if (std::find(before.begin(), before.end(), err) == before.end()) added.push_back(err);
  }
  if (added.empty()) return out;
  // Blame each problem on the first edit after which it appears.
  std::vector<std::string> blamed(added.size(), edits.back().ToString());
  std::vector<bool> found(added.size(), false);
  Scenario step = scenario;
  for (const ScenarioEdit& e : edits) {
    Apply(step, e, e.ToString());
    const Errors now = Validate(step);
    for (std::size_t i = 0; i < added.size(); ++i) {
      if (!found[i] && std::find(now.begin(), now.end(), added[i]) != now.end()) {
        found[i] = true;
        blamed[i] = e.ToString();
      }
    }
  }
  Errors errors;
  for (std::size_t i = 0; i < added.size(); ++i)
    errors.push_back(EditError(blamed[i], Where(added[i].where) + added[i].message, added[i].hint));
  throw InputError(std::move(errors));
}

}  // namespace entente
