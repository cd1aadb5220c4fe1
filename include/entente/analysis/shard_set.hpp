#pragma once
/// \file
/// The checks every merge of partial results makes, whatever the sharded run (simulate, sweep,
/// backtest, calibrate): each shard given once, each holding all of its work units, none
/// missing. A refusal names the part's file, as a reader's error would.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "entente/analysis/simulation_shard.hpp"

namespace entente {

/// Refuses a partial result: throws InputError located at its file `source`.
[[noreturn]] void RefusePart(const std::string& source, std::string message, std::string hint);

/// The shards a merge was given, checked part by part and then as a whole.
class ShardSet {
 public:
  /// `noun` names the run in the missing-shard message ("run", "sweep").
  explicit ShardSet(std::string noun = "run");

  /// Takes the part read from `source`: refuses a shard given twice, and a part that holds
  /// `held` work units (`unit`: "draws", "units") where its shard has `expected` (an
  /// interrupted or damaged shard).
  void Add(const std::string& source, ShardSpec shard, std::int64_t held, std::int64_t expected,
           std::string_view unit);

  /// Refuses the set when a shard of the first part's count is missing (the first ten named).
  void CheckComplete() const;

 private:
  std::string noun_;
  std::string first_source_;
  std::int64_t count_ = 0;
  std::map<std::int64_t, std::string> sources_;  // shard index -> the part's file
};

}  // namespace entente
