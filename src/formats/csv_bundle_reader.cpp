#include <functional>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/core/encoding.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"
#include "entente/formats/csv_bundle.hpp"

#include "csv_table_reader.hpp"

namespace entente {
namespace {

using detail::ReadRules;
using detail::TableReader;

void ReadMetadata(const CsvTable& t, Scenario& s, Errors& errors) {
  TableReader r(t, errors);
  if (!r.CheckColumns({"key", "value"}, {})) return;
  for (const CsvRow& row : t.rows) {
    const std::string key = r.Text(row, "key");
    const std::string value = r.Raw(row, "value");
    if (key == "title")
      s.meta.title = value;
    else if (key == "as_of")
      s.meta.as_of = value;
    else if (key == "description")
      s.meta.description = value;
    else if (key == "source")
      s.meta.sources.push_back(value);
    else {
      errors.push_back(Error{r.At(row, "key"), fmt::format("unknown key '{}'", key),
                             "use title, as_of, description or source"});
    }
  }
}

void ReadActors(const CsvTable& t, Scenario& s, Errors& errors) {
  TableReader r(t, errors);
  if (!r.CheckColumns({"actor", "name"}, {"description"})) return;
  for (const CsvRow& row : t.rows) {
    Actor a;
    a.id = r.Id(row, "actor");
    a.name = r.Raw(row, "name");
    a.description = r.Raw(row, "description");
    a.origin = t.At(row.line);
    s.actors.push_back(std::move(a));
  }
}

void ReadIssues(const CsvTable& t, Scenario& s, Errors& errors) {
  TableReader r(t, errors);
  if (!r.CheckColumns(
          {"issue", "name", "scale_min", "scale_max"},
          {"unit", "anchors", "status_quo", "decision_rule", "veto_players", "description"})) {
    return;
  }
  for (const CsvRow& row : t.rows) {
    Issue issue;
    issue.id = r.Id(row, "issue");
    issue.name = r.Raw(row, "name");
    issue.description = r.Raw(row, "description");
    issue.origin = t.At(row.line);
    issue.scale.unit = r.Raw(row, "unit");
    issue.scale.min = r.Number(row, "scale_min");
    issue.scale.max = r.Number(row, "scale_max");
    std::string bad;
    if (auto anchors = ParseAnchors(r.Raw(row, "anchors"), &bad)) {
      issue.scale.anchors = std::move(*anchors);
    } else {
      errors.push_back(Error{r.At(row, "anchors"), fmt::format("anchor '{}' has no value", bad),
                             "write anchors as value=label;value=label, e.g. 0=freeze;100=double"});
    }
    if (!r.Text(row, "status_quo").empty()) issue.status_quo = r.Number(row, "status_quo");
    const std::string rule = r.Text(row, "decision_rule");
    if (auto kind = ParseDecisionKind(rule)) {
      issue.rule.kind = *kind;
    } else {
      errors.push_back(Error{r.At(row, "decision_rule"),
                             fmt::format("unknown decision rule '{}'", rule),
                             "use none, unanimity, majority, qualified_majority or bicameral"});
    }
    issue.rule.veto_players = SplitList(r.Text(row, "veto_players"), ';');
    s.issues.push_back(std::move(issue));
  }
}

void ReadStances(const CsvTable& t, Scenario& s, Errors& errors) {
  TableReader r(t, errors);
  if (!r.CheckColumns({"issue", "actor", "position", "salience", "capability"},
                      {"coder", "basis", "note", "position_sd", "position_low", "position_high",
                       "salience_sd", "salience_low", "salience_high", "capability_sd",
                       "capability_low", "capability_high"})) {
    return;
  }
  for (const CsvRow& row : t.rows) {
    Stance st;
    const std::string issue_id = r.Id(row, "issue");
    st.actor = r.Id(row, "actor");
    r.Uncertain(row, "position", st.position, st.position_spread);
    r.Uncertain(row, "salience", st.salience, st.salience_spread, /*share=*/true);
    r.Uncertain(row, "capability", st.capability, st.capability_spread);
    const std::string basis = r.Text(row, "basis");
    if (auto b = ParseBasis(basis)) {
      st.basis = *b;
    } else {
      errors.push_back(Error{r.At(row, "basis"), fmt::format("unknown basis '{}'", basis),
                             "use brief, source or judgement (or leave it empty)"});
    }
    st.note = r.Raw(row, "note");
    st.origin = t.At(row.line);
    Issue* issue = s.FindIssue(issue_id);
    if (issue == nullptr) {
      if (!issue_id.empty()) {
        errors.push_back(Error{r.At(row, "issue"), fmt::format("unknown issue '{}'", issue_id),
                               "use an issue id from issues.csv"});
      }
      continue;
    }
    if (std::string coder = r.Text(row, "coder"); !coder.empty()) {
      AddCoding(s.codings, *issue, std::move(coder), std::move(st));
    } else {
      issue->stances.push_back(std::move(st));
    }
  }
}

void ReadSeeds(const CsvTable& t, Scenario& s, Errors& errors) {
  TableReader r(t, errors);
  if (!r.CheckColumns({"coder", "question", "q05", "q50", "q95", "realization"}, {})) return;
  for (const CsvRow& row : t.rows) {
    SeedAnswer a;
    a.coder = r.Id(row, "coder");
    a.question = r.Id(row, "question");
    a.q05 = r.Number(row, "q05");
    a.q50 = r.Number(row, "q50");
    a.q95 = r.Number(row, "q95");
    a.realization = r.Number(row, "realization");
    a.origin = Location{t.file, row.line};
    s.seeds.push_back(std::move(a));
  }
}

void ReadAlliances(const CsvTable& t, Scenario& s, Errors& errors) {
  TableReader r(t, errors);
  if (!r.CheckColumns({"alliance", "members"}, {"name"})) return;
  for (const CsvRow& row : t.rows) {
    Alliance a;
    a.id = r.Id(row, "alliance");
    a.name = r.Raw(row, "name");
    a.members = SplitList(r.Text(row, "members"), ';');
    a.origin = t.At(row.line);
    s.alliances.push_back(std::move(a));
  }
}

// One row per change; a move's name and source come from its first row.
void ReadMoves(const CsvTable& t, Scenario& s, Errors& errors) {
  TableReader r(t, errors);
  if (!r.CheckColumns({"move", "issue", "actor"},
                      {"name", "source", "position", "salience", "capability"})) {
    return;
  }
  for (const CsvRow& row : t.rows) {
    const std::string id = r.Id(row, "move");
    if (s.moves.empty() || s.moves.back().id != id) {
      Move m;
      m.id = id;
      m.name = r.Raw(row, "name");
      m.source = r.Raw(row, "source");
      m.origin = t.At(row.line);
      s.moves.push_back(std::move(m));
    }
    StanceChange c;
    c.issue = r.Id(row, "issue");
    c.actor = r.Id(row, "actor");
    c.origin = t.At(row.line);
    for (const char* field : {"position", "salience", "capability"}) {
      if (r.Text(row, field).empty()) continue;
      const double v = r.Number(row, field, /*share=*/field[0] == 's');
      (field[0] == 'p' ? c.position : field[0] == 's' ? c.salience : c.capability) = v;
    }
    s.moves.back().changes.push_back(std::move(c));
  }
}

void ReadGroups(const CsvTable& t, Scenario& s, Errors& errors) {
  TableReader r(t, errors);
  if (!r.CheckColumns({"group", "issues"}, {"name"})) return;
  for (const CsvRow& row : t.rows) {
    IssueGroup g;
    g.id = r.Id(row, "group");
    g.name = r.Raw(row, "name");
    g.issues = SplitList(r.Text(row, "issues"), ';');
    g.origin = t.At(row.line);
    s.groups.push_back(std::move(g));
  }
}

// One row per key: `issue,key,value`, in the order the issue lists them.
void ReadIssueMetadata(const CsvTable& t, Scenario& s, Errors& errors) {
  TableReader r(t, errors);
  if (!r.CheckColumns({"issue", "key", "value"}, {})) return;
  for (const CsvRow& row : t.rows) {
    const std::string issue_id = r.Id(row, "issue");
    const std::string key = r.Text(row, "key");
    if (key.empty()) {
      errors.push_back(Error{r.At(row, "key"), "key is empty", "name the fact, e.g. proc"});
      continue;
    }
    Issue* issue = s.FindIssue(issue_id);
    if (issue == nullptr) {
      if (!issue_id.empty()) {
        errors.push_back(Error{r.At(row, "issue"), fmt::format("unknown issue '{}'", issue_id),
                               "use an issue id from issues.csv"});
      }
      continue;
    }
    issue->metadata.push_back(IssueMeta{key, r.Raw(row, "value")});
  }
}

std::vector<Outcome> ReadOutcomes(const CsvTable& t, Errors& errors) {
  TableReader r(t, errors);
  std::vector<Outcome> out;
  if (!r.CheckColumns({"issue", "value"}, {"date", "source"})) return out;
  for (const CsvRow& row : t.rows) {
    Outcome o;
    o.issue = r.Id(row, "issue");
    o.value = r.Number(row, "value");
    o.date = r.Text(row, "date");
    o.source = r.Raw(row, "source");
    o.origin = t.At(row.line);
    out.push_back(std::move(o));
  }
  return out;
}

// A stance, rule or metadata row naming an issue issues.csv lacks: one error per file and
// issue id, counting the rows, and none at all when issues.csv itself could not be read (every
// row would then repeat the one problem already reported).
void CollapseUnknownIssues(Errors& errors, const Location& issues) {
  const auto same_file = [](const Location& a, const Location& b) {
    return a.file == b.file && a.sheet == b.sheet;
  };
  bool issues_failed = false;
  for (const Error& e : errors) issues_failed = issues_failed || same_file(e.where, issues);
  const auto unknown = [](const Error& e) {
    return e.where.field == "issue" && e.message.starts_with("unknown issue '");
  };
  Errors kept;
  std::vector<int> repeats;
  for (Error& e : errors) {
    if (!unknown(e)) {
      kept.push_back(std::move(e));
      repeats.push_back(0);
      continue;
    }
    if (issues_failed) continue;
    bool seen = false;
    for (std::size_t k = 0; k < kept.size() && !seen; ++k) {
      if (unknown(kept[k]) && same_file(kept[k].where, e.where) && kept[k].message == e.message) {
        ++repeats[k];
        seen = true;
      }
    }
    if (!seen) {
      kept.push_back(std::move(e));
      repeats.push_back(0);
    }
  }
  for (std::size_t k = 0; k < kept.size(); ++k) {
    if (repeats[k] > 0) {
      kept[k].message +=
          fmt::format(" (and {} more row{})", repeats[k], repeats[k] == 1 ? "" : "s");
    }
  }
  errors = std::move(kept);
}

}  // namespace

Result<std::vector<Outcome>> ParseOutcomesCsv(std::string_view text, const std::string& file) {
  Result<CsvTable> table = ParseCsv(text, file);
  if (!table) return table.errors();
  Errors errors;
  std::vector<Outcome> out = ReadOutcomes(table.value(), errors);
  if (!errors.empty()) return errors;
  return out;
}

std::optional<std::vector<Anchor>> ParseAnchors(std::string_view text, std::string* bad) {
  std::vector<Anchor> anchors;
  text = Trim(text);
  if (text.empty()) return anchors;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t pos = text.find(';', start);
    std::string_view part = text.substr(start, pos == std::string_view::npos ? pos : pos - start);
    const std::size_t eq = part.find('=');
    std::optional<double> value;
    if (eq != std::string_view::npos) value = ParseNumber(part.substr(0, eq));
    if (value) {
      anchors.push_back(Anchor{*value, std::string(Trim(part.substr(eq + 1)))});
    } else if (!anchors.empty()) {
      anchors.back().label += ";" + std::string(part);  // a ';' inside a label
    } else {
      if (bad != nullptr) *bad = std::string(part);
      return std::nullopt;
    }
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return anchors;
}

Result<ScenarioDocument> ParseCsvBundleDocument(const FileSet& files, const std::string& folder) {
  Errors errors;
  const auto path = [&folder](const std::string& name) {
    return folder.empty() ? name : folder + "/" + name;
  };
  // A file that cannot be decoded would also make every reference to its ids look wrong;
  // report only the encoding until it is fixed.
  for (const auto& [name, text] : files) {
    if (Result<std::string> decoded = DecodeText(text, path(name)); !decoded) {
      errors.insert(errors.end(), decoded.errors().begin(), decoded.errors().end());
    }
  }
  if (!errors.empty()) return errors;
  std::map<std::string, Result<CsvTable>> tables;
  for (const std::string& name : BundleFileNames()) {
    if (auto it = files.find(name); it != files.end())
      tables.emplace(name, ParseCsv(it->second, path(name)));
  }
  const auto missing = [&](const std::string& name) {
    return Error{Location{path(name)}, "file is missing",
                 "a CSV bundle folder needs actors.csv, issues.csv and stances.csv"};
  };
  return ParseBundleTables(tables, missing, Location{path("issues.csv")});
}

Result<ScenarioDocument> ParseBundleTables(const std::map<std::string, Result<CsvTable>>& tables,
                                           const std::function<Error(const std::string&)>& missing,
                                           const Location& issues) {
  Errors errors;
  ScenarioDocument doc;
  Scenario& scenario = doc.scenario;
  // The table named `name` (a bundle file name), or nullptr when it is absent or unreadable.
  const auto find = [&](const std::string& name, bool required) -> const CsvTable* {
    auto it = tables.find(name);
    if (it == tables.end()) {
      if (required) errors.push_back(missing(name));
      return nullptr;
    }
    if (!it->second) {
      errors.insert(errors.end(), it->second.errors().begin(), it->second.errors().end());
      return nullptr;
    }
    return &it->second.value();
  };
  const auto parse = [&](const std::string& name, bool required,
                         void (*read)(const CsvTable&, Scenario&, Errors&)) {
    if (const CsvTable* t = find(name, required)) read(*t, scenario, errors);
  };
  parse("scenario.csv", false, &ReadMetadata);
  parse("actors.csv", true, &ReadActors);
  parse("issues.csv", true, &ReadIssues);
  parse("stances.csv", true, &ReadStances);
  parse("alliances.csv", false, &ReadAlliances);
  parse("moves.csv", false, &ReadMoves);
  parse("groups.csv", false, &ReadGroups);
  parse("issue_metadata.csv", false, &ReadIssueMetadata);
  if (const CsvTable* t = find("outcomes.csv", false)) doc.outcomes = ReadOutcomes(*t, errors);
  parse("rules.csv", false, &ReadRules);
  parse("seeds.csv", false, &ReadSeeds);
  CollapseUnknownIssues(errors, issues);
  if (!errors.empty()) return errors;
  PoolCodings(scenario, PoolRule::kMean);
  return doc;
}

Result<Scenario> ParseCsvBundle(const FileSet& files, const std::string& folder) {
  Result<ScenarioDocument> doc = ParseCsvBundleDocument(files, folder);
  if (!doc) return doc.errors();
  return std::move(doc).value().scenario;
}

const std::vector<std::string>& BundleFileNames() {
  static const std::vector<std::string> kNames = {
      "scenario.csv",  "actors.csv", "issues.csv", "stances.csv",
      "alliances.csv", "moves.csv",  "groups.csv", "issue_metadata.csv",
      "outcomes.csv",  "rules.csv",  "seeds.csv"};
  return kNames;
}

}  // namespace entente
