#include "entente/formats/tree.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "entente/core/text.hpp"

namespace entente {
namespace {

int LineOf(const YAML::Node& n) {
  return n.Mark().line + 1;
}

TreeNode FromYaml(const YAML::Node& n) {
  TreeNode t;
  t.line = LineOf(n);
  if (n.IsScalar()) {
    t.kind = TreeNode::Kind::kScalar;
    t.scalar = n.Scalar();
  } else if (n.IsMap()) {
    t.kind = TreeNode::Kind::kMap;
    for (const auto& kv : n) {
      t.entries.push_back(TreeNode::Entry{kv.first.Scalar(), LineOf(kv.first), FromYaml(kv.second)});
    }
  } else if (n.IsSequence()) {
    t.kind = TreeNode::Kind::kList;
    for (const YAML::Node& item : n) t.items.push_back(FromYaml(item));
  }
  return t;
}

}  // namespace

const TreeNode* TreeNode::Find(std::string_view key) const {
  for (const Entry& e : entries) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

Result<TreeNode> TreeFromYaml(std::string_view text, const std::string& file) {
  try {
    const YAML::Node loaded = YAML::Load(std::string(text));
    if (!loaded || loaded.IsNull()) {
      TreeNode empty;
      empty.line = 1;  // an empty file: the message points at its start
      return empty;
    }
    return FromYaml(loaded);
  } catch (const YAML::ParserException& e) {
    return Error{Location{file, e.mark.line + 1}, fmt::format("YAML syntax error: {}", e.msg),
                 "check the indentation and quoting on this line or the one before"};
  } catch (const YAML::Exception& e) {
    return Error{Location{file, e.mark.line + 1}, fmt::format("YAML error: {}", e.msg),
                 "see docs/scenario-format.md for the expected layout"};
  }
}

TreeNode TreeFromJson(const nlohmann::json& json) {
  TreeNode t;
  if (json.is_object()) {
    t.kind = TreeNode::Kind::kMap;
    for (const auto& [key, value] : json.items()) {
      t.entries.push_back(TreeNode::Entry{key, 0, TreeFromJson(value)});
    }
  } else if (json.is_array()) {
    t.kind = TreeNode::Kind::kList;
    for (const nlohmann::json& item : json) t.items.push_back(TreeFromJson(item));
  } else if (json.is_string()) {
    t.kind = TreeNode::Kind::kScalar;
    t.scalar = json.get<std::string>();
  } else if (json.is_number_float()) {
    t.kind = TreeNode::Kind::kScalar;
    const double v = json.get<double>();
    t.scalar = std::isfinite(v) ? FormatNumber(v) : (std::isnan(v) ? ".nan" : ".inf");
  } else if (json.is_number() || json.is_boolean()) {
    t.kind = TreeNode::Kind::kScalar;
    t.scalar = json.dump();
  }
  return t;
}

}  // namespace entente
