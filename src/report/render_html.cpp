// The HTML form of the report: one self-contained page (inline CSS and SVG, no scripts, no
// network), summary first, then a section per issue with its charts.
#include <cmath>

#include <fmt/format.h>

#include "entente/core/grouped_issues.hpp"
#include "entente/core/text.hpp"
#include "entente/core/version.hpp"
#include "entente/report/backtest_charts.hpp"
#include "entente/report/backtest_words.hpp"
#include "entente/report/bar_charts.hpp"
#include "entente/report/coders_section.hpp"
#include "entente/report/glossary.hpp"
#include "entente/report/histogram_chart.hpp"
#include "entente/report/render.hpp"
#include "entente/report/scale_chart.hpp"
#include "entente/report/style.hpp"
#include "entente/report/summary.hpp"
#include "entente/report/svg.hpp"
#include "entente/report/trajectory_chart.hpp"

namespace entente {
namespace {

using report::EscapeXml;

std::string Figure(const std::string& svg, std::string_view caption) {
  return fmt::format("<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>\n", svg,
                     EscapeXml(caption));
}

std::string SummarySection(const ReportData& data) {
  std::string out = fmt::format("<section class=\"summary\">\n<h2>Summary</h2>\n<p>{}</p>\n",
                                EscapeXml(Overview(data)));
  const std::vector<IssueSummary> summaries = Summarize(data);
  const bool grouped = !data.scenario.groups.empty();
  // A grouped scenario's summary goes group by group, each list under the group's heading.
  for (const GroupedIssues& section : IssuesByGroup(data.scenario)) {
    if (grouped) {
      out += fmt::format("<h3 class=\"group\">{}</h3>\n", EscapeXml(GroupHeading(section)));
    }
    out += "<ul class=\"summary\">\n";
    for (const std::size_t k : section.issues) {
      const IssueSummary& s = summaries[k];
      out += fmt::format(
          "<li><a href=\"#issue-{}\"><strong>{}</strong></a>. {} <em>How sure:</em> {} "
          "<em>What would change it:</em> {}</li>\n",
          EscapeXml(s.issue_id), EscapeXml(s.name), EscapeXml(s.forecast), EscapeXml(s.certainty),
          EscapeXml(s.levers));
    }
    out += "</ul>\n";
  }
  const std::vector<std::string> alliances = AllianceSentences(data);
  if (!alliances.empty()) {
    out += "<h3>Alliances</h3>\n<ul>\n";
    for (const std::string& line : alliances) out += fmt::format("<li>{}</li>\n", EscapeXml(line));
    out += "</ul>\n";
  }
  return out + "</section>\n";
}

std::string ForecastTable(const ReportData& data) {
  std::string out =
      "<table class=\"forecasts\">\n<tr><th>issue</th><th class=\"num\">status quo</th>";
  for (const Forecast& f : data.forecasts)
    out += fmt::format("<th class=\"num\">{}</th>", EscapeXml(f.model));
  out += fmt::format("<th>binding veto ({})</th></tr>\n", EscapeXml(data.forecasts.front().model));
  for (const GroupedIssues& section : IssuesByGroup(data.scenario)) {
    if (!data.scenario.groups.empty()) {
      out += fmt::format("<tr class=\"group\"><th colspan=\"{}\">{}</th></tr>\n",
                         data.forecasts.size() + 3, EscapeXml(GroupHeading(section)));
    }
    for (const std::size_t k : section.issues) {
      const Issue& issue = data.scenario.issues[k];
      out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td>", EscapeXml(issue.name),
                         issue.status_quo ? FormatFixed(*issue.status_quo, 1) : "-");
      for (const Forecast& f : data.forecasts) {
        out += fmt::format("<td class=\"num\">{}</td>", FormatFixed(f.issues[k].outcome, 1));
      }
      out += fmt::format("<td>{}</td></tr>\n",
                         EscapeXml(data.forecasts.front().issues[k].binding_veto.value_or("-")));
    }
  }
  return out + "</table>\n";
}

std::vector<report::TornadoBar> TornadoBars(const ReportData& data, std::size_t k) {
  std::vector<report::TornadoBar> bars;
  const IssueSensitivity* s = SensitivityOf(data, k);
  if (s == nullptr) return bars;
  for (const InputEffect& e : s->effects) {
    if (static_cast<int>(bars.size()) == data.options.run.tornado_bars) break;
    if (e.outcome_low == e.outcome_high) continue;
    bars.push_back({fmt::format("{} ({} to {})", EffectLabel(e, s->issue_id), FormatFixed(e.low, 1),
                                FormatFixed(e.high, 1)),
                    e.outcome_low, e.outcome_high});
  }
  return bars;
}

std::vector<report::GapBar> GapBars(const ReportData& data, const Issue& issue) {
  std::vector<report::GapBar> bars;
  for (const AllianceCohesion& a : data.cohesion) {
    std::string name = a.alliance_id;
    for (const Alliance& x : data.scenario.alliances) {
      if (x.id == a.alliance_id && !x.name.empty()) name = x.name;
    }
    for (const IssueCohesion& c : a.issues) {
      if (c.issue_id == issue.id) bars.push_back({name, c.gap_before, c.gap_after});
    }
  }
  return bars;
}

std::string IssueSection(const ReportData& data, std::size_t k) {
  const Issue& issue = data.scenario.issues[k];
  std::string out =
      fmt::format("<section class=\"issue\" id=\"issue-{}\" data-issue=\"{}\">\n<h2>{}</h2>\n",
                  EscapeXml(issue.id), EscapeXml(issue.id), EscapeXml(issue.name));
  if (!issue.description.empty()) out += fmt::format("<p>{}</p>\n", EscapeXml(issue.description));
  std::vector<report::ModelMark> marks;
  for (const Forecast& f : data.forecasts) {
    marks.push_back(report::MarkOf(f.model, f.issues[k]));
  }
  std::string vetoes =
      issue.rule.veto_players.empty()
          ? std::string("no veto players")
          : fmt::format("veto players {}", fmt::join(issue.rule.veto_players, ", "));
  const IssueForecast& first = data.forecasts.front().issues[k];
  const std::string rule =
      first.procedure ? fmt::format(
                            " Decision rule: {}; the shaded band is the win-set of the status "
                            "quo (the points that beat it) under the {} model's final positions, "
                            "the green bar on each row each model's own; the words under the "
                            "chart name who decides.",
                            first.procedure->rule, data.forecasts.front().model)
                      : std::string(" No decision rule: the models' points stand.");
  out += Figure(
      report::ScaleChart(issue, marks),
      fmt::format("Where each actor stands (marker area: capability \u00d7 salience; squares: {}), "
                  "the status quo, and each model's forecast.{}",
                  vetoes, rule));
  if (!issue.scale.anchors.empty()) {
    out += "<ul class=\"anchors\">\n";
    for (std::size_t i = 0; i < issue.scale.anchors.size(); ++i) {
      const Anchor& a = issue.scale.anchors[i];
      out +=
          fmt::format("<li>A{}: {} = {}</li>\n", i + 1, FormatNumber(a.value), EscapeXml(a.label));
    }
    out += "</ul>\n";
  }
  if (data.simulation && k < data.simulation->issues.size()) {
    const IssueDistribution& d = data.simulation->issues[k];
    out +=
        Figure(report::HistogramChart(d, issue.scale, "Monte Carlo distribution of " + issue.name),
               fmt::format("Outcome over {} draws of the {} model; shaded: 5% to 95%.",
                           data.simulation->draws_done, data.options.run.model.name));
    out += Figure(report::TornadoChart(TornadoBars(data, k), d.point, issue.scale,
                                       "What moves " + issue.name),
                  "Each input moved alone to its 5% and 95% points, the others as coded; largest "
                  "swings first.");
  }
  if (const Forecast* dyn = TrajectoryForecast(data)) {
    out += Figure(report::TrajectoryChart(issue, dyn->issues[k], dyn->model),
                  fmt::format("Positions round by round in the {} model; bold: weighted median.",
                              dyn->model));
  }
  if (!data.scenario.alliances.empty()) {
    out += Figure(
        report::GapChart(GapBars(data, issue), "Allies' gap on " + issue.name),
        fmt::format(
            "Salience-weighted distance between allies, from input positions to the {} model's "
            "final positions.",
            data.options.run.model.name));
  }
  return out + "</section>\n";
}

// The issue sections; a grouped scenario's go group by group, each group a section with its
// heading (issues of no group last), so the charts of one proposal sit together.
std::string IssueSections(const ReportData& data) {
  std::string out;
  if (data.scenario.groups.empty()) {
    for (std::size_t k = 0; k < data.scenario.issues.size(); ++k) out += IssueSection(data, k);
    return out;
  }
  for (const GroupedIssues& section : IssuesByGroup(data.scenario)) {
    const std::string id = section.group == nullptr ? std::string() : section.group->id;
    out += fmt::format("<section class=\"group\"{}>\n<h2 class=\"group\">{}</h2>\n",
                       id.empty() ? std::string()
                                  : fmt::format(" id=\"group-{}\" data-group=\"{}\"", EscapeXml(id),
                                                EscapeXml(id)),
                       EscapeXml(GroupHeading(section)));
    for (const std::size_t k : section.issues) out += IssueSection(data, k);
    out += "</section>\n";
  }
  return out;
}

// Scores against the observed outcomes: the verdict, the errors chart, the calibration of the
// primary model's draws, and its worst misses.
std::string BacktestSection(const ReportData& data) {
  const BacktestResult& b = *data.backtest;
  std::string out = fmt::format(
      "<section class=\"backtest\" id=\"backtest\">\n<h2>Backtest against what happened</h2>\n"
      "<p>{}</p>\n",
      EscapeXml(report::BacktestVerdict(b)));
  out += Figure(report::BacktestErrorChart(b, "Errors by model"),
                fmt::format("Mean absolute error of each model over the {} issues with outcomes; "
                            "whiskers: 95% intervals from {} bootstrap resamples of the {} issue "
                            "groups; dashed: the compromise model.",
                            b.n, b.bootstrap, b.groups));
  if (data.calibration && !data.calibration->scores.empty() &&
      !data.calibration->scores[0].pit.empty()) {
    const ModelScore& s = data.calibration->scores[0];
    out += Figure(
        report::PitChart(s, "Calibration of " + s.model),
        fmt::format("Where each outcome fell among {} draws of the {} model (noise {}%): "
                    "a calibrated forecast gives a flat histogram; a U means the spread "
                    "is too narrow. CRPS {} against MAE {}.",
                    data.calibration->draws, s.model, FormatNumber(data.calibration->noise_percent),
                    FormatFixed(s.crps.value, 2), FormatFixed(s.mae.value, 2)));
  }
  out += fmt::format("<h3>Worst misses of the {} model</h3>\n<ul>\n", EscapeXml(b.models[0]));
  for (const std::string& line : report::WorstMisses(b, data.scenario, 0, 5)) {
    out += fmt::format("<li>{}</li>\n", EscapeXml(line));
  }
  return out + "</ul>\n</section>\n";
}

// The definitions of the words the report uses: the page is standalone, so it carries them
// (the same text as docs/glossary.md).
std::string TermsSection(const ReportData& data) {
  std::string out = "<section class=\"terms\" id=\"terms\">\n<h2>Terms</h2>\n<dl>\n";
  for (const report::GlossaryTerm& t : report::ReportTerms(data.backtest.has_value())) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", EscapeXml(t.term), EscapeXml(t.definition));
  }
  return out + "</dl>\n</section>\n";
}

}  // namespace

std::string RenderHtml(const ReportData& data) {
  const Metadata& meta = data.scenario.meta;
  const std::string title = meta.title.empty() ? "Entente report" : meta.title;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{0}</title>\n<style>{1}</style>\n</head>\n<body>\n<header>\n<h1>{0}</h1>\n",
      EscapeXml(title), report::ReportCss());
  std::vector<std::string> facts;
  if (!meta.as_of.empty()) facts.push_back("as of " + meta.as_of);
  if (!data.options.source.empty()) facts.push_back("inputs: " + data.options.source);
  for (const ScenarioEdit& e : data.options.run.edits) facts.push_back("what-if " + e.ToString());
  facts.push_back(fmt::format("Entente {}", Version()));
  out += fmt::format("<p class=\"meta\">{}</p>\n",
                     EscapeXml(fmt::format("{}", fmt::join(facts, "; "))));
  if (!meta.description.empty()) out += fmt::format("<p>{}</p>\n", EscapeXml(meta.description));
  out += "</header>\n" + SummarySection(data);
  out += "<section class=\"table\">\n<h2>Forecasts by model</h2>\n" + ForecastTable(data) +
         "</section>\n";
  out += report::CodersSectionHtml(data);
  if (data.backtest) out += BacktestSection(data);
  out += IssueSections(data);
  out += TermsSection(data);
  out += "<footer>\n<h2>Sources</h2>\n<ul>\n";
  for (const std::string& s : meta.sources) out += fmt::format("<li>{}</li>\n", EscapeXml(s));
  out += "</ul>\n</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace entente
