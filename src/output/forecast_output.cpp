#include "entente/output/forecast_output.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/formats/csv.hpp"
#include "entente/output/exchange_output.hpp"
#include "entente/core/text.hpp"

namespace entente {
namespace {

std::string AnchorText(const Issue& issue, double x) {
  const Anchor* a = issue.scale.NearestAnchor(x);
  if (a == nullptr) return {};
  return fmt::format("{} = {}", FormatNumber(a->value), a->label);
}

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
  out += fmt::format("{:<{}}  {:>7}  {:>7}  {:<44}  {:>6}  {}\n", "issue", id_width, "model",
                     "outcome", "nearest anchor (outcome)", "sq", "binding veto");
  std::string notes;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    const IssueForecast& f = forecast.issues[k];
    const std::string veto = f.binding_veto ? *f.binding_veto : "-";
    out += fmt::format("{:<{}}  {:>7}  {:>7}  {}  {:>6}  {}\n", issue.id, id_width,
                       FormatFixed(f.unconstrained, 1), FormatFixed(f.outcome, 1),
                       Fit(AnchorText(issue, f.outcome), 44),
                       issue.status_quo ? FormatFixed(*issue.status_quo, 1) : "-", veto);
    if (f.binding_veto) {
      notes += f.win_set_empty
                   ? fmt::format(
                         "- {}: no outcome beats the status quo for every veto player; "
                         "{} blocks the move to {}.\n",
                         issue.id, veto, FormatFixed(f.unconstrained, 1))
                   : fmt::format("- {}: {} accepts at most {}, not the model's {}.\n", issue.id,
                                 veto, FormatFixed(f.outcome, 1), FormatFixed(f.unconstrained, 1));
    }
  }
  out +=
      "\nmodel: the model's forecast; outcome: after the decision rule (veto players must "
      "prefer it to the status quo, sq).\n";
  if (!notes.empty()) out += "\nVetoes that bind:\n" + notes;
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
    };
    if (const Anchor* a = issue.scale.NearestAnchor(f.outcome)) {
      j["nearest_anchor"] = {{"value", a->value}, {"label", a->label}};
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
      j["events"] = std::move(events);
    }
    issues.push_back(std::move(j));
  }
  nlohmann::ordered_json out = {{"scenario", scenario.meta.title},
                                {"as_of", scenario.meta.as_of},
                                {"model", forecast.model},
                                {"issues", std::move(issues)}};
  if (!forecast.balances.empty()) {
    out["exchanges"] = ExchangesJson(scenario, forecast);
    out["balances"] = BalancesJson(scenario, forecast);
  }
  out["warnings"] = forecast.warnings;
  return out;
}

std::string ForecastCsv(const Scenario& scenario, const Forecast& forecast) {
  std::string out = CsvLine({"issue", "name", "outcome", "unconstrained", "status_quo",
                             "binding_veto", "win_set_empty", "nearest_anchor"});
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    const IssueForecast& f = forecast.issues[k];
    out += CsvLine({issue.id, issue.name, FormatNumber(f.outcome), FormatNumber(f.unconstrained),
                    f.status_quo ? FormatNumber(*f.status_quo) : "", f.binding_veto.value_or(""),
                    f.win_set_empty ? "true" : "false", AnchorText(issue, f.outcome)});
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
