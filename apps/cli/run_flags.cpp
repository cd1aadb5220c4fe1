#include "run_flags.hpp"

#include "commands.hpp"

#include <fmt/format.h>

#include "entente/analysis/noise.hpp"
#include "entente/core/error.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"

namespace entente::cli {

void ResetFlags(RunFlags& flags, RunKind kind) {
  flags.params = RunParameters::Defaults(kind);
  flags.noise = FormatNumber(flags.params.noise_percent) + "%";
}

namespace {

// The --option help, from the models' declarations: which keys each model takes.
std::string OptionHelp() {
  std::string out = "model option KEY=VALUE (repeatable);";
  for (const ModelInfo& m : Models()) {
    if (m.Options().empty()) continue;
    std::string keys;
    for (const OptionSpec& spec : m.Options())
      keys += (keys.empty() ? "" : ", ") + std::string(spec.name);
    out += fmt::format(" {}: {};", m.name, keys);
  }
  return out + " types, defaults and help: `entente models MODEL`";
}

}  // namespace

void AddModelFlags(CLI::App& cmd, RunFlags& flags, const std::string& help) {
  cmd.add_option("-m,--model", flags.params.model.name, help)->capture_default_str();
  cmd.add_option("--option", flags.options, OptionHelp());
  cmd.add_option("--rounds", flags.rounds,
                 "round limit of the eu and exchange models (option rounds)");
  cmd.add_option("--preset", flags.preset,
                 "named option set of the eu or exchange model, e.g. scholz2011 (option preset)");
  AddSetFlag(cmd, flags);
  AddPoolFlag(cmd, flags);
}

void AddPoolFlag(CLI::App& cmd, RunFlags& flags) {
  cmd.add_option("--pool", flags.pool,
                 "how several coders' numbers of a stance are pooled: mean, median, trimmed "
                 "(interquartile mean), mixture (Monte Carlo: a coder per stance and draw), "
                 "mixture-coder (one coder per draw) or performance (Cooke weights from seed "
                 "questions); no effect without coders")
      ->capture_default_str();
}

void AddSetFlag(CLI::App& cmd, RunFlags& flags) {
  cmd.add_option("--set", flags.edits,
                 "what-if edit for this run, not the file (repeatable): ACTOR.ISSUE.FIELD=VALUE "
                 "(position, salience, capability), ACTOR.FIELD=VALUE (salience, capability on "
                 "every issue) or ISSUE.FIELD=VALUE (status_quo, decision_rule, threshold, "
                 "veto_players as A+B); e.g. --set US.opcon_transfer.salience=0.8");
}

Scenario LoadRunScenario(const std::string& path, const RunParameters& params) {
  return EditedScenario(LoadScenario(path).ValueOrThrow(), params);
}

void AddDrawFlags(CLI::App& cmd, RunFlags& flags, const std::string& draws_help) {
  // Ranges of --draws and --threads are checked by the library (RunParameters::Check), where
  // the counts are used (CLI11's PositiveNumber printed DBL_MAX as a 309-digit bound).
  flags.draws_flag =
      cmd.add_option("-n,--draws", flags.params.draws, draws_help)->capture_default_str();
  flags.seed_flag = cmd.add_option("--seed", flags.params.seed,
                                   "random seed; the same seed gives the same output")
                        ->capture_default_str()
                        ->check(SeedRange());
  flags.noise_flag =
      cmd.add_option("--noise", flags.noise,
                     "spread for stance numbers that state none, in percent: positions sd = P% of "
                     "the scale, salience and capability sd = P% of the value (10 or 10%)")
          ->capture_default_str();
  cmd.add_option("--threads", flags.params.threads,
                 fmt::format("worker threads: 0 = all cores, or 1 to {}; never changes results",
                             kMaxThreads))
      ->capture_default_str();
}

ModelOptions ToModelOptions(const RunFlags& flags) {
  ModelOptions options;
  const auto set = [&options](const std::string& key, const std::string& value) {
    if (options.Has(key)) {
      throw InputError(fmt::format("model option '{}' is given twice; keep one", key));
    }
    options.Set(key, value);
  };
  for (const std::string& p : flags.options) {
    const std::size_t eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw InputError(
          fmt::format("--option '{}' is not KEY=VALUE; write e.g. --option rounds=8", p));
    }
    set(p.substr(0, eq), p.substr(eq + 1));
  }
  if (!flags.rounds.empty()) set("rounds", flags.rounds);
  if (!flags.preset.empty()) set("preset", flags.preset);
  return options;
}

namespace {

std::vector<Threshold> ParseThresholds(const std::vector<std::string>& items) {
  std::vector<Threshold> out;
  for (const std::string& item : items) {
    const std::size_t colon = item.rfind(':');
    const auto v = colon == std::string::npos ? std::nullopt : ParseNumber(item.substr(colon + 1));
    if (!v || colon == 0) {
      throw InputError(fmt::format(
          "--threshold '{}' is not ISSUE:VALUE; write e.g. --threshold sanctions_relief:50", item));
    }
    out.push_back(Threshold{item.substr(0, colon), *v});
  }
  return out;
}

}  // namespace

RunParameters ToParameters(const RunFlags& flags, RunKind kind) {
  RunParameters p = flags.params;
  p.model.options = ToModelOptions(flags);
  if (flags.noise_flag != nullptr) p.noise_percent = ParseNoisePercent(flags.noise, "noise");
  p.thresholds = ParseThresholds(flags.thresholds);
  p.edits = ParseEdits(flags.edits).ValueOrThrow();
  if (const auto pool = ParsePoolRule(flags.pool)) {
    p.pool = *pool;
  } else {
    throw InputError(fmt::format("--pool '{}' is not a pooling rule; use one of: {}", flags.pool,
                                 PoolRuleNames()));
  }
  p.Check(kind);
  return p;
}

}  // namespace entente::cli
