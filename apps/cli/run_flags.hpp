#pragma once
/// \file
/// The flags every analysis command shares, filling the library's run contract
/// (RunParameters): --model and its options, and the Monte Carlo flags. Defaults shown in
/// --help are the library's (core/defaults.hpp).

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "entente/analysis/run_parameters.hpp"

namespace entente::cli {

/// Flags as typed; ToParameters turns them into checked RunParameters.
struct RunFlags {
  RunParameters params;              ///< typed flags land here directly (model, draws, seed, ...)
  std::vector<std::string> options;  ///< --option KEY=VALUE, in the order given
  std::string rounds;                ///< --rounds N; empty when absent
  std::string preset;                ///< --preset NAME; empty when absent
  std::string noise;                 ///< --noise as typed ("10%")
  std::vector<std::string> thresholds;  ///< --threshold ISSUE:VALUE
  std::vector<std::string> edits;       ///< --set TARGET.FIELD=VALUE, in the order given
  std::string pool = "mean";            ///< --pool RULE as typed
  CLI::Option* draws_flag = nullptr;    ///< set when --draws was added (report overrides)
  CLI::Option* seed_flag = nullptr;     ///< likewise --seed
  CLI::Option* noise_flag = nullptr;    ///< likewise --noise
};

/// `flags.params` with the defaults of `kind`.
void ResetFlags(RunFlags& flags, RunKind kind);

/// -m/--model (`help` says what it is used for), --option, --rounds, --preset, --set and --pool.
void AddModelFlags(CLI::App& cmd, RunFlags& flags, const std::string& help);

/// --pool RULE: how a scenario coded by several analysts is pooled (core/coding.hpp).
void AddPoolFlag(CLI::App& cmd, RunFlags& flags);

/// --set TARGET.FIELD=VALUE (repeatable): what-if edits of the scenario for this run.
void AddSetFlag(CLI::App& cmd, RunFlags& flags);

/// The scenario at `path` (LoadScenario) with the run's edits applied (EditedScenario).
[[nodiscard]] Scenario LoadRunScenario(const std::string& path, const RunParameters& params);

/// -n/--draws, --seed, --noise and --threads.
void AddDrawFlags(CLI::App& cmd, RunFlags& flags, const std::string& draws_help);

/// The model options the flags give; InputError for a pair without '=' or a key given twice.
[[nodiscard]] ModelOptions ToModelOptions(const RunFlags& flags);

/// The checked run parameters of `kind`: model options, noise and thresholds parsed, then
/// RunParameters::Check. InputError naming the field otherwise.
[[nodiscard]] RunParameters ToParameters(const RunFlags& flags, RunKind kind);

}  // namespace entente::cli
