#pragma once
/// \file
/// Where several coders disagree and whether it matters: per coded stance the coders' numbers
/// and their spread, per issue the outcome with each coder alone, and the stances whose
/// disagreement moves an outcome most (the ones to ask about again).

#include <optional>
#include <string>
#include <vector>

#include "entente/analysis/cooke.hpp"
#include "entente/core/scenario.hpp"
#include "entente/models/model_choice.hpp"

namespace entente {

/// One coder's numbers of one stance.
struct CoderNumbers {
  std::string coder;      ///< who
  double position = 0;    ///< on the issue's scale
  double salience = 0;    ///< in [0, 1]
  double capability = 0;  ///< >= 0
};

/// One coded stance.
struct CodedStance {
  std::string issue;                  ///< Issue::id
  std::string actor;                  ///< Actor::id
  std::vector<CoderNumbers> codings;  ///< in input order
  double position = 0;                ///< the pooled stance (the run's pool rule)
  double salience = 0;                ///< pooled
  double capability = 0;              ///< pooled
  double position_range = 0;          ///< max - min of the coders' positions
  double salience_range = 0;          ///< max - min of their saliences
  double capability_range = 0;        ///< max - min of their capabilities
  /// max - min of the issue's outcome when this stance alone takes each coder's numbers (every
  /// other stance pooled): how much asking about this stance again could change the forecast.
  double swing = 0;
  double swing_share = 0;  ///< swing / the issue's scale range
  /// The same for the model's own forecast before the decision rule: a decision rule that
  /// keeps the status quo hides disagreement the model itself feels.
  double model_swing = 0;
};

/// One issue's outcome with each coder alone.
struct CoderOutcome {
  std::string coder;   ///< who
  double outcome = 0;  ///< the forecast on CoderScenario(scenario, coder), after the rule
  double model = 0;    ///< the model's own forecast there, before the decision rule
};

/// One issue.
struct IssueCoders {
  std::string issue;                   ///< Issue::id
  double pooled = 0;                   ///< the forecast on the pooled scenario
  double model_pooled = 0;             ///< the model's own forecast there (before the rule)
  std::vector<CoderOutcome> by_coder;  ///< one per coder, in Coders() order
  double range = 0;                    ///< max - min over by_coder
  double range_share = 0;              ///< range / the issue's scale range
  double model_range = 0;              ///< max - min of the model's own forecasts over coders
  /// Indices into CodersAnalysis::stances whose swing or model swing is > 0, by swing, then
  /// model swing, largest first.
  std::vector<std::size_t> ask_again;
  std::size_t coded = 0;  ///< coded stances on the issue
};

/// The whole analysis.
struct CodersAnalysis {
  std::string model;                 ///< the model run
  std::string pool;                  ///< the pool rule's name
  std::vector<std::string> coders;   ///< in order of appearance
  std::vector<CodedStance> stances;  ///< every coded stance, in scenario order
  std::vector<IssueCoders> issues;   ///< every issue, in scenario order
  std::optional<CookeResult> cooke;  ///< the coders' scores when the scenario has seed questions
};

/// Runs `model` on the pooled `scenario` (validated; pooled by the rule named `pool`), on each
/// coder's own scenario and once per coded stance and coder. InputError when `scenario` has no
/// codings.
[[nodiscard]] CodersAnalysis AnalyseCoders(const Scenario& scenario, const ModelChoice& model,
                                           const std::string& pool);

}  // namespace entente
