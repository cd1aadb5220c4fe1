#pragma once
/// \file
/// Cooke's classical model of structured expert judgement: each coder's calibration and
/// information on seed questions, the performance weights with the optimal cut-off, and equal
/// weights beside them (`--pool performance`, `entente coders`).

#include <string>
#include <vector>

#include "entente/core/coding.hpp"
#include "entente/core/error.hpp"

namespace entente {

/// Chi-square distribution function with 3 degrees of freedom:
/// F(x) = erf(sqrt(x/2)) - sqrt(2x/pi) exp(-x/2).
[[nodiscard]] double ChiSquare3Cdf(double x);

/// One coder's scores.
struct CoderScore {
  std::string coder;          ///< who
  std::size_t questions = 0;  ///< seed questions answered
  double calibration = 0;     ///< p-value of the likelihood-ratio test, in [0, 1]
  double information = 0;     ///< mean relative information against the uniform background
  double combined = 0;        ///< calibration x information (the unnormalized weight at alpha 0)
  double weight = 0;          ///< normalized performance weight at the optimal cut-off
  double equal_weight = 0;    ///< 1 / number of coders
};

/// A combined decision maker's scores (scored like a coder on its own 5/50/95% values).
struct DecisionMakerScore {
  double calibration = 0;  ///< as for a coder
  double information = 0;  ///< as for a coder
  double combined = 0;     ///< calibration x information
};

/// The classical model's result.
struct CookeResult {
  std::vector<CoderScore> coders;  ///< in order of first appearance in the seeds
  std::size_t questions = 0;       ///< seed questions
  double alpha = 0;                ///< the optimal cut-off (a coder's calibration score)
  DecisionMakerScore performance;  ///< the performance-weighted decision maker at alpha
  DecisionMakerScore equal;        ///< the equal-weight decision maker
  double overshoot = 0.1;          ///< k of the intrinsic range
};

/// Cooke's classical model on valid `seeds` (ValidateSeeds, core/coding.hpp); `overshoot` k widens
/// each question's intrinsic range by k x its width on both sides. InputError for invalid seeds.
[[nodiscard]] CookeResult ClassicalModel(const std::vector<SeedAnswer>& seeds,
                                         double overshoot = 0.1);

/// The performance weights of ClassicalModel as pooling weights.
[[nodiscard]] CoderWeights PerformanceWeights(const CookeResult& result);

}  // namespace entente
