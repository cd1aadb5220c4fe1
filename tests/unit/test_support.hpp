#pragma once
/// \file
/// Helpers for unit tests: locating shipped and shared reference data, building scenarios.

#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "entente/core/scenario.hpp"
#include "entente/models/options.hpp"

namespace entente::test {

/// `../shared` beside the checkout (validation data, flagship inputs).
inline std::string SharedDir() {
  return ENTENTE_SHARED_DIR;
}
/// The repository root.
inline std::string SourceDir() {
  return ENTENTE_SOURCE_DIR;
}

/// Path of `relative` inside ../shared; the calling test is skipped (with a message saying
/// what is missing) when the file or folder is absent.
#define ENTENTE_SHARED_OR_SKIP(var, relative)                                                     \
  const std::string var = ::entente::test::SharedDir() + "/" + (relative);                        \
  if (!std::filesystem::exists(var)) {                                                            \
    GTEST_SKIP() << "reference data " << var << " is absent (../shared not beside the checkout)"; \
  }

/// A one-issue scenario on [0, 100] with actors a0..an-1 at `positions` with weights
/// capability = `capabilities`, salience = `saliences`.
inline Scenario OneIssue(const std::vector<double>& positions, const std::vector<double>& saliences,
                         const std::vector<double>& capabilities) {
  Scenario s;
  Issue issue;
  issue.id = "issue";
  issue.name = "Issue";
  issue.scale = Scale{0, 100, "index", {}};
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const std::string id = "a" + std::to_string(i);
    s.actors.push_back(Actor{id, id, "", {}});
    issue.stances.push_back(
        Stance{id, positions[i], saliences[i], capabilities[i], Basis::kUnstated, "", {}});
  }
  s.issues.push_back(issue);
  return s;
}

/// True when `a` and `b` have the same bits (so -0 differs from 0, and a NaN equals itself):
/// for code that promises results bit for bit.
inline bool SameBits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

/// Model options from key/value pairs, as the CLI's repeated --option KEY=VALUE gives them.
inline ModelOptions Options(std::initializer_list<std::pair<std::string, std::string>> kv) {
  ModelOptions o;
  for (const auto& [k, v] : kv) o.Set(k, v);
  return o;
}

}  // namespace entente::test
