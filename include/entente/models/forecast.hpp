#pragma once
/// \file
/// What every model returns: per issue, the unconstrained forecast, the outcome after the
/// decision rule, the binding veto player, and (for dynamic models) the rounds.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "entente/models/bargain_event.hpp"
#include "entente/models/exchange/exchange_record.hpp"

namespace entente {

/// One bargaining round of a dynamic model (round 0 = the inputs).
struct Round {
  int round = 0;                  ///< 0-based round number
  double median = 0;              ///< weighted median of the positions after the round
  double mean = 0;                ///< weighted mean (compromise) of the positions after the round
  std::vector<double> positions;  ///< one per stance of the issue, in stance order
};

/// What an issue's decision rule made of the model's point (every rule but `none`).
struct ProcedureResult {
  std::string rule;                   ///< the rule in words (DescribeRule)
  double lo = 0;                      ///< feasible interval: lowest point that passes (on scale)
  double hi = 0;                      ///< highest point that passes (on scale)
  bool binds = false;                 ///< the rule moved the model's point
  bool model_kept = false;            ///< empty win-set, `on_empty: model`: the point stands
  std::string chamber;                ///< chamber whose bound applies (bicameral), else empty
  std::string binding_test;           ///< RuleTestName on the model's side; empty if none
  std::vector<std::string> pivots;    ///< pivotal members on the model's side of the status quo
  std::vector<std::string> blocking;  ///< members who block a move beyond the bound there
  int blocking_not_modelled = 0;      ///< seats not modelled among the blockers
  double blocking_share = 0;          ///< the blockers' share of the chamber's weight
  std::string weight_unit;            ///< what the weight is: votes, capability or members
  std::string explanation;            ///< what happened, in words
};

/// How much an issue's outcome moves under tiny input perturbations (analysis/stability).
struct Stability {
  double lo = 0;            ///< smallest outcome over the perturbed inputs (and the unperturbed)
  double hi = 0;            ///< largest
  int perturbations = 0;    ///< perturbed runs
  double step = 0;          ///< each position moved by up to this many scale units
  bool knife_edge = false;  ///< hi - lo exceeds the threshold (the outcome is not one number)
};

/// Every model's outcome on an issue, and whether they disagree widely (analysis/disagreement).
struct Disagreement {
  std::vector<std::pair<std::string, double>> outcomes;  ///< model -> outcome, registry order
  double lo = 0;                                         ///< smallest outcome
  double hi = 0;                                         ///< largest
  bool wide = false;  ///< hi - lo exceeds the threshold (25% of the scale by default)
};

/// The forecast for one issue.
struct IssueForecast {
  std::string issue_id;                      ///< Issue::id
  double unconstrained = 0;                  ///< the model's own forecast, before the decision rule
  double outcome = 0;                        ///< after the decision rule
  std::optional<double> status_quo;          ///< copied from the issue, for reporting
  std::optional<std::string> binding_veto;   ///< actor id of the veto player that binds, if any
  bool win_set_empty = false;                ///< under the rule no point beats the status quo
  std::optional<ProcedureResult> procedure;  ///< the rule's win-set and explanation, if any
  std::string proposer;  ///< procedural model: the agenda setter whose proposal `unconstrained` is
  std::vector<double> final_positions;  ///< per stance after the model ran (inputs if static)
  std::vector<Round> rounds;            ///< trajectory; empty for static models
  std::vector<BargainEvent> events;     ///< accepted moves, by round (dynamic models only)
  /// Predictive quantiles at levels 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95 of the model's own
  /// error, from a calibration file (analysis/apply_calibration); empty without one.
  std::vector<double> quantiles;
  std::optional<Stability> stability;        ///< filled on request (analysis/stability)
  std::optional<Disagreement> disagreement;  ///< filled on request (analysis/disagreement)
};

/// A whole forecast: one model over every issue of a scenario.
struct Forecast {
  std::string model;                      ///< ModelInfo::name
  std::vector<IssueForecast> issues;      ///< in scenario order
  std::vector<std::string> warnings;      ///< "finished with caveats", e.g. round limit reached
  std::vector<ExchangeRecord> exchanges;  ///< joint models only: realized exchanges, in order
  std::vector<ActorBalance> balances;     ///< joint models with a trail: per actor, in order
};

}  // namespace entente
