// Shards of a Monte Carlo run: which draws a shard owns, and the checks that a set of partial
// results is one complete run before their tallies are added up (SimulationFromTallies).
#include "entente/analysis/simulation_shard.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/analysis/shard_set.hpp"
#include "entente/core/error.hpp"

namespace entente {
namespace {

[[noreturn]] void RefuseShard(std::string_view text) {
  throw InputError(Errors{FieldError(
      "shard", fmt::format("shard '{}' is not K/N with 1 <= K <= N <= {}", text, kMaxShards),
      "write e.g. 3/8 for the third of eight shards")});
}

std::int64_t ParseCount(std::string_view text, std::string_view whole) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) RefuseShard(whole);
  return v;
}

// "seed 7" for messages: the field of the run that differs between two parts.
std::string RunDifference(const SimulationPart& a, const SimulationPart& b) {
  const SimulationOptions& x = a.options;
  const SimulationOptions& y = b.options;
  if (a.version != b.version)
    return fmt::format("entente version {} (not {})", b.version, a.version);
  if (a.scenario_hash != b.scenario_hash) return "scenario (its hash differs)";
  if (x.model != y.model) return fmt::format("model {} (not {})", y.model, x.model);
  if (x.model_options.values() != y.model_options.values()) return "model options";
  if (x.draws != y.draws) return fmt::format("draws {} (not {})", y.draws, x.draws);
  if (x.seed != y.seed) return fmt::format("seed {} (not {})", y.seed, x.seed);
  if (x.noise_percent != y.noise_percent)
    return fmt::format("noise {}% (not {}%)", y.noise_percent, x.noise_percent);
  const auto same_thresholds =
      std::equal(x.thresholds.begin(), x.thresholds.end(), y.thresholds.begin(), y.thresholds.end(),
                 [](const Threshold& p, const Threshold& q) {
                   return p.issue == q.issue && p.value == q.value;
                 });
  if (!same_thresholds) return "thresholds";
  if (x.sensitivity != y.sensitivity || x.sensitivity_bins != y.sensitivity_bins)
    return "sensitivity";
  if (x.model_error_z != y.model_error_z || x.error_floor != y.error_floor)
    return "calibration (model error)";
  if (a.block != b.block) return fmt::format("block {} (not {})", b.block, a.block);
  if (a.shard.count != b.shard.count)
    return fmt::format("shard count {} (not {})", b.shard.count, a.shard.count);
  return {};
}

}  // namespace

ShardSpec ParseShard(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) RefuseShard(text);
  const ShardSpec s{ParseCount(text.substr(0, slash), text),
                    ParseCount(text.substr(slash + 1), text)};
  if (s.count < 1 || s.count > kMaxShards || s.index < 1 || s.index > s.count) RefuseShard(text);
  return s;
}

std::int64_t ShardDraws(std::int64_t draws, ShardSpec shard) {
  const std::int64_t blocks = (draws + kDrawBlock - 1) / kDrawBlock;
  std::int64_t total = 0;
  const std::int64_t first = shard.index - 1;
  if (blocks <= first) return 0;
  const std::int64_t mine = (blocks - first + shard.count - 1) / shard.count;
  total = mine * kDrawBlock;
  // Only the last block can be short; take off what it lacks when it is this shard's.
  if ((blocks - 1) % shard.count == first) total -= blocks * kDrawBlock - draws;
  return total;
}

SimulationResult MergeSimulationParts(const std::vector<SimulationPart>& parts) {
  if (parts.empty()) throw InputError("merge needs at least one partial result");
  const SimulationPart& head = parts.front();
  const auto refuse = [](const SimulationPart& p, std::string message, std::string hint) {
    RefusePart(p.source, std::move(message), std::move(hint));
  };
  ShardSet shards;
  std::map<std::int64_t, const SimulationPart*> by_index;
  for (const SimulationPart& p : parts) {
    if (const std::string diff = RunDifference(head, p); !diff.empty()) {
      refuse(p, fmt::format("this part is of another run than {}: {}", head.source, diff),
             "merge only the parts of one run (same scenario, model, options, seed, draws and "
             "shard count)");
    }
    if (p.block != kDrawBlock) {
      refuse(p,
             fmt::format("computed with blocks of {} draws; this entente uses {}", p.block,
                         kDrawBlock),
             "merge with the entente version that computed it");
    }
    shards.Add(p.source, p.shard, p.tally.draws, ShardDraws(p.options.draws, p.shard), "draws");
    by_index.emplace(p.shard.index, &p);
  }
  shards.CheckComplete();
  std::vector<SimulationTally> tallies;
  std::vector<std::string> labels;
  for (const auto& [index, part] : by_index) {
    tallies.push_back(part->tally);
    labels.push_back(part->source);
  }
  SimulationOptions o = head.options;
  o.threads = 0;
  o.keep_outcomes = false;
  o.cancel = nullptr;
  o.progress = nullptr;
  return SimulationFromTallies(head.scenario, o, tallies, labels);
}

}  // namespace entente
