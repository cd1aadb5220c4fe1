#include "entente/formats/tree.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "entente/core/encoding.hpp"
#include "entente/core/text.hpp"

namespace entente {
namespace {

int LineOf(const YAML::Node& n) {
  return n.Mark().line + 1;
}

// Records where a document's first node starts, to tell a second document with content from
// an empty one (a trailing '---').
class FirstNode : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> mark;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}  // an empty document
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { Note(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    if (!value.empty()) Note(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    Note(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    Note(m);
  }
  void OnMapEnd() override {}

 private:
  void Note(const YAML::Mark& m) {
    if (!mark) mark = m;
  }
};

// The first line holding more than blanks, comments and document markers; 0 when none.
int FirstContentLine(const std::string& text) {
  std::istringstream in(text);
  std::string row;
  for (int n = 1; std::getline(in, row); ++n) {
    const std::size_t at = row.find_first_not_of(" \t\r");
    if (at == std::string::npos || row[at] == '#') continue;
    if (row.rfind("---", 0) == 0 || row.rfind("...", 0) == 0) continue;
    if (row.substr(at) == "~" || row.substr(at) == "null") continue;
    return n;
  }
  return 0;
}

// True when a line before `line` (1-based) starts a document ('---') or ends one ('...').
bool MarkerBefore(const std::string& text, int line) {
  std::istringstream in(text);
  std::string row;
  for (int n = 1; n < line && std::getline(in, row); ++n) {
    if (row.rfind("---", 0) == 0 || row.rfind("...", 0) == 0) return true;
  }
  return false;
}

// The line of a second document's first node, if the text has one with content. Only two
// documents are ever asked for: yaml-cpp's LoadAll loops forever on some malformed input (an
// unclosed flow map followed by more keys, found by fuzz_yaml_scenario), producing empty
// documents without end.
std::optional<int> SecondDocumentLine(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  FirstNode first;
  if (!parser.HandleNextDocument(first)) return std::nullopt;
  FirstNode second;
  if (!parser.HandleNextDocument(second) || !second.mark) return std::nullopt;
  return second.mark->line + 1;
}

// Walks the YAML tree, collecting located errors instead of stopping at the first.

// yaml-cpp keeps every duplicate of a key and lookups return the first, so a repeated key
// would silently lose its later value: each one is an error at its line. The walk uses its own
// stack, so deep nesting cannot overflow the call stack, and visits each collection once (by
// its place in the text): an alias may repeat a collection many times or hold itself.
Errors DuplicateKeys(const YAML::Node& root, const std::string& file) {
  Errors errors;
  std::vector<YAML::Node> todo{root};
  std::set<int> seen;
  while (!todo.empty()) {
    const YAML::Node n = todo.back();
    todo.pop_back();
    if ((n.IsSequence() || n.IsMap()) && !seen.insert(n.Mark().pos).second) continue;
    if (n.IsSequence()) {
      for (const YAML::Node& item : n) todo.push_back(item);
    } else if (n.IsMap()) {
      std::map<std::string, int> first_line;
      for (const auto& kv : n) {
        if (kv.first.IsScalar()) {
          const auto [it, fresh] = first_line.emplace(kv.first.Scalar(), LineOf(kv.first));
          if (!fresh) {
            errors.push_back(Error{Location{file, LineOf(kv.first), kv.first.Scalar()},
                                   fmt::format("duplicate key '{}' (first given on line {})",
                                               kv.first.Scalar(), it->second),
                                   "keep one of the two: YAML takes each key once per mapping"});
          }
        }
        todo.push_back(kv.second);
      }
    }
  }
  return errors;
}

// The most nodes a document of `bytes` may expand to through its aliases. Without aliases a
// document has fewer nodes than bytes, so twice its size leaves room for aliases that repeat
// notes or lists, while nested aliases that multiply a small file (a "billion laughs") stop
// after work in proportion to the file, not to the expansion.
std::size_t MaxNodes(std::size_t bytes) {
  return 2 * bytes + 10'000;
}

// Copies a YAML node into a tree. An alias is copied where it is used; one that holds itself
// (an ancestor) or documents that expand past kMaxNodes are errors, never a hang.
class Copier {
 public:
  Copier(std::string file, std::size_t max_nodes) : file_(std::move(file)), max_nodes_(max_nodes) {}

  TreeNode Copy(const YAML::Node& n) {
    TreeNode t;
    t.line = LineOf(n);
    if (!error_.message.empty()) return t;
    // An alias may also repeat a long scalar: its text counts against the same budget.
    nodes_ += 1 + (n.IsScalar() ? n.Scalar().size() / 64 : 0);
    if (nodes_ > max_nodes_) {
      error_ = Error{Location{file_, t.line},
                     "the document expands to too many values through its aliases",
                     "write the values out, or use fewer nested aliases"};
      return t;
    }
    if (n.IsScalar()) {
      t.kind = TreeNode::Kind::kScalar;
      t.scalar = n.Scalar();
      return t;
    }
    if (!n.IsMap() && !n.IsSequence()) return t;
    const int pos = n.Mark().pos;
    if (!open_.insert(pos).second) {
      error_ = Error{Location{file_, t.line}, "an alias here holds the collection it is in",
                     "replace the alias with the values it should repeat"};
      return t;
    }
    if (n.IsMap()) {
      t.kind = TreeNode::Kind::kMap;
      for (const auto& kv : n) {
        t.entries.push_back(TreeNode::Entry{kv.first.Scalar(), LineOf(kv.first), Copy(kv.second)});
      }
    } else {
      t.kind = TreeNode::Kind::kList;
      for (const YAML::Node& item : n) t.items.push_back(Copy(item));
    }
    open_.erase(pos);
    return t;
  }

  [[nodiscard]] const Error& error() const { return error_; }

 private:
  std::string file_;
  std::set<int> open_;  // marks of the collections being copied (the current path)
  std::size_t max_nodes_;
  std::size_t nodes_ = 0;
  Error error_;
};

template <typename J>
TreeNode FromJson(const J& json) {
  TreeNode t;
  if (json.is_object()) {
    t.kind = TreeNode::Kind::kMap;
    for (const auto& [key, value] : json.items()) {
      t.entries.push_back(TreeNode::Entry{key, 0, FromJson(value)});
    }
  } else if (json.is_array()) {
    t.kind = TreeNode::Kind::kList;
    for (const J& item : json) t.items.push_back(FromJson(item));
  } else if (json.is_string()) {
    t.kind = TreeNode::Kind::kScalar;
    t.scalar = json.template get<std::string>();
  } else if (json.is_number_float()) {
    t.kind = TreeNode::Kind::kScalar;
    const double v = json.template get<double>();
    t.scalar = std::isfinite(v) ? FormatNumber(v) : (std::isnan(v) ? ".nan" : ".inf");
  } else if (json.is_number() || json.is_boolean()) {
    t.kind = TreeNode::Kind::kScalar;
    t.scalar = json.dump();
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

Result<TreeNode> TreeFromYaml(std::string_view bytes, const std::string& file) {
  Result<std::string> text = DecodeText(bytes, file);
  if (!text) return text.errors();
  try {
    const std::string& copy = text.value();
    const YAML::Node loaded = YAML::Load(copy);
    const std::optional<int> second = SecondDocumentLine(copy);
    // A document after the first would be ignored; an empty one (a trailing '---') holds
    // nothing to lose.
    if (second && !MarkerBefore(copy, *second)) {
      // No '---' starts it: yaml-cpp ended the first document early on malformed text.
      return Error{Location{file, *second},
                   "YAML syntax error: the scenario's text stops making sense here",
                   "check the indentation and quoting on this line or the one before"};
    }
    if (second) {
      return Error{Location{file, *second},
                   "a second YAML document (after a '---' line) starts here; Entente reads one "
                   "scenario per file",
                   "remove the '---' line and merge the documents, or put each scenario in a "
                   "file of its own"};
    }
    if (!loaded || loaded.IsNull()) {
      if (const int line = FirstContentLine(copy); line > 0) {
        return Error{Location{file, line}, "YAML syntax error: no YAML document starts here",
                     "check the first characters of this line (a plain value cannot start with ',' "
                     "or '%'); see docs/scenario-format.md for an example"};
      }
      TreeNode empty;
      empty.line = 1;  // an empty file: the message points at its start
      return empty;
    }
    Errors duplicates = DuplicateKeys(loaded, file);
    if (!duplicates.empty()) return duplicates;
    Copier copier(file, MaxNodes(text.value().size()));
    TreeNode tree = copier.Copy(loaded);
    if (!copier.error().message.empty()) return copier.error();
    return tree;
  } catch (const YAML::ParserException& e) {
    return Error{Location{file, e.mark.line + 1}, fmt::format("YAML syntax error: {}", e.msg),
                 "check the indentation and quoting on this line or the one before"};
  } catch (const YAML::Exception& e) {
    return Error{Location{file, e.mark.line + 1}, fmt::format("YAML error: {}", e.msg),
                 "see docs/scenario-format.md for the expected layout"};
  }
}

TreeNode TreeFromJson(const nlohmann::json& json) {
  return FromJson(json);
}

TreeNode TreeFromJson(const nlohmann::ordered_json& json) {
  return FromJson(json);
}

}  // namespace entente
