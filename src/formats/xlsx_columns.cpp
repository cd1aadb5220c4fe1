// The column notes repeat docs/scenario-format.md's tables in a line each, so an analyst sees
// the unit where the value is typed.
#include "xlsx_columns.hpp"

#include <array>
#include <utility>

namespace entente {
namespace {

struct Note {
  std::string_view sheet;  // "" for every sheet
  std::string_view column;
  std::string_view text;
};

constexpr std::array kNotes = {
    Note{"", "actor", "actor id: short, unique; the other sheets refer to it"},
    Note{"", "issue", "issue id: short, unique; the other sheets refer to it"},
    Note{"", "name", "name shown in reports (free text)"},
    Note{"", "description", "free text"},
    Note{"", "unit", "the unit of the issue's scale, e.g. % of GDP or months"},
    Note{"", "scale_min", "lowest value on the issue's scale, in its unit"},
    Note{"", "scale_max", "highest value on the issue's scale, in its unit"},
    Note{"", "anchors", "what values mean: value=label;value=label, e.g. 0=freeze;100=double"},
    Note{"", "status_quo", "where the issue stands without agreement, on its scale (empty: none)"},
    Note{"", "decision_rule", "none, unanimity, majority, qualified_majority or bicameral"},
    Note{"", "veto_players", "actor ids that can block, separated by ; (e.g. US;ROK)"},
    Note{"stances", "position", "the outcome the actor wants, on the issue's scale and unit"},
    Note{"stances", "salience", "share of the actor's attention: 0 to 1 (or a % cell, 70%)"},
    Note{"stances", "capability",
         "the actor's power to sway the issue, 0 or more; any unit, only ratios count"},
    Note{"stances", "basis", "where the stance comes from: brief, source or judgement"},
    Note{"stances", "note", "free text, e.g. the quote or source behind the stance"},
    Note{"", "position_sd", "standard deviation of position (a normal spread), scale unit"},
    Note{"", "position_low", "lowest plausible position (with position_high: a spread)"},
    Note{"", "position_high", "highest plausible position"},
    Note{"", "salience_sd", "standard deviation of salience (0 to 1)"},
    Note{"", "salience_low", "lowest plausible salience (with salience_high)"},
    Note{"", "salience_high", "highest plausible salience"},
    Note{"", "capability_sd", "standard deviation of capability"},
    Note{"", "capability_low", "lowest plausible capability (with capability_high)"},
    Note{"", "capability_high", "highest plausible capability"},
    Note{"groups", "group", "group id: issues negotiated as one package"},
    Note{"groups", "issues", "issue ids in the group, separated by ;"},
    Note{"outcomes", "value", "what was decided, on the issue's scale and unit"},
    Note{"outcomes", "date", "when it was decided, YYYY-MM-DD"},
    Note{"outcomes", "source", "where the outcome is reported"},
    Note{"scenario", "key", "title, as_of (YYYY-MM-DD), description or source (repeatable)"},
    Note{"scenario", "value", "free text"},
    Note{"rules", "chamber",
         "empty for the issue's rule; 1, 2, ... for a bicameral rule's chambers"},
    Note{"rules", "kind", "none, unanimity, majority, qualified_majority or bicameral"},
    Note{"rules", "threshold", "share of weight needed to pass, 0 to 1"},
    Note{"rules", "weights", "capability, equal, or id=number;id=number"},
    Note{"alliances", "members", "actor ids separated by ;"},
    Note{"moves", "move", "move id; consecutive rows with the same id are one move"},
};

constexpr std::array<std::string_view, 22> kNumbers = {
    "scale_min",         "scale_max",      "status_quo",       "position",
    "salience",          "capability",     "position_sd",      "position_low",
    "position_high",     "salience_sd",    "salience_low",     "salience_high",
    "capability_sd",     "capability_low", "capability_high",  "seats",
    "threshold",         "min_members",    "min_member_count", "min_population",
    "blocking_minority", "reversion_cost"};

}  // namespace

std::string_view XlsxColumnNote(std::string_view sheet, std::string_view column) {
  std::string_view found;
  for (const Note& n : kNotes) {
    if (n.column != column) continue;
    if (n.sheet == sheet) return n.text;
    if (n.sheet.empty()) found = n.text;
  }
  return found;
}

bool XlsxColumnIsNumber(std::string_view sheet, std::string_view column) {
  if (sheet == "outcomes") return column == "value";
  for (const std::string_view n : kNumbers) {
    if (n == column) return true;
  }
  return false;
}

}  // namespace entente
