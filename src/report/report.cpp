#include "entente/report/report.hpp"

#include <fmt/format.h>

#include "entente/core/error.hpp"
#include "entente/core/validation.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/report/render.hpp"
#include "entente/store/run_record.hpp"

namespace entente {

Result<ReportFormat> ParseReportFormat(std::string_view text) {
  if (text == "html") return ReportFormat::kHtml;
  if (text == "md" || text == "markdown") return ReportFormat::kMarkdown;
  return Error{Location{"", 0, "format"}, fmt::format("unknown report format '{}'", text),
               "give html or md"};
}

std::string BuildReport(const Scenario& scenario, const ReportOptions& options,
                        ReportFormat format) {
  const ReportData data = GatherReport(scenario, options);
  return format == ReportFormat::kHtml ? RenderHtml(data) : RenderMarkdown(data);
}

ReportInputs ReportInputsFromRun(const RunRecord& run) {
  const std::string name = fmt::format("run {}", run.id);
  Result<Scenario> parsed = ParseYamlScenario(run.scenario_text, name);
  if (!parsed) throw InputError(parsed.errors());
  Result<Scenario> valid = Validated(std::move(parsed).value());
  if (!valid) throw InputError(valid.errors());
  ReportInputs in{std::move(valid).value(), {}};
  in.options.source =
      run.scenario_path.empty() ? name : fmt::format("{} ({})", name, run.scenario_path);
  const RunParameters stored = StoredParameters(run);
  RunParameters& p = in.options.run;
  p.model = stored.model;
  const RunKind kind = StoredKind(run);
  if (kind == RunKind::kBacktest) {
    // The outcomes the run scored travel in its result; the report scores them again. Its
    // primary model is the first it scored, on its own options.
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
    if (!stored.models.empty()) {
      const std::string& first = stored.models.front();
      const auto opts = stored.model_options_by_model.find(first);
      p.model = ModelChoice{
          first, opts == stored.model_options_by_model.end() ? ModelOptions{} : opts->second};
    }
  }
  if (kind == RunKind::kSimulate) {
    p.draws = stored.draws;
    p.seed = stored.seed;
    p.noise_percent = stored.noise_percent;
  }
  return in;
}

}  // namespace entente
