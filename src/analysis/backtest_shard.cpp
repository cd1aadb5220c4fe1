// Shards of a backtest's Monte Carlo: each shard's draws as counts of exact outcomes, and the
// checks that a set of partial results is one complete run before their counts are put back
// into the sorted columns RunBacktest scores.
#include "entente/analysis/backtest_shard.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/analysis/shard_set.hpp"
#include "entente/core/error.hpp"

namespace entente {
namespace {

// The run's options with what never changes a result (threads, cancel, progress) left out.
std::string RunDifference(const BacktestPart& a, const BacktestPart& b) {
  const BacktestOptions& x = a.options;
  const BacktestOptions& y = b.options;
  if (a.version != b.version)
    return fmt::format("entente version {} (not {})", b.version, a.version);
  if (a.scenario_hash != b.scenario_hash) return "scenario (its hash differs)";
  if (a.outcomes != b.outcomes) return "outcomes";
  if (x.models != y.models)
    return fmt::format("models {} (not {})", fmt::join(y.models, ","), fmt::join(x.models, ","));
  const auto same_options =
      std::equal(x.model_options.begin(), x.model_options.end(), y.model_options.begin(),
                 y.model_options.end(), [](const auto& p, const auto& q) {
                   return p.first == q.first && p.second.values() == q.second.values();
                 });
  if (!same_options) return "model options";
  if (x.draws != y.draws) return fmt::format("draws {} (not {})", y.draws, x.draws);
  if (x.seed != y.seed) return fmt::format("seed {} (not {})", y.seed, x.seed);
  if (x.noise_percent != y.noise_percent)
    return fmt::format("noise {}% (not {}%)", y.noise_percent, x.noise_percent);
  if (x.bootstrap != y.bootstrap)
    return fmt::format("bootstrap {} (not {})", y.bootstrap, x.bootstrap);
  if (x.by != y.by) return fmt::format("--by '{}' (not '{}')", y.by, x.by);
  if (x.pool != y.pool)
    return fmt::format("pool {} (not {})", PoolRuleName(y.pool), PoolRuleName(x.pool));
  if (a.block != b.block) return fmt::format("block {} (not {})", b.block, a.block);
  if (a.shard.count != b.shard.count)
    return fmt::format("shard count {} (not {})", b.shard.count, a.shard.count);
  return {};
}

[[noreturn]] void Refuse(const BacktestPart& p, std::string message, std::string hint) {
  RefusePart(p.source, std::move(message), std::move(hint));
}

// Refuses a tally that does not fit the run: another model list, point forecasts of another
// length, counts out of order or more draws than the shard has.
void CheckTally(const BacktestPart& p, std::size_t issues, std::size_t scored) {
  const auto damaged = [&p](const std::string& what) {
    Refuse(p, fmt::format("the partial result holds {}", what),
           "compute this shard again; the file is damaged");
  };
  if (p.tally.models.size() != p.options.models.size()) damaged("another number of models");
  for (std::size_t m = 0; m < p.tally.models.size(); ++m) {
    const BacktestModelTally& t = p.tally.models[m];
    if (t.model != p.options.models[m])
      damaged(fmt::format("model {} in place of {}", t.model, p.options.models[m]));
    if (t.point.size() != issues || t.issues.size() != scored)
      damaged(fmt::format("another number of issues for {}", t.model));
    for (const DrawCounts& c : t.issues) {
      std::int64_t total = 0;
      bool ordered = c.values.size() == c.counts.size();
      for (std::size_t i = 0; ordered && i < c.values.size(); ++i) {
        ordered = !std::isnan(c.values[i]) && c.counts[i] >= 1 &&
                  (i == 0 || DrawBefore(c.values[i - 1], c.values[i]));
        total += c.counts[i];
      }
      if (!ordered || total > p.tally.draws)
        damaged(fmt::format("counts of {}'s draws out of order or beyond its draws", t.model));
    }
  }
}

}  // namespace

BacktestTally BacktestShard(const Scenario& scenario, const std::vector<Outcome>& outcomes,
                            const BacktestOptions& o, ShardSpec shard) {
  CheckBacktest(scenario, outcomes, o);
  if (o.draws == 0) {
    throw InputError(
        "--shard cuts a backtest's Monte Carlo draws into units; give --draws N (without draws "
        "a backtest is one quick run)");
  }
  const std::vector<std::size_t> scored = ScoredIssues(scenario, outcomes);
  const std::size_t n_issues = scenario.issues.size();
  BacktestTally tally;
  tally.draws = ShardDraws(o.draws, shard);
  const int total = static_cast<int>(o.models.size());
  for (const std::string& name : o.models) {
    const auto opt = o.model_options.find(name);
    SimulationOptions so;
    so.model = name;
    so.model_options = opt == o.model_options.end() ? ModelOptions{} : opt->second;
    so.draws = o.draws;
    so.seed = o.seed;
    so.threads = o.threads;
    so.noise_percent = o.noise_percent;
    so.pool = o.pool;
    so.summaries = false;  // a part keeps the draws themselves
    so.cancel = o.cancel;
    const ShardOutcomes sim = SimulateShardOutcomes(scenario, so, shard);
    if (sim.draws_done < tally.draws) {
      tally.draws = sim.draws_done;
      return tally;
    }
    BacktestModelTally& t = tally.models.emplace_back();
    t.model = name;
    t.point = sim.points;
    std::vector<double> column;
    for (std::size_t k : scored) {
      column.clear();
      for (std::int64_t d = 0; d < o.draws; ++d) {
        const double v = sim.outcomes[static_cast<std::size_t>(d) * n_issues + k];
        if (!std::isnan(v)) column.push_back(v);
      }
      std::sort(column.begin(), column.end(), DrawBefore);
      DrawCounts& c = t.issues.emplace_back();
      for (std::size_t i = 0; i < column.size(); ++i) {
        if (i > 0 && !DrawBefore(column[i - 1], column[i])) {
          ++c.counts.back();
        } else {
          c.values.push_back(column[i]);
          c.counts.push_back(1);
        }
      }
    }
    if (o.progress) o.progress(static_cast<int>(tally.models.size()), total);
  }
  return tally;
}

BacktestResult MergeBacktestParts(const std::vector<BacktestPart>& parts) {
  if (parts.empty()) throw InputError("merge needs at least one partial result");
  const BacktestPart& head = parts.front();
  const std::size_t scored = ScoredIssues(head.scenario, head.outcomes).size();
  ShardSet shards;
  for (const BacktestPart& p : parts) {
    if (const std::string diff = RunDifference(head, p); !diff.empty()) {
      Refuse(p, fmt::format("this part is of another run than {}: {}", head.source, diff),
             "merge only the parts of one backtest (same scenario, outcomes, models, options, "
             "seed, draws and shard count)");
    }
    if (p.block != kDrawBlock) {
      Refuse(p,
             fmt::format("computed with blocks of {} draws; this entente uses {}", p.block,
                         kDrawBlock),
             "merge with the entente version that computed it");
    }
    shards.Add(p.source, p.shard, p.tally.draws, ShardDraws(p.options.draws, p.shard), "draws");
    CheckTally(p, head.scenario.issues.size(), scored);
    for (std::size_t m = 0; m < p.tally.models.size(); ++m) {
      if (p.tally.models[m].point != head.tally.models[m].point) {
        Refuse(p,
               fmt::format("{}'s point forecasts differ from those in {}", p.tally.models[m].model,
                           head.source),
               "merge only the parts one entente build computed for one run");
      }
    }
  }
  shards.CheckComplete();
  BacktestOptions o = head.options;
  o.threads = 0;
  o.cancel = nullptr;
  o.progress = nullptr;
  std::size_t next = 0;
  // The models come in options order, one call each: the counts of model `next` of every part,
  // put back into the columns one machine sorts.
  return RunBacktest(head.scenario, head.outcomes, o, [&](const std::string&, const ModelOptions&) {
    const std::size_t m = next++;
    ModelDraws draws;
    draws.point = head.tally.models[m].point;
    std::vector<std::pair<double, std::int64_t>> runs;
    for (std::size_t i = 0; i < scored; ++i) {
      runs.clear();
      for (const BacktestPart& p : parts) {
        const DrawCounts& c = p.tally.models[m].issues[i];
        for (std::size_t v = 0; v < c.values.size(); ++v)
          runs.emplace_back(c.values[v], c.counts[v]);
      }
      std::sort(runs.begin(), runs.end(),
                [](const auto& a, const auto& b) { return DrawBefore(a.first, b.first); });
      std::vector<double>& column = draws.columns.emplace_back();
      for (const auto& [value, count] : runs)
        column.insert(column.end(), static_cast<std::size_t>(count), value);
    }
    return draws;
  });
}

}  // namespace entente
