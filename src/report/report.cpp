#include "entente/report/report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/error.hpp"
#include "entente/core/validation.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/report/render.hpp"

namespace entente {

Result<ReportFormat> ParseReportFormat(std::string_view text) {
  if (text == "html") return ReportFormat::kHtml;
  if (text == "md" || text == "markdown") return ReportFormat::kMarkdown;
  return Error{Location{"", 0, "format"}, fmt::format("unknown report format '{}'", text),
               "give html or md"};
}

Result<std::string> BuildReport(const Scenario& scenario, const ReportOptions& options,
                                ReportFormat format) {
  try {
    const ReportData data = GatherReport(scenario, options);
    return format == ReportFormat::kHtml ? RenderHtml(data) : RenderMarkdown(data);
  } catch (const InputError& e) {
    return e.errors();
  }
}

Result<ReportInputs> ReportInputsFromRun(const RunRecord& run) {
  const std::string name = fmt::format("run {}", run.id);
  Result<Scenario> parsed = ParseYamlScenario(run.scenario_text, name);
  if (!parsed) return parsed.errors();
  Result<Scenario> valid = Validated(std::move(parsed).value());
  if (!valid) return valid.errors();
  ReportInputs in{std::move(valid).value(), {}};
  in.options.model = run.model;
  in.options.source =
      run.scenario_path.empty() ? name : fmt::format("{} ({})", name, run.scenario_path);
  const nlohmann::json options = nlohmann::json::parse(run.options_json, nullptr, false);
  if (!options.is_object()) {
    return Error{Location{name, 0, "options"}, "stored options are not a JSON object",
                 "the database may be damaged; re-run the command that made it"};
  }
  if (const auto mo = options.find("model_options"); mo != options.end() && mo->is_object()) {
    for (const auto& [key, value] : mo->items()) {
      in.options.model_options.Set(key,
                                   value.is_string() ? value.get<std::string>() : value.dump());
    }
  }
  if (run.kind == "backtest") {
    // The outcomes the run scored travel in its result; the report scores them again.
    const nlohmann::json result = nlohmann::json::parse(run.result_json, nullptr, false);
    if (result.is_object() && result.contains("issues") && result["issues"].is_array()) {
      for (const auto& i : result["issues"]) {
        if (!i.is_object() || !i.contains("id") || !i.contains("outcome") || !i["id"].is_string() ||
            !i["outcome"].is_number())
          continue;
        in.options.outcomes.push_back(
            Outcome{i["id"].get<std::string>(), i["outcome"].get<double>(), "", name, {}});
      }
    }
    const std::size_t comma = run.model.find(',');
    in.options.model = comma == std::string::npos ? run.model : run.model.substr(0, comma);
    in.options.model_options = ModelOptions{};
  }
  if (run.kind == "simulate") {
    if (const auto d = options.find("draws"); d != options.end() && d->is_number_integer())
      in.options.draws = d->get<std::int64_t>();
    if (const auto n = options.find("noise"); n != options.end() && n->is_number())
      in.options.noise = n->get<double>();
    if (run.seed) in.options.seed = *run.seed;
  }
  return in;
}

}  // namespace entente
