#pragma once
/// \file
/// Reading and writing scenarios in any supported format, chosen from the path.

#include <string>
#include <string_view>

#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// The scenario formats Entente reads and writes.
enum class ScenarioFormat {
  kYaml,       ///< native: `*.yaml` / `*.yml`
  kCsvBundle,  ///< a folder with actors.csv, issues.csv, stances.csv
  kDecide,     ///< the Decide exchange model's '#A/#P/#M/#D' file (read only), by content
  kKtabCsv,    ///< KTAB's one-file CSV scenario (`*.csv`), read only
  kKtabXml,    ///< KTAB's XML scenario (`*.xml`), read only
};

/// The format a path denotes: an existing folder, or a path without a YAML extension, is a
/// CSV bundle; `.yaml`/`.yml` is YAML; an existing file whose content starts with a Decide
/// record tag (`#A`, `'#A'`, `#O`...) is Decide input; any other lone `.csv` or `.xml` file is
/// a KTAB scenario. A located error for anything else.
[[nodiscard]] Result<ScenarioFormat> DetectFormat(const std::string& path);

/// Reads and parses a scenario (structure only; call Validate for ranges and references).
[[nodiscard]] Result<Scenario> ReadScenario(const std::string& path);

/// Reads, parses and validates: every problem from both steps, located.
[[nodiscard]] Result<Scenario> LoadScenario(const std::string& path);

/// Writes `scenario` to `path` atomically in the format the path denotes. An existing CSV
/// bundle folder is replaced only with `overwrite`.
[[nodiscard]] Result<Unit> WriteScenario(const Scenario& scenario, const std::string& path,
                                         bool overwrite);

}  // namespace entente
