// Located field reading; see tree_fields.hpp.
#include "tree_fields.hpp"

#include <fmt/format.h>

#include "entente/core/text.hpp"

namespace entente::detail {

using Kind = TreeNode::Kind;

Location TreeFields::Loc(int line, const At& at, std::string field) const {
  return Location{file_, line, std::move(field), at.path, at.names};
}

void TreeFields::Fail(int line, const At& at, std::string field, std::string message,
                      std::string hint) {
  errors_.push_back(Error{Loc(line, at, std::move(field)), std::move(message), std::move(hint)});
}

void TreeFields::CheckKeys(const TreeNode& map, const At& at,
                           std::initializer_list<std::string_view> known, std::string_view what) {
  for (const TreeNode::Entry& e : map.entries) {
    bool ok = false;
    for (std::string_view k : known) ok = ok || k == e.key;
    if (!ok) {
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      Fail(e.line, at, e.key, fmt::format("unknown key '{}' in {}", e.key, what),
           fmt::format("use one of: {}", list));
    }
  }
}

std::string TreeFields::Text(const TreeNode& map, const At& at, const char* key, bool required) {
  const TreeNode* n = map.Find(key);
  if (n == nullptr || n->IsNull()) {
    if (required) {
      Fail(map.line, at, key, fmt::format("missing '{}'", key), fmt::format("add '{}: ...'", key));
    }
    return {};
  }
  if (n->kind != Kind::kScalar) {
    Fail(n->line, at, key, fmt::format("'{}' must be a single value", key), "write it as text");
    return {};
  }
  return n->scalar;
}

double TreeFields::Number(const TreeNode* n, int line, const At& at, const std::string& field) {
  if (n != nullptr && n->kind == Kind::kScalar) {
    if (auto v = ParseNumber(n->scalar)) return *v;
    Fail(n->line, at, field, fmt::format("{} '{}' is not a number", field, n->scalar),
         "write a plain decimal number such as 13 or 0.45");
  } else {
    Fail(n != nullptr ? n->line : line, at, field, fmt::format("{} must be a number", field),
         "write a plain decimal number such as 13 or 0.45");
  }
  return 0;
}

double TreeFields::NumberKey(const TreeNode& map, const At& at, const char* key) {
  const TreeNode* n = map.Find(key);
  if (n == nullptr || n->IsNull()) {
    Fail(map.line, at, key, fmt::format("missing '{}'", key),
         fmt::format("add '{}: <number>'", key));
    return 0;
  }
  return Number(n, map.line, at, key);
}

std::optional<double> TreeFields::OptionalNumber(const TreeNode& map, const At& at,
                                                 const char* key) {
  const TreeNode* n = map.Find(key);
  if (n == nullptr || n->IsNull()) return std::nullopt;
  return Number(n, map.line, at, key);
}

void TreeFields::UncertainNumber(const TreeNode& map, const At& at, const char* key, double& value,
                                 Spread& spread) {
  const TreeNode* n = map.Find(key);
  if (n == nullptr || n->kind != Kind::kMap) {
    value = NumberKey(map, at, key);
    return;
  }
  CheckKeys(*n, at, {"value", "sd", "low", "high"}, fmt::format("'{}'", key));
  const auto get = [&](const char* k) -> std::optional<double> {
    const TreeNode* v = n->Find(k);
    if (v == nullptr) return std::nullopt;
    return Number(v, n->line, at, std::string(key) + "." + k);
  };
  const auto v = get("value");
  const auto sd = get("sd");
  const auto lo = get("low");
  const auto hi = get("high");
  if (v && sd && !lo && !hi) {
    value = *v;
    spread = Spread::Normal(*sd);
  } else if (!v && !sd && lo && hi) {
    value = (*lo + *hi) / 2;
    spread = Spread::Uniform(*lo, *hi);
  } else if (v && !sd && lo && hi) {
    value = *v;
    spread = Spread::Triangular(*lo, *hi);
  } else if (v && !sd && !lo && !hi) {
    value = *v;
  } else {
    Fail(n->line, at, key, fmt::format("'{}' mixes or lacks distribution parameters", key),
         "write {value: V, sd: S}, {low: L, high: H} or {value: V, low: L, high: H}");
  }
}

std::vector<std::string> TreeFields::TextList(const TreeNode& map, const At& at, const char* key,
                                              bool split) {
  std::vector<std::string> out;
  const TreeNode* n = map.Find(key);
  if (n == nullptr || n->IsNull()) return out;
  if (n->kind == Kind::kScalar) return split ? SplitList(n->scalar, ';') : std::vector{n->scalar};
  if (n->kind != Kind::kList) {
    Fail(n->line, at, key, fmt::format("'{}' must be a list", key), "write e.g. [US, ROK]");
    return out;
  }
  for (const TreeNode& item : n->items) {
    if (item.kind == Kind::kScalar) {
      out.push_back(item.scalar);
    } else {
      Fail(item.line, at, key, fmt::format("'{}' entries must be single values", key),
           "write e.g. [US, ROK]");
    }
  }
  return out;
}

bool TreeFields::RequireMap(const TreeNode& n, const At& at, std::string_view what) {
  if (n.kind == Kind::kMap) return true;
  Fail(n.line, at, "", fmt::format("{} must be a mapping of keys to values", what),
       "indent its keys under it, e.g. 'id: US'");
  return false;
}

const TreeNode* TreeFields::List(const TreeNode& map, const At& at, const char* key,
                                 const char* example) {
  const TreeNode* n = map.Find(key);
  if (n == nullptr) return nullptr;
  if (n->kind == Kind::kList) return n;
  Fail(n->line, at, key, fmt::format("'{}' must be a list", key), example);
  return nullptr;
}

int TreeFields::WholeNumber(const TreeNode& map, const At& at, const char* key) {
  const TreeNode* n = map.Find(key);
  if (n == nullptr || n->IsNull()) return 0;
  const double v = Number(n, map.line, at, key);
  if (!(v >= -2147483648.0 && v <= 2147483647.0) || v != static_cast<int>(v)) {
    Fail(n->line, at, key, fmt::format("{} must be a whole number", key), "write e.g. 4");
    return 0;
  }
  return static_cast<int>(v);
}

std::vector<MemberValue> TreeFields::Values(const TreeNode& n, const At& at, const char* key) {
  std::vector<MemberValue> out;
  if (n.kind != Kind::kMap) {
    Fail(n.line, at, key, fmt::format("'{}' must map actor ids to numbers", key),
         "write e.g. '{DE: 29, FR: 29}'");
    return out;
  }
  for (const TreeNode::Entry& e : n.entries)
    out.push_back({e.key, Number(&e.value, e.line, at, key)});
  return out;
}

}  // namespace entente::detail
