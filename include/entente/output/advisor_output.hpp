#pragma once
/// \file
/// Cohesion, advice and strategy comparisons as tables and JSON.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "entente/analysis/advisor.hpp"
#include "entente/analysis/cohesion.hpp"
#include "entente/analysis/compare.hpp"

namespace entente {

/// Per alliance, issues from most to least strained: gap before/after, each ally's loss.
[[nodiscard]] std::string CohesionTable(const Scenario& scenario, const std::string& model,
                                        const std::vector<AllianceCohesion>& cohesion);
/// The same as JSON.
[[nodiscard]] nlohmann::ordered_json CohesionJson(const std::string& model,
                                                  const std::vector<AllianceCohesion>& cohesion);

/// Per issue: the advice in sentences, then the moves that suffice, smallest first.
[[nodiscard]] std::string AdviceTable(const std::string& actor, const std::string& model,
                                      const std::vector<IssueAdvice>& advice);
/// The same as JSON.
[[nodiscard]] nlohmann::ordered_json AdviceJson(const std::string& actor, const std::string& model,
                                                const std::vector<IssueAdvice>& advice);

/// Outcome of every issue under each variant with its change from the baseline, then each
/// alliance's total strain per variant.
[[nodiscard]] std::string ComparisonTable(const Scenario& scenario,
                                          const std::vector<Variant>& variants);
/// The same as JSON.
[[nodiscard]] nlohmann::ordered_json ComparisonJson(const Scenario& scenario,
                                                    const std::vector<Variant>& variants);

}  // namespace entente
