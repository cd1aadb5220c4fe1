#include <fmt/format.h>

#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"
#include "entente/formats/csv_bundle.hpp"

namespace entente {
namespace {

std::string Join(const std::vector<std::string>& parts, char sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

// The cells for a number and its spread columns (`_sd`, `_low`, `_high`).
std::vector<std::string> UncertainCells(double value, const Spread& sp) {
  const std::string v = FormatNumber(value);
  switch (sp.kind) {
    case Spread::Kind::kNone: return {v, "", "", ""};
    case Spread::Kind::kNormal: return {v, FormatNumber(sp.sd), "", ""};
    case Spread::Kind::kUniform: return {"", "", FormatNumber(sp.low), FormatNumber(sp.high)};
    case Spread::Kind::kTriangular: return {v, "", FormatNumber(sp.low), FormatNumber(sp.high)};
  }
  return {v, "", "", ""};
}

std::string Values(const std::vector<MemberValue>& values) {
  std::vector<std::string> parts;
  parts.reserve(values.size());
  for (const MemberValue& v : values) parts.push_back(v.member + "=" + FormatNumber(v.value));
  return Join(parts, ';');
}

std::string Opt(const std::optional<double>& v) {
  return v ? FormatNumber(*v) : std::string();
}

std::string Count(int v) {
  return v != 0 ? std::to_string(v) : std::string();
}

// One rules.csv row: `chamber` empty for the issue's own rule.
std::string RuleRow(const std::string& issue, const std::string& chamber, const DecisionRule& r) {
  const std::string weights = r.weight_source == WeightSource::kEqual   ? "equal"
                              : r.weight_source == WeightSource::kTable ? Values(r.weights)
                                                                        : "";
  return CsvLine(
      {issue, chamber, std::string(DecisionKindName(r.kind)), r.name, r.preset,
       Join(r.members, ';'), Count(r.seats), Opt(r.threshold), weights, Opt(r.min_members),
       Count(r.min_member_count), Values(r.population), Opt(r.min_population),
       Count(r.blocking_minority), Join(r.veto_players, ';'),
       r.absent == AbsentMembers::kAgainst ? "" : std::string(AbsentMembersName(r.absent)),
       r.agenda_setter,
       r.on_empty == OnEmpty::kStatusQuo ? "" : std::string(OnEmptyName(r.on_empty)),
       r.reversion_cost != 0 ? FormatNumber(r.reversion_cost) : ""});
}

}  // namespace

Result<FileSet> WriteCsvBundle(const Scenario& scenario) {
  FileSet files;
  const Metadata& info = scenario.meta;
  if (!info.title.empty() || !info.as_of.empty() || !info.description.empty() ||
      !info.sources.empty()) {
    std::string meta = CsvLine({"key", "value"});
    if (!info.title.empty()) meta += CsvLine({"title", info.title});
    if (!info.as_of.empty()) meta += CsvLine({"as_of", info.as_of});
    if (!info.description.empty()) meta += CsvLine({"description", info.description});
    for (const std::string& src : info.sources) meta += CsvLine({"source", src});
    files["scenario.csv"] = std::move(meta);
  }

  bool any_description = false;
  for (const Actor& a : scenario.actors) any_description |= !a.description.empty();
  std::string actors =
      any_description ? CsvLine({"actor", "name", "description"}) : CsvLine({"actor", "name"});
  for (const Actor& a : scenario.actors) {
    actors += any_description ? CsvLine({a.id, a.name, a.description}) : CsvLine({a.id, a.name});
  }
  files["actors.csv"] = std::move(actors);

  bool issue_description = false;
  for (const Issue& i : scenario.issues) issue_description |= !i.description.empty();
  std::vector<std::string> header = {"issue",      "name",          "unit",
                                     "scale_min",  "scale_max",     "anchors",
                                     "status_quo", "decision_rule", "veto_players"};
  if (issue_description) header.emplace_back("description");
  std::string issues = CsvLine(header);
  // Spread columns appear only when some stance is uncertain, so plain bundles stay plain.
  bool spreads = false;
  const auto uncertain = [](const Stance& s) {
    return s.position_spread.IsSet() || s.salience_spread.IsSet() || s.capability_spread.IsSet();
  };
  for (const Issue& i : scenario.issues) {
    for (const Stance& s : i.stances) spreads |= uncertain(s);
  }
  for (const Coding& c : scenario.codings) spreads |= uncertain(c.stance);
  // The coder column likewise appears only when some stance is coded by named coders.
  const bool coders = !scenario.codings.empty();
  std::vector<std::string> stance_header = {"issue",      "actor", "position", "salience",
                                            "capability", "basis", "note"};
  if (coders) stance_header.insert(stance_header.begin() + 2, "coder");
  if (spreads) {
    for (const char* f : {"position", "salience", "capability"}) {
      for (const char* suffix : {"_sd", "_low", "_high"})
        stance_header.push_back(std::string(f) + suffix);
    }
  }
  std::string stances = CsvLine(stance_header);
  std::string rules;
  for (const Issue& i : scenario.issues) {
    std::vector<std::string> anchors;
    for (const Anchor& a : i.scale.anchors) {
      anchors.push_back(FormatNumber(a.value) + "=" + a.label);
    }
    const std::string anchor_text = Join(anchors, ';');
    std::string bad;
    auto back = ParseAnchors(anchor_text, &bad);
    if (!back || *back != i.scale.anchors) {
      return Error{
          i.origin.WithField("anchors"),
          fmt::format("issue '{}': an anchor label cannot be written to CSV unambiguously", i.id),
          "avoid ';' followed by a number and '=' inside anchor labels"};
    }
    std::vector<std::string> row = {i.id,
                                    i.name,
                                    i.scale.unit,
                                    FormatNumber(i.scale.min),
                                    FormatNumber(i.scale.max),
                                    anchor_text,
                                    i.status_quo ? FormatNumber(*i.status_quo) : std::string(),
                                    std::string(DecisionKindName(i.rule.kind)),
                                    i.rule.IsSimple() ? Join(i.rule.veto_players, ';') : ""};
    if (!i.rule.IsSimple()) {
      rules += RuleRow(i.id, "", i.rule);
      for (std::size_t c = 0; c < i.rule.chambers.size(); ++c)
        rules += RuleRow(i.id, std::to_string(c + 1), i.rule.chambers[c]);
    }
    if (issue_description) row.push_back(i.description);
    issues += CsvLine(row);
    const auto stance_row = [&](const Stance& s, const std::string& coder) {
      const auto p = UncertainCells(s.position, s.position_spread);
      const auto sa = UncertainCells(s.salience, s.salience_spread);
      const auto c = UncertainCells(s.capability, s.capability_spread);
      std::vector<std::string> cells = {
          i.id, s.actor, p[0], sa[0], c[0], std::string(BasisName(s.basis)), s.note};
      if (coders) cells.insert(cells.begin() + 2, coder);
      if (spreads) {
        for (const auto* u : {&p, &sa, &c}) cells.insert(cells.end(), u->begin() + 1, u->end());
      }
      stances += CsvLine(cells);
    };
    for (const Stance& s : i.stances) {
      // A coded stance is written as its codings, one row per coder.
      bool coded = false;
      for (const Coding& k : scenario.codings) {
        if (k.issue != i.id || k.stance.actor != s.actor) continue;
        stance_row(k.stance, k.coder);
        coded = true;
      }
      if (!coded) stance_row(s, "");
    }
  }
  files["issues.csv"] = std::move(issues);
  files["stances.csv"] = std::move(stances);
  if (!rules.empty()) {
    files["rules.csv"] =
        CsvLine({"issue", "chamber", "kind", "name", "preset", "members", "seats", "threshold",
                 "weights", "min_members", "min_member_count", "population", "min_population",
                 "blocking_minority", "veto_players", "absent", "agenda_setter", "on_empty",
                 "reversion_cost"}) +
        rules;
  }
  if (!scenario.alliances.empty()) {
    std::string text = CsvLine({"alliance", "name", "members"});
    for (const Alliance& a : scenario.alliances)
      text += CsvLine({a.id, a.name, Join(a.members, ';')});
    files["alliances.csv"] = std::move(text);
  }
  if (!scenario.moves.empty()) {
    const auto opt = [](const std::optional<double>& v) {
      return v ? FormatNumber(*v) : std::string();
    };
    std::string text =
        CsvLine({"move", "name", "source", "issue", "actor", "position", "salience", "capability"});
    for (const Move& m : scenario.moves) {
      for (std::size_t k = 0; k < m.changes.size(); ++k) {
        const StanceChange& c = m.changes[k];
        // Name and source on the first row only: the reader takes them from there.
        text += CsvLine({m.id, k == 0 ? m.name : "", k == 0 ? m.source : "", c.issue, c.actor,
                         opt(c.position), opt(c.salience), opt(c.capability)});
      }
    }
    files["moves.csv"] = std::move(text);
  }
  if (!scenario.groups.empty()) {
    std::string text = CsvLine({"group", "name", "issues"});
    for (const IssueGroup& g : scenario.groups)
      text += CsvLine({g.id, g.name, Join(g.issues, ';')});
    files["groups.csv"] = std::move(text);
  }
  std::string meta;
  for (const Issue& i : scenario.issues) {
    for (const IssueMeta& m : i.metadata) meta += CsvLine({i.id, m.key, m.value});
  }
  if (!meta.empty()) files["issue_metadata.csv"] = CsvLine({"issue", "key", "value"}) + meta;
  if (!scenario.seeds.empty()) {
    std::string text = CsvLine({"coder", "question", "q05", "q50", "q95", "realization"});
    for (const SeedAnswer& a : scenario.seeds) {
      text += CsvLine({a.coder, a.question, FormatNumber(a.q05), FormatNumber(a.q50),
                       FormatNumber(a.q95), FormatNumber(a.realization)});
    }
    files["seeds.csv"] = std::move(text);
  }
  return files;
}

Result<FileSet> WriteCsvBundle(const ScenarioDocument& document) {
  Result<FileSet> files = WriteCsvBundle(document.scenario);
  if (!files || document.outcomes.empty()) return files;
  std::string text = CsvLine({"issue", "value", "date", "source"});
  for (const Outcome& o : document.outcomes) {
    text += CsvLine({o.issue, FormatNumber(o.value), o.date, o.source});
  }
  files.value()["outcomes.csv"] = std::move(text);
  return files;
}

}  // namespace entente
