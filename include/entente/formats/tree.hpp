#pragma once
/// \file
/// A scenario document as a tree of maps, lists and scalars, whatever it was written in: a
/// YAML file (lines kept) or JSON (a server request, a Python dict). The scenario reader walks
/// this one shape (scenario_tree.hpp), so every source is checked and located the same way.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "entente/core/result.hpp"

namespace entente {

/// One node of the tree.
struct TreeNode {
  /// What the node holds.
  enum class Kind { kNull, kScalar, kMap, kList };
  /// One key of a map and its value.
  struct Entry;

  Kind kind = Kind::kNull;      ///< null, scalar, map or list
  std::string scalar;           ///< a scalar's text (JSON numbers written back exactly)
  std::vector<Entry> entries;   ///< a map's keys, in document order
  std::vector<TreeNode> items;  ///< a list's items
  int line = 0;                 ///< 1-based line in a YAML file; 0 for JSON

  /// The value under `key` of a map, or nullptr (also for a node that is not a map).
  [[nodiscard]] const TreeNode* Find(std::string_view key) const;
  /// True for a null node (a missing value, `~`, JSON null).
  [[nodiscard]] bool IsNull() const { return kind == Kind::kNull; }
};

/// A map's key, the line it is on, and its value.
struct TreeNode::Entry {
  std::string key;  ///< the key's text
  int line = 0;     ///< its line (0 for JSON)
  TreeNode value;   ///< its value
};

/// Parses YAML text into a tree; a YAML syntax error, located by line in `file`, otherwise.
[[nodiscard]] Result<TreeNode> TreeFromYaml(std::string_view text, const std::string& file);

/// A JSON value as a tree: strings, numbers and booleans become scalars, null stays null.
[[nodiscard]] TreeNode TreeFromJson(const nlohmann::json& json);

/// TreeFromJson keeping the document's key order (a plain nlohmann::json sorts it).
[[nodiscard]] TreeNode TreeFromJson(const nlohmann::ordered_json& json);

}  // namespace entente
