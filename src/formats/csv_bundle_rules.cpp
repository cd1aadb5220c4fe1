// rules.csv: the decision rules that issues.csv's two rule columns cannot hold (see
// docs/scenario-format.md, "rules.csv"), read cell by cell with located errors.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "csv_table_reader.hpp"
#include "entente/core/rule.hpp"

namespace entente::detail {
namespace {

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

}  // namespace

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

}  // namespace entente::detail
