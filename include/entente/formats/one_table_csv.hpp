#pragma once
/// \file
/// The simplest sheet analysts and papers use: one table, a row per actor, columns
/// `Actor,Capability,Position,Salience` for one issue (Bueno de Mesquita 1994's EC emission
/// table is one), optionally with an issue column (a row per actor and issue), a status quo, the
/// scale's ends and unit, and each row's basis and note. Recognised by its header, whatever the
/// dialect (`,` or `;` between cells, decimal commas; see csv.hpp). Conventions in
/// docs/scenario-format.md#one-table-csv.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/outcome.hpp"
#include "entente/core/result.hpp"

namespace entente {

/// The fields a one-table column can hold.
enum class OneTableField {
  kActor,
  kCapability,
  kPosition,
  kSalience,
  kIssue,
  kStatusQuo,
  kScaleMin,
  kScaleMax,
  kUnit,
  kDescription,
  kBasis,
  kNote,
};

/// The field's name as the scenario formats spell it ("status_quo"), for messages.
[[nodiscard]] const char* OneTableFieldName(OneTableField field);

/// What a header cell names: its field, whether its numbers are percentages ("Salience (%)"),
/// and a unit written in parentheses after it ("Position (years)").
struct OneTableColumn {
  OneTableField field = OneTableField::kActor;  ///< the field
  bool percent = false;                         ///< values are percentages (shares only)
  std::string unit;                             ///< "(years)" after the name, without them
};

/// The field a header cell names, matched without regard to case, blanks, `_` and `-`, with the
/// common variants (`Name`/`Player` for actor, `Power`/`Clout` for capability, `Importance`
/// for salience, `SQ` for status quo, ...). nullopt for anything else.
[[nodiscard]] std::optional<OneTableColumn> MatchOneTableColumn(std::string_view header);

/// The accepted spellings, for messages and docs ("actor (or name, player, ...)").
[[nodiscard]] std::string OneTableColumnNames();

/// True when the first row (split at ',', ';' or tab, or at the delimiter of a `sep=` line)
/// names an actor, a capability, a position and a salience column and only columns
/// MatchOneTableColumn knows: content sniffing, so such a file is not taken for a KTAB CSV.
[[nodiscard]] bool LooksLikeOneTable(std::string_view text);

/// Parses a one-table CSV. Without an issue column the file is one issue, named after the file
/// (`file`'s stem, the id in lower case with `_` for other characters). The scale's ends,
/// unless given, are the lowest and highest position (and status quo); the status quo is
/// optional. Both are said in the document's notes, which `entente validate` prints. Salience
/// is a share (0.7 or 70%, or 70 under a "Salience (%)" header). Every bad cell is a located
/// error (`file:line`, the column as the file names it).
[[nodiscard]] Result<ScenarioDocument> ParseOneTableCsv(std::string_view text,
                                                        const std::string& file);

}  // namespace entente
