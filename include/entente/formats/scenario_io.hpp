#pragma once
/// \file
/// Reading and writing scenarios in any supported format, chosen from the path.

#include <string>
#include <string_view>

#include "entente/core/outcome.hpp"
#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"
#include "entente/formats/deu_reader.hpp"

namespace entente {

/// The scenario formats Entente reads and writes.
enum class ScenarioFormat {
  kYaml,         ///< native: `*.yaml` / `*.yml`
  kCsvBundle,    ///< a folder with actors.csv, issues.csv, stances.csv
  kDecide,       ///< the Decide exchange model's '#A/#P/#M/#D' file (read only), by content
  kKtabCsv,      ///< KTAB's one-file CSV scenario (`*.csv`), read only
  kKtabXml,      ///< KTAB's XML scenario (`*.xml`), read only
  kDeu,          ///< a DEU table (EU legislative proposals), by content, read only
  kOneTableCsv,  ///< one table `Actor,Capability,Position,Salience[,...]`, by content, read only
  kXlsx,         ///< a workbook (`*.xlsx`) with the CSV bundle's tables as sheets
};

/// Options of the file readers that need some (only the DEU reader today).
struct ReaderOptions {
  DeuOptions deu;  ///< DEU conventions (docs/deu.md)
};

/// Sets a reader option from `KEY=VALUE` text (`--reader-option`); InputError-ready errors
/// naming the key.
[[nodiscard]] Result<Unit> SetReaderOption(ReaderOptions& options, std::string_view key_value);

/// The format a path denotes: an existing folder, or a path without a YAML extension, is a
/// CSV bundle; `.yaml`/`.yml` is YAML; `.xlsx` is a workbook; an existing file whose content starts
/// with a Decide record tag (`#A`, `'#A'`, `#O`...) is Decide input; any other lone `.csv` or
/// `.xml` file is a KTAB scenario; a file whose header names `isnr` and `p<code>`/`s<code>` columns
/// is a DEU table; a file whose header names an actor, capability, position and salience column
/// (and only columns LooksLikeOneTable knows) is a one-table CSV, whatever its extension. A located
/// error for anything else.
[[nodiscard]] Result<ScenarioFormat> DetectFormat(const std::string& path);

/// Reads and parses a scenario (structure only; call Validate for ranges and references).
[[nodiscard]] Result<Scenario> ReadScenario(const std::string& path);

/// Reads, parses and validates: every problem from both steps, located.
[[nodiscard]] Result<Scenario> LoadScenario(const std::string& path);

/// Reads a scenario with its outcomes and the reader's notes (structure only).
[[nodiscard]] Result<ScenarioDocument> ReadDocument(const std::string& path,
                                                    const ReaderOptions& options = {});

/// ReadDocument, then validates the scenario and its outcomes: every problem, located.
[[nodiscard]] Result<ScenarioDocument> LoadDocument(const std::string& path,
                                                    const ReaderOptions& options = {});

/// Reads an outcomes table (`issue,value,date,source`) for `--outcomes FILE`; ValidateOutcomes
/// checks it against a scenario.
[[nodiscard]] Result<std::vector<Outcome>> ReadOutcomesFile(const std::string& path);

/// Writes the scenario and its outcomes like WriteScenario (YAML `outcome:` per issue, or the
/// bundle's outcomes.csv), so a round trip loses nothing.
[[nodiscard]] Result<Unit> WriteDocument(const ScenarioDocument& document, const std::string& path,
                                         bool overwrite);

/// Writes `scenario` to `path` atomically in the format the path denotes. An existing file or
/// CSV bundle folder is replaced only with `overwrite`, and a folder only when it holds nothing
/// but bundle files (BundleFileNames): a folder with other files is refused whatever
/// `overwrite` says, and nothing is deleted. Refusals come back as located errors; a write that
/// fails (permissions, a missing parent folder, a full disk) throws IoError.
[[nodiscard]] Result<Unit> WriteScenario(const Scenario& scenario, const std::string& path,
                                         bool overwrite);

}  // namespace entente
