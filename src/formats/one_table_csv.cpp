#include "entente/formats/one_table_csv.hpp"

#include <array>
#include <cctype>
#include <filesystem>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "entente/core/encoding.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"

namespace entente {
namespace {

using F = OneTableField;

// Spellings after normalisation (lower case, '_', '-' and '.' as blanks, blanks collapsed).
// "weight" is left out on purpose: papers use it for capability x salience as often as for
// capability.
constexpr std::array<std::pair<const char*, F>, 46> kNames = {{
    {"actor", F::kActor},
    {"actors", F::kActor},
    {"actor name", F::kActor},
    {"actor id", F::kActor},
    {"name", F::kActor},
    {"player", F::kActor},
    {"stakeholder", F::kActor},
    {"party", F::kActor},
    {"country", F::kActor},
    {"member", F::kActor},
    {"capability", F::kCapability},
    {"capabilities", F::kCapability},
    {"cap", F::kCapability},
    {"power", F::kCapability},
    {"clout", F::kCapability},
    {"influence", F::kCapability},
    {"resources", F::kCapability},
    {"position", F::kPosition},
    {"pos", F::kPosition},
    {"policy position", F::kPosition},
    {"preference", F::kPosition},
    {"ideal point", F::kPosition},
    {"salience", F::kSalience},
    {"saliency", F::kSalience},
    {"sal", F::kSalience},
    {"importance", F::kSalience},
    {"priority", F::kSalience},
    {"intensity", F::kSalience},
    {"issue", F::kIssue},
    {"issue id", F::kIssue},
    {"dimension", F::kIssue},
    {"status quo", F::kStatusQuo},
    {"statusquo", F::kStatusQuo},
    {"sq", F::kStatusQuo},
    {"reference point", F::kStatusQuo},
    {"reversion point", F::kStatusQuo},
    {"scale min", F::kScaleMin},
    {"min", F::kScaleMin},
    {"scale max", F::kScaleMax},
    {"max", F::kScaleMax},
    {"unit", F::kUnit},
    {"description", F::kDescription},
    {"basis", F::kBasis},
    {"note", F::kNote},
    {"notes", F::kNote},
    {"comment", F::kNote},
}};

constexpr std::array<const char*, 12> kCanonical = {
    "actor",     "capability", "position", "salience",    "issue", "status_quo",
    "scale_min", "scale_max",  "unit",     "description", "basis", "note"};

const char* Canonical(F f) {
  return kCanonical.at(static_cast<std::size_t>(f));
}

std::string Lower(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// '_', '-' and '.' as blanks, runs of blanks as one, trimmed.
std::string Collapse(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool blank = c == '_' || c == '-' || c == '.' || c == ' ' || c == '\t';
    if (blank) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The issue id a file name gives: "bdm1994 EC-emissions.csv" -> "bdm1994_ec_emissions".
std::string IdFromName(std::string_view name) {
  std::string id;
  for (char c : Lower(name)) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (keep) {
      id += c;
    } else if (!id.empty() && id.back() != '_') {
      id += '_';
    }
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  return id.empty() ? std::string("issue") : id;
}

// One header line split at `delimiter`, double quotes protecting it.
std::vector<std::string> SplitHeader(std::string_view line, char delimiter) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == delimiter && !quoted) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  return cells;
}

// Accepts the header when every cell is known, no field is named twice and the four a stance
// needs are there.
bool IsOneTableHeader(const std::vector<std::string>& cells) {
  std::array<bool, kCanonical.size()> seen{};
  for (const std::string& cell : cells) {
    const std::optional<OneTableColumn> c = MatchOneTableColumn(cell);
    if (!c || seen.at(static_cast<std::size_t>(c->field))) return false;
    seen.at(static_cast<std::size_t>(c->field)) = true;
  }
  return seen[0] && seen[1] && seen[2] && seen[3];
}

// Reads the rows of a parsed table whose columns have been matched.
class OneTableReader {
 public:
  OneTableReader(const CsvTable& t, std::vector<std::optional<OneTableColumn>> columns)
      : t_(t), columns_(std::move(columns)) {}

  Result<ScenarioDocument> Read();

 private:
  struct Given {  // an issue-level value given on some rows: the first and where
    std::optional<double> number;
    std::string text;
    int line = 0;
  };
  struct IssueInfo {
    Given status_quo, scale_min, scale_max, unit;
  };

  int Index(F f) const {
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (columns_[c] && columns_[c]->field == f) return static_cast<int>(c);
    }
    return -1;
  }
  std::string Text(const CsvRow& row, F f) const {
    const int c = Index(f);
    return c < 0 ? std::string() : std::string(Trim(row.cells[static_cast<std::size_t>(c)]));
  }
  Location At(const CsvRow& row, F f) const {
    const int c = Index(f);
    return Location{t_.file, row.line,
                    c < 0 ? Canonical(f) : t_.header[static_cast<std::size_t>(c)]};
  }
  std::optional<double> Number(const CsvRow& row, F f, bool required);
  void Agree(Given& given, const CsvRow& row, F f, const std::string& issue);
  void Finish(Issue& issue, const IssueInfo& info, ScenarioDocument& doc);
  [[nodiscard]] Result<Unit> CheckPercentages(const Scenario& s) const;

  const CsvTable& t_;
  std::vector<std::optional<OneTableColumn>> columns_;
  Errors errors_;
};

std::optional<double> OneTableReader::Number(const CsvRow& row, F f, bool required) {
  const std::string text = Text(row, f);
  if (text.empty()) {
    if (required) {
      errors_.push_back(
          {At(row, f), fmt::format("{} is empty", Canonical(f)), "give a number on every row"});
    }
    return std::nullopt;
  }
  const int c = Index(f);
  // Capability counts only relative to the others', so a percentage of it is as good a unit.
  const bool share = f == F::kSalience || f == F::kCapability;
  const bool percent_column = c >= 0 && columns_[static_cast<std::size_t>(c)]->percent;
  std::optional<double> v;
  if (share && text.back() == '%') {
    v = t_.Share(text);
  } else {
    v = t_.Number(text);
    if (v && percent_column) *v /= 100;
  }
  if (!v) {
    errors_.push_back({At(row, f), fmt::format("{} '{}' is not a number", Canonical(f), text),
                       t_.NumberHint(text, f == F::kSalience)});
  }
  return v;
}

// An issue-level value (status quo, scale, unit) may be given on one row of the issue or
// repeated on each; rows that give another value are errors.
void OneTableReader::Agree(Given& given, const CsvRow& row, F f, const std::string& issue) {
  if (Text(row, f).empty()) return;
  Given now;
  now.line = row.line;
  if (f == F::kUnit) {
    now.text = Text(row, f);
  } else {
    now.number = Number(row, f, false);
    if (!now.number) return;
    now.text = FormatNumber(*now.number);
  }
  if (given.line == 0) {
    given = now;
  } else if (now.text != given.text) {
    errors_.push_back({At(row, f),
                       fmt::format("{} {} of issue '{}' differs from {} on line {}", Canonical(f),
                                   now.text, issue, given.text, given.line),
                       "give an issue's value once, or the same on each of its rows"});
  }
}

void OneTableReader::Finish(Issue& issue, const IssueInfo& info, ScenarioDocument& doc) {
  const Location head{t_.file, t_.header_line};
  issue.status_quo = info.status_quo.number;
  if (info.unit.line > 0) issue.scale.unit = info.unit.text;
  double lo = 0;
  double hi = 0;
  bool any = false;
  for (const Stance& st : issue.stances) {
    lo = any ? std::min(lo, st.position) : st.position;
    hi = any ? std::max(hi, st.position) : st.position;
    any = true;
  }
  if (issue.status_quo && any) {
    lo = std::min(lo, *issue.status_quo);
    hi = std::max(hi, *issue.status_quo);
  }
  issue.scale.min = info.scale_min.number.value_or(lo);
  issue.scale.max = info.scale_max.number.value_or(hi);
  if (!info.scale_min.number || !info.scale_max.number) {
    if (any && lo == hi) {
      errors_.push_back({issue.origin,
                         fmt::format("cannot infer the scale of issue '{}': every position is {}",
                                     issue.id, FormatNumber(lo)),
                         "add scale_min and scale_max columns"});
      return;
    }
    doc.notes.push_back(
        {head,
         fmt::format("issue '{}': scale [{}, {}] inferred from the lowest and highest position{}",
                     issue.id, FormatNumber(issue.scale.min), FormatNumber(issue.scale.max),
                     issue.status_quo ? " and the status quo" : ""),
         "add scale_min and scale_max columns to set its ends (simulations keep draws "
         "inside the scale)"});
  }
  if (!issue.status_quo) {
    doc.notes.push_back({head,
                         fmt::format("issue '{}' has no status quo: models forecast without one, "
                                     "but decision rules other than none need one",
                                     issue.id),
                         "add a status_quo column (one value per issue)"});
  }
}

// Saliences of 0-100 on several rows are percentages written without the sign: one error for
// the column rather than validation's one per row.
Result<Unit> OneTableReader::CheckPercentages(const Scenario& s) const {
  std::vector<const Stance*> over;
  bool all_percent = true;
  for (const Issue& issue : s.issues) {
    for (const Stance& st : issue.stances) {
      if (st.salience > 1) over.push_back(&st);
      all_percent = all_percent && st.salience >= 0 && st.salience <= 100;
    }
  }
  if (over.size() < 2 || !all_percent) return Unit{};
  const int c = Index(F::kSalience);
  const std::string& column = t_.header[static_cast<std::size_t>(c)];
  return Error{
      Location{t_.file, t_.header_line, column},
      fmt::format("saliences look like percentages: {} rows give more than 1 (line {}: "
                  "{}), the rest no more than 100",
                  over.size(), over[0]->origin.line, FormatNumber(over[0]->salience)),
      fmt::format("a salience is a share: write 0.8 or 80%, or name the column '{} (%)'", column)};
}

Result<ScenarioDocument> OneTableReader::Read() {
  ScenarioDocument doc;
  Scenario& s = doc.scenario;
  const std::string stem = std::filesystem::path(t_.file).stem().string();
  s.meta.title = stem;
  std::string unit;
  if (const int c = Index(F::kPosition); c >= 0) unit = columns_[static_cast<std::size_t>(c)]->unit;
  std::vector<IssueInfo> info;
  std::map<std::string, std::size_t> actor_index;
  for (const CsvRow& row : t_.rows) {
    const std::string issue_id = Index(F::kIssue) >= 0 ? Text(row, F::kIssue) : IdFromName(stem);
    if (issue_id.empty()) {
      errors_.push_back({At(row, F::kIssue), "issue is empty", "name the issue on every row"});
      continue;
    }
    Issue* issue = s.FindIssue(issue_id);
    if (issue == nullptr) {
      Issue fresh;
      fresh.id = issue_id;
      fresh.name = Index(F::kIssue) >= 0 ? issue_id : stem;
      fresh.scale.unit = unit;
      fresh.origin = Location{t_.file, row.line};
      s.issues.push_back(std::move(fresh));
      info.emplace_back();
      issue = &s.issues.back();
    }
    IssueInfo& given = info[static_cast<std::size_t>(issue - s.issues.data())];
    Agree(given.status_quo, row, F::kStatusQuo, issue_id);
    Agree(given.scale_min, row, F::kScaleMin, issue_id);
    Agree(given.scale_max, row, F::kScaleMax, issue_id);
    Agree(given.unit, row, F::kUnit, issue_id);

    Stance st;
    st.actor = Text(row, F::kActor);
    st.origin = Location{t_.file, row.line};
    if (st.actor.empty()) {
      errors_.push_back({At(row, F::kActor), "actor is empty", "name the actor on every row"});
    } else if (auto [it, fresh] = actor_index.emplace(st.actor, s.actors.size()); fresh) {
      s.actors.push_back(Actor{st.actor, st.actor, Text(row, F::kDescription), At(row, F::kActor)});
    } else if (const std::string d = Text(row, F::kDescription);
               !d.empty() && d != s.actors[it->second].description) {
      errors_.push_back({At(row, F::kDescription),
                         fmt::format("description of '{}' differs from line {}", st.actor,
                                     s.actors[it->second].origin.line),
                         "describe each actor once, or the same way on each row"});
    }
    st.capability = Number(row, F::kCapability, true).value_or(0);
    st.position = Number(row, F::kPosition, true).value_or(0);
    st.salience = Number(row, F::kSalience, true).value_or(0);
    const std::string basis = Text(row, F::kBasis);
    if (auto b = ParseBasis(basis)) {
      st.basis = *b;
    } else {
      errors_.push_back({At(row, F::kBasis), fmt::format("unknown basis '{}'", basis),
                         "use brief, source or judgement (or leave it empty)"});
    }
    if (const int c = Index(F::kNote); c >= 0) st.note = row.cells[static_cast<std::size_t>(c)];
    issue->stances.push_back(std::move(st));
  }
  if (!errors_.empty()) return errors_;
  if (Result<Unit> ok = CheckPercentages(s); !ok) return ok.errors();
  if (s.issues.empty()) {
    return Error{Location{t_.file, t_.header_line}, "the table has a header but no rows",
                 "add a row per actor"};
  }
  for (std::size_t i = 0; i < s.issues.size(); ++i) Finish(s.issues[i], info[i], doc);
  if (!errors_.empty()) return errors_;
  return doc;
}

}  // namespace

const char* OneTableFieldName(OneTableField field) {
  return Canonical(field);
}

std::optional<OneTableColumn> MatchOneTableColumn(std::string_view header) {
  OneTableColumn out;
  std::string text(Trim(header));
  // A trailing "(...)" or "[...]": a unit, or "%" for percentages.
  if (!text.empty() && (text.back() == ')' || text.back() == ']')) {
    const std::size_t open = text.find_last_of(text.back() == ')' ? '(' : '[');
    if (open != std::string::npos && open > 0) {
      const std::string inner(
          Trim(std::string_view(text).substr(open + 1, text.size() - open - 2)));
      if (inner == "%") {
        out.percent = true;
      } else {
        out.unit = inner;
      }
      text = std::string(Trim(std::string_view(text).substr(0, open)));
    }
  }
  if (!text.empty() && text.back() == '%') {
    out.percent = true;
    text = std::string(Trim(std::string_view(text).substr(0, text.size() - 1)));
  }
  const std::string key = Collapse(Lower(text));
  for (const auto& [name, field] : kNames) {
    if (key == name) {
      out.field = field;
      if (out.percent && field == F::kPosition) {  // a scale in percent: the unit, not a share
        out.percent = false;
        out.unit = "%";
      }
      if (out.percent && field != F::kSalience && field != F::kCapability) return std::nullopt;
      return out;
    }
  }
  return std::nullopt;
}

std::string OneTableColumnNames() {
  return "actor (or name, player, stakeholder, party, country, member), capability (or power, "
         "clout, influence, resources), position (or preference, ideal point), salience (or "
         "importance, priority, intensity; 'Salience (%)' for percentages), and optionally issue, "
         "status_quo (or sq, reference point), scale_min, scale_max, unit, description, basis, "
         "note";
}

bool LooksLikeOneTable(std::string_view bytes) {
  Result<std::string> decoded = DecodeText(bytes, "");
  if (!decoded) return false;
  std::string_view text = decoded.value();
  std::optional<char> sep;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = Trim(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty()) continue;
    if (!sep && line.size() == 5 && Lower(line.substr(0, 4)) == "sep=") {
      sep = line[4];
      continue;
    }
    if (sep) return IsOneTableHeader(SplitHeader(line, *sep));
    for (const char d : {',', ';', '\t'}) {
      if (IsOneTableHeader(SplitHeader(line, d))) return true;
    }
    return false;
  }
  return false;
}

Result<ScenarioDocument> ParseOneTableCsv(std::string_view text, const std::string& file) {
  Result<CsvTable> parsed = ParseCsv(text, file);
  if (!parsed) return parsed.errors();
  const CsvTable& t = parsed.value();
  Errors errors;
  std::vector<std::optional<OneTableColumn>> columns;
  std::map<F, std::string> named;
  for (const std::string& h : t.header) {
    columns.push_back(MatchOneTableColumn(h));
    const Location at{t.file, t.header_line, h};
    if (!columns.back()) {
      errors.push_back(
          {at, fmt::format("unknown column '{}'", h), "the columns are " + OneTableColumnNames()});
    } else if (auto [it, fresh] = named.emplace(columns.back()->field, h); !fresh) {
      errors.push_back({at,
                        fmt::format("columns '{}' and '{}' both give the {}", it->second, h,
                                    Canonical(columns.back()->field)),
                        "keep one of them"});
    }
  }
  for (const F f : {F::kActor, F::kCapability, F::kPosition, F::kSalience}) {
    if (!named.contains(f)) {
      errors.push_back({Location{t.file, t.header_line},
                        fmt::format("missing column '{}'", Canonical(f)),
                        "the columns are " + OneTableColumnNames()});
    }
  }
  if (!errors.empty()) return errors;
  return OneTableReader(t, std::move(columns)).Read();
}

}  // namespace entente
