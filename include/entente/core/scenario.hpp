#pragma once
/// \file
/// A scenario: actors x issues with metadata. Pure data; readers live in formats/, checks in
/// validation.hpp.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/actor.hpp"
#include "entente/core/alliance.hpp"
#include "entente/core/coding.hpp"
#include "entente/core/issue.hpp"
#include "entente/core/issue_group.hpp"

namespace entente {

/// Provenance of a scenario, shown in reports and stored with every run.
struct Metadata {
  std::string title;                 ///< e.g. "U.S.-ROK alliance management, February 2021"
  std::string as_of;                 ///< date the stances describe (ISO 8601 recommended)
  std::string description;           ///< free text
  std::vector<std::string> sources;  ///< citations the coding rests on
  friend bool operator==(const Metadata&, const Metadata&) = default;
};

/// The whole system under analysis.
struct Scenario {
  Metadata meta;                    ///< title, date, sources
  std::vector<Actor> actors;        ///< every actor, in input order
  std::vector<Issue> issues;        ///< every issue, in input order
  std::vector<Alliance> alliances;  ///< coalitions whose cohesion is tracked (optional)
  std::vector<Move> moves;          ///< named moves to compare against the baseline (optional)
  std::vector<IssueGroup> groups;   ///< issues negotiated together (optional)
  /// Options the scenario's source gives a model, by model name then key, e.g. a KTAB XML
  /// file's <ModelParameters> for "ktab-smp". They apply under the caller's own options
  /// (ResolveOptions in models/model_choice.hpp), so every front end runs what the file says.
  std::map<std::string, std::map<std::string, std::string>> model_options;
  /// Several coders' stances (core/coding.hpp), in input order; empty for a scenario coded once.
  /// Each coded stance in `issues` holds the pool of its codings, so models read `issues` only.
  std::vector<Coding> codings;
  /// The coders' answers to seed questions (core/coding.hpp), for `--pool performance`.
  std::vector<SeedAnswer> seeds;

  /// The actor with `id`, or nullptr.
  [[nodiscard]] const Actor* FindActor(std::string_view id) const;
  /// The issue with `id`, or nullptr.
  [[nodiscard]] const Issue* FindIssue(std::string_view id) const;
  /// Mutable variant of FindIssue.
  [[nodiscard]] Issue* FindIssue(std::string_view id);
  /// The move with `id`, or nullptr.
  [[nodiscard]] const Move* FindMove(std::string_view id) const;
  /// The group holding issue `issue_id`, or nullptr when it is in none.
  [[nodiscard]] const IssueGroup* GroupOf(std::string_view issue_id) const;

  friend bool operator==(const Scenario&, const Scenario&) = default;
};

}  // namespace entente
