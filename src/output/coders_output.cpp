#include "entente/output/coders_output.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"
#include "entente/output/table_csv.hpp"

namespace entente {
namespace {

using J = nlohmann::ordered_json;

// At most this many stances are named per issue as the ones to ask about again.
constexpr std::size_t kAskAgain = 3;

}  // namespace

J CodersJson(const CodersAnalysis& a) {
  J issues = J::array();
  for (const IssueCoders& i : a.issues) {
    J by = J::object();
    J model_by = J::object();
    for (const CoderOutcome& c : i.by_coder) {
      by[c.coder] = c.outcome;
      model_by[c.coder] = c.model;
    }
    J ask = J::array();
    for (std::size_t s : i.ask_again) {
      ask.push_back({{"actor", a.stances[s].actor},
                     {"swing", a.stances[s].swing},
                     {"model_swing", a.stances[s].model_swing}});
    }
    issues.push_back({{"issue", i.issue},
                      {"pooled", i.pooled},
                      {"by_coder", by},
                      {"range", i.range},
                      {"range_share", i.range_share},
                      {"model_pooled", i.model_pooled},
                      {"model_by_coder", model_by},
                      {"model_range", i.model_range},
                      {"coded_stances", i.coded},
                      {"ask_again", ask}});
  }
  J stances = J::array();
  for (const CodedStance& s : a.stances) {
    J codings = J::array();
    for (const CoderNumbers& c : s.codings) {
      codings.push_back({{"coder", c.coder},
                         {"position", c.position},
                         {"salience", c.salience},
                         {"capability", c.capability}});
    }
    stances.push_back(
        {{"issue", s.issue},
         {"actor", s.actor},
         {"codings", codings},
         {"pooled",
          {{"position", s.position}, {"salience", s.salience}, {"capability", s.capability}}},
         {"position_range", s.position_range},
         {"salience_range", s.salience_range},
         {"capability_range", s.capability_range},
         {"swing", s.swing},
         {"swing_share", s.swing_share},
         {"model_swing", s.model_swing}});
  }
  J out = {{"model", a.model},
           {"pool", a.pool},
           {"coders", a.coders},
           {"issues", issues},
           {"stances", stances}};
  if (a.cooke) {
    const CookeResult& c = *a.cooke;
    J scores = J::array();
    for (const CoderScore& s : c.coders) {
      scores.push_back({{"coder", s.coder},
                        {"calibration", s.calibration},
                        {"information", s.information},
                        {"combined", s.combined},
                        {"weight", s.weight},
                        {"equal_weight", s.equal_weight}});
    }
    const auto dm = [](const DecisionMakerScore& d) {
      return J{
          {"calibration", d.calibration}, {"information", d.information}, {"combined", d.combined}};
    };
    out["cooke"] = {{"questions", c.questions},
                    {"alpha", c.alpha},
                    {"overshoot", c.overshoot},
                    {"coders", scores},
                    {"performance_dm", dm(c.performance)},
                    {"equal_dm", dm(c.equal)}};
  }
  return out;
}

std::string CodersCsv(const J& coders) {
  std::string out =
      CsvLine({"issue", "actor", "coder", "position", "salience", "capability", "pooled_position",
               "pooled_salience", "pooled_capability", "position_range", "swing", "model_swing",
               "outcome_coder_alone", "outcome_pooled", "model_coder_alone", "model_pooled"});
  for (const J& s : coders.at("stances")) {
    const J* issue = nullptr;
    for (const J& i : coders.at("issues")) {
      if (i.at("issue") == s.at("issue")) issue = &i;
    }
    for (const J& c : s.at("codings")) {
      const std::string who = c.at("coder").get<std::string>();
      const J& pooled = s.at("pooled");
      out += CsvLine(
          {CsvCell(s.at("issue")), CsvCell(s.at("actor")), who, CsvCell(c.at("position")),
           CsvCell(c.at("salience")), CsvCell(c.at("capability")), CsvCell(pooled.at("position")),
           CsvCell(pooled.at("salience")), CsvCell(pooled.at("capability")),
           CsvCell(s.at("position_range")), CsvCell(s.at("swing")), CsvCell(s.at("model_swing")),
           issue != nullptr ? CsvCell(issue->at("by_coder").at(who)) : "",
           issue != nullptr ? CsvCell(issue->at("pooled")) : "",
           issue != nullptr ? CsvCell(issue->at("model_by_coder").at(who)) : "",
           issue != nullptr ? CsvCell(issue->at("model_pooled")) : ""});
    }
  }
  return out;
}

std::string CodersTable(const Scenario& scenario, const CodersAnalysis& a) {
  std::string out = fmt::format("{}\nmodel: {}   pool: {}   coders: {}\n\n", scenario.meta.title,
                                a.model, a.pool, fmt::join(a.coders, ", "));
  std::size_t w = 5;
  for (const IssueCoders& i : a.issues) w = std::max(w, i.issue.size());
  const auto pair = [](double outcome, double model) {
    return fmt::format("{} ({})", FormatFixed(outcome, 1), FormatFixed(model, 1));
  };
  std::size_t cw = 13;
  for (const std::string& c : a.coders) cw = std::max(cw, c.size());
  out +=
      "Outcome after the decision rule, pooled and with each coder alone; in brackets the "
      "model's own forecast before the rule\n";
  out += fmt::format("{:<{}}  {:>{}}", "issue", w, "pooled", cw);
  for (const std::string& c : a.coders) out += fmt::format("  {:>{}}", c, cw);
  out += fmt::format("  {:>{}}  {}\n", "range", cw,
                     "ask again about (swing of the outcome / of the model's forecast)");
  for (const IssueCoders& i : a.issues) {
    out += fmt::format("{:<{}}  {:>{}}", i.issue, w, pair(i.pooled, i.model_pooled), cw);
    for (const CoderOutcome& c : i.by_coder)
      out += fmt::format("  {:>{}}", pair(c.outcome, c.model), cw);
    std::string ask;
    for (std::size_t k = 0; k < i.ask_again.size() && k < kAskAgain; ++k) {
      const CodedStance& s = a.stances[i.ask_again[k]];
      ask += fmt::format("{}{} {}/{}", ask.empty() ? "" : ", ", s.actor, FormatFixed(s.swing, 1),
                         FormatFixed(s.model_swing, 1));
    }
    if (ask.empty()) ask = i.coded == 0 ? "- (no coded stance)" : "- (no coder's numbers move it)";
    out += fmt::format("  {:>{}}  {}\n", pair(i.range, i.model_range), cw, ask);
  }
  out += "\nCoded stances: each coder's position / salience / capability\n";
  std::size_t aw = 5;
  for (const CodedStance& s : a.stances) aw = std::max(aw, s.actor.size());
  std::size_t vw = 0;
  for (const CodedStance& s : a.stances) {
    for (const CoderNumbers& c : s.codings) {
      vw = std::max(vw, fmt::format("{} / {} / {}", FormatNumber(c.position),
                                    FormatNumber(c.salience), FormatNumber(c.capability))
                            .size());
    }
  }
  vw = std::max(vw, cw);
  out += fmt::format("{:<{}}  {:<{}}", "issue", w, "actor", aw);
  for (const std::string& c : a.coders) out += fmt::format("  {:<{}}", c, vw);
  out += fmt::format("  {:>9}  {:>5}  {:>11}\n", "pos range", "swing", "model swing");
  for (const CodedStance& s : a.stances) {
    out += fmt::format("{:<{}}  {:<{}}", s.issue, w, s.actor, aw);
    for (const std::string& coder : a.coders) {
      std::string v = "-";
      for (const CoderNumbers& c : s.codings) {
        if (c.coder == coder) {
          v = fmt::format("{} / {} / {}", FormatNumber(c.position), FormatNumber(c.salience),
                          FormatNumber(c.capability));
        }
      }
      out += fmt::format("  {:<{}}", v, vw);
    }
    out += fmt::format("  {:>9}  {:>5}  {:>11}\n", FormatFixed(s.position_range, 1),
                       FormatFixed(s.swing, 1), FormatFixed(s.model_swing, 1));
  }
  if (a.cooke) {
    const CookeResult& c = *a.cooke;
    out += fmt::format(
        "\nPerformance on {} seed questions (Cooke's classical model; cut-off alpha {})\n",
        c.questions, FormatFixed(c.alpha, 4));
    out += fmt::format("{:<{}}  {:>11}  {:>11}  {:>8}  {:>6}  {:>6}\n", "coder", cw, "calibration",
                       "information", "combined", "weight", "equal");
    for (const CoderScore& s : c.coders) {
      out += fmt::format("{:<{}}  {:>11}  {:>11}  {:>8}  {:>6}  {:>6}\n", s.coder, cw,
                         FormatFixed(s.calibration, 4), FormatFixed(s.information, 4),
                         FormatFixed(s.combined, 4), FormatFixed(s.weight, 3),
                         FormatFixed(s.equal_weight, 3));
    }
    for (const auto& [name, d] :
         {std::pair<const char*, const DecisionMakerScore&>{"performance-weighted", c.performance},
          {"equal-weight", c.equal}}) {
      out += fmt::format("{} decision maker: calibration {}, information {}, combined {}\n", name,
                         FormatFixed(d.calibration, 4), FormatFixed(d.information, 4),
                         FormatFixed(d.combined, 4));
    }
  }
  out +=
      "\nswing: how far the issue's outcome moves when only this stance takes each coder's "
      "numbers (every other stance pooled); model swing: the same for the model's forecast "
      "before the decision rule; '-': the coder skipped the stance (the others' pool stands "
      "in).\n";
  return out;
}

}  // namespace entente
