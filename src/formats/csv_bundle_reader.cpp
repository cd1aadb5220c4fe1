#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/core/encoding.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"
#include "entente/formats/csv_bundle.hpp"

namespace entente {
namespace {

// Reads named cells of one table, collecting located errors instead of stopping.
class TableReader {
 public:
  TableReader(const CsvTable& table, Errors& errors) : table_(table), errors_(errors) {}

  // Fails (and records why) when a required column is missing or an unknown one is present.
  bool CheckColumns(const std::vector<std::string>& required,
                    const std::vector<std::string>& optional) {
    bool ok = true;
    for (const std::string& r : required) {
      if (table_.Column(r) < 0) {
        errors_.push_back(Error{table_.At(table_.header_line),
                                fmt::format("missing column '{}'", r),
                                fmt::format("the header needs: {}", fmt::join(required, ","))});
        ok = false;
      }
    }
    for (const std::string& h : table_.header) {
      bool known = false;
      for (const auto* list : {&required, &optional}) {
        for (const std::string& k : *list) known = known || k == h;
      }
      if (!known) {
        errors_.push_back(
            Error{table_.At(table_.header_line), fmt::format("unknown column '{}'", h),
                  fmt::format("columns are {}{}{}", fmt::join(required, ","),
                              optional.empty() ? "" : ", optionally ", fmt::join(optional, ","))});
        ok = false;
      }
    }
    return ok;
  }

  Location At(const CsvRow& row, const std::string& column) const {
    return table_.At(row.line, column);
  }

  std::string Text(const CsvRow& row, const std::string& column) const {
    const int c = table_.Column(column);
    return c < 0 ? std::string() : std::string(Trim(row.cells[c]));
  }

  // The raw cell, untrimmed (notes keep their spacing).
  std::string Raw(const CsvRow& row, const std::string& column) const {
    const int c = table_.Column(column);
    return c < 0 ? std::string() : row.cells[c];
  }

  // A number in the file's dialect (decimal comma in a ';' file); a `share` (salience, a
  // threshold) may also be a percentage, "70%".
  double Number(const CsvRow& row, const std::string& column, bool share = false) {
    const std::string text = Text(row, column);
    if (auto v = share ? table_.Share(text) : table_.Number(text)) return *v;
    errors_.push_back(Error{At(row, column),
                            text.empty() ? fmt::format("{} is empty", column)
                                         : fmt::format("{} '{}' is not a number", column, text),
                            table_.NumberHint(text, share)});
    return 0;
  }

  // The number in `column` and its optional `_sd`, `_low`, `_high` columns: sd gives a normal
  // spread; low and high a triangular one around the value, or a uniform one when the value
  // itself is left empty (its point value is then the midpoint).
  void Uncertain(const CsvRow& row, const std::string& column, double& value, Spread& spread,
                 bool share = false) {
    const bool has_sd = !Text(row, column + "_sd").empty();
    const bool has_lo = !Text(row, column + "_low").empty();
    const bool has_hi = !Text(row, column + "_high").empty();
    const bool has_value = !Text(row, column).empty();
    if (has_lo != has_hi || (has_sd && (has_lo || !has_value))) {
      errors_.push_back(
          Error{At(row, column), fmt::format("{} has an incomplete or mixed spread", column),
                fmt::format("give {0}_sd with {0}, or both {0}_low and {0}_high", column)});
      return;
    }
    if (has_lo && !has_value) {
      const double lo = Number(row, column + "_low", share);
      const double hi = Number(row, column + "_high", share);
      value = (lo + hi) / 2;
      spread = Spread::Uniform(lo, hi);
      return;
    }
    value = Number(row, column, share);
    if (has_sd) spread = Spread::Normal(Number(row, column + "_sd", share));
    if (has_lo) {
      spread = Spread::Triangular(Number(row, column + "_low", share),
                                  Number(row, column + "_high", share));
    }
  }

  std::string Id(const CsvRow& row, const std::string& column) {
    std::string text = Text(row, column);
    if (text.empty()) {
      errors_.push_back(Error{At(row, column), fmt::format("{} is empty", column),
                              "give the id this row refers to"});
    }
    return text;
  }

  Errors& errors() { return errors_; }

 private:
  const CsvTable& table_;
  Errors& errors_;
};

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

std::optional<std::vector<MemberValue>> ParseValues(const CsvTable& t, const std::string& text) {
  std::vector<MemberValue> out;
  for (const std::string& part : SplitList(text, ';')) {
    const std::size_t eq = part.find('=');
    if (eq == std::string::npos) return std::nullopt;
    const auto v = t.Number(part.substr(eq + 1));
    if (!v) return std::nullopt;
    out.push_back({std::string(Trim(part.substr(0, eq))), *v});
  }
  return out;
}

// rules.csv: one row per issue whose rule needs more than issues.csv's decision_rule and
// veto_players columns (chamber empty), then one row per chamber of a bicameral rule
// (chamber 1, 2, ...). Lists are ';'-separated, maps 'id=number;id=number'.
void ReadRules(const CsvTable& t, Scenario& s, Errors& errors) {
  TableReader r(t, errors);
  if (!r.CheckColumns({"issue", "chamber", "kind"},
                      {"name", "preset", "members", "seats", "threshold", "weights", "min_members",
                       "min_member_count", "population", "min_population", "blocking_minority",
                       "veto_players", "absent", "agenda_setter", "on_empty", "reversion_cost"})) {
    return;
  }
  const auto optional = [&](const CsvRow& row, const char* column,
                            bool share = false) -> std::optional<double> {
    if (r.Text(row, column).empty()) return std::nullopt;
    return r.Number(row, column, share);
  };
  const auto whole = [&](const CsvRow& row, const char* column) {
    const auto v = optional(row, column);
    if (v && *v != static_cast<int>(*v)) {
      errors.push_back(Error{r.At(row, column), fmt::format("{} must be a whole number", column),
                             "write e.g. 4"});
    }
    return v ? static_cast<int>(*v) : 0;
  };
  const auto values = [&](const CsvRow& row, const char* column) {
    auto v = ParseValues(t, r.Text(row, column));
    if (!v) {
      errors.push_back(Error{r.At(row, column),
                             fmt::format("{} is not a list of id=number", column),
                             "write e.g. DE=29;FR=29"});
      return std::vector<MemberValue>{};
    }
    return *v;
  };
  std::set<std::string> defined;
  for (const CsvRow& row : t.rows) {
    const std::string issue_id = r.Id(row, "issue");
    Issue* issue = s.FindIssue(issue_id);
    if (issue == nullptr) {
      if (!issue_id.empty()) {
        errors.push_back(Error{r.At(row, "issue"), fmt::format("unknown issue '{}'", issue_id),
                               "use an issue id from issues.csv"});
      }
      continue;
    }
    DecisionRule rule;
    rule.origin = t.At(row.line);
    const std::string kind = r.Text(row, "kind");
    if (auto k = ParseDecisionKind(kind)) {
      rule.kind = *k;
    } else {
      errors.push_back(Error{r.At(row, "kind"), fmt::format("unknown decision rule '{}'", kind),
                             "use none, unanimity, majority, qualified_majority or bicameral"});
    }
    rule.name = r.Raw(row, "name");
    rule.preset = r.Text(row, "preset");
    rule.members = SplitList(r.Text(row, "members"), ';');
    rule.seats = whole(row, "seats");
    rule.threshold = optional(row, "threshold", true);
    const std::string weights = r.Text(row, "weights");
    if (weights == "equal") {
      rule.weight_source = WeightSource::kEqual;
    } else if (!weights.empty() && weights != "capability") {
      rule.weight_source = WeightSource::kTable;
      rule.weights = values(row, "weights");
    }
    rule.min_members = optional(row, "min_members", true);
    rule.min_member_count = whole(row, "min_member_count");
    rule.population = values(row, "population");
    rule.min_population = optional(row, "min_population", true);
    rule.blocking_minority = whole(row, "blocking_minority");
    rule.veto_players = SplitList(r.Text(row, "veto_players"), ';');
    if (const std::string a = r.Text(row, "absent"); !a.empty()) {
      if (auto v = ParseAbsentMembers(a)) {
        rule.absent = *v;
      } else {
        errors.push_back(Error{r.At(row, "absent"), fmt::format("unknown absent '{}'", a),
                               "use against, drop or support"});
      }
    }
    rule.agenda_setter = r.Text(row, "agenda_setter");
    if (const std::string e = r.Text(row, "on_empty"); !e.empty()) {
      if (auto v = ParseOnEmpty(e)) {
        rule.on_empty = *v;
      } else {
        errors.push_back(Error{r.At(row, "on_empty"), fmt::format("unknown on_empty '{}'", e),
                               "use status_quo or model"});
      }
    }
    rule.reversion_cost = optional(row, "reversion_cost").value_or(0);
    const std::string chamber = r.Text(row, "chamber");
    if (chamber.empty()) {
      const bool columns =
          issue->rule.kind != DecisionKind::kNone || !issue->rule.veto_players.empty();
      if (!defined.insert(issue_id).second) {
        errors.push_back(Error{r.At(row, "issue"),
                               fmt::format("issue '{}' has two rules in rules.csv", issue_id),
                               "give one row with an empty chamber per issue"});
      } else if (columns && (issue->rule.kind != rule.kind || !issue->rule.veto_players.empty())) {
        errors.push_back(Error{r.At(row, "kind"),
                               fmt::format("issue '{}': issues.csv and rules.csv disagree on the "
                                           "decision rule",
                                           issue_id),
                               "give the rule in rules.csv only (leave issues.csv's veto_players "
                               "empty and its decision_rule equal to the kind)"});
      }
      rule.origin = t.At(row.line);
      issue->rule = std::move(rule);
    } else if (!defined.contains(issue_id) ||
               chamber != std::to_string(issue->rule.chambers.size() + 1)) {
      errors.push_back(
          Error{r.At(row, "chamber"),
                fmt::format("issue '{}': chamber '{}' is out of order", issue_id, chamber),
                "give the issue's row (empty chamber) first, then chambers 1, 2, ..."});
    } else {
      issue->rule.chambers.push_back(std::move(rule));
    }
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
