#pragma once
/// \file
/// The CSV bundle: a folder with `actors.csv`, `issues.csv`, `stances.csv` and, optionally,
/// `scenario.csv` (title, as_of, description, source rows) for lossless round trips,
/// `alliances.csv`, `moves.csv`, `groups.csv` (group,name,issues), `issue_metadata.csv`
/// (issue,key,value) and `outcomes.csv` (issue,value,date,source).

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "entente/core/files.hpp"
#include "entente/core/outcome.hpp"
#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"
#include "entente/formats/csv.hpp"

namespace entente {

/// Every file name a bundle may hold, in reading order. Replacing a bundle folder deletes
/// these and nothing else.
[[nodiscard]] const std::vector<std::string>& BundleFileNames();

/// Reads a bundle with its outcomes from the files' texts; `folder` prefixes file names in
/// messages. Reports every problem in every file. Does not validate ranges (see Validate).
[[nodiscard]] Result<ScenarioDocument> ParseCsvBundleDocument(const FileSet& files,
                                                              const std::string& folder);

/// Reads a bundle from its tables, keyed by bundle file name (`actors.csv`, ...; a table that
/// could not be parsed carries its errors), so that other containers of the same tables (a
/// workbook's sheets) read exactly like the folder. `missing(name)` is the error for a
/// required table that is absent; `issues` locates the issues table (an unknown issue is then
/// reported once per table, and not at all when the issues table itself failed).
[[nodiscard]] Result<ScenarioDocument> ParseBundleTables(
    const std::map<std::string, Result<CsvTable>>& tables,
    const std::function<Error(const std::string&)>& missing, const Location& issues);

/// Reads a bundle without its outcomes (what models may see) from the files' texts; `folder`
/// prefixes file names in messages. Reports every problem in every file. Does not validate ranges
/// (see Validate).
[[nodiscard]] Result<Scenario> ParseCsvBundle(const FileSet& files, const std::string& folder);

/// The bundle's files for `scenario`. Fails only when an anchor label cannot be written
/// unambiguously (it contains `;<number>=`).
[[nodiscard]] Result<FileSet> WriteCsvBundle(const Scenario& scenario);

/// The bundle's files for a scenario with its outcomes (`outcomes.csv` when there are any).
[[nodiscard]] Result<FileSet> WriteCsvBundle(const ScenarioDocument& document);

/// Parses an outcomes table `issue,value[,date][,source]` (the bundle's `outcomes.csv`, also
/// `--outcomes FILE` for any scenario). Structure only: ValidateOutcomes checks issues and
/// scales.
[[nodiscard]] Result<std::vector<Outcome>> ParseOutcomesCsv(std::string_view text,
                                                            const std::string& file);

/// Parses the `value=label;value=label` anchor list; a `;` not followed by `number=` belongs
/// to the label. nullopt (with `bad` set to the offending part) when a part has no `=`.
[[nodiscard]] std::optional<std::vector<Anchor>> ParseAnchors(std::string_view text,
                                                              std::string* bad);

}  // namespace entente
