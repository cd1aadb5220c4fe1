#pragma once
/// \file
/// Where a piece of input came from, so every message can point at it.

#include <string>

namespace entente {

/// A place in an input file: file path as the user gave it, 1-based line (0 = unknown) and an
/// optional field or column name; for scenarios read from a tree (YAML, JSON, a Python dict)
/// also the path in the tree and the names of what is there. Readers stamp it on every entity
/// they create; validation and the models only pass it through.
struct Location {
  std::string file;   ///< path as given by the user, or a label such as "scenario"
  int line = 0;       ///< 1-based line; 0 when unknown
  std::string field;  ///< column or key name, empty when the whole line/entity is meant
  std::string path;   ///< path in the scenario tree, e.g. "issues[4].stances[0]"; may be empty
  std::string names;  ///< what is there, by name, e.g. "ROK on opcon_transfer"; may be empty
  /// The workbook sheet (`file` is the workbook, `line` the sheet's row, `field` its column);
  /// empty for other files.
  std::string sheet;

  /// `file [sheet] row N` in a workbook; `file:line` when the line is known; else `file.path
  /// (names)` when the path is; else just `file`. Empty when nothing is known.
  [[nodiscard]] std::string ToString() const;
  /// `file.path` (or `file` without a path): where a tree reader's entity is, as the server
  /// reports it so the dashboard can find the cell.
  [[nodiscard]] std::string Where() const;
  /// The same location with a field name attached.
  [[nodiscard]] Location WithField(std::string name) const;

  friend bool operator==(const Location&, const Location&) = default;
};

}  // namespace entente
