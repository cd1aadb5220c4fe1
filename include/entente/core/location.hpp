#pragma once
/// \file
/// Where a piece of input came from, so every message can point at it.

#include <string>

namespace entente {

/// A place in an input file: file path as the user gave it, 1-based line (0 = unknown) and an
/// optional field or column name. Readers stamp it on every entity they create; validation
/// and the models only pass it through.
struct Location {
  std::string file;   ///< path as given by the user, or a label such as "<api>"
  int line = 0;       ///< 1-based line; 0 when unknown
  std::string field;  ///< column or key name, empty when the whole line/entity is meant

  /// `file:line` (or just `file` when the line is unknown); empty when nothing is known.
  [[nodiscard]] std::string ToString() const;
  /// The same location with a field name attached.
  [[nodiscard]] Location WithField(std::string name) const;

  friend bool operator==(const Location&, const Location&) = default;
};

}  // namespace entente
