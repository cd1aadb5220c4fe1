#include "entente/analysis/shard_set.hpp"

#include <fmt/format.h>

#include <utility>
#include <vector>

#include "entente/core/error.hpp"

namespace entente {

void RefusePart(const std::string& source, std::string message, std::string hint) {
  throw InputError(Errors{Error{Location{source, 0, ""}, std::move(message), std::move(hint)}});
}

ShardSet::ShardSet(std::string noun) : noun_(std::move(noun)) {}

void ShardSet::Add(const std::string& source, ShardSpec shard, std::int64_t held,
                   std::int64_t expected, std::string_view unit) {
  if (sources_.empty()) {
    first_source_ = source;
    count_ = shard.count;
  }
  const auto [it, fresh] = sources_.emplace(shard.index, source);
  if (!fresh) {
    RefusePart(source,
               fmt::format("shard {}/{} is also in {}", shard.index, shard.count, it->second),
               "give each shard once");
  }
  if (held != expected) {
    RefusePart(source,
               fmt::format("shard {}/{} holds {} {}, not its {}", shard.index, shard.count, held,
                           unit, expected),
               "compute this shard again (was it interrupted?)");
  }
}

void ShardSet::CheckComplete() const {
  std::vector<std::int64_t> missing;
  for (std::int64_t k = 1; k <= count_ && missing.size() < 10; ++k) {
    if (sources_.count(k) == 0) missing.push_back(k);
  }
  if (missing.empty()) return;
  std::string list;
  for (const std::int64_t k : missing) list += (list.empty() ? "" : ", ") + std::to_string(k);
  throw InputError(Errors{
      FieldError("shards",
                 fmt::format("shard{} {} {} missing: the {} of {} has {} shards",
                             missing.size() > 1 ? "s" : "", list, missing.size() > 1 ? "are" : "is",
                             noun_, first_source_, count_),
                 "compute the missing shards and give every part")});
}

}  // namespace entente
