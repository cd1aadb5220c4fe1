// DEU reader. The conventions are those of the DEU I reference computation (docs/deu.md):
//   stance of actor a on issue i  <=>  p_a and s_a both given (blank and 999 are missing)
//   position = p_a, salience = s_a / 100
//   capability of member state m  = its Council weight in the regime in force at the final act
//     (the introduction date when there is none); the enlarged Council's (Nice) when a state
//     that joined in 2004 or later takes part under an earlier date
//   capability of com and ep = max over the issue's member states (option: mean or a number)
//   status quo = rp (unknown when blank, with a note); outcome = out, kept when at least min_actors
//   actors
// Source of the data layout: Thomson, Stokman, Achen & Koenig (eds.) (2006), The European
// Union Decides, Cambridge UP, ch. 2; Arregui & Perarnaud (2021), DEU I+II+III codebook,
// doi:10.34810/data53.
#include "entente/formats/deu_reader.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "entente/core/rule_presets.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"

namespace entente {
namespace {

constexpr double kMissing = 999;

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    cells.emplace_back(Trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

std::string_view FirstLine(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = Trim(text.substr(0, nl));
    if (!line.empty()) return line;
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return {};
}

// The table: tab-separated when the header has a tab (no quoting, as the DEU files are
// published), else RFC 4180 CSV. Short rows are padded with blanks, long rows are errors.
Result<CsvTable> ReadTable(std::string_view text, const std::string& file) {
  if (FirstLine(text).find('\t') == std::string_view::npos) return ParseCsv(text, file);
  CsvTable table;
  table.file = file;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Errors errors;
  int line = 0;
  while (!text.empty()) {
    ++line;
    const std::size_t nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (Trim(raw).empty()) continue;
    std::vector<std::string> cells = SplitTabs(raw);
    if (table.header.empty()) {
      table.header = std::move(cells);
      continue;
    }
    if (cells.size() > table.header.size()) {
      errors.push_back(Error{Location{file, line},
                             fmt::format("row has {} cells but the header has {} columns",
                                         cells.size(), table.header.size()),
                             "remove the extra tab-separated cells or add their column names"});
      continue;
    }
    cells.resize(table.header.size());
    table.rows.push_back(CsvRow{line, std::move(cells)});
  }
  if (!errors.empty()) return errors;
  return table;
}

struct Date {
  int year = 0, month = 0, day = 0;
  [[nodiscard]] std::string Iso() const {
    return fmt::format("{:04}-{:02}-{:02}", year, month, day);
  }
};

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// `dd-mm-yy`, `dd-mm-yyyy`, or the spreadsheet's rewrite `CCdd-mm-yy` (1930-05-01 is 30 May
// 2001): in every form the last field is the year. Blank or 999: nullopt with `ok` true.
std::optional<Date> ParseDeuDate(std::string_view text, bool& ok) {
  ok = true;
  text = Trim(text);
  if (text.empty() || text == "999") return std::nullopt;
  std::vector<std::string> parts =
      SplitList(text, text.find('/') != std::string_view::npos ? '/' : '-');
  ok = parts.size() == 3 && AllDigits(parts[0]) && AllDigits(parts[1]) && AllDigits(parts[2]);
  if (!ok) return std::nullopt;
  Date d;
  d.day = std::stoi(parts[0]) % 100;  // CCdd keeps the day in its last two digits
  d.month = std::stoi(parts[1]);
  const int y = std::stoi(parts[2]);
  if (parts[2].size() == 4) {
    d.year = y;
  } else if (parts[2].size() <= 2) {
    d.year = y >= 50 ? 1900 + y : 2000 + y;
  } else {
    ok = false;
  }
  ok = ok && parts[0].size() != 3 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31;
  if (!ok) return std::nullopt;
  return d;
}

class DeuReader {
 public:
  DeuReader(const CsvTable& table, const DeuOptions& options)
      : t_(table), options_(options), base_(BaseName(table.file)) {}

  Result<ScenarioDocument> Read() {
    FindColumns();
    if (!errors_.empty()) return errors_;
    Scenario& s = doc_.scenario;
    s.meta.title = fmt::format("DEU: {}", base_);
    s.meta.description =
        "EU legislative proposals from the DEU data set, one issue per row; capability = Council "
        "votes of the regime in force at the final act, the Commission and Parliament the "
        "largest member state's unless the reader options say otherwise (docs/deu.md).";
    s.meta.sources = {
        "Arregui & Perarnaud (2021), Decision-making in the European Union (DEU I+II+III), "
        "doi:10.34810/data53, CC BY 4.0",
        "Thomson, Stokman, Achen & Koenig (eds.) (2006), The European Union Decides, Cambridge "
        "University Press"};
    std::vector<bool> used(actors_.size(), false);
    for (const CsvRow& row : t_.rows) ReadRow(row, used);
    for (std::size_t k = 0; k < actors_.size(); ++k) {
      if (!used[k]) continue;
      const std::string name(DeuActorName(actors_[k].code));
      s.actors.push_back(Actor{actors_[k].code, name.empty() ? actors_[k].code : name, "",
                               Location{t_.file, 1, "p" + actors_[k].code}});
    }
    if (!errors_.empty()) return errors_;
    return std::move(doc_);
  }

 private:
  struct ActorColumns {
    std::string code;
    int p = -1;
    int s = -1;
  };

  static std::string BaseName(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
  }

  void Fail(const CsvRow& row, const std::string& column, std::string message, std::string hint) {
    errors_.push_back(
        Error{Location{t_.file, row.line, column}, std::move(message), std::move(hint)});
  }

  void FindColumns() {
    isnr_ = t_.Column("isnr");
    prnr_ = t_.Column("prnr");
    prname_ = t_.Column("prname");
    rp_ = t_.Column("rp");
    out_ = t_.Column("out");
    finact_ = t_.Column("finact");
    intro_ = t_.Column("intro");
    if (isnr_ < 0) {
      errors_.push_back(Error{Location{t_.file, 1}, "missing column 'isnr'",
                              "a DEU table needs an issue id column 'isnr'"});
    }
    std::vector<bool> taken(t_.header.size(), false);
    for (int c : {isnr_, prnr_, prname_, rp_, out_}) {
      if (c >= 0) taken[c] = true;
    }
    for (std::size_t c = 0; c < t_.header.size(); ++c) {
      const std::string& h = t_.header[c];
      if (h.size() < 2 || h[0] != 'p') continue;
      const int s = t_.Column("s" + h.substr(1));
      if (s < 0) continue;
      const std::string code = h.substr(1);
      if (code != "com" && code != "ep" && !IsCouncilMember(code)) {
        errors_.push_back(
            Error{Location{t_.file, 1, h},
                  fmt::format("unknown actor code '{}' (columns {} and s{})", code, h, code),
                  "use com, ep or a member state code (at be bu cr cy cz dk ee fi fr "
                  "de el hu ie it lv lt lu mt nl pl pt ro si sk es se uk)"});
        continue;
      }
      actors_.push_back(ActorColumns{code, static_cast<int>(c), s});
      taken[c] = true;
      taken[s] = true;
    }
    if (actors_.empty()) {
      errors_.push_back(Error{Location{t_.file, 1}, "no actor columns",
                              "give positions and saliences as p<code> and s<code> columns"});
    }
    for (std::size_t c = 0; c < t_.header.size(); ++c) {
      if (!taken[c]) metadata_.push_back(static_cast<int>(c));
    }
  }

  // A number cell: nullopt when blank or 999, a located error when not a number.
  std::optional<double> Cell(const CsvRow& row, int column) {
    if (column < 0) return std::nullopt;
    const std::string_view text = Trim(row.cells[column]);
    if (text.empty()) return std::nullopt;
    const std::optional<double> v = ParseNumber(text);
    if (!v) {
      Fail(row, t_.header[column], fmt::format("'{}' is not a number", text),
           "write a number, or leave the cell blank (or 999) when it is missing");
      return std::nullopt;
    }
    if (*v == kMissing) return std::nullopt;
    return v;
  }

  std::optional<Date> DateCell(const CsvRow& row, int column) {
    if (column < 0) return std::nullopt;
    bool ok = true;
    std::optional<Date> d = ParseDeuDate(row.cells[column], ok);
    if (!ok) {
      Fail(row, t_.header[column], fmt::format("'{}' is not a date", row.cells[column]),
           "write dd-mm-yy (the last '-'-separated field is the year), or leave it blank");
    }
    return d;
  }

  // The regime of the row: forced by the options, else the final act's date, else the
  // introduction's.
  std::optional<CouncilRegime> Regime(const CsvRow& row, const std::optional<Date>& finact) {
    if (options_.regime) return options_.regime;
    std::optional<Date> d = finact;
    if (!d) d = DateCell(row, intro_);
    if (!d) {
      Fail(row, finact_ >= 0 ? "finact" : "intro", "no final act or introduction date",
           "give 'finact' or 'intro' (dd-mm-yy), or choose the vote weights with the reader "
           "option regime=pre_nice|nice|lisbon");
      return std::nullopt;
    }
    return CouncilRegimeOn(d->year, d->month, d->day);
  }

  void ReadRow(const CsvRow& row, std::vector<bool>& used) {
    const std::size_t errors_before = errors_.size();
    Issue issue;
    issue.id = std::string(Trim(row.cells[isnr_]));
    issue.origin = Location{t_.file, row.line};
    if (issue.id.empty()) {
      Fail(row, "isnr", "issue id is empty", "give every row its issue id 'isnr'");
      return;
    }
    const std::string group = prnr_ >= 0 ? std::string(Trim(row.cells[prnr_])) : "";
    const std::string group_name = prname_ >= 0 ? std::string(Trim(row.cells[prname_])) : "";
    const std::size_t i_pos = issue.id.rfind('i');
    const std::string number = i_pos == std::string::npos ? "" : issue.id.substr(i_pos + 1);
    issue.name = group_name.empty() || number.empty() || !AllDigits(number)
                     ? issue.id
                     : fmt::format("{}, issue {}", group_name, number);
    issue.scale.min = 0;
    issue.scale.max = 100;
    const std::optional<Date> finact = DateCell(row, finact_);
    std::optional<CouncilRegime> regime = Regime(row, finact);

    // Stances: both numbers given. Member states first get their weights below.
    std::vector<std::size_t> members;
    bool newcomer = false;
    for (std::size_t k = 0; k < actors_.size(); ++k) {
      const std::optional<double> p = Cell(row, actors_[k].p);
      const std::optional<double> s = Cell(row, actors_[k].s);
      if (!p || !s) continue;
      Stance st;
      st.actor = actors_[k].code;
      st.position = *p;
      st.salience = *s / 100;
      st.origin = Location{t_.file, row.line, t_.header[actors_[k].p]};
      if (IsCouncilMember(st.actor)) {
        members.push_back(issue.stances.size());
        newcomer |= !CouncilWeight(CouncilRegime::kPreNice, st.actor).has_value();
      }
      issue.stances.push_back(std::move(st));
      used[k] = true;
    }
    if (regime && *regime == CouncilRegime::kPreNice && newcomer && !options_.regime) {
      regime = CouncilRegime::kNice;  // a state that joined in 2004 or later sits in the enlarged
                                      // Council
    }
    if (regime) Capabilities(row, *regime, members, issue);
    if (errors_.size() != errors_before) return;

    if (const std::optional<double> rp = Cell(row, rp_)) {
      issue.status_quo = *rp;
    } else {
      doc_.notes.push_back(Error{issue.origin.WithField("rp"),
                                 fmt::format("issue '{}' has no reference point: its status quo "
                                             "is left unknown (no model needs it without a "
                                             "decision rule; ktab-smp places actors without a "
                                             "stance mid-scale instead of at the status quo)",
                                             issue.id),
                                 ""});
    }
    for (int c : metadata_) {
      const std::string_view v = Trim(row.cells[c]);
      if (!v.empty()) issue.metadata.push_back(IssueMeta{t_.header[c], std::string(v)});
    }
    if (regime)
      issue.metadata.push_back(
          IssueMeta{"council_regime", std::string(CouncilRegimeName(*regime))});
    if (options_.procedure_rules) ProcedureRule(regime, issue);
    if (const std::optional<double> out = Cell(row, out_)) {
      const int n = static_cast<int>(issue.stances.size());
      if (n >= options_.min_actors) {
        doc_.outcomes.push_back(Outcome{issue.id, *out, finact ? finact->Iso() : std::string(),
                                        fmt::format("{}, column out", base_),
                                        Location{t_.file, row.line, "out"}});
      } else {
        doc_.notes.push_back(Error{issue.origin.WithField("out"),
                                   fmt::format("issue '{}': only {} actor(s) give a position and a "
                                               "salience (fewer than min_actors = {}), so its "
                                               "outcome is not scored",
                                               issue.id, n, options_.min_actors),
                                   "set the reader option min_actors to score it anyway"});
      }
    }
    if (!group.empty()) AddToGroup(group, group_name, issue.id, row);
    doc_.scenario.issues.push_back(std::move(issue));
  }

  // The rule of the issue's procedure (reader option rules=procedure). An issue it cannot be
  // given to keeps no rule, with a note saying why, so a backtest still scores it.
  void ProcedureRule(const std::optional<CouncilRegime>& regime, Issue& issue) {
    const auto meta = [&issue](std::string_view key) {
      for (const IssueMeta& m : issue.metadata) {
        if (m.key == key) return m.value;
      }
      return std::string();
    };
    std::string why;
    if (!regime) {
      why = "no Council regime (no final-act date)";
    } else if (!issue.status_quo) {
      why = "no reference point to compare outcomes with";
    } else {
      Result<DecisionRule> rule =
          RuleForDeuProcedure(meta("proc"), meta("counvte"), CouncilRegimeName(*regime));
      if (rule.ok()) {
        issue.rule = std::move(rule).value();
        issue.rule.origin = issue.origin.WithField("proc");
        return;
      }
      why = rule.errors().front().message;
    }
    doc_.notes.push_back(Error{issue.origin.WithField("proc"),
                               fmt::format("issue '{}' gets no procedure rule: {}; it is "
                                           "forecast without one",
                                           issue.id, why),
                               ""});
  }

  void Capabilities(const CsvRow& row, CouncilRegime regime,
                    const std::vector<std::size_t>& members, Issue& issue) {
    double largest = 0;
    double sum = 0;
    for (std::size_t m : members) {
      Stance& st = issue.stances[m];
      const std::optional<double> w = CouncilWeight(regime, st.actor);
      if (!w) {
        Fail(row, "p" + st.actor,
             fmt::format("'{}' has no Council vote under the {} regime", st.actor,
                         CouncilRegimeName(regime)),
             "check the dates, or choose the regime with the reader option regime=nice|lisbon");
        continue;
      }
      st.capability = *w;
      largest = std::max(largest, *w);
      sum += *w;
    }
    double com_ep = largest;
    if (options_.com_ep == DeuOptions::ComEp::kMean && !members.empty()) {
      com_ep = sum / static_cast<double>(members.size());
    } else if (options_.com_ep == DeuOptions::ComEp::kFixed) {
      com_ep = options_.com_ep_value;
    }
    if (members.empty() && options_.com_ep != DeuOptions::ComEp::kFixed) {
      com_ep = LargestCouncilWeight(regime);
      doc_.notes.push_back(Error{issue.origin,
                                 fmt::format("issue '{}' has no member state: the Commission and "
                                             "Parliament get the largest state's weight, {}",
                                             issue.id, FormatNumber(com_ep)),
                                 ""});
    }
    for (Stance& st : issue.stances) {
      if (!IsCouncilMember(st.actor)) st.capability = com_ep;
    }
  }

  void AddToGroup(const std::string& id, const std::string& name, const std::string& issue,
                  const CsvRow& row) {
    auto it = group_index_.find(id);
    if (it == group_index_.end()) {
      it = group_index_.emplace(id, doc_.scenario.groups.size()).first;
      doc_.scenario.groups.push_back(IssueGroup{id, name, {}, Location{t_.file, row.line, "prnr"}});
    }
    doc_.scenario.groups[it->second].issues.push_back(issue);
  }

  const CsvTable& t_;
  const DeuOptions& options_;
  std::string base_;
  int isnr_ = -1, prnr_ = -1, prname_ = -1, rp_ = -1, out_ = -1, finact_ = -1, intro_ = -1;
  std::vector<ActorColumns> actors_;
  std::vector<int> metadata_;
  std::map<std::string, std::size_t> group_index_;
  ScenarioDocument doc_;
  Errors errors_;
};

}  // namespace

Result<Unit> SetDeuOption(DeuOptions& options, std::string_view key, std::string_view value) {
  const Location at{"", 0, std::string(key)};
  if (key == "com_ep_capability") {
    if (value == "largest") {
      options.com_ep = DeuOptions::ComEp::kLargest;
    } else if (value == "mean") {
      options.com_ep = DeuOptions::ComEp::kMean;
    } else if (const auto v = ParseNumber(value); v && *v >= 0) {
      options.com_ep = DeuOptions::ComEp::kFixed;
      options.com_ep_value = *v;
    } else {
      return Error{
          at, fmt::format("com_ep_capability '{}' is not largest, mean or a number >= 0", value),
          "write e.g. com_ep_capability=mean"};
    }
    return Unit{};
  }
  if (key == "min_actors") {
    const auto v = ParseNumber(value);
    if (!v || *v < 0 || *v != static_cast<int>(*v)) {
      return Error{at, fmt::format("min_actors '{}' is not a whole number >= 0", value),
                   "write e.g. min_actors=3"};
    }
    options.min_actors = static_cast<int>(*v);
    return Unit{};
  }
  if (key == "regime") {
    if (value == "auto") {
      options.regime.reset();
    } else if (auto r = ParseCouncilRegime(value)) {
      options.regime = *r;
    } else {
      return Error{at, fmt::format("regime '{}' is not auto, pre_nice, nice or lisbon", value),
                   "write e.g. regime=nice"};
    }
    return Unit{};
  }
  if (key == "rules") {
    if (value != "none" && value != "procedure") {
      return Error{at, fmt::format("rules '{}' is not none or procedure", value),
                   "write rules=procedure to give each issue its procedure's decision rule"};
    }
    options.procedure_rules = value == "procedure";
    return Unit{};
  }
  return Error{at, fmt::format("unknown reader option '{}'", key),
               "the DEU reader takes com_ep_capability, min_actors, regime and rules"};
}

bool LooksLikeDeu(std::string_view text) {
  const std::string_view line = FirstLine(text);
  const std::vector<std::string> names =
      SplitList(line, line.find('\t') != std::string_view::npos ? '\t' : ',');
  const auto has = [&names](std::string_view n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  if (!has("isnr")) return false;
  for (const std::string& n : names) {
    if (n.size() >= 2 && n[0] == 'p' && has("s" + n.substr(1))) return true;
  }
  return false;
}

Result<ScenarioDocument> ParseDeu(std::string_view text, const std::string& file,
                                  const DeuOptions& options) {
  Result<CsvTable> table = ReadTable(text, file);
  if (!table) return table.errors();
  return DeuReader(table.value(), options).Read();
}

}  // namespace entente
