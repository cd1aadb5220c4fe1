#include "entente/report/report.hpp"

#include <cctype>
#include <optional>

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

Result<ReportFormat> ChooseReportFormat(std::string_view format, std::string_view path) {
  std::optional<ReportFormat> asked;
  if (!format.empty()) {
    Result<ReportFormat> parsed = ParseReportFormat(format);
    if (!parsed) return parsed.errors();
    asked = parsed.value();
  }
  std::optional<ReportFormat> named;
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (const std::size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0) {
    std::string ext(name.substr(dot + 1));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "html" || ext == "htm") {
      named = ReportFormat::kHtml;
    } else if (ext == "md" || ext == "markdown") {
      named = ReportFormat::kMarkdown;
    } else {
      return Error{Location{std::string(path), 0, "output"},
                   fmt::format("cannot write a report as .{}", ext),
                   "name the file .html (the report) or .md (its summary)"};
    }
  }
  if (asked && named && *asked != *named) {
    return Error{Location{std::string(path), 0, "format"},
                 fmt::format("format {} contradicts the file name, which says {}",
                             *asked == ReportFormat::kHtml ? "html" : "md",
                             *named == ReportFormat::kHtml ? "html" : "md"),
                 "drop the format, or name the file to match it"};
  }
  return asked ? *asked : named.value_or(ReportFormat::kHtml);
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
  p.edits = stored.edits;  // already applied to the stored scenario; the report names them
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
