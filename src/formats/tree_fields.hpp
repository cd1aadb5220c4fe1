#pragma once
// Located reading of fields from a scenario tree (YAML node, JSON, Python dict): texts, numbers,
// lists and maps, each failure recorded with its line, path and names rather than thrown, so one
// pass reports every problem. Internal to the scenario tree reader (not public API).
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "entente/core/error.hpp"
#include "entente/core/scenario.hpp"
#include "entente/formats/tree.hpp"

namespace entente::detail {

/// Where an entity sits: its path in the tree and its names ("ROK on opcon_transfer").
struct At {
  std::string path;
  std::string names;
  /// The path and names of item `i` of the list under `key`.
  [[nodiscard]] At Item(std::string_view key, std::size_t i, std::string item_names) const {
    return At{fmt::format("{}{}{}[{}]", path, path.empty() ? "" : ".", key, i),
              std::move(item_names)};
  }
};

/// The text of `key` in a map without checking it (to name an entity before reading it).
inline std::string Peek(const TreeNode& map, const char* key) {
  const TreeNode* n = map.Find(key);
  return n != nullptr && n->kind == TreeNode::Kind::kScalar ? n->scalar : std::string();
}

/// Reads fields of a scenario tree, collecting located errors instead of throwing.
class TreeFields {
 public:
  /// Errors are located in `file` (a path, or a label such as "request").
  explicit TreeFields(std::string file) : file_(std::move(file)) {}

  /// The location of a field of the entity at `at`.
  Location Loc(int line, const At& at, std::string field = {}) const;
  /// Records an error at `line` (0 when the tree has no lines, e.g. JSON).
  void Fail(int line, const At& at, std::string field, std::string message, std::string hint);
  /// Flags keys of `map` that are not in `known`.
  void CheckKeys(const TreeNode& map, const At& at, std::initializer_list<std::string_view> known,
                 std::string_view what);
  /// The text under `key`; empty (reported when `required`) if absent.
  std::string Text(const TreeNode& map, const At& at, const char* key, bool required = false);
  /// `n` as a number; 0 with an error when it is not one.
  double Number(const TreeNode* n, int line, const At& at, const std::string& field);
  /// The required number under `key`.
  double NumberKey(const TreeNode& map, const At& at, const char* key);
  /// The number under `key`, if given.
  std::optional<double> OptionalNumber(const TreeNode& map, const At& at, const char* key);
  /// A stance number: plain (`40`), or with its uncertainty: `{value: 40, sd: 10}` (normal),
  /// `{low: 20, high: 55}` (uniform; the point value is the midpoint), `{value: 30, low: 20,
  /// high: 55}` (triangular with mode 30).
  void UncertainNumber(const TreeNode& map, const At& at, const char* key, double& value,
                       Spread& spread);
  /// A list of texts; a single value is split on ';' when `split` (veto players "A;B", as in
  /// the CSV bundle) and taken whole otherwise (a single source).
  std::vector<std::string> TextList(const TreeNode& map, const At& at, const char* key, bool split);
  /// Whether `n` is a map; reports it when not.
  bool RequireMap(const TreeNode& n, const At& at, std::string_view what);
  /// The list under `key`, or nullptr (absent, or not a list: reported).
  const TreeNode* List(const TreeNode& map, const At& at, const char* key, const char* example);
  /// The whole number under `key`, 0 when absent.
  int WholeNumber(const TreeNode& map, const At& at, const char* key);
  /// `weights`/`population` as a map of actor ids to numbers.
  std::vector<MemberValue> Values(const TreeNode& n, const At& at, const char* key);

 protected:
  std::string file_;

  Errors errors_;
};

}  // namespace entente::detail
