// The glossary's one table (docs/glossary.md repeats it word for word; tests/unit/glossary_test
// checks that). Definitions follow the library's own conventions: docs/scenario-format.md for
// the inputs, docs/decision-rules.md for the rules, docs/backtest.md for the scores.
#include "entente/report/glossary.hpp"

#include <array>

#include <fmt/format.h>

#include "entente/report/svg.hpp"

namespace entente::report {
namespace {

using In = GlossaryTerm::InReport;

constexpr std::array kTerms{
    GlossaryTerm{"position",
                 "Where an actor stands on an issue: the outcome it would choose, as a number on "
                 "the issue's scale."},
    GlossaryTerm{"salience",
                 "How much an actor cares about an issue, from 0 (ignores it) to 1 (puts "
                 "everything into it); it multiplies the actor's capability into its weight on "
                 "that issue."},
    GlossaryTerm{"capability",
                 "An actor's clout on an issue (votes, money, force, leverage), in any unit the "
                 "analyst likes: only ratios between actors count, so 60 against 30 means twice "
                 "the say, and numbers do not compare across scenarios."},
    GlossaryTerm{"status quo",
                 "What happens if nothing is agreed (the reversion point), as a number on the "
                 "issue's scale; the decision rule compares every proposal with it."},
    GlossaryTerm{"scale and anchors",
                 "Each issue's numeric range (often 0 to 100) and its anchors, labelled points "
                 "that say what a value means in the world (for example 13 = Seoul's 2020 "
                 "offer); values between two anchors are outcomes between them."},
    GlossaryTerm{"decision rule",
                 "How an issue is decided: who must agree (unanimity, a simple, qualified or "
                 "double majority, two chambers, the UN Security Council, the EU Council) and "
                 "who holds a veto."},
    GlossaryTerm{"win-set",
                 "The points that can pass against the status quo under the decision rule: "
                 "those that every veto player and the required majority prefer to it; when it "
                 "is empty, the status quo holds."},
    GlossaryTerm{"veto player",
                 "An actor whose consent every change needs; when it prefers the status quo to "
                 "a model's point it binds, and the outcome stops where it still agrees."},
    GlossaryTerm{"agenda setter",
                 "The actor who makes the proposal the others can only accept or reject; the "
                 "procedural model has it pick its favourite point in the win-set."},
    GlossaryTerm{"compromise model",
                 "The mean of the positions weighted by capability x salience."},
    GlossaryTerm{"median model",
                 "The weighted median of the positions (weights capability x salience): the "
                 "point where half the weight lies on each side."},
    GlossaryTerm{"quantile and predictive interval",
                 "The 5% quantile is the value the outcome falls below in 5% of the draws; the "
                 "5% and 95% quantiles bound the 90% predictive interval, where the forecast "
                 "expects the outcome 9 times in 10."},
    GlossaryTerm{"model disagreement",
                 "The models' outcomes on an issue span more than a quarter of its scale: the "
                 "number depends on the model chosen more than on the inputs, so no single "
                 "number is reliable."},
    GlossaryTerm{"knife-edge",
                 "An unstable issue: nudging every position by a small step (by default at most "
                 "1% of the scale) moves the outcome by more than 10% of the scale "
                 "(--stability), so the outcome is not one number."},
    GlossaryTerm{"calibration",
                 "How well stated uncertainty matches what happened (of outcomes given 90% "
                 "intervals, about 90% should fall inside); also entente calibrate, which fits "
                 "models and their error to past cases with known outcomes.",
                 In::kBacktest},
    GlossaryTerm{"CRPS",
                 "Continuous ranked probability score: the mean distance from the draws to the "
                 "observed outcome minus half the mean distance between draws, in scale units; "
                 "lower is better, and for a single number it is the absolute error.",
                 In::kBacktest},
    GlossaryTerm{"coverage",
                 "The share of observed outcomes inside their predictive intervals; a "
                 "calibrated 90% interval covers about 90%.",
                 In::kBacktest},
};

}  // namespace

std::span<const GlossaryTerm> Glossary() {
  return kTerms;
}

std::string GlossaryPage() {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>Entente glossary</title>\n<style>body{font:16px/1.5 system-ui,sans-serif;"
      "max-width:46em;margin:2em auto;padding:0 1em}dt{font-weight:bold;margin-top:.8em}"
      "dd{margin-left:1.5em}</style>\n</head>\n<body>\n<h1>Glossary</h1>\n<dl>\n";
  for (const GlossaryTerm& t : kTerms) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", EscapeXml(t.term), EscapeXml(t.definition));
  }
  return out + "</dl>\n</body>\n</html>\n";
}

std::vector<GlossaryTerm> ReportTerms(bool backtest) {
  std::vector<GlossaryTerm> out;
  for (const GlossaryTerm& t : kTerms) {
    if (t.in_report == In::kAlways || (backtest && t.in_report == In::kBacktest)) out.push_back(t);
  }
  return out;
}

}  // namespace entente::report
