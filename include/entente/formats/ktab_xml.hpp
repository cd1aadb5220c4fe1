#pragma once
/// \file
/// KTAB's XML scenario format (smpExample.xml): name, description, PRNG seed, model
/// parameters, dimensions, actors (capability, one dCoord and one dSal per dimension, 0-100)
/// and an optional ideal-adjustment (affinity) matrix.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"
#include "entente/models/options.hpp"

namespace entente {

/// A KTAB XML scenario: the Entente scenario plus what only ktab-smp uses.
struct KtabXmlScenario {
  Scenario scenario;             ///< actors, one issue per dimension on 0-100; its
                                 ///< model_options["ktab-smp"] holds `options`
  ModelOptions options;          ///< ktab-smp options from <ModelParameters>, <IdealAdjustment>
  std::vector<double> affinity;  ///< actors x actors from <IdealAdjustment>; empty if absent
  std::uint64_t seed = 0;        ///< <prngSeed> (KTAB's own generator; kept for reference)
};

/// Parses a KTAB XML scenario; every problem located by line and element.
///
/// Example:
/// ```
/// Result<KtabXmlScenario> r = ParseKtabXml(text, "smpExample.xml");
/// ```
[[nodiscard]] Result<KtabXmlScenario> ParseKtabXml(std::string_view text, const std::string& file);

}  // namespace entente
