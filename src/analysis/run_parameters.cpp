// The run contract's JSON form. One table says which kind of run takes which key, so reading,
// writing and the unknown-key message agree.
#include "entente/analysis/run_parameters.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/analysis/cooke.hpp"
#include "entente/analysis/noise.hpp"
#include "entente/core/coding.hpp"
#include "entente/core/error.hpp"
#include "entente/core/text.hpp"

namespace entente {
namespace {

using Json = nlohmann::json;

constexpr unsigned Bit(RunKind k) {
  return 1u << static_cast<unsigned>(k);
}
constexpr unsigned kAll = 0x7f;
constexpr unsigned kDrawing = Bit(RunKind::kSimulate) | Bit(RunKind::kCompare) |
                              Bit(RunKind::kReport) | Bit(RunKind::kBacktest);
constexpr unsigned kCalibrated = Bit(RunKind::kForecast) | Bit(RunKind::kSimulate) |
                                 Bit(RunKind::kReport) | Bit(RunKind::kBacktest);

struct Key {
  std::string_view name;
  unsigned kinds;  // read by these kinds
};

// In the order ToJson writes them.
constexpr Key kKeys[] = {
    {"model", kAll},
    {"model_options", kAll},
    {"draws", kDrawing},
    {"seed", kDrawing},
    {"noise_percent", kDrawing},
    {"threads", kAll},
    {"thresholds", Bit(RunKind::kSimulate)},
    {"sensitivity", Bit(RunKind::kSimulate)},
    {"actor", Bit(RunKind::kAdvise)},
    {"issue", Bit(RunKind::kAdvise)},
    {"target", Bit(RunKind::kAdvise)},
    {"tolerance_percent", Bit(RunKind::kAdvise)},
    {"moves", Bit(RunKind::kCompare)},
    {"models", Bit(RunKind::kForecast) | Bit(RunKind::kReport) | Bit(RunKind::kBacktest)},
    {"tornado_bars", Bit(RunKind::kReport)},
    {"calibration", kCalibrated},
    {"stability", Bit(RunKind::kForecast) | Bit(RunKind::kReport)},
    {"models_agree", Bit(RunKind::kForecast)},
    {"outcomes", Bit(RunKind::kBacktest)},
    {"bootstrap", Bit(RunKind::kBacktest)},
    {"by", Bit(RunKind::kBacktest)},
    {"set", kAll},
    {"pool", kAll},
    {"coder", Bit(RunKind::kBacktest)},
};

bool Takes(RunKind kind, std::string_view key) {
  for (const Key& k : kKeys) {
    if (k.name == key) return (k.kinds & Bit(kind)) != 0;
  }
  return false;
}

// Reads one JSON object, collecting every problem before throwing.
class Reader {
 public:
  Reader(const Json& json, std::string where) : json_(json), where_(std::move(where)) {}

  void Fail(std::string_view key, std::string message, std::string hint) {
    errors_.push_back(
        Error{Location{where_, 0, std::string(key)}, std::move(message), std::move(hint)});
  }

  const Json* Get(std::string_view key) const {
    const auto it = json_.find(key);
    return it == json_.end() || it->is_null() ? nullptr : &*it;
  }

  // A whole number in [lo, hi] (a JSON integer, or a float with no fraction).
  // `range` words [lo, hi] for the message.
  template <typename T>
  void Whole(std::string_view key, T& out, double lo, double hi, std::string_view range,
             std::string_view example) {
    const Json* v = Get(key);
    if (v == nullptr) return;
    if (v->is_number_unsigned() && hi > 9e15) {  // a seed: every 64-bit value, exactly
      out = static_cast<T>(v->get<std::uint64_t>());
      return;
    }
    const double d = v->is_number() ? v->get<double>() : NAN;
    if (!v->is_number() || !std::isfinite(d) || d != std::floor(d) || d < lo || d > hi) {
      Fail(key, fmt::format("{} must be a whole number {}", key, range),
           fmt::format("give e.g. {}", example));
      return;
    }
    out = static_cast<T>(d);
  }

  void Text(std::string_view key, std::string& out) {
    const Json* v = Get(key);
    if (v == nullptr) return;
    if (!v->is_string()) {
      Fail(key, fmt::format("{} must be text, not {}", key, v->type_name()), "quote it");
      return;
    }
    out = v->get<std::string>();
  }

  void Texts(std::string_view key, std::vector<std::string>& out) {
    const Json* v = Get(key);
    if (v == nullptr) return;
    if (!v->is_array() ||
        !std::all_of(v->begin(), v->end(), [](const Json& x) { return x.is_string(); })) {
      Fail(key, fmt::format("{} must be a list of names", key), "give e.g. [\"a\", \"b\"]");
      return;
    }
    out = v->get<std::vector<std::string>>();
  }

  std::optional<double> Number(std::string_view key) {
    const Json* v = Get(key);
    if (v == nullptr) return std::nullopt;
    if (!v->is_number() || !std::isfinite(v->get<double>())) {
      Fail(key, fmt::format("{} must be a finite number", key), "give e.g. 50");
      return std::nullopt;
    }
    return v->get<double>();
  }

  void Bool(std::string_view key, bool& out) {
    const Json* v = Get(key);
    if (v == nullptr) return;
    if (!v->is_boolean()) {
      Fail(key, fmt::format("{} must be true or false", key), "give true or false");
      return;
    }
    out = v->get<bool>();
  }

  void Options(std::string_view key, ModelOptions& out) {
    const Json* v = Get(key);
    if (v == nullptr) return;
    if (!v->is_object()) {
      Fail(key, fmt::format("{} must be an object of option names and values", key),
           "give e.g. {\"rounds\": 8}");
      return;
    }
    for (const auto& [name, value] : v->items()) {
      if (value.is_string()) {
        out.Set(name, value.get<std::string>());
      } else if (value.is_boolean()) {
        out.Set(name, value.get<bool>() ? "true" : "false");
      } else if (value.is_number() && std::isfinite(value.get<double>())) {
        out.Set(name, value.is_number_float() ? FormatNumber(value.get<double>()) : value.dump());
      } else {
        Fail(fmt::format("{}.{}", key, name),
             fmt::format("option '{}' must be text, a number or true/false", name),
             "give e.g. \"rounds\": 8");
      }
    }
  }

  // {"eu": {"rounds": 8}, ...}: options per model name (a backtest's).
  void OptionsByModel(std::string_view key, std::map<std::string, ModelOptions>& out) {
    const Json* v = Get(key);
    if (v == nullptr) return;
    if (!v->is_object()) {
      Fail(key, fmt::format("{} must map model names to their options", key),
           "give e.g. {\"eu\": {\"rounds\": 8}}");
      return;
    }
    for (const auto& [model, options] : v->items()) {
      const Json one{{model, options}};
      Reader inner(one, where_);
      inner.Options(model, out[model]);
      for (Error& e : inner.errors()) {
        e.where.field = fmt::format("{}.{}", key, e.where.field);
        errors_.push_back(std::move(e));
      }
    }
  }

  void Noise(std::string_view key, double& out) {
    const Json* v = Get(key);
    if (v == nullptr) return;
    try {
      if (v->is_string()) {
        out = ParseNoisePercent(v->get<std::string>(), key);
      } else if (v->is_number()) {
        out = CheckNoisePercent(v->get<double>(), key);
      } else {
        Fail(key, "noise must be a number (percent) or text such as \"10%\"", "give e.g. 10");
      }
    } catch (const InputError& e) {
      for (Error err : e.errors()) {
        err.where.file = where_;
        errors_.push_back(std::move(err));
      }
    }
  }

  void Thresholds(std::string_view key, std::vector<Threshold>& out) {
    const Json* v = Get(key);
    if (v == nullptr) return;
    const std::string hint = "give e.g. [{\"issue\": \"sanctions_relief\", \"value\": 50}]";
    if (!v->is_array()) {
      Fail(key, fmt::format("{} must be a list", key), hint);
      return;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
      const Json& t = (*v)[i];
      const std::string at = fmt::format("{}[{}]", key, i);
      const bool ok = t.is_object() && t.size() == 2 && t.contains("issue") &&
                      t["issue"].is_string() && t.contains("value") && t["value"].is_number() &&
                      std::isfinite(t["value"].get<double>());
      if (!ok) {
        Fail(at, "a threshold is {\"issue\": ID, \"value\": NUMBER}", hint);
        continue;
      }
      out.push_back(Threshold{t["issue"].get<std::string>(), t["value"].get<double>()});
    }
  }

  // ["US.opcon.salience=0.8", ...] or {"US.opcon.salience": 0.8, ...}.
  void Edits(std::string_view key, std::vector<ScenarioEdit>& out) {
    const Json* v = Get(key);
    if (v == nullptr) return;
    std::vector<std::string> texts;
    const bool list = v->is_array() && std::all_of(v->begin(), v->end(),
                                                   [](const Json& x) { return x.is_string(); });
    if (list) {
      texts = v->get<std::vector<std::string>>();
    } else if (v->is_object()) {
      for (const auto& [lhs, value] : v->items()) {
        if (value.is_string()) {
          texts.push_back(lhs + "=" + value.get<std::string>());
        } else if (value.is_number() && std::isfinite(value.get<double>())) {
          texts.push_back(lhs + "=" + FormatNumber(value.get<double>()));
        } else {
          Fail(key, fmt::format("edit '{}' must have a number or text value", lhs),
               "give e.g. {\"US.opcon_transfer.salience\": 0.8}");
        }
      }
    } else {
      Fail(key, fmt::format("{} must be a list of TARGET.FIELD=VALUE edits", key),
           "give e.g. [\"US.opcon_transfer.salience=0.8\"]");
      return;
    }
    Result<std::vector<ScenarioEdit>> edits = ParseEdits(texts);
    if (!edits) {
      for (Error e : edits.errors()) {
        e.where.file = where_;
        errors_.push_back(std::move(e));
      }
      return;
    }
    out = std::move(edits).value();
  }

  Errors& errors() { return errors_; }

 private:
  const Json& json_;
  std::string where_;
  Errors errors_;
};

}  // namespace

std::string_view RunKindName(RunKind kind) {
  switch (kind) {
    case RunKind::kForecast: return "forecast";
    case RunKind::kSimulate: return "simulate";
    case RunKind::kAdvise: return "advise";
    case RunKind::kCompare: return "compare";
    case RunKind::kCohesion: return "cohesion";
    case RunKind::kReport: return "report";
    case RunKind::kBacktest: return "backtest";
  }
  return "forecast";
}

RunParameters RunParameters::Defaults(RunKind kind) {
  RunParameters p;
  if (kind == RunKind::kCompare || kind == RunKind::kBacktest) p.draws = 0;
  if (kind == RunKind::kReport) p.stability = defaults::kReportStability;
  return p;
}

nlohmann::ordered_json RunParameters::ToJson(RunKind kind) const {
  using J = nlohmann::ordered_json;
  J j;
  j["model"] = model.name;
  j["model_options"] = J::object();
  if (kind == RunKind::kBacktest) {
    for (const auto& [name, options] : model_options_by_model) {
      J one = J::object();
      for (const auto& [key, value] : options.values()) one[key] = value;
      j["model_options"][name] = one;
    }
  } else {
    for (const auto& [key, value] : model.options.values()) j["model_options"][key] = value;
  }
  // A comparison without draws runs no simulation: its seed and noise mean nothing.
  const bool drew = (Bit(kind) & kDrawing) != 0 && (kind != RunKind::kCompare || draws > 0);
  if ((Bit(kind) & kDrawing) != 0) j["draws"] = draws;
  if (drew) {
    j["seed"] = seed;
    j["noise_percent"] = noise_percent;
  }
  if (kind == RunKind::kSimulate) {
    J list = J::array();
    for (const Threshold& t : thresholds) list.push_back({{"issue", t.issue}, {"value", t.value}});
    j["thresholds"] = list;
    j["sensitivity"] = sensitivity;
  }
  if (kind == RunKind::kAdvise) {
    j["actor"] = actor;
    j["issue"] = issue ? J(*issue) : J();
    j["target"] = target ? J(*target) : J();
    j["tolerance_percent"] = tolerance_percent;
  }
  if (kind == RunKind::kCompare) j["moves"] = moves;
  if (kind == RunKind::kReport) {
    j["models"] = models;
    j["tornado_bars"] = tornado_bars;
  }
  if (kind == RunKind::kBacktest) {
    j["models"] = models;
    j["outcomes"] = outcomes;
    j["bootstrap"] = bootstrap;
    j["by"] = by;
  }
  // Keys added with the backtest and calibration, written only when used, so runs without them
  // store what they stored before.
  if ((Bit(kind) & kCalibrated) != 0 && !calibration.empty()) j["calibration"] = calibration;
  if (kind == RunKind::kForecast && stability > 0) j["stability"] = stability;
  if (kind == RunKind::kReport && stability != defaults::kReportStability)
    j["stability"] = stability;
  if (kind == RunKind::kForecast && models_agree) j["models_agree"] = true;
  if (!edits.empty()) {
    J list = J::array();
    for (const ScenarioEdit& e : edits) list.push_back(e.ToString());
    j["set"] = list;
  }
  if (pool != PoolRule::kMean) j["pool"] = std::string(PoolRuleName(pool));
  if (kind == RunKind::kBacktest && !coder.empty()) j["coder"] = coder;
  return j;
}

RunParameters RunParameters::FromJson(const nlohmann::json& json, RunKind kind,
                                      std::string_view where,
                                      const std::vector<std::string>& own_keys) {
  RunParameters p = Defaults(kind);
  if (!json.is_object()) {
    throw InputError(Errors{Error{Location{std::string(where)}, "run parameters must be an object",
                                  "give e.g. {\"model\": \"median\"}"}});
  }
  Reader r(json, std::string(where));
  for (const auto& [key, value] : json.items()) {
    if (Takes(kind, key) || std::find(own_keys.begin(), own_keys.end(), key) != own_keys.end())
      continue;
    std::vector<std::string_view> known;
    for (const Key& k : kKeys) {
      if ((k.kinds & Bit(kind)) != 0) known.push_back(k.name);
    }
    for (const std::string& k : own_keys) known.push_back(k);
    r.Fail(key, fmt::format("a {} takes no '{}'", RunKindName(kind), key),
           fmt::format("use one of: {}", fmt::join(known, ", ")));
  }
  r.Text("model", p.model.name);
  if (kind == RunKind::kBacktest) {
    r.OptionsByModel("model_options", p.model_options_by_model);
  } else {
    r.Options("model_options", p.model.options);
  }
  if (Takes(kind, "draws"))
    r.Whole("draws", p.draws, 0, static_cast<double>(kMaxDraws), "from 0 to 4,000,000,000",
            "10000");
  if (Takes(kind, "seed"))
    r.Whole("seed", p.seed, 0, 18446744073709551615.0, "from 0 to 2^64 - 1", "1");
  if (Takes(kind, "noise_percent")) r.Noise("noise_percent", p.noise_percent);
  r.Whole("threads", p.threads, 0, kMaxThreads, fmt::format("from 0 to {}", kMaxThreads),
          "0 (all cores)");
  if (Takes(kind, "thresholds")) r.Thresholds("thresholds", p.thresholds);
  if (Takes(kind, "sensitivity")) r.Bool("sensitivity", p.sensitivity);
  if (Takes(kind, "actor")) r.Text("actor", p.actor);
  if (Takes(kind, "issue")) {
    std::string issue;
    r.Text("issue", issue);
    if (!issue.empty()) p.issue = issue;
  }
  if (Takes(kind, "target")) p.target = r.Number("target");
  if (Takes(kind, "tolerance_percent")) {
    if (const auto t = r.Number("tolerance_percent")) p.tolerance_percent = *t;
  }
  if (Takes(kind, "moves")) r.Texts("moves", p.moves);
  if (Takes(kind, "models")) r.Texts("models", p.models);
  if (Takes(kind, "tornado_bars"))
    r.Whole("tornado_bars", p.tornado_bars, 1, 100, "from 1 to 100", "8");
  if (Takes(kind, "calibration")) r.Text("calibration", p.calibration);
  if (Takes(kind, "stability"))
    r.Whole("stability", p.stability, 0, 10000, "from 0 to 10000", "24");
  if (Takes(kind, "models_agree")) r.Bool("models_agree", p.models_agree);
  if (Takes(kind, "outcomes")) r.Text("outcomes", p.outcomes);
  if (Takes(kind, "bootstrap"))
    r.Whole("bootstrap", p.bootstrap, 0, 1000000, "from 0 to 1,000,000", "2000");
  if (Takes(kind, "by")) r.Text("by", p.by);
  r.Edits("set", p.edits);
  if (json.contains("pool")) {
    std::string pool;
    r.Text("pool", pool);
    if (const auto rule = ParsePoolRule(pool)) {
      p.pool = *rule;
    } else {
      r.Fail("pool", fmt::format("unknown pool rule '{}'", pool),
             fmt::format("use one of: {}", PoolRuleNames()));
    }
  }
  if (Takes(kind, "coder")) r.Text("coder", p.coder);
  if (!r.errors().empty()) throw InputError(std::move(r.errors()));
  try {
    p.Check(kind);
  } catch (const InputError& e) {
    Errors errors = e.errors();
    for (Error& err : errors) err.where.file = std::string(where);
    throw InputError(std::move(errors));
  }
  return p;
}

void RunParameters::Check(RunKind kind) const {
  Errors errors;
  if (model.name.empty())
    errors.push_back(FieldError("model", "no model named", "give e.g. median"));
  const bool drawing = (Bit(kind) & kDrawing) != 0;
  const std::int64_t least = kind == RunKind::kSimulate ? 1 : 0;
  if (drawing && draws < least) {
    errors.push_back(least == 1
                         ? FieldError("draws", fmt::format("draws {} must be at least 1", draws),
                                      "give e.g. 10000")
                         : FieldError("draws", fmt::format("draws {} is negative", draws),
                                      "give 0 (no Monte Carlo) or more"));
  } else if (drawing && draws > kMaxDraws) {  // the sketches count in 32 bits
    errors.push_back(FieldError("draws", fmt::format("draws {} is more than 4,000,000,000", draws),
                                "run fewer draws"));
  }
  if (drawing) {
    try {
      (void)CheckNoisePercent(noise_percent);
    } catch (const InputError& e) {
      errors.insert(errors.end(), e.errors().begin(), e.errors().end());
    }
  }
  if (threads < 0 || threads > kMaxThreads) {
    errors.push_back(
        FieldError("threads", fmt::format("threads {} is out of range", threads),
                   fmt::format("give 0 (all cores) or a count from 1 to {}", kMaxThreads)));
  }
  if (kind == RunKind::kAdvise) {
    if (actor.empty())
      errors.push_back(FieldError("actor", "no actor named", "name the actor to advise"));
    if (!(tolerance_percent > 0 && tolerance_percent < 100)) {
      errors.push_back(FieldError(
          "tolerance_percent",
          fmt::format("tolerance {}% is not between 0 and 100%", FormatNumber(tolerance_percent)),
          "give e.g. 0.5 (percent of the scale)"));
    }
  }
  if (stability < 0 || stability > 10000) {
    errors.push_back(FieldError("stability",
                                fmt::format("stability {} is not from 0 to 10000", stability),
                                "give e.g. 24 (perturbed runs)"));
  }
  if (kind == RunKind::kBacktest && bootstrap < 0) {
    errors.push_back(
        FieldError("bootstrap", "bootstrap resamples must be 0 or more", "give e.g. 2000"));
  }
  if (!coder.empty() && pool != PoolRule::kMean) {
    errors.push_back(FieldError(
        "coder",
        fmt::format("coder '{}' is scored on that coder's numbers alone, so pool '{}' has "
                    "nothing to pool",
                    coder, PoolRuleName(pool)),
        "leave out the coder or the pool rule"));
  }
  if (kind == RunKind::kReport && (tornado_bars < 1 || tornado_bars > 100)) {
    errors.push_back(
        FieldError("tornado_bars", "tornado_bars must be from 1 to 100", "give e.g. 8"));
  }
  if (!errors.empty()) throw InputError(std::move(errors));
}

namespace {

// The scenario as `coder` alone coded it; a FieldError when the scenario has no such coder.
Scenario OneCoder(const Scenario& scenario, const std::string& coder) {
  const std::vector<std::string> coders = Coders(scenario);
  if (coders.empty()) {
    throw InputError({FieldError(
        "coder", fmt::format("coder '{}': the scenario has no coders", coder),
        "name a coder only for a scenario whose stances name coders (a `coder` column or key)")});
  }
  if (std::find(coders.begin(), coders.end(), coder) == coders.end()) {
    throw InputError(
        {FieldError("coder", fmt::format("coder '{}' is not one of the scenario's coders", coder),
                    fmt::format("use one of: {}", fmt::join(coders, ", ")))});
  }
  return CoderScenario(scenario, coder);
}

}  // namespace

Scenario EditedScenario(const Scenario& scenario, const RunParameters& p) {
  if (!p.coder.empty()) return WithEdits(OneCoder(scenario, p.coder), p.edits);
  if (scenario.codings.empty() || p.pool == PoolRule::kMean) return WithEdits(scenario, p.edits);
  Scenario pooled = scenario;
  if (p.pool == PoolRule::kPerformance) {
    const CoderWeights weights = PerformanceWeights(ClassicalModel(scenario.seeds));
    PoolCodings(pooled, p.pool, &weights);
  } else {
    PoolCodings(pooled, p.pool);
  }
  return WithEdits(pooled, p.edits);
}

SimulationOptions ToSimulation(const RunParameters& p) {
  SimulationOptions o;
  o.model = p.model.name;
  o.model_options = p.model.options;
  o.draws = p.draws;
  o.seed = p.seed;
  o.threads = p.threads;
  o.noise_percent = p.noise_percent;
  o.thresholds = p.thresholds;
  o.sensitivity = p.sensitivity;
  o.pool = p.pool;
  return o;
}

AdviceRequest ToAdvice(const RunParameters& p) {
  AdviceRequest r;
  r.actor = p.actor;
  r.issue = p.issue;
  r.target = p.target;
  r.model = p.model.name;
  r.model_options = p.model.options;
  r.tolerance = p.tolerance_percent / 100;
  return r;
}

CompareRequest ToCompare(const RunParameters& p) {
  CompareRequest r;
  r.moves = p.moves;
  r.model = p.model.name;
  r.model_options = p.model.options;
  if (p.draws > 0) r.simulation = ToSimulation(p);
  return r;
}

BacktestOptions ToBacktest(const RunParameters& p) {
  BacktestOptions o;
  o.models = p.models;
  o.model_options = p.model_options_by_model;
  o.draws = p.draws;
  o.seed = p.seed;
  o.threads = p.threads;
  o.noise_percent = p.noise_percent;
  o.bootstrap = p.bootstrap;
  o.by = p.by;
  o.pool = p.pool;
  return o;
}

}  // namespace entente
