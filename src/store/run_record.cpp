#include "entente/store/run_record.hpp"

#include <nlohmann/json.hpp>

#include "entente/core/sha256.hpp"
#include "entente/core/version.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/store/run_rows.hpp"

namespace entente {

RunRecord MakeRunRecord(const std::string& kind, const Scenario& scenario,
                        const std::string& scenario_path, const std::string& model,
                        const nlohmann::ordered_json& options, std::optional<std::uint64_t> seed,
                        const nlohmann::ordered_json& result) {
  RunRecord run;
  run.created_at = UtcNow();
  run.kind = kind;
  run.scenario_title = scenario.meta.title;
  run.scenario_path = scenario_path;
  // Canonical YAML: the same scenario from a bundle, a YAML file or an import hashes the same.
  run.scenario_text = WriteYamlScenario(scenario);
  run.scenario_hash = Sha256Hex(run.scenario_text);
  run.model = model;
  run.options_json = options.dump();
  run.seed = seed;
  run.version = std::string(Version());
  run.result_json = result.dump();
  ExtractRows(kind, result, run);
  return run;
}

}  // namespace entente
