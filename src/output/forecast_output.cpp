#include "entente/output/forecast_output.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/grouped_issues.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"
#include "entente/output/exchange_output.hpp"
#include "entente/output/group_output.hpp"

namespace entente {
namespace {

// Cuts `text` to `width` display columns (UTF-8 aware), marking the cut with an ellipsis.
std::string Fit(const std::string& text, std::size_t width) {
  std::size_t cols = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (cols + 1 > width) break;
    ++cols;
    i += len;
  }
  if (i >= text.size()) return text + std::string(width - cols, ' ');
  // Back off one column to make room for the ellipsis.
  std::size_t j = i;
  do {
    --j;
  } while (j > 0 && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80);
  return text.substr(0, j) + "\u2026";
}

// Display columns of UTF-8 text (one per code point, as Fit counts them).
std::size_t Columns(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

constexpr std::size_t kWhole = std::string::npos;  // AnchorText: no cut (CSV)

// `value: label` cut to at most `width` columns (kWhole: not cut), without Fit's padding.
std::string AnchorSide(const Anchor& a, std::size_t width) {
  std::string text = fmt::format("{}: {}", FormatNumber(a.value), a.label);
  if (width == kWhole) return text;
  text = Fit(text, width);
  text.erase(text.find_last_not_of(' ') + 1);
  return text;
}

// Where `x` lies among the issue's anchors, in at most `width` (>= 20, or kWhole) columns:
// "at 25: existing UNSC regime as is", "50: target year… / 100: strictly…" (between the two),
// "above 75: …", "below 0: …", or the value with its unit when the scale has no anchors. Never
// the nearest anchor alone, which reads as if the outcome were that anchor.
std::string AnchorText(const Issue& issue, double x, std::size_t width) {
  const AnchorPlace p = issue.scale.PlaceAmongAnchors(x);
  const auto less = [width](std::size_t n) { return width == kWhole ? kWhole : width - n; };
  if (p.at != nullptr) return "at " + AnchorSide(*p.at, less(3));
  if (p.below != nullptr && p.above != nullptr) {
    const std::string lo = AnchorSide(*p.below, width == kWhole ? kWhole : (width - 3) / 2);
    return lo + " / " + AnchorSide(*p.above, width == kWhole ? kWhole : less(3 + Columns(lo)));
  }
  if (p.below != nullptr) return "above " + AnchorSide(*p.below, less(6));
  if (p.above != nullptr) return "below " + AnchorSide(*p.above, less(6));
  return FormatFixed(x, 1) + (issue.scale.unit.empty() ? "" : " " + issue.scale.unit);
}

nlohmann::ordered_json AnchorJson(const Anchor* a) {
  if (a == nullptr) return nullptr;
  return {{"value", a->value}, {"label", a->label}};
}

// "[0.0, 20.0]", "empty" (only the status quo), "-" without a rule.
std::string WinSetText(const IssueForecast& f) {
  if (!f.procedure) return "-";
  if (f.win_set_empty) return "empty";
  return fmt::format("[{}, {}]", FormatFixed(f.procedure->lo, 1), FormatFixed(f.procedure->hi, 1));
}

// Who stops the model's point: the binding veto player, else the pivotal members.
std::string Binding(const IssueForecast& f) {
  if (f.binding_veto) return *f.binding_veto;
  if (!f.procedure || !f.procedure->binds) return "-";
  const ProcedureResult& p = *f.procedure;
  if (p.pivots.empty()) return p.binding_test.empty() ? "-" : p.binding_test;
  std::string out;
  for (const std::string& m : p.pivots) out += (out.empty() ? "" : ",") + m;
  return out;
}

nlohmann::ordered_json ProcedureJson(const IssueForecast& f) {
  if (!f.procedure) return nlohmann::ordered_json();
  const ProcedureResult& p = *f.procedure;
  const auto text_or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
  };
  return {{"rule", p.rule},
          {"win_set", {{"lo", p.lo}, {"hi", p.hi}}},
          {"binds", p.binds},
          {"model_kept", p.model_kept},
          {"chamber", text_or_null(p.chamber)},
          {"binding_test", text_or_null(p.binding_test)},
          {"pivots", p.pivots},
          {"blocking", p.blocking},
          {"blocking_not_modelled", p.blocking_not_modelled},
          {"blocking_share", p.blocking_share},
          {"weight_unit", p.weight_unit},
          {"explanation", p.explanation}};
}

// One row of the quantile table: issue `k`'s quantiles, stability and disagreement, each
// column only when some issue has it.
std::string QuantileRow(const Scenario& scenario, const Forecast& forecast, std::size_t k,
                        std::size_t id_width, bool quantiles) {
  const IssueForecast& f = forecast.issues[k];
  std::string out = fmt::format("{:<{}}", scenario.issues[k].id, id_width);
  if (quantiles) {
    for (std::size_t q = 0; q < 7; ++q) {
      out += fmt::format("  {:>6}", q < f.quantiles.size() ? FormatFixed(f.quantiles[q], 1) : "-");
    }
  }
  if (f.stability) {
    out += fmt::format(
        "  {:<33}", fmt::format("{} {}-{}", f.stability->knife_edge ? "knife-edge" : "stable",
                                FormatFixed(f.stability->lo, 1), FormatFixed(f.stability->hi, 1)));
  }
  if (f.disagreement) {
    out += fmt::format("  {} {}-{}", f.disagreement->wide ? "disagree widely" : "agree",
                       FormatFixed(f.disagreement->lo, 1), FormatFixed(f.disagreement->hi, 1));
  }
  return out + "\n";
}

constexpr const char* kQuantileKeys[] = {"0.05", "0.1", "0.25", "0.5", "0.75", "0.9", "0.95"};

// The predictive quantiles and the stability check, when the forecast has them.
std::string QuantileTable(const Scenario& scenario, const Forecast& forecast,
                          std::size_t id_width) {
  bool quantiles = false;
  bool stability = false;
  bool models = false;
  for (const IssueForecast& f : forecast.issues) {
    quantiles = quantiles || !f.quantiles.empty();
    stability = stability || f.stability.has_value();
    models = models || f.disagreement.has_value();
  }
  if (!quantiles && !stability && !models) return {};
  std::string out = "\n";
  out += fmt::format("{:<{}}", "issue", id_width);
  if (quantiles) {
    for (const char* h : {"5%", "10%", "25%", "50%", "75%", "90%", "95%"}) {
      out += fmt::format("  {:>6}", h);
    }
  }
  if (stability) out += "  stability (range under 1% nudges)";
  if (models) out += "  models (range of every model's outcome)";
  out += "\n";
  for (const GroupedIssues& section : IssuesByGroup(scenario)) {
    if (!scenario.groups.empty()) out += GroupHeading(section) + "\n";
    for (const std::size_t k : section.issues)
      out += QuantileRow(scenario, forecast, k, id_width, quantiles);
  }
  if (quantiles) {
    out +=
        "quantiles: the model's own error, learnt from cross-validated residuals on the "
        "calibration's training data; they hold only as far as this case resembles that data.\n";
  }
  return out;
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view text) {
  if (text == "table") return OutputFormat::kTable;
  if (text == "json") return OutputFormat::kJson;
  if (text == "csv") return OutputFormat::kCsv;
  return Error{Location{"", 0, "format"}, fmt::format("unknown output format '{}'", text),
               "use table, json or csv"};
}

std::string ForecastTable(const Scenario& scenario, const Forecast& forecast) {
  std::string out;
  const std::string title =
      scenario.meta.title.empty() ? std::string("Scenario") : scenario.meta.title;
  out += fmt::format(
      "{}\nmodel: {}{}\n\n", title, forecast.model,
      scenario.meta.as_of.empty() ? "" : fmt::format("   as of: {}", scenario.meta.as_of));
  std::size_t id_width = 5;
  for (const Issue& i : scenario.issues) id_width = std::max(id_width, i.id.size());
  out += fmt::format("{:<{}}  {:>7}  {:>7}  {:<44}  {:>6}  {:<15}  {}\n", "issue", id_width,
                     "model", "outcome", "outcome among the anchors", "sq", "win-set", "binding");
  std::string notes;
  for (const GroupedIssues& section : IssuesByGroup(scenario)) {
    // Grouped scenarios get a heading line per group; ungrouped ones print as they always did.
    if (!scenario.groups.empty()) out += GroupHeading(section) + "\n";
    for (const std::size_t k : section.issues) {
      const Issue& issue = scenario.issues[k];
      const IssueForecast& f = forecast.issues[k];
      out += fmt::format("{:<{}}  {:>7}  {:>7}  {}  {:>6}  {:<15}  {}\n", issue.id, id_width,
                         FormatFixed(f.unconstrained, 1), FormatFixed(f.outcome, 1),
                         Fit(AnchorText(issue, f.outcome, 44), 44),
                         issue.status_quo ? FormatFixed(*issue.status_quo, 1) : "-", WinSetText(f),
                         Binding(f));
      if (f.procedure && (f.procedure->binds || f.procedure->model_kept || !f.proposer.empty())) {
        notes += fmt::format("- {}: {}\n", issue.id, f.procedure->explanation);
      }
    }
  }
  out +=
      "\nmodel: the model's forecast; outcome: after the decision rule (only what a winning "
      "coalition prefers to the status quo, sq, passes); win-set: the points that pass; "
      "binding: the veto player or pivotal members that stop the model's point.\n";
  out += QuantileTable(scenario, forecast, id_width);
  if (!notes.empty()) out += "\nDecision rules:\n" + notes;
  out += ExchangesTable(scenario, forecast, 10);
  for (const std::string& w : forecast.warnings) out += fmt::format("warning: {}\n", w);
  return out;
}

nlohmann::ordered_json ForecastJson(const Scenario& scenario, const Forecast& forecast) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    const IssueForecast& f = forecast.issues[k];
    nlohmann::ordered_json j = {
        {"id", issue.id},
        {"name", issue.name},
        {"unit", issue.scale.unit},
        {"outcome", f.outcome},
        {"unconstrained", f.unconstrained},
        {"status_quo",
         f.status_quo ? nlohmann::ordered_json(*f.status_quo) : nlohmann::ordered_json()},
        {"binding_veto",
         f.binding_veto ? nlohmann::ordered_json(*f.binding_veto) : nlohmann::ordered_json()},
        {"win_set_empty", f.win_set_empty},
        {"procedure", ProcedureJson(f)},
    };
    if (!scenario.groups.empty()) {
      const std::string group = GroupIdOf(scenario, issue.id);
      j["group"] = group.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(group);
    }
    if (!f.proposer.empty()) j["proposer"] = f.proposer;
    if (const Anchor* a = issue.scale.NearestAnchor(f.outcome)) {
      j["nearest_anchor"] = {{"value", a->value}, {"label", a->label}};
      const AnchorPlace p = issue.scale.PlaceAmongAnchors(f.outcome);
      j["anchors"] = {
          {"at", AnchorJson(p.at)}, {"below", AnchorJson(p.below)}, {"above", AnchorJson(p.above)}};
    }
    if (!f.quantiles.empty()) {
      nlohmann::ordered_json q = nlohmann::ordered_json::object();
      for (std::size_t i = 0; i < f.quantiles.size() && i < 7; ++i) {
        q[kQuantileKeys[i]] = f.quantiles[i];
      }
      j["quantiles"] = std::move(q);
    }
    if (f.disagreement) {
      nlohmann::ordered_json per = nlohmann::ordered_json::object();
      for (const auto& [m, y] : f.disagreement->outcomes) per[m] = y;
      j["models"] = {{"flag", f.disagreement->wide ? "disagree" : "agree"},
                     {"range", {f.disagreement->lo, f.disagreement->hi}},
                     {"outcomes", std::move(per)}};
    }
    if (f.stability) {
      j["stability"] = {{"flag", f.stability->knife_edge ? "knife-edge" : "stable"},
                        {"range", {f.stability->lo, f.stability->hi}},
                        {"perturbations", f.stability->perturbations},
                        {"step", f.stability->step}};
    }
    if (!f.rounds.empty()) {
      nlohmann::ordered_json rounds = nlohmann::ordered_json::array();
      for (const Round& r : f.rounds) {
        nlohmann::ordered_json positions = nlohmann::ordered_json::object();
        for (std::size_t s = 0; s < r.positions.size(); ++s) {
          positions[issue.stances[s].actor] = r.positions[s];
        }
        rounds.push_back(
            {{"round", r.round}, {"median", r.median}, {"mean", r.mean}, {"positions", positions}});
      }
      j["rounds"] = std::move(rounds);
    }
    if (!f.events.empty()) {
      // Dynamic models' audit trail: who accepted whose offer, how, and how far.
      nlohmann::json events = nlohmann::json::array();
      for (const BargainEvent& e : f.events) {
        events.push_back({{"round", e.round},
                          {"actor", issue.stances[e.actor].actor},
                          {"other", issue.stances[e.other].actor},
                          {"kind", std::string(MoveKindName(e.kind))},
                          {"from", e.from},
                          {"to", e.to},
                          {"a", e.a},
                          {"b", e.b}});
      }
      j["events"] = events;  // a json into an ordered_json: converted, so copied either way
    }
    issues.push_back(std::move(j));
  }
  nlohmann::ordered_json out = {
      {"scenario", scenario.meta.title}, {"as_of", scenario.meta.as_of}, {"model", forecast.model}};
  if (!scenario.groups.empty()) out["groups"] = GroupsJson(scenario);
  out["issues"] = std::move(issues);
  if (!forecast.balances.empty()) {
    out["exchanges"] = ExchangesJson(scenario, forecast);
    out["balances"] = BalancesJson(scenario, forecast);
  }
  out["warnings"] = forecast.warnings;
  return out;
}

std::string ForecastCsv(const Scenario& scenario, const Forecast& forecast) {
  // A grouped scenario's rows name their group in a second column; others keep today's columns.
  const bool grouped = !scenario.groups.empty();
  std::vector<std::string> header = {"issue",      "name",         "outcome",       "unconstrained",
                                     "status_quo", "binding_veto", "win_set_empty", "among_anchors",
                                     "rule",       "win_set_lo",   "win_set_hi",    "binding_test",
                                     "pivots",     "blocking"};
  if (grouped) header.insert(header.begin() + 1, "group");
  std::string out = CsvLine(header);
  const auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : ";") + x;
    return s;
  };
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    const IssueForecast& f = forecast.issues[k];
    const ProcedureResult none;
    const ProcedureResult& p = f.procedure ? *f.procedure : none;
    std::vector<std::string> row = {issue.id,
                                    issue.name,
                                    FormatNumber(f.outcome),
                                    FormatNumber(f.unconstrained),
                                    f.status_quo ? FormatNumber(*f.status_quo) : "",
                                    f.binding_veto.value_or(""),
                                    f.win_set_empty ? "true" : "false",
                                    AnchorText(issue, f.outcome, kWhole),
                                    f.procedure ? p.rule : "",
                                    f.procedure ? FormatNumber(p.lo) : "",
                                    f.procedure ? FormatNumber(p.hi) : "",
                                    p.binding_test,
                                    join(p.pivots),
                                    join(p.blocking)};
    if (grouped) row.insert(row.begin() + 1, GroupIdOf(scenario, issue.id));
    out += CsvLine(row);
  }
  return out;
}

std::string FormatForecast(const Scenario& scenario, const Forecast& forecast,
                           OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable: return ForecastTable(scenario, forecast);
    case OutputFormat::kJson: return ForecastJson(scenario, forecast).dump(2) + "\n";
    case OutputFormat::kCsv: return ForecastCsv(scenario, forecast);
  }
  return {};
}

}  // namespace entente
