#pragma once
/// \file
/// What a decision rule did to a model's point, in numbers and words: the feasible interval,
/// the test that binds, the pivotal members and the blocking coalition.

#include <span>

#include "entente/core/issue.hpp"
#include "entente/models/decision_rule.hpp"
#include "entente/models/forecast.hpp"

namespace entente {

/// The ProcedureResult for model point `u` after ApplyRule gave `a`. Pivots and blockers are
/// those of the side of the status quo the model's point lies on; lo and hi are clipped to the
/// scale. The explanation names the rule, the bound, the pivot, the binding test and the
/// blocking coalition with its share, e.g. "a blocking minority of DE, FR, PL holds 36% of the
/// votes and prefers the status quo". With a `proposer` (the procedural model's agenda setter)
/// the side is the one the setter's ideal point lies on and the words tell what it proposes.
[[nodiscard]] ProcedureResult ExplainRule(const RuleLayout& layout, const Issue& issue,
                                          const RuleApplication& a, double u,
                                          std::span<const double> positions,
                                          std::span<const double> capabilities,
                                          const std::string& proposer = {});

}  // namespace entente
