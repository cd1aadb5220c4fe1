#pragma once
/// \file
/// Several analysts' codings of one stance, and how they are pooled into the one stance models
/// see. A scenario without coders has no codings and is read, run and written as before.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/error.hpp"
#include "entente/core/stance.hpp"

namespace entente {

struct Scenario;
struct Issue;

/// One coder's stance of one actor on one issue (a row of stances.csv with a `coder`).
struct Coding {
  std::string coder;  ///< who coded it, e.g. "analyst-2"
  std::string issue;  ///< Issue::id
  Stance stance;      ///< the coder's numbers, basis and note (stance.actor is the actor)

  /// Equality ignores the stance's origin.
  friend bool operator==(const Coding&, const Coding&) = default;
};

/// One coder's answer to a seed question: their 5%, 50% and 95% values of a quantity whose
/// true value (the realization) is known, e.g. the outcome of a resolved issue. Seed answers
/// give Cooke's performance weights (analysis/cooke.hpp); models never see them.
struct SeedAnswer {
  std::string coder;       ///< who answered
  std::string question;    ///< the seed question's id
  double q05 = 0;          ///< 5% quantile
  double q50 = 0;          ///< median
  double q95 = 0;          ///< 95% quantile
  double realization = 0;  ///< the true value (the same on every answer to the question)
  Location origin;         ///< where the reader found it

  /// Equality ignores `origin`.
  friend bool operator==(const SeedAnswer& a, const SeedAnswer& b) {
    return a.coder == b.coder && a.question == b.question && a.q05 == b.q05 && a.q50 == b.q50 &&
           a.q95 == b.q95 && a.realization == b.realization;
  }
};

/// Checks seed answers: coder and question named, numbers finite, q05 < q50 < q95, one answer
/// per coder and question, every coder answering every question, one realization per
/// question. Every problem, located at the answer.
[[nodiscard]] Errors ValidateSeeds(const std::vector<SeedAnswer>& seeds);

/// How the codings of a stance become one stance (`--pool`).
enum class PoolRule {
  kMean,          ///< the mean of the coders' numbers (the default)
  kMedian,        ///< the median (mean of the two middle values for an even count)
  kTrimmed,       ///< the interquartile mean: kTrimShare cut from each end, fractionally
  kMixture,       ///< point forecasts: the mean; Monte Carlo: each draw picks a coder per stance
  kMixtureCoder,  ///< point forecasts: the mean; Monte Carlo: one coder per draw
  kPerformance,   ///< Cooke's performance weights from seed questions (weighted mean)
};

/// Share of the weight cut from each end by kTrimmed (0.25: the interquartile mean; with 3
/// coders the extremes count a quarter each, with 4 the two middle values remain).
inline constexpr double kTrimShare = 0.25;

/// "mean", "median", "trimmed", "mixture", "mixture-coder", "performance".
[[nodiscard]] std::string_view PoolRuleName(PoolRule rule);
/// Parses a PoolRule name; nullopt for anything else.
[[nodiscard]] std::optional<PoolRule> ParsePoolRule(std::string_view text);
/// The names ParsePoolRule accepts, comma separated (for messages).
[[nodiscard]] std::string PoolRuleNames();

/// Pools `values` (one per coder) by `rule`; `weights` (same length, >= 0, not all 0) are used by
/// kPerformance only (empty: equal weights). Mixtures pool by the mean. `values` not empty.
[[nodiscard]] double PoolValues(const std::vector<double>& values, PoolRule rule,
                                const std::vector<double>& weights = {});

/// True when the scenario holds any coding.
[[nodiscard]] bool HasCodings(const Scenario& scenario);
/// The coders in the order they first appear.
[[nodiscard]] std::vector<std::string> Coders(const Scenario& scenario);
/// The codings of `actor` on `issue`, in input order (empty: the stance is not coded).
[[nodiscard]] std::vector<const Coding*> CodingsOf(const Scenario& scenario, std::string_view issue,
                                                   std::string_view actor);

/// Called by readers for a row or entry that names a coder: appends the coding to `codings`
/// and, when it is the first coding of its actor on `issue`, a stance at this place of the
/// issue's list (its numbers are set by PoolCodings once every coding is read).
void AddCoding(std::vector<Coding>& codings, Issue& issue, std::string coder, Stance stance);

/// Per-coder weights for kPerformance, by coder name (missing coders weigh 0).
struct CoderWeights {
  std::vector<std::string> coders;  ///< coder names
  std::vector<double> weights;      ///< >= 0, same length
};

/// Sets every coded stance of `scenario` to the pool of its codings by `rule` (kPerformance
/// uses `weights`, falling back to equal weights for a stance none of whose coders weighs > 0).
/// Basis, note and spreads are kept when every coder gave the same, else judgement, no note and
/// no spread. Stances without codings are left as they are. The codings are put in the order
/// of their stances (issue, then stance, then input order): the order writers use.
void PoolCodings(Scenario& scenario, PoolRule rule, const CoderWeights* weights = nullptr);

/// `scenario` with every coded stance set to `coder`'s own coding; stances the coder skipped
/// keep their pooled value (the others' numbers). Codings are dropped from the result.
[[nodiscard]] Scenario CoderScenario(const Scenario& scenario, std::string_view coder);

}  // namespace entente
