#include "entente/store/run_record.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/encoding.hpp"
#include "entente/core/error.hpp"
#include "entente/core/sha256.hpp"
#include "entente/core/version.hpp"
#include "entente/formats/yaml_scenario.hpp"
#include "entente/store/run_rows.hpp"

namespace entente {

RunRecord MakeRunRecord(RunKind kind, const Scenario& scenario, const std::string& scenario_path,
                        const RunParameters& params, const nlohmann::ordered_json& result) {
  RunRecord run;
  run.created_at = UtcNow();
  run.kind = std::string(RunKindName(kind));
  run.scenario_title = scenario.meta.title;
  run.scenario_path = RepairUtf8(scenario_path);  // a file name may be any bytes
  // Canonical YAML: the same scenario from a bundle, a YAML file or an import hashes the same.
  run.scenario_text = WriteYamlScenario(scenario);
  run.scenario_hash = Sha256Hex(run.scenario_text);
  run.model = params.model.name;
  const nlohmann::ordered_json options = params.ToJson(kind);
  run.options_json = options.dump();
  if (options.contains("seed")) run.seed = params.seed;
  run.version = std::string(Version());
  run.result_json = result.dump();
  ExtractRows(run.kind, result, run);
  return run;
}

RunSummary SummarizeRun(const RunRecord& run) {
  RunSummary out;
  const nlohmann::json j = nlohmann::json::parse(run.options_json, nullptr, false);
  if (!j.is_object()) return out;
  const auto text = [](const nlohmann::json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump();
  };
  if (const auto o = j.find("model_options"); o != j.end() && o->is_object()) {
    for (const auto& [key, value] : o->items()) {
      if (value.is_object()) {  // a backtest's, per model
        for (const auto& [k, v] : value.items())
          out.options += fmt::format("{}{}.{}={}", out.options.empty() ? "" : " ", key, k, text(v));
      } else {
        out.options += fmt::format("{}{}={}", out.options.empty() ? "" : " ", key, text(value));
      }
    }
  }
  if (const auto d = j.find("draws"); d != j.end() && d->is_number_integer())
    out.draws = d->get<std::int64_t>();
  if (const auto n = j.find("noise_percent"); n != j.end() && n->is_number())
    out.noise_percent = n->get<double>();
  if (const auto n = j.find("noise"); n != j.end() && n->is_number())  // before the contract
    out.noise_percent = n->get<double>() * 100;
  if (const auto s = j.find("set"); s != j.end() && s->is_array()) {
    for (const auto& e : *s) {
      if (e.is_string()) out.edits.push_back(e.get<std::string>());
    }
  }
  if (const auto p = j.find("pool"); p != j.end() && p->is_string())
    out.pool = p->get<std::string>();
  if (const auto c = j.find("coder"); c != j.end() && c->is_string())
    out.coder = c->get<std::string>();
  return out;
}

RunKind StoredKind(const RunRecord& run) {
  for (RunKind k : {RunKind::kForecast, RunKind::kSimulate, RunKind::kAdvise, RunKind::kCompare,
                    RunKind::kCohesion, RunKind::kReport, RunKind::kBacktest}) {
    if (RunKindName(k) == run.kind) return k;
  }
  throw InputError(Errors{Error{Location{fmt::format("run {}", run.id), 0, "kind"},
                                fmt::format("unknown kind of run '{}'", run.kind),
                                "a newer Entente made it; read it with that version"}});
}

RunParameters StoredParameters(const RunRecord& run) {
  const std::string where = fmt::format("run {}", run.id);
  nlohmann::json options = nlohmann::json::parse(run.options_json, nullptr, false);
  if (!options.is_object()) {
    throw InputError(
        Errors{Error{Location{where, 0, "options"}, "stored options are not a JSON object",
                     "the database may be damaged; re-run the command that made it"}});
  }
  // Before the run contract, noise and tolerance were stored as fractions, and the model and
  // seed only in their columns.
  if (const auto n = options.find("noise"); n != options.end()) {
    if (n->is_number()) options["noise_percent"] = n->get<double>() * 100;  // unit now stated
    options.erase(n);
  }
  if (const auto t = options.find("tolerance"); t != options.end()) {
    if (t->is_number()) options["tolerance_percent"] = t->get<double>() * 100;
    options.erase(t);
  }
  if (!options.contains("model")) options["model"] = run.model;
  // A backtest stored its models as a list and their options per model from the start.
  const RunKind kind = StoredKind(run);
  if (run.seed && kind != RunKind::kForecast && kind != RunKind::kAdvise &&
      kind != RunKind::kCohesion && !options.contains("seed")) {
    options["seed"] = *run.seed;
  }
  return RunParameters::FromJson(options, kind, where);
}

}  // namespace entente
