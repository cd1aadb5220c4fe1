// Monte Carlo propagation of input uncertainty.
//   For draw d = 0..N-1: X^(d) ~ the stances' spreads (PCG stream d of the seed), clipped to
//   their valid ranges; Y_k^(d) = outcome of issue k under the model and decision rules.
//   With a calibration's residuals z (model error), Y_k^(d) <- clip(Y_k^(d) + sigma_k z_J, scale),
//   J uniform on the list from the same stream after the inputs: the predictive distribution of
//   a forecast whose inputs are uncertain (analysis/predictive.cpp for sigma_k).
//   Reported per issue: mean, sd, quantiles (type 7), histogram, P(Y = q), P(Y >= t), binding
//   veto shares. Every accumulator is an integer sum, so the result is the same whatever the
//   thread count or the order in which draws finish.
#include "entente/analysis/monte_carlo.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <mutex>

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "entente/analysis/coder_mixture.hpp"
#include "entente/analysis/noise.hpp"
#include "entente/analysis/predictive.hpp"
#include "entente/analysis/simulation_shard.hpp"
#include "entente/core/assert.hpp"
#include "entente/core/error.hpp"
#include "entente/core/validation.hpp"
#include "entente/models/decision_rule.hpp"
#include "entente/models/model_choice.hpp"

namespace entente {
namespace {

// Most draws per task: small enough for Ctrl-C to act fast. A short run takes fewer (RunShard),
// so that every thread gets several tasks.
constexpr std::int64_t kChunk = 256;
// Tasks per thread a short run is cut into at least, so that a costly model's last tasks leave
// the other threads idle only briefly (eu on DEU I: 0.8 s of CPU per block of 16 draws).
constexpr std::int64_t kTasksPerThread = 16;

// Everything one thread accumulates, plus its scratch space.
struct Accumulator {
  std::vector<OutcomeSketch> sketches;
  std::vector<std::int64_t> sq_holds;
  std::vector<std::vector<std::int64_t>> ge, le;  // [issue][threshold]
  std::vector<std::vector<std::int64_t>> binds;   // [issue][veto player]
  std::vector<std::int64_t> fallbacks;            // [issue]
  std::optional<FirstOrderAccumulator> first_order;
  Scenario work;
  std::vector<double> values, outcomes, x, w, c, veto;
  std::vector<int> classes;
  std::vector<int> binding;
  std::vector<std::uint8_t> fell_back;
  std::vector<double> flat;     // the draw, three numbers per stance (Sampler::Flatten)
  std::vector<double> centres;  // a coder mixture's centres of the inputs (one per input)
  RuleScratch rule;             // decision rules other than plain unanimity, reused per draw
};

struct Plan {
  const Scenario* scenario;
  const ModelInfo* model;
  const SimulationOptions* options;
  const Sampler* sampler;
  const CoderMixture* mixture;    // null unless the run mixes coders
  ModelOptions model_options;     // resolved (ResolveOptions): the caller's over the scenario's
  ModelOptions draw_options;      // the same without trajectories: draws need outcomes only
  std::vector<double> reference;  // point outcome per issue
  std::vector<std::vector<std::size_t>> veto_stance;  // [issue][veto] -> stance index
  std::vector<RuleLayout> layouts;  // [issue]: rules other than plain unanimity, resolved once
  std::vector<std::vector<const Threshold*>> thresholds;  // [issue]
  std::vector<double> error_sigma;                        // [issue], with model error only
  double* outcomes = nullptr;  // keep_outcomes: draws x issues; draw d writes row d only
};

Accumulator MakeAccumulator(const Plan& plan) {
  const Scenario& s = *plan.scenario;
  Accumulator a;
  a.work = s;
  a.flat = plan.sampler->Flatten();
  if (plan.mixture != nullptr) a.centres = plan.mixture->BaseCentres();
  const std::size_t n = s.issues.size();
  a.sq_holds.assign(n, 0);
  a.fallbacks.assign(n, 0);
  a.ge.resize(n);
  a.le.resize(n);
  a.binds.resize(n);
  a.binding.assign(n, -1);
  for (std::size_t k = 0; k < n; ++k) {
    if (plan.options->summaries) {
      a.sketches.emplace_back(s.issues[k].scale.min, s.issues[k].scale.max, plan.reference[k],
                              s.issues[k].status_quo);
    }
    a.ge[k].assign(plan.thresholds[k].size(), 0);
    a.le[k].assign(plan.thresholds[k].size(), 0);
    a.binds[k].assign(plan.veto_stance[k].size(), 0);
  }
  if (plan.options->sensitivity) {
    std::vector<double> ranges;
    for (const Issue& i : s.issues) ranges.push_back(i.scale.Range());
    a.first_order.emplace(plan.sampler->inputs().size(), plan.reference, ranges,
                          plan.options->sensitivity_bins);
  }
  return a;
}

// Index of `actor` among the issue's listed veto players, -1 when it is not one of them.
int VetoIndex(const Issue& issue, const std::string& actor) {
  const auto& vetoes = issue.rule.veto_players;
  for (std::size_t v = 0; v < vetoes.size(); ++v) {
    if (vetoes[v] == actor) return static_cast<int>(v);
  }
  return -1;
}

// Outcomes of one draw, written into a.outcomes and a.binding (veto index or -1).
void Evaluate(const Plan& plan, Accumulator& a) {
  const Scenario& work = a.work;
  // The static models' registered aggregate is their default; with options (median's tie
  // rule) the draw goes through the model itself.
  if (plan.model->aggregate != nullptr && plan.options->model_options.values().empty()) {
    // Static model: aggregate and apply the veto rule on the flat draw, no allocation.
    const auto& begin = plan.sampler->stance_begin();
    for (std::size_t k = 0; k < work.issues.size(); ++k) {
      const Issue& issue = work.issues[k];
      const std::size_t n = begin[k + 1] - begin[k];
      a.x.resize(n);
      a.w.resize(n);
      a.c.resize(n);
      const double* flat = a.flat.data() + 3 * begin[k];
      for (std::size_t g = 0; g < n; ++g) {
        a.x[g] = flat[3 * g];
        a.w[g] = flat[3 * g + 1] * flat[3 * g + 2];
        a.c[g] = flat[3 * g + 2];
      }
      double y = plan.model->aggregate(a.x, a.w);
      a.binding[k] = -1;
      const RuleLayout& layout = plan.layouts[k];
      if (layout.kind == DecisionKind::kNone && issue.rule.kind == DecisionKind::kUnanimity) {
        // Plain unanimity of listed veto players: the closed form, same result as ApplyRule.
        a.veto.clear();
        for (std::size_t idx : plan.veto_stance[k]) a.veto.push_back(a.x[idx]);
        const VetoResult r = ApplyUnanimity(y, *issue.status_quo, a.veto);
        y = r.outcome;
        if (r.binding) a.binding[k] = static_cast<int>(*r.binding);
      } else if (layout.kind != DecisionKind::kNone) {
        ApplyRuleInto(layout, y, *issue.status_quo, a.x, a.c, a.rule);
        const RuleApplication& r = a.rule.result;
        y = r.outcome;
        if (r.binding_veto) a.binding[k] = VetoIndex(issue, layout.veto_players[*r.binding_veto]);
      }
      a.outcomes[k] = y;
    }
    return;
  }
  plan.sampler->WriteBack(a.flat, a.work);
  const Forecast f = RunForecastTrusted(work, *plan.model, plan.draw_options);
  for (std::size_t k = 0; k < f.issues.size(); ++k) {
    a.outcomes[k] = f.issues[k].outcome;
    a.binding[k] = -1;
    if (f.issues[k].binding_veto)
      a.binding[k] = VetoIndex(work.issues[k], *f.issues[k].binding_veto);
  }
}

void RunDraw(const Plan& plan, Accumulator& a, std::int64_t d) {
  DrawStream rng(plan.options->seed, static_cast<std::uint64_t>(d));  // = DrawRng(seed, d)
  if (plan.mixture != nullptr) {
    plan.mixture->Apply(plan.options->seed, d, a.flat, a.centres);
    plan.sampler->Draw(rng, a.flat, a.values, a.fell_back, a.centres.data());
  } else {
    plan.sampler->Draw(rng, a.flat, a.values, a.fell_back);
  }
  a.outcomes.resize(a.work.issues.size());
  Evaluate(plan, a);
  if (const auto& z = plan.options->model_error_z; !z.empty()) {
    for (std::size_t k = 0; k < a.outcomes.size(); ++k) {
      const Scale& sc = plan.scenario->issues[k].scale;
      const auto j = std::min(z.size() - 1, static_cast<std::size_t>(Uniform01(rng) * z.size()));
      a.outcomes[k] = std::clamp(a.outcomes[k] + plan.error_sigma[k] * z[j], sc.min, sc.max);
    }
  }
  if (plan.outcomes != nullptr) {
    std::copy(a.outcomes.begin(), a.outcomes.end(),
              plan.outcomes + static_cast<std::size_t>(d) * a.outcomes.size());
  }
  const auto& inputs = plan.sampler->inputs();
  for (std::size_t k = 0; k < a.outcomes.size(); ++k) {
    const Issue& issue = plan.scenario->issues[k];
    const double y = a.outcomes[k];
    ENTENTE_ASSERT(std::isfinite(y), "a model gave a non-finite outcome for a valid scenario");
    if (!a.sketches.empty()) a.sketches[k].Add(y);
    if (issue.status_quo && std::abs(y - *issue.status_quo) <= 1e-9 * issue.scale.Range()) {
      ++a.sq_holds[k];
    }
    for (std::size_t t = 0; t < plan.thresholds[k].size(); ++t) {
      const double v = plan.thresholds[k][t]->value;
      a.ge[k][t] += y >= v;
      a.le[k][t] += y <= v;
    }
    if (a.binding[k] >= 0) ++a.binds[k][a.binding[k]];
  }
  for (std::size_t k = 0; k < a.fell_back.size(); ++k) a.fallbacks[k] += a.fell_back[k];
  if (a.first_order) {
    const int bins = plan.options->sensitivity_bins;
    a.classes.resize(inputs.size());
    for (std::size_t j = 0; j < inputs.size(); ++j) {
      const double u = SpreadCdf(inputs[j].spread, inputs[j].value, a.values[j]);
      a.classes[j] = std::clamp(static_cast<int>(u * bins), 0, bins - 1);
    }
    a.first_order->Add(a.classes, a.outcomes);
  }
}

}  // namespace
}  // namespace entente

namespace entente {
namespace {

Plan MakePlan(const Scenario& s, const ModelInfo& model, const SimulationOptions& o,
              const Sampler& sampler) {
  const ModelOptions resolved = ResolveOptions(s, ModelChoice{o.model, o.model_options});
  Plan plan{&s, &model, &o, &sampler, nullptr, resolved, resolved, {}, {}, {}, {}};
  plan.draw_options.set_trail(false);
  const Forecast point = RunForecastTrusted(s, model, plan.model_options);
  for (const IssueForecast& f : point.issues) plan.reference.push_back(f.outcome);
  for (const Issue& issue : s.issues) plan.error_sigma.push_back(ErrorScale(issue, o.error_floor));
  plan.veto_stance.resize(s.issues.size());
  plan.thresholds.resize(s.issues.size());
  plan.layouts.resize(s.issues.size());
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    const Issue& issue = s.issues[k];
    const DecisionRule& rule = issue.rule;
    const bool plain_unanimity = rule.kind == DecisionKind::kUnanimity && rule.IsSimple();
    if (rule.kind != DecisionKind::kNone && !plain_unanimity)
      plan.layouts[k] = LayoutRule(s.actors, issue);
    for (const std::string& v : issue.rule.veto_players) {
      for (std::size_t st = 0; st < issue.stances.size(); ++st) {
        if (issue.stances[st].actor == v) plan.veto_stance[k].push_back(st);
      }
    }
  }
  Errors errors;
  for (const Threshold& t : o.thresholds) {
    bool found = false;
    for (std::size_t k = 0; k < s.issues.size(); ++k) {
      if (s.issues[k].id != t.issue) continue;
      found = true;
      if (!std::isfinite(t.value) || !s.issues[k].scale.Contains(t.value)) {
        errors.push_back(Error{
            Location{"", 0, "thresholds"},
            fmt::format("threshold {} is outside the scale of '{}'", t.value, t.issue),
            fmt::format("give a value in [{}, {}]", s.issues[k].scale.min, s.issues[k].scale.max)});
      }
      plan.thresholds[k].push_back(&t);
    }
    if (!found) {
      errors.push_back(Error{Location{"", 0, "thresholds"},
                             fmt::format("unknown issue '{}'", t.issue),
                             "name an issue id of the scenario, e.g. sanctions_relief"});
    }
  }
  if (!errors.empty()) throw InputError(std::move(errors));
  return plan;
}

IssueDistribution Summarise(const Plan& plan, const Accumulator& a, std::size_t k) {
  const Issue& issue = plan.scenario->issues[k];
  IssueDistribution d;
  d.issue_id = issue.id;
  d.point = plan.reference[k];
  d.fallback_draws = a.fallbacks[k];
  if (a.sketches.empty()) return d;  // SimulationOptions::summaries off
  const OutcomeSketch& sk = a.sketches[k];
  d.mean = sk.Mean();
  d.sd = sk.Sd();
  d.min = sk.Min();
  d.max = sk.Max();
  d.p05 = sk.Quantile(0.05);
  d.p25 = sk.Quantile(0.25);
  d.p50 = sk.Quantile(0.50);
  d.p75 = sk.Quantile(0.75);
  d.p95 = sk.Quantile(0.95);
  d.histogram = sk.Histogram(20, issue.status_quo, a.sq_holds[k]);
  const double n = std::max<double>(1, static_cast<double>(sk.count()));
  if (issue.status_quo) d.p_status_quo = static_cast<double>(a.sq_holds[k]) / n;
  for (std::size_t t = 0; t < plan.thresholds[k].size(); ++t) {
    d.thresholds.push_back(ThresholdResult{plan.thresholds[k][t]->value,
                                           static_cast<double>(a.ge[k][t]) / n,
                                           static_cast<double>(a.le[k][t]) / n});
  }
  for (std::size_t v = 0; v < plan.veto_stance[k].size(); ++v) {
    d.vetoes.push_back(
        VetoShare{issue.rule.veto_players[v], static_cast<double>(a.binds[k][v]) / n});
  }
  return d;
}

void Merge(Accumulator& into, const Accumulator& from) {
  for (std::size_t k = 0; k < into.sq_holds.size(); ++k) {
    if (!into.sketches.empty()) into.sketches[k].Merge(from.sketches[k]);
    into.sq_holds[k] += from.sq_holds[k];
    into.fallbacks[k] += from.fallbacks[k];
    for (std::size_t t = 0; t < into.ge[k].size(); ++t) {
      into.ge[k][t] += from.ge[k][t];
      into.le[k][t] += from.le[k][t];
    }
    for (std::size_t v = 0; v < into.binds[k].size(); ++v) into.binds[k][v] += from.binds[k][v];
  }
  if (into.first_order) into.first_order->Merge(*from.first_order);
}

std::vector<IssueSensitivity> Sensitivities(const Plan& plan, const Accumulator& total) {
  const Scenario& s = *plan.scenario;
  const auto& inputs = plan.sampler->inputs();
  const std::vector<Swing> swings = OneAtATime(s, *plan.sampler, *plan.model, plan.model_options);
  std::vector<IssueSensitivity> out;
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    IssueSensitivity is;
    is.issue_id = s.issues[k].id;
    for (std::size_t j = 0; j < inputs.size(); ++j) {
      const UncertainInput& in = inputs[j];
      InputEffect e;
      e.input = j;
      e.actor = s.issues[in.issue].stances[in.stance].actor;
      e.input_issue = s.issues[in.issue].id;
      e.field = in.field;
      e.low = std::clamp(SpreadQuantile(in.spread, in.value, 0.05), in.lo, in.hi);
      e.high = std::clamp(SpreadQuantile(in.spread, in.value, 0.95), in.lo, in.hi);
      e.outcome_low = swings[j].low[k];
      e.outcome_high = swings[j].high[k];
      e.first_order = total.first_order ? total.first_order->Index(j, k) : 0;
      // Leave out inputs with no swing and no first-order share beyond sampling noise (0.5%).
      if (e.outcome_low == e.outcome_high && e.first_order < 0.005) continue;
      is.effects.push_back(std::move(e));
    }
    std::stable_sort(is.effects.begin(), is.effects.end(),
                     [](const InputEffect& a, const InputEffect& b) {
                       return std::abs(a.outcome_high - a.outcome_low) >
                              std::abs(b.outcome_high - b.outcome_low);
                     });
    out.push_back(std::move(is));
  }
  return out;
}

}  // namespace

void RequireThreadCount(std::int64_t threads) {
  if (threads < 0 || threads > kMaxThreads) {
    throw InputError(
        fmt::format("threads {} is out of range; give 0 (all cores) or a count from 1 to {}",
                    threads, kMaxThreads));
  }
}

void CheckDraws(std::int64_t draws) {
  const auto refuse = [](std::string message, std::string hint) {
    throw InputError(Errors{Error{Location{"", 0, "draws"}, std::move(message), std::move(hint)}});
  };
  if (draws < 1) refuse(fmt::format("draws {} must be at least 1", draws), "give e.g. 10000");
  if (draws > kMaxDraws) {  // the sketches count in 32 bits
    refuse(fmt::format("draws {} is more than 4,000,000,000", draws), "run fewer draws");
  }
}

namespace {

// Checks the run and builds its plan, then calls f(plan, sampler).
template <typename F>
auto WithPlan(const Scenario& scenario, const SimulationOptions& o, F&& f) {
  const ModelInfo& model = RequireModel(o.model);
  RequireValid(scenario);
  RequireThreadCount(o.threads);
  CheckDraws(o.draws);
  (void)CheckNoisePercent(o.noise_percent);
  if (o.sensitivity_bins < 2) throw InputError("sensitivity needs at least 2 classes per input");
  const Sampler sampler(scenario, Noise{o.noise_percent / 100});
  Plan plan = MakePlan(scenario, model, o, sampler);
  std::optional<CoderMixture> mixture;
  if ((o.pool == PoolRule::kMixture || o.pool == PoolRule::kMixtureCoder) &&
      !scenario.codings.empty()) {
    mixture.emplace(scenario, sampler, o.pool == PoolRule::kMixtureCoder);
    if (!mixture->empty()) plan.mixture = &*mixture;
  }
  if (o.sensitivity) {
    const std::size_t cells = sampler.inputs().size() * scenario.issues.size() * o.sensitivity_bins;
    if (cells > (std::size_t{1} << 22)) {
      throw InputError(fmt::format(
          "sensitivity over {} inputs x {} issues needs too much memory; leave sensitivity out "
          "or give spreads only to the inputs in question",
          sampler.inputs().size(), scenario.issues.size()));
    }
  }
  return f(plan, sampler);
}

// Runs the draws of `shard` (blocks shard.index - 1, + count, ...) on all threads; returns
// their merged tallies and the number of draws done.
std::pair<Accumulator, std::int64_t> RunShard(const Plan& plan, ShardSpec shard) {
  const SimulationOptions& o = *plan.options;
  const std::int64_t blocks = (o.draws + kDrawBlock - 1) / kDrawBlock;
  const std::int64_t first = shard.index - 1;
  const std::int64_t mine = blocks > first ? (blocks - first + shard.count - 1) / shard.count : 0;
  const std::int64_t total_draws = ShardDraws(o.draws, shard);
  tbb::enumerable_thread_specific<Accumulator> locals([&plan] { return MakeAccumulator(plan); });
  std::atomic<std::int64_t> done{0};
  std::mutex progress_mutex;
  auto last_report = std::chrono::steady_clock::now();
  const auto body = [&](const tbb::blocked_range<std::int64_t>& range) {
    if (o.cancel != nullptr && o.cancel->load(std::memory_order_relaxed)) return;
    Accumulator& a = locals.local();
    std::int64_t drawn = 0;
    for (std::int64_t j = range.begin(); j < range.end(); ++j) {
      const std::int64_t begin = (first + j * shard.count) * kDrawBlock;
      const std::int64_t end = std::min(begin + kDrawBlock, o.draws);
      for (std::int64_t d = begin; d < end; ++d) RunDraw(plan, a, d);
      drawn += end - begin;
    }
    const std::int64_t now_done = done.fetch_add(drawn) + drawn;
    if (o.progress && progress_mutex.try_lock()) {
      const auto now = std::chrono::steady_clock::now();
      if (now - last_report >= std::chrono::milliseconds(100)) {
        last_report = now;
        o.progress(now_done, total_draws);
      }
      progress_mutex.unlock();
    }
  };
  tbb::task_arena arena(o.threads > 0 ? o.threads : tbb::task_arena::automatic);
  // Blocks per task: kChunk's worth unless that leaves fewer than kTasksPerThread per thread
  // (with 256 draws a task, 100 draws ran on one thread). Which thread runs a block never
  // changes a result.
  arena.initialize();
  const std::int64_t grain = std::clamp<std::int64_t>(
      mine / (kTasksPerThread * std::max(1, arena.max_concurrency())), 1, kChunk / kDrawBlock);
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::int64_t>(0, mine, grain), body,
                      tbb::simple_partitioner());
  });
  Accumulator total = MakeAccumulator(plan);
  for (const Accumulator& a : locals) Merge(total, a);
  return {std::move(total), done.load()};
}

SimulationResult Finish(const Plan& plan, const Sampler& sampler, const Accumulator& total,
                        std::int64_t done) {
  const Scenario& scenario = *plan.scenario;
  const SimulationOptions& o = *plan.options;
  SimulationResult r;
  r.model = std::string(plan.model->name);
  r.draws_requested = o.draws;
  r.draws_done = done;
  r.interrupted = r.draws_done < o.draws;
  r.seed = o.seed;
  r.noise_percent = o.noise_percent;
  r.uncertain_inputs = sampler.inputs().size();
  if (r.uncertain_inputs == 0 && plan.mixture == nullptr) {
    r.warnings.push_back(
        "no input is uncertain (noise 0% and no stance states a spread): every draw is the point "
        "forecast; give noise (e.g. 10%) or spreads to the stances in doubt");
  }
  for (std::size_t k = 0; k < scenario.issues.size(); ++k)
    r.issues.push_back(Summarise(plan, total, k));
  if (o.sensitivity) r.sensitivity = Sensitivities(plan, total);
  if (o.progress) o.progress(r.draws_done, o.draws);
  return r;
}

SimulationTally Export(const Accumulator& a, std::int64_t done) {
  ENTENTE_ASSERT(a.sketches.size() == a.sq_holds.size(),
                 "a simulation part needs its summaries (SimulationOptions::summaries)");
  SimulationTally t;
  t.draws = done;
  for (std::size_t k = 0; k < a.sketches.size(); ++k) {
    t.issues.push_back(IssueTally{a.sketches[k].Export(), a.sq_holds[k], a.fallbacks[k], a.ge[k],
                                  a.le[k], a.binds[k]});
  }
  if (a.first_order) t.first_order = a.first_order->Export();
  return t;
}

// Loads `t` into a fresh accumulator `a`; InputError naming `label` when it does not fit.
void Import(const SimulationTally& t, Accumulator& a, const std::string& label) {
  const auto refuse = [&label](const std::string& what) {
    throw InputError(
        Errors{Error{Location{label, 0, "tally"}, fmt::format("the partial result holds {}", what),
                     "compute this shard again; the file is damaged"}});
  };
  if (t.issues.size() != a.sketches.size()) refuse("a different number of issues");
  for (std::size_t k = 0; k < t.issues.size(); ++k) {
    const IssueTally& it = t.issues[k];
    if (it.ge.size() != a.ge[k].size() || it.le.size() != a.le[k].size() ||
        it.binds.size() != a.binds[k].size()) {
      refuse(fmt::format("other thresholds or veto players on issue {}", k + 1));
    }
    if (const std::string why = a.sketches[k].CheckState(it.sketch); !why.empty())
      refuse(fmt::format("{} on issue {}", why, k + 1));
    if (it.sketch.count != t.draws)
      refuse(fmt::format("a count on issue {} that is not the draws'", k + 1));
    a.sketches[k].Import(it.sketch);
    a.sq_holds[k] = it.status_quo_holds;
    a.fallbacks[k] = it.fallbacks;
    a.ge[k] = it.ge;
    a.le[k] = it.le;
    a.binds[k] = it.binds;
  }
  if (a.first_order) {
    if (const std::string why = a.first_order->CheckState(t.first_order); !why.empty()) refuse(why);
    a.first_order->Import(t.first_order);
  } else if (!t.first_order.empty()) {
    refuse("sensitivity sums the run did not ask for");
  }
}

}  // namespace

SimulationResult Simulate(const Scenario& scenario, const SimulationOptions& o) {
  return WithPlan(scenario, o, [&](Plan& plan, const Sampler& sampler) {
    std::vector<double> outcomes;
    if (o.keep_outcomes) {
      outcomes.assign(static_cast<std::size_t>(o.draws) * scenario.issues.size(),
                      std::numeric_limits<double>::quiet_NaN());
      plan.outcomes = outcomes.data();
    }
    const auto [total, done] = RunShard(plan, ShardSpec{});
    SimulationResult r = Finish(plan, sampler, total, done);
    r.outcomes = std::move(outcomes);
    return r;
  });
}

SimulationTally SimulateShard(const Scenario& scenario, const SimulationOptions& o,
                              ShardSpec shard) {
  return WithPlan(scenario, o, [&](Plan& plan, const Sampler&) {
    const auto [total, done] = RunShard(plan, shard);
    return Export(total, done);
  });
}

ShardOutcomes SimulateShardOutcomes(const Scenario& scenario, const SimulationOptions& o,
                                    ShardSpec shard) {
  return WithPlan(scenario, o, [&](Plan& plan, const Sampler&) {
    ShardOutcomes r;
    r.outcomes.assign(static_cast<std::size_t>(o.draws) * scenario.issues.size(),
                      std::numeric_limits<double>::quiet_NaN());
    plan.outcomes = r.outcomes.data();
    r.draws_done = RunShard(plan, shard).second;
    r.points = plan.reference;
    return r;
  });
}

SimulationResult SimulationFromTallies(const Scenario& scenario, const SimulationOptions& o,
                                       const std::vector<SimulationTally>& tallies,
                                       const std::vector<std::string>& labels) {
  ENTENTE_ASSERT(tallies.size() == labels.size(), "one label per tally");
  return WithPlan(scenario, o, [&](Plan& plan, const Sampler& sampler) {
    Accumulator total = MakeAccumulator(plan);
    std::int64_t done = 0;
    for (std::size_t i = 0; i < tallies.size(); ++i) {
      Accumulator a = MakeAccumulator(plan);
      Import(tallies[i], a, labels[i]);
      Merge(total, a);
      done += tallies[i].draws;
    }
    return Finish(plan, sampler, total, done);
  });
}

}  // namespace entente
