// Sweeps: independent units (point x model), each a forecast or a Monte Carlo run of the
// edited scenario. A unit's rows depend only on the scenario, the plan and the unit's index,
// so any split of the units gives the same rows.
#include "entente/analysis/sweep.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "entente/analysis/shard_set.hpp"
#include "entente/core/error.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

std::vector<SweepRow> RunUnit(const Scenario& base, const SweepPlan& plan, std::int64_t unit,
                              const std::atomic<bool>* cancel) {
  const auto models = static_cast<std::int64_t>(plan.models.size());
  const std::int64_t point = unit / models;
  const SweepPoint& p = plan.points[static_cast<std::size_t>(point)];
  const std::string& model = plan.models[static_cast<std::size_t>(unit % models)];
  std::vector<SweepRow> rows;
  try {
    RunParameters params = p.params;
    params.model.name = model;
    const Scenario s = EditedScenario(base, params);
    const Forecast f = RunForecast(s, params.model);
    for (const IssueForecast& i : f.issues)
      rows.push_back(SweepRow{unit, point, p.label, model, i.issue_id, i.outcome, {}, {}, {}, {}});
    if (plan.draws > 0) {
      SimulationOptions o = ToSimulation(params);
      o.draws = plan.draws;
      o.threads = 1;  // the units already fill the cores
      o.sensitivity = false;
      o.cancel = cancel;
      const SimulationResult r = Simulate(s, o);
      for (std::size_t k = 0; k < rows.size(); ++k) {
        const IssueDistribution& d = r.issues[k];
        rows[k].mean = d.mean;
        rows[k].p05 = d.p05;
        rows[k].p50 = d.p50;
        rows[k].p95 = d.p95;
      }
    }
  } catch (const InputError& e) {
    Errors errors = e.errors();
    if (errors.empty()) errors.push_back(Error{Location{}, e.what(), ""});
    for (Error& err : errors) {
      err.message = fmt::format("sweep point '{}' (model {}): {}", p.label, model, err.message);
    }
    throw InputError(std::move(errors));
  }
  return rows;
}

}  // namespace

std::int64_t SweepUnits(const SweepPlan& plan) {
  return static_cast<std::int64_t>(plan.points.size() * plan.models.size());
}

std::vector<SweepRow> RunSweep(const Scenario& scenario, const SweepPlan& plan, ShardSpec shard,
                               int threads, const std::atomic<bool>* cancel) {
  RequireThreadCount(threads);
  if (plan.models.empty() || plan.points.empty()) {
    throw InputError(Errors{FieldError("sweep", "the sweep has no points or no models",
                                       "give at least one model and one point")});
  }
  if (plan.draws != 0) CheckDraws(plan.draws);
  for (const std::string& m : plan.models) (void)RequireModel(m);
  const std::int64_t units = SweepUnits(plan);
  std::vector<std::int64_t> mine;
  for (std::int64_t u = shard.index - 1; u < units; u += shard.count) mine.push_back(u);
  std::vector<std::vector<SweepRow>> rows(mine.size());
  // The first error in unit order wins, whatever thread met it first.
  std::vector<std::optional<InputError>> errors(mine.size());
  tbb::task_arena arena(threads > 0 ? threads : tbb::task_arena::automatic);
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, mine.size(), [&](std::size_t i) {
      if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) return;
      try {
        rows[i] = RunUnit(scenario, plan, mine[i], cancel);
      } catch (const InputError& e) {
        errors[i].emplace(e);
      }
    });
  });
  for (const auto& e : errors) {
    if (e) throw *e;
  }
  std::vector<SweepRow> out;
  for (auto& r : rows) out.insert(out.end(), r.begin(), r.end());
  return out;
}

std::vector<SweepRow> MergeSweepParts(const std::vector<SweepPart>& parts) {
  if (parts.empty()) throw InputError("merge needs at least one partial result");
  const SweepPart& head = parts.front();
  const auto refuse = [](const SweepPart& p, std::string message, std::string hint) {
    RefusePart(p.source, std::move(message), std::move(hint));
  };
  ShardSet shards("sweep");
  std::map<std::int64_t, const SweepPart*> by_index;
  for (const SweepPart& p : parts) {
    std::string diff;
    if (p.version != head.version) {
      diff = fmt::format("entente version {} (not {})", p.version, head.version);
    } else if (p.spec_sha256 != head.spec_sha256 || p.units != head.units ||
               p.draws != head.draws) {
      diff = "sweep file or scenario (their hash differs)";
    } else if (p.shard.count != head.shard.count) {
      diff = fmt::format("shard count {} (not {})", p.shard.count, head.shard.count);
    }
    if (!diff.empty()) {
      refuse(p, fmt::format("this part is of another sweep than {}: {}", head.source, diff),
             "merge only the parts of one sweep (same sweep file, scenario and shard count)");
    }
    for (std::size_t i = 0; i < p.rows.size(); ++i) {
      const std::int64_t u = p.rows[i].unit;
      if (u < 0 || u >= p.units || u % p.shard.count != p.shard.index - 1 ||
          (i > 0 && u < p.rows[i - 1].unit)) {
        refuse(p,
               fmt::format("holds a row of unit {}, not one of shard {}/{} in order", u,
                           p.shard.index, p.shard.count),
               "compute this shard again; the file is damaged");
      }
    }
    std::int64_t distinct = 0;
    for (std::size_t i = 0; i < p.rows.size(); ++i)
      distinct += (i == 0 || p.rows[i].unit != p.rows[i - 1].unit) ? 1 : 0;
    const std::int64_t first = p.shard.index - 1;
    const std::int64_t expected =
        p.units > first ? (p.units - first + p.shard.count - 1) / p.shard.count : 0;
    shards.Add(p.source, p.shard, distinct, expected, "units");
    by_index.emplace(p.shard.index, &p);
  }
  shards.CheckComplete();
  std::vector<SweepRow> out;
  for (const auto& [index, part] : by_index)
    out.insert(out.end(), part->rows.begin(), part->rows.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const SweepRow& a, const SweepRow& b) { return a.unit < b.unit; });
  return out;
}

}  // namespace entente
