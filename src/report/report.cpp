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
  if (StoredKind(run) == RunKind::kSimulate) {
    p.draws = stored.draws;
    p.seed = stored.seed;
    p.noise_percent = stored.noise_percent;
  }
  return in;
}

}  // namespace entente
