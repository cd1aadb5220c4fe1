#include "entente/report/coders_section.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/core/text.hpp"
#include "entente/report/svg.hpp"

namespace entente::report {
namespace {

// At most this many stances are named per issue as the ones to ask about again.
constexpr std::size_t kAskAgain = 3;

std::string AskAgain(const CodersAnalysis& a, const IssueCoders& i) {
  std::string out;
  for (std::size_t k = 0; k < i.ask_again.size() && k < kAskAgain; ++k) {
    const CodedStance& s = a.stances[i.ask_again[k]];
    out += fmt::format("{}{} (swing {} / {})", out.empty() ? "" : ", ", s.actor,
                       FormatFixed(s.swing, 1), FormatFixed(s.model_swing, 1));
  }
  return out.empty() ? "-" : out;
}

std::string Intro(const CodersAnalysis& a) {
  return fmt::format(
      "{} coders ({}) coded {} stances. The forecasts above pool their numbers by the {}; "
      "below, the {} model's outcome with each coder's numbers alone, and the stances whose "
      "disagreement moves each outcome most: the ones to ask about again.",
      a.coders.size(), fmt::join(a.coders, ", "), a.stances.size(),
      a.pool == "mean" ? std::string("mean") : "rule '" + a.pool + "'", a.model);
}

std::string Pair(double outcome, double model) {
  return fmt::format("{} ({})", FormatFixed(outcome, 1), FormatFixed(model, 1));
}

}  // namespace

std::string CodersSectionHtml(const ReportData& data) {
  if (!data.coders) return "";
  const CodersAnalysis& a = *data.coders;
  std::string out = fmt::format(
      "<section class=\"coders\" id=\"coders\">\n<h2>Several coders</h2>\n<p>{}</p>\n"
      "<table>\n<thead><tr><th>issue</th><th>pooled</th>",
      EscapeXml(Intro(a)));
  for (const std::string& c : a.coders) out += fmt::format("<th>{}</th>", EscapeXml(c));
  out += "<th>range</th><th>ask again about</th></tr></thead>\n<tbody>\n";
  for (std::size_t k = 0; k < a.issues.size(); ++k) {
    const IssueCoders& i = a.issues[k];
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td>",
        EscapeXml(data.scenario.issues[k].name.empty() ? i.issue : data.scenario.issues[k].name),
        Pair(i.pooled, i.model_pooled));
    for (const CoderOutcome& c : i.by_coder)
      out += fmt::format("<td>{}</td>", Pair(c.outcome, c.model));
    out += fmt::format("<td>{}</td><td>{}</td></tr>\n", Pair(i.range, i.model_range),
                       EscapeXml(AskAgain(a, i)));
  }
  return out +
         "</tbody>\n</table>\n<p>Outcomes after the decision rule, in brackets the model's own "
         "forecast before it. range: how far apart the coders' forecasts are; swing: how far the "
         "outcome (then the model's forecast) moves when only that stance takes each coder's "
         "numbers. <code>entente coders</code> lists every coded stance.</p>\n</section>\n";
}

std::string CodersSectionMarkdown(const ReportData& data) {
  if (!data.coders) return "";
  const CodersAnalysis& a = *data.coders;
  std::string out = "## Several coders\n\n" + Intro(a) + "\n\n| issue | pooled |";
  std::string rule = "|---|---:|";
  for (const std::string& c : a.coders) {
    out += " " + c + " |";
    rule += "---:|";
  }
  out += " range | ask again about |\n" + rule + "---:|---|\n";
  for (const IssueCoders& i : a.issues) {
    out += fmt::format("| {} | {} |", i.issue, Pair(i.pooled, i.model_pooled));
    for (const CoderOutcome& c : i.by_coder) out += fmt::format(" {} |", Pair(c.outcome, c.model));
    out += fmt::format(" {} | {} |\n", Pair(i.range, i.model_range), AskAgain(a, i));
  }
  return out +
         "\nOutcomes after the decision rule, in brackets the model's own forecast before it; "
         "swing: how far the outcome (then the model's forecast) moves when only that stance "
         "takes each coder's numbers.\n";
}

}  // namespace entente::report
