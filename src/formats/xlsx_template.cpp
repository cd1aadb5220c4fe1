// `entente init --xlsx`: a workbook to fill in. It is written by the scenario writer from a
// small example scenario, so its sheets, headers and notes are exactly what the reader wants.
#include "entente/formats/xlsx_scenario.hpp"

#include "xlsx_columns.hpp"

namespace entente {
namespace {

ScenarioDocument Example() {
  ScenarioDocument doc;
  Scenario& s = doc.scenario;
  s.meta.title = "Example: a two-party budget negotiation (replace with yours)";
  s.meta.as_of = "2026-01-01";
  s.meta.sources.push_back("where the stances come from, e.g. interviews of 2025-12");
  s.actors.push_back(Actor{"gov", "Government", "the ruling coalition"});
  s.actors.push_back(Actor{"opp", "Opposition", "the main opposition party"});
  Issue issue;
  issue.id = "budget";
  issue.name = "Defence budget increase";
  issue.description = "how much of the proposed increase passes";
  issue.scale.unit = "% of the proposed increase";
  issue.scale.min = 0;
  issue.scale.max = 100;
  issue.scale.anchors = {Anchor{0, "no increase"}, Anchor{100, "the full increase"}};
  issue.status_quo = 0;
  Stance gov;
  gov.actor = "gov";
  gov.position = 80;
  gov.salience = 0.6;
  gov.capability = 55;
  gov.basis = Basis::kSource;
  gov.note = "budget speech";
  Stance opp;
  opp.actor = "opp";
  opp.position = 20;
  opp.position_spread = Spread::Normal(10);
  opp.salience = 0.8;
  opp.capability = 45;
  opp.basis = Basis::kJudgement;
  opp.note = "position uncertain: sd 10 points";
  issue.stances = {gov, opp};
  s.issues.push_back(std::move(issue));
  s.groups.push_back(IssueGroup{"package", "Budget package", {"budget"}});
  Outcome outcome;
  outcome.issue = "budget";
  outcome.value = 50;
  outcome.date = "2026-06-30";
  outcome.source = "delete this row until the outcome is known";
  doc.outcomes.push_back(outcome);
  return doc;
}

}  // namespace

Result<std::string> XlsxTemplate() {
  Result<std::vector<XlsxTable>> tables = XlsxScenarioTables(Example());
  if (!tables) return tables.errors();
  // A README sheet (the reader ignores sheets it does not know) lists every column's note.
  std::vector<std::vector<std::string>> rows = {
      {"", "",
       "Fill in the sheets actors, issues and stances (groups, outcomes and scenario are "
       "optional); replace the example rows. Column meanings:"}};
  for (const XlsxTable& t : tables.value()) {
    for (std::size_t c = 0; c < t.header.size(); ++c)
      rows.push_back({t.name, t.header[c], c < t.notes.size() ? t.notes[c] : ""});
  }
  tables.value().push_back(XlsxTableOfText("README", {"sheet", "column", "meaning"}, rows));
  return WriteXlsx(tables.value());
}

}  // namespace entente
