// The Markdown form of the report: the summary sentences and one table, for pasting into memos.
#include <fmt/format.h>

#include "entente/core/grouped_issues.hpp"
#include "entente/core/text.hpp"
#include "entente/core/version.hpp"
#include "entente/report/backtest_words.hpp"
#include "entente/report/coders_section.hpp"
#include "entente/report/glossary.hpp"
#include "entente/report/render.hpp"
#include "entente/report/summary.hpp"

namespace entente {
namespace {

// Table cells must not break the row: pipes escaped, newlines flattened.
std::string Cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string ForecastTable(const ReportData& data) {
  // A grouped scenario's table names each issue's group and lists the issues by group.
  const bool grouped = !data.scenario.groups.empty();
  std::string head = grouped ? "| issue | group | status quo |" : "| issue | status quo |";
  std::string rule = grouped ? "|---|---|---:|" : "|---|---:|";
  for (const Forecast& f : data.forecasts) {
    head += fmt::format(" {} |", f.model);
    rule += "---:|";
  }
  head += " binding veto |";
  rule += "---|";
  std::string out = head + "\n" + rule + "\n";
  for (const GroupedIssues& section : IssuesByGroup(data.scenario)) {
    for (const std::size_t k : section.issues) {
      const Issue& issue = data.scenario.issues[k];
      out += fmt::format("| {} |", Cell(issue.name));
      if (grouped) out += fmt::format(" {} |", section.group ? Cell(section.group->id) : "-");
      out += fmt::format(" {} |", issue.status_quo ? FormatFixed(*issue.status_quo, 1) : "-");
      for (const Forecast& f : data.forecasts)
        out += fmt::format(" {} |", FormatFixed(f.issues[k].outcome, 1));
      out += fmt::format(" {} |\n", data.forecasts.front().issues[k].binding_veto.value_or("-"));
    }
  }
  return out;
}

std::string BacktestSection(const ReportData& data) {
  const BacktestResult& b = *data.backtest;
  std::string out = "\n## Backtest against what happened\n\n" + report::BacktestVerdict(b) + "\n\n";
  out += "| model | n | MAE | 95% interval | RMSE | bias | within 10 | MAE vs compromise |\n";
  out += "|---|---:|---:|---|---:|---:|---:|---|\n";
  for (const ModelScore& s : b.scores) {
    out +=
        fmt::format("| {} | {} | {} | {} to {} | {} | {} | {}% | {} |\n", s.model, s.n,
                    FormatFixed(s.mae.value, 2), FormatFixed(s.mae.lo, 2), FormatFixed(s.mae.hi, 2),
                    FormatFixed(s.rmse.value, 2), FormatFixed(s.bias.value, 2),
                    FormatFixed(s.within10.value * 100, 0),
                    s.mae_vs_compromise && s.model != "compromise"
                        ? fmt::format("{} ({} to {})", FormatFixed(s.mae_vs_compromise->value, 2),
                                      FormatFixed(s.mae_vs_compromise->lo, 2),
                                      FormatFixed(s.mae_vs_compromise->hi, 2))
                        : "-");
  }
  out += fmt::format("\nIntervals: {} bootstrap resamples of the {} issue groups.\n", b.bootstrap,
                     b.groups);
  if (data.calibration && !data.calibration->scores.empty() &&
      !data.calibration->scores[0].intervals.empty()) {
    const ModelScore& s = data.calibration->scores[0];
    out += fmt::format(
        "\nThe {} model's {} draws: CRPS {} (MAE {}); outcomes inside the central 50/80/90% "
        "intervals: {}%, {}%, {}%.\n",
        s.model, data.calibration->draws, FormatFixed(s.crps.value, 2), FormatFixed(s.mae.value, 2),
        FormatFixed(s.intervals[0].coverage.value * 100, 0),
        FormatFixed(s.intervals[1].coverage.value * 100, 0),
        FormatFixed(s.intervals[2].coverage.value * 100, 0));
  }
  out += fmt::format("\n### Worst misses of the {} model\n\n", b.models[0]);
  for (const std::string& line : report::WorstMisses(b, data.scenario, 0, 5))
    out += "- " + line + "\n";
  return out;
}

}  // namespace

std::string RenderMarkdown(const ReportData& data) {
  const Metadata& meta = data.scenario.meta;
  std::string out = fmt::format("# {}\n\n", meta.title.empty() ? "Entente report" : meta.title);
  std::vector<std::string> facts;
  if (!meta.as_of.empty()) facts.push_back("as of " + meta.as_of);
  if (!data.options.source.empty()) facts.push_back("inputs: " + data.options.source);
  for (const ScenarioEdit& e : data.options.run.edits) facts.push_back("what-if " + e.ToString());
  facts.push_back(fmt::format("Entente {}", Version()));
  out += fmt::format("*{}*\n\n## Summary\n\n{}\n\n", fmt::join(facts, "; "), Overview(data));
  const std::vector<IssueSummary> summaries = Summarize(data);
  const bool grouped = !data.scenario.groups.empty();
  // A grouped scenario's issues sit one level down, under their group's heading.
  for (const GroupedIssues& section : IssuesByGroup(data.scenario)) {
    if (grouped) out += fmt::format("### {}\n\n", GroupHeading(section));
    for (const std::size_t k : section.issues) {
      const IssueSummary& s = summaries[k];
      out += fmt::format(
          "{} {} (`{}`)\n\n- **Forecast.** {}\n- **How sure.** {}\n- **What would change it.** "
          "{}\n\n",
          grouped ? "####" : "###", s.name, s.issue_id, s.forecast, s.certainty, s.levers);
    }
  }
  out += "## Forecasts by model\n\n" + ForecastTable(data);
  out += fmt::format(
      "\nOutcomes after each issue's decision rule; binding veto: the veto player that stops the "
      "{} model's own forecast.\n",
      data.forecasts.front().model);
  const std::vector<std::string> alliances = AllianceSentences(data);
  if (!alliances.empty()) {
    out += "\n## Alliances\n\n";
    for (const std::string& line : alliances) out += "- " + line + "\n";
  }
  if (data.coders) out += "\n" + report::CodersSectionMarkdown(data);
  if (data.backtest) out += BacktestSection(data);
  // The words used above, defined (the same text as docs/glossary.md).
  out += "\n## Terms\n\n";
  for (const report::GlossaryTerm& t : report::ReportTerms(data.backtest.has_value())) {
    out += fmt::format("- **{}**: {}\n", t.term, t.definition);
  }
  return out;
}

}  // namespace entente
