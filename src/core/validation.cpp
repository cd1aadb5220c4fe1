#include "entente/core/validation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include <fmt/format.h>

#include "entente/core/encoding.hpp"
#include "entente/core/rule_validation.hpp"

namespace entente {
namespace {

// Only ratios of capabilities matter to every model, so dividing them all by one number
// changes nothing but the room left for arithmetic.
constexpr const char* kCapabilityFix =
    "capabilities only count relative to each other: divide every actor's capability by the "
    "same number (e.g. use billions) so that none is above 1e12";

class Checker {
 public:
  explicit Checker(const Scenario& scenario) : scenario_(scenario) {
    // A hash set keeps validation linear in the number of stances (FindActor is a scan).
    for (const Actor& a : scenario.actors) actor_ids_.insert(a.id);
    for (const Coding& c : scenario.codings) coded_.insert({c.issue, c.stance.actor});
  }

  Errors Run() {
    CheckActors();
    std::unordered_set<std::string_view> issue_ids;
    issue_ids.reserve(scenario_.issues.size());
    for (const Issue& issue : scenario_.issues) {
      if (issue.id.empty()) {
        Add(issue.origin.WithField("id"), "issue has an empty id", "give every issue a unique id");
      } else if (!issue_ids.insert(issue.id).second) {
        Add(issue.origin.WithField("id"), fmt::format("duplicate issue id '{}'", issue.id),
            "rename one of the issues");
      }
      CheckIssue(issue);
    }
    if (scenario_.issues.empty()) {
      Add(Location{}, "the scenario has no issues", "add at least one issue with its stances");
    }
    CheckCodings();
    for (Error& e : ValidateSeeds(scenario_.seeds)) errors_.push_back(std::move(e));
    CheckAlliances();
    CheckMoves();
    CheckTexts();
    CheckGroups();
    return std::move(errors_);
  }

 private:
  void Add(Location where, std::string message, std::string hint) {
    errors_.push_back(Error{std::move(where), std::move(message), std::move(hint)});
  }

  // Readers decode files (DecodeText), so only a scenario built by a program (Python bytes,
  // an API) can get here with bytes that are not UTF-8 or with a NUL; either would break JSON
  // output, the runs database or a YAML round trip later.
  void CheckText(const Location& where, std::string_view field, std::string_view text) {
    const std::size_t bad = FindInvalidUtf8(text);
    const std::size_t nul = text.find('\0');
    if (bad == std::string_view::npos && nul == std::string_view::npos) return;
    Add(where.WithField(std::string(field)),
        bad != std::string_view::npos
            ? fmt::format("{} is not UTF-8 text: byte 0x{:02X} at byte {}", field,
                          static_cast<unsigned char>(text[bad]), bad + 1)
            : fmt::format("{} holds a NUL character at byte {}", field, nul + 1),
        "give text as UTF-8 without NUL characters (in Python: str, not bytes)");
  }

  void CheckTexts() {
    const Metadata& m = scenario_.meta;
    for (const auto& [field, text] : {std::pair<const char*, const std::string&>{"title", m.title},
                                      {"as_of", m.as_of},
                                      {"description", m.description}}) {
      CheckText(Location{}, field, text);
    }
    for (const std::string& s : m.sources) CheckText(Location{}, "sources", s);
    for (const Actor& a : scenario_.actors) {
      CheckText(a.origin, "id", a.id);
      CheckText(a.origin, "name", a.name);
      CheckText(a.origin, "description", a.description);
    }
    for (const Issue& i : scenario_.issues) {
      CheckText(i.origin, "id", i.id);
      CheckText(i.origin, "name", i.name);
      CheckText(i.origin, "description", i.description);
      CheckText(i.origin, "unit", i.scale.unit);
      for (const Anchor& a : i.scale.anchors) CheckText(i.origin, "anchors", a.label);
      for (const std::string& v : i.rule.veto_players) CheckText(i.origin, "veto_players", v);
      for (const Stance& s : i.stances) {
        CheckText(s.origin, "actor", s.actor);
        CheckText(s.origin, "note", s.note);
      }
    }
    for (const Alliance& a : scenario_.alliances) {
      CheckText(a.origin, "id", a.id);
      CheckText(a.origin, "name", a.name);
      for (const std::string& member : a.members) CheckText(a.origin, "members", member);
    }
    for (const Move& mv : scenario_.moves) {
      CheckText(mv.origin, "id", mv.id);
      CheckText(mv.origin, "name", mv.name);
      CheckText(mv.origin, "source", mv.source);
      for (const StanceChange& c : mv.changes) {
        CheckText(c.origin, "actor", c.actor);
        CheckText(c.origin, "issue", c.issue);
      }
    }
  }

  void CheckAlliances() {
    std::set<std::string> ids;
    for (const Alliance& a : scenario_.alliances) {
      if (a.id.empty() || !ids.insert(a.id).second) {
        Add(a.origin.WithField("id"), fmt::format("alliance id '{}' is empty or used twice", a.id),
            "give every alliance a unique id");
      }
      std::set<std::string> members;
      for (const std::string& m : a.members) {
        if (!actor_ids_.contains(m)) {
          Add(a.origin.WithField("members"),
              fmt::format("alliance '{}': unknown member '{}'", a.id, m),
              "use an actor id from the actors list");
        } else if (!members.insert(m).second) {
          Add(a.origin.WithField("members"), fmt::format("alliance '{}' lists '{}' twice", a.id, m),
              "list each member once");
        }
      }
      if (a.members.size() < 2) {
        Add(a.origin.WithField("members"),
            fmt::format("alliance '{}' needs at least two members", a.id),
            "list the allies, e.g. [US, ROK]");
      }
    }
  }

  // Every issue in at most one group: a backtest resamples groups, so an issue in two would be
  // counted twice.
  void CheckGroups() {
    std::set<std::string> ids;
    std::map<std::string, std::string> group_of;
    for (const IssueGroup& g : scenario_.groups) {
      if (g.id.empty() || !ids.insert(g.id).second) {
        Add(g.origin.WithField("id"), fmt::format("group id '{}' is empty or used twice", g.id),
            "give every group a unique id");
      }
      if (g.issues.empty()) {
        Add(g.origin.WithField("issues"), fmt::format("group '{}' has no issues", g.id),
            "list the issue ids it holds, e.g. [i1, i2]");
      }
      for (const std::string& issue : g.issues) {
        if (scenario_.FindIssue(issue) == nullptr) {
          Add(g.origin.WithField("issues"),
              fmt::format("group '{}': unknown issue '{}'", g.id, issue),
              "use an issue id of the scenario");
          continue;
        }
        const auto [it, fresh] = group_of.emplace(issue, g.id);
        if (!fresh) {
          Add(g.origin.WithField("issues"),
              it->second == g.id
                  ? fmt::format("group '{}' lists issue '{}' twice", g.id, issue)
                  : fmt::format("issue '{}' is in groups '{}' and '{}'", issue, it->second, g.id),
              "put every issue in at most one group");
        }
      }
    }
  }

  void CheckChange(const Move& m, const StanceChange& c) {
    const Issue* issue = scenario_.FindIssue(c.issue);
    if (issue == nullptr) {
      Add(c.origin.WithField("issue"), fmt::format("move '{}': unknown issue '{}'", m.id, c.issue),
          "use an issue id of the scenario");
      return;
    }
    if (issue->FindStance(c.actor) == nullptr) {
      Add(c.origin.WithField("actor"),
          fmt::format("move '{}': '{}' has no stance on '{}' to change", m.id, c.actor, c.issue),
          "change an existing stance (add the stance to the scenario first)");
      return;
    }
    if (!c.position && !c.salience && !c.capability) {
      Add(c.origin,
          fmt::format("move '{}' changes nothing for '{}' on '{}'", m.id, c.actor, c.issue),
          "give a new position, salience or capability");
    }
    if (c.position && (!std::isfinite(*c.position) || !issue->scale.Contains(*c.position))) {
      Add(c.origin.WithField("position"),
          fmt::format("move '{}': position {} is outside the scale [{}, {}]", m.id, *c.position,
                      issue->scale.min, issue->scale.max),
          "give a position on the issue's scale");
    }
    if (c.salience && (!std::isfinite(*c.salience) || *c.salience < 0 || *c.salience > 1)) {
      Add(c.origin.WithField("salience"),
          fmt::format("move '{}': salience {} is outside [0, 1]", m.id, *c.salience),
          "give a value between 0 and 1");
    }
    if (c.capability && (!std::isfinite(*c.capability) || *c.capability < 0)) {
      Add(c.origin.WithField("capability"),
          fmt::format("move '{}': capability {} is negative", m.id, *c.capability),
          "give a number >= 0");
    } else if (c.capability && *c.capability > kMaxMagnitude) {
      Add(c.origin.WithField("capability"),
          fmt::format("move '{}': capability {} is above {:g}", m.id, *c.capability, kMaxMagnitude),
          kCapabilityFix);
    }
  }

  void CheckMoves() {
    std::set<std::string> ids;
    for (const Move& m : scenario_.moves) {
      if (m.id.empty() || !ids.insert(m.id).second) {
        Add(m.origin.WithField("id"), fmt::format("move id '{}' is empty or used twice", m.id),
            "give every move a unique id");
      }
      if (m.changes.empty()) {
        Add(m.origin.WithField("changes"), fmt::format("move '{}' has no changes", m.id),
            "list the stance changes it makes");
      }
      for (const StanceChange& c : m.changes) CheckChange(m, c);
    }
  }

  void CheckActors() {
    std::unordered_set<std::string_view> ids;
    ids.reserve(scenario_.actors.size());
    for (const Actor& actor : scenario_.actors) {
      if (actor.id.empty()) {
        Add(actor.origin.WithField("id"), "actor has an empty id", "give every actor a unique id");
      } else if (!ids.insert(actor.id).second) {
        Add(actor.origin.WithField("id"), fmt::format("duplicate actor id '{}'", actor.id),
            "rename one of the actors");
      }
    }
  }

  // Returns false when the scale itself is broken; range checks against it are then skipped
  // rather than reported once per stance.
  bool CheckScale(const Issue& issue) {
    const Scale& sc = issue.scale;
    if (!std::isfinite(sc.min) || !std::isfinite(sc.max)) {
      Add(issue.origin.WithField("scale"),
          fmt::format("issue '{}': scale bounds must be finite numbers", issue.id),
          "give finite scale_min and scale_max");
      return false;
    }
    if (!(sc.min < sc.max)) {
      Add(issue.origin.WithField("scale"),
          fmt::format("issue '{}': scale minimum {} is not below its maximum {}", issue.id, sc.min,
                      sc.max),
          "make scale_min smaller than scale_max");
      return false;
    }
    const double size = std::max({1.0, std::abs(sc.min), std::abs(sc.max)});
    if (size > kMaxMagnitude) {
      Add(issue.origin.WithField("scale"),
          fmt::format("issue '{}': scale [{}, {}] reaches beyond +-{:g}", issue.id, sc.min, sc.max,
                      kMaxMagnitude),
          "measure the issue in a larger unit (e.g. billions instead of units) so both ends lie "
          "within +-1e12");
      return false;
    }
    if (sc.max - sc.min < kMinScaleWidth * size) {
      Add(issue.origin.WithField("scale"),
          fmt::format("issue '{}': scale [{}, {}] is too narrow to tell positions apart", issue.id,
                      sc.min, sc.max),
          fmt::format("measure the issue in a smaller unit or shift it toward 0: the scale must "
                      "be at least {:g} wide",
                      kMinScaleWidth * size));
      return false;
    }
    for (const Anchor& a : sc.anchors) {
      if (!std::isfinite(a.value) || !sc.Contains(a.value)) {
        Add(issue.origin.WithField("anchors"),
            fmt::format("issue '{}': anchor {} ('{}') is outside the scale [{}, {}]", issue.id,
                        a.value, a.label, sc.min, sc.max),
            "move the anchor inside the scale or widen the scale");
      }
    }
    // The YAML format keys anchors by value: two at one value could be saved but not read back.
    for (std::size_t a = 0; a < sc.anchors.size(); ++a) {
      for (std::size_t b = 0; b < a; ++b) {
        if (sc.anchors[a].value == sc.anchors[b].value) {
          Add(issue.origin.WithField("anchors"),
              fmt::format("issue '{}': two anchors at {} ('{}' and '{}')", issue.id,
                          sc.anchors[a].value, sc.anchors[b].label, sc.anchors[a].label),
              "give each anchor its own value, or merge the two labels");
          break;
        }
      }
    }
    return true;
  }

  void CheckRule(const Issue& issue, bool scale_ok) {
    if (issue.status_quo && scale_ok) {
      const double q = *issue.status_quo;
      if (!std::isfinite(q) || !issue.scale.Contains(q)) {
        Add(issue.origin.WithField("status_quo"),
            fmt::format("issue '{}': status quo {} is outside the scale [{}, {}]", issue.id, q,
                        issue.scale.min, issue.scale.max),
            "give a status quo on the scale");
      }
    }
    CheckDecisionRule(scenario_, issue, errors_);
  }

  // A spread must stay inside the input's valid range [lo, hi] and be well formed.
  void CheckSpread(const Stance& s, const std::string& field, const Spread& sp, double value,
                   double lo, double hi) {
    if (sp.kind == Spread::Kind::kNone) return;
    // Built only for a spread, not for every input: a Location holds four strings, and this
    // check runs three times per stance on every forecast.
    const Location at = s.origin.WithField(field);
    switch (sp.kind) {
      case Spread::Kind::kNone: return;
      case Spread::Kind::kNormal:
        if (!std::isfinite(sp.sd) || sp.sd < 0) {
          Add(at, fmt::format("{} sd {} is not a number >= 0", field, sp.sd),
              "give a standard deviation >= 0");
        }
        return;
      case Spread::Kind::kUniform:
      case Spread::Kind::kTriangular:
        if (!std::isfinite(sp.low) || !std::isfinite(sp.high) || !(sp.low <= sp.high)) {
          Add(at, fmt::format("{} range [{}, {}] is empty", field, sp.low, sp.high),
              "give low <= high");
        } else if (sp.low < lo || sp.high > hi) {
          Add(at,
              fmt::format("{} range [{}, {}] reaches outside [{}, {}]", field, sp.low, sp.high, lo,
                          hi),
              fmt::format("keep low and high within [{}, {}]", lo, hi));
        } else if (sp.kind == Spread::Kind::kTriangular && (value < sp.low || value > sp.high)) {
          Add(at,
              fmt::format("{} {} is outside its own range [{}, {}]", field, value, sp.low, sp.high),
              "make low <= value <= high");
        }
        return;
    }
  }

  void CheckStance(const Issue& issue, const Stance& s, bool scale_ok,
                   std::unordered_set<std::string_view>& seen) {
    const bool coded = coded_.contains({issue.id, s.actor});
    if (!actor_ids_.contains(s.actor)) {
      Add(s.origin.WithField("actor"),
          fmt::format("unknown actor '{}' in a stance on issue '{}'", s.actor, issue.id),
          "use an actor id from the actors list");
    } else if (!seen.insert(s.actor).second) {
      if (coded) {
        Add(s.origin.WithField("coder"),
            fmt::format("actor '{}' on issue '{}' has a stance without a coder beside coded ones",
                        s.actor, issue.id),
            "name a coder on every row of this actor and issue, or on none");
      } else {
        Add(s.origin.WithField("actor"),
            fmt::format("actor '{}' has two stances on issue '{}'", s.actor, issue.id),
            "keep one stance per actor and issue");
      }
    }
    // A coded stance's numbers are the pool of its codings, which CheckCodings checks.
    if (!coded) CheckNumbers(issue, s, scale_ok, "");
  }

  // Every coding: its coder named, its issue and stance known, one per coder, actor and issue,
  // its numbers in range; messages name the coder, the actor and the issue.
  void CheckCodings() {
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (const Coding& c : scenario_.codings) {
      const Stance& s = c.stance;
      const std::string who =
          fmt::format("coder '{}', actor '{}' on issue '{}'", c.coder, s.actor, c.issue);
      if (c.coder.empty()) {
        Add(s.origin.WithField("coder"), fmt::format("{}: the coder is empty", who),
            "name the coder of every coded stance");
      }
      CheckText(s.origin, "coder", c.coder);
      CheckText(s.origin, "note", s.note);
      const Issue* issue = scenario_.FindIssue(c.issue);
      if (issue == nullptr) {
        Add(s.origin.WithField("issue"), fmt::format("{}: unknown issue", who),
            "use an issue id from the issues list");
        continue;
      }
      if (issue->FindStance(s.actor) == nullptr) {
        Add(s.origin.WithField("actor"),
            fmt::format("{}: the issue has no stance of this actor to pool the coding into", who),
            "add the actor's stance to the issue (readers do this for you)");
      }
      if (!seen.insert({c.coder, c.issue, s.actor}).second) {
        Add(s.origin.WithField("coder"), fmt::format("{}: coded twice", who),
            "keep one row per coder, actor and issue");
      }
      CheckNumbers(*issue, s, CheckableScale(*issue), who + ": ");
    }
  }

  static bool CheckableScale(const Issue& issue) {
    const Scale& sc = issue.scale;
    return std::isfinite(sc.min) && std::isfinite(sc.max) && sc.min < sc.max;
  }

  // The stance's numbers and spreads; `who` prefixes messages about a coding.
  void CheckNumbers(const Issue& issue, const Stance& s, bool scale_ok, const std::string& who) {
    const std::size_t first = errors_.size();
    const Scale& sc = issue.scale;
    if (!std::isfinite(s.position)) {
      Add(s.origin.WithField("position"), "position is not a finite number",
          "give a number on the issue's scale");
    } else if (scale_ok && !sc.Contains(s.position)) {
      Add(s.origin.WithField("position"),
          fmt::format("position {} is outside the scale [{}, {}] of issue '{}'", s.position, sc.min,
                      sc.max, issue.id),
          fmt::format("give a position between {} and {}", sc.min, sc.max));
    }
    if (!std::isfinite(s.salience) || s.salience < 0 || s.salience > 1) {
      Add(s.origin.WithField("salience"), fmt::format("salience {} is outside [0, 1]", s.salience),
          "give a value between 0 and 1");
    }
    if (!std::isfinite(s.capability)) {
      Add(s.origin.WithField("capability"), "capability is not a finite number",
          "give a number >= 0");
    } else if (s.capability < 0) {
      Add(s.origin.WithField("capability"), fmt::format("capability {} is negative", s.capability),
          "give a number >= 0");
    } else if (s.capability > kMaxMagnitude) {
      Add(s.origin.WithField("capability"),
          fmt::format("capability {} is above {:g}", s.capability, kMaxMagnitude), kCapabilityFix);
    }
    if (scale_ok) CheckSpread(s, "position", s.position_spread, s.position, sc.min, sc.max);
    CheckSpread(s, "salience", s.salience_spread, s.salience, 0, 1);
    CheckSpread(s, "capability", s.capability_spread, s.capability, 0, kMaxMagnitude);
    for (std::size_t e = first; e < errors_.size(); ++e) errors_[e].message.insert(0, who);
  }

  void CheckMetadata(const Issue& issue) {
    std::set<std::string> keys;
    for (const IssueMeta& m : issue.metadata) {
      if (m.key.empty() || !keys.insert(m.key).second) {
        Add(issue.origin.WithField("metadata"),
            fmt::format("issue '{}': metadata key '{}' is empty or given twice", issue.id, m.key),
            "give each metadata key once");
      }
    }
  }

  void CheckIssue(const Issue& issue) {
    const bool scale_ok = CheckScale(issue);
    CheckMetadata(issue);
    CheckRule(issue, scale_ok);
    std::unordered_set<std::string_view> seen;
    seen.reserve(issue.stances.size());
    bool any_weight = false;
    for (const Stance& s : issue.stances) {
      CheckStance(issue, s, scale_ok, seen);
      const double w = s.Weight();
      if (std::isfinite(w) && w > 0) any_weight = true;
    }
    if (!any_weight) {
      Add(issue.origin,
          fmt::format("issue '{}': no actor has salience x capability > 0, so nothing decides it",
                      issue.id),
          "give at least one actor a positive salience and capability, or drop the issue");
    }
  }

  const Scenario& scenario_;
  std::unordered_set<std::string_view> actor_ids_;
  std::set<std::pair<std::string_view, std::string_view>> coded_;  // (issue, actor) with codings
  Errors errors_;
};

}  // namespace

Errors Validate(const Scenario& scenario) {
  return Checker(scenario).Run();
}

Result<Scenario> Validated(Scenario scenario) {
  Errors errors = Validate(scenario);
  if (!errors.empty()) return errors;
  return scenario;
}

void RequireValid(const Scenario& scenario) {
  Errors errors = Validate(scenario);
  if (!errors.empty()) throw InputError(std::move(errors));
}

}  // namespace entente
