#include <fmt/format.h>
#include <fmt/ranges.h>

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
        errors_.push_back(Error{Location{table_.file, 1}, fmt::format("missing column '{}'", r),
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
            Error{Location{table_.file, 1}, fmt::format("unknown column '{}'", h),
                  fmt::format("columns are {}{}{}", fmt::join(required, ","),
                              optional.empty() ? "" : ", optionally ", fmt::join(optional, ","))});
        ok = false;
      }
    }
    return ok;
  }

  Location At(const CsvRow& row, const std::string& column) const {
    return Location{table_.file, row.line, column};
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

  double Number(const CsvRow& row, const std::string& column) {
    const std::string text = Text(row, column);
    if (auto v = ParseNumber(text)) return *v;
    errors_.push_back(Error{At(row, column),
                            text.empty() ? fmt::format("{} is empty", column)
                                         : fmt::format("{} '{}' is not a number", column, text),
                            "write a plain decimal number such as 13 or 0.45"});
    return 0;
  }

  // The number in `column` and its optional `_sd`, `_low`, `_high` columns: sd gives a normal
  // spread; low and high a triangular one around the value, or a uniform one when the value
  // itself is left empty (its point value is then the midpoint).
  void Uncertain(const CsvRow& row, const std::string& column, double& value, Spread& spread) {
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
      const double lo = Number(row, column + "_low");
      const double hi = Number(row, column + "_high");
      value = (lo + hi) / 2;
      spread = Spread::Uniform(lo, hi);
      return;
    }
    value = Number(row, column);
    if (has_sd) spread = Spread::Normal(Number(row, column + "_sd"));
    if (has_lo)
      spread = Spread::Triangular(Number(row, column + "_low"), Number(row, column + "_high"));
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
    a.origin = Location{t.file, row.line};
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
    issue.origin = Location{t.file, row.line};
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
                             "use 'none' or 'unanimity'"});
    }
    issue.rule.veto_players = SplitList(r.Text(row, "veto_players"), ';');
    s.issues.push_back(std::move(issue));
  }
}

void ReadStances(const CsvTable& t, Scenario& s, Errors& errors) {
  TableReader r(t, errors);
  if (!r.CheckColumns({"issue", "actor", "position", "salience", "capability"},
                      {"basis", "note", "position_sd", "position_low", "position_high",
                       "salience_sd", "salience_low", "salience_high", "capability_sd",
                       "capability_low", "capability_high"})) {
    return;
  }
  for (const CsvRow& row : t.rows) {
    Stance st;
    const std::string issue_id = r.Id(row, "issue");
    st.actor = r.Id(row, "actor");
    r.Uncertain(row, "position", st.position, st.position_spread);
    r.Uncertain(row, "salience", st.salience, st.salience_spread);
    r.Uncertain(row, "capability", st.capability, st.capability_spread);
    const std::string basis = r.Text(row, "basis");
    if (auto b = ParseBasis(basis)) {
      st.basis = *b;
    } else {
      errors.push_back(Error{r.At(row, "basis"), fmt::format("unknown basis '{}'", basis),
                             "use brief, source or judgement (or leave it empty)"});
    }
    st.note = r.Raw(row, "note");
    st.origin = Location{t.file, row.line};
    Issue* issue = s.FindIssue(issue_id);
    if (issue == nullptr) {
      if (!issue_id.empty()) {
        errors.push_back(Error{r.At(row, "issue"), fmt::format("unknown issue '{}'", issue_id),
                               "use an issue id from issues.csv"});
      }
      continue;
    }
    issue->stances.push_back(std::move(st));
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
    a.origin = Location{t.file, row.line};
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
      m.origin = Location{t.file, row.line};
      s.moves.push_back(std::move(m));
    }
    StanceChange c;
    c.issue = r.Id(row, "issue");
    c.actor = r.Id(row, "actor");
    c.origin = Location{t.file, row.line};
    for (const char* field : {"position", "salience", "capability"}) {
      if (r.Text(row, field).empty()) continue;
      const double v = r.Number(row, field);
      (field[0] == 'p' ? c.position : field[0] == 's' ? c.salience : c.capability) = v;
    }
    s.moves.back().changes.push_back(std::move(c));
  }
}

}  // namespace

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

Result<Scenario> ParseCsvBundle(const FileSet& files, const std::string& folder) {
  Errors errors;
  Scenario scenario;
  const auto path = [&folder](const std::string& name) {
    return folder.empty() ? name : folder + "/" + name;
  };
  const auto parse = [&](const std::string& name, bool required,
                         void (*read)(const CsvTable&, Scenario&, Errors&)) {
    auto it = files.find(name);
    if (it == files.end()) {
      if (required) {
        errors.push_back(Error{Location{path(name)}, "file is missing",
                               "a CSV bundle folder needs actors.csv, issues.csv and stances.csv"});
      }
      return;
    }
    Result<CsvTable> table = ParseCsv(it->second, path(name));
    if (!table) {
      errors.insert(errors.end(), table.errors().begin(), table.errors().end());
      return;
    }
    read(table.value(), scenario, errors);
  };
  parse("scenario.csv", false, &ReadMetadata);
  parse("actors.csv", true, &ReadActors);
  parse("issues.csv", true, &ReadIssues);
  parse("stances.csv", true, &ReadStances);
  parse("alliances.csv", false, &ReadAlliances);
  parse("moves.csv", false, &ReadMoves);
  if (!errors.empty()) return errors;
  return scenario;
}

}  // namespace entente
