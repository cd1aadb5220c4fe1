// The sweep file: YAML read into a tree, each point turned into the run contract's JSON
// (RunParameters::FromJson of kind simulate), so a point takes exactly the keys and checks a
// simulate request takes.
#include "entente/formats/sweep_spec.hpp"

#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/defaults.hpp"
#include "entente/core/error.hpp"
#include "entente/core/files.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/tree.hpp"

namespace entente {
namespace {

using Json = nlohmann::json;

// A scalar as JSON: booleans and numbers typed (as the run contract wants them), else text.
Json ScalarJson(const TreeNode& n) {
  if (n.scalar == "true" || n.scalar == "false") return n.scalar == "true";
  if (const auto v = ParseNumber(n.scalar); v && !n.scalar.empty()) {
    const bool integral = n.scalar.find_first_of(".eE") == std::string::npos;
    if (integral && n.scalar.front() != '-') {
      std::uint64_t u = 0;
      if (std::sscanf(n.scalar.c_str(), "%lu", &u) == 1) return u;  // NOLINT(cert-err34-c)
    }
    return *v;
  }
  return n.scalar;
}

Json ToJson(const TreeNode& n) {
  switch (n.kind) {
    case TreeNode::Kind::kNull: return nullptr;
    case TreeNode::Kind::kScalar: return ScalarJson(n);
    case TreeNode::Kind::kList: {
      Json out = Json::array();
      for (const TreeNode& i : n.items) out.push_back(ToJson(i));
      return out;
    }
    case TreeNode::Kind::kMap: {
      Json out = Json::object();
      for (const TreeNode::Entry& e : n.entries) out[e.key] = ToJson(e.value);
      return out;
    }
  }
  return nullptr;
}

// One axis of the grid: where its value goes in a point's JSON, and the values.
struct Axis {
  std::string group;  // "set", "model_options" or "" (a top-level key)
  std::string key;
  std::vector<const TreeNode*> values;
};

struct Reader {
  std::string file;
  Errors errors;

  void Fail(int line, std::string field, std::string message, std::string hint) {
    errors.push_back(
        Error{Location{file, line, std::move(field)}, std::move(message), std::move(hint)});
  }

  // The grid's axes, in document order.
  std::vector<Axis> Axes(const TreeNode& grid) {
    std::vector<Axis> axes;
    const auto values_of = [&](const TreeNode::Entry& e, Axis a) {
      if (e.value.kind != TreeNode::Kind::kList || e.value.items.empty()) {
        Fail(e.line, e.key, fmt::format("grid key '{}' needs a list of values", e.key),
             "write e.g. 'seed: [1, 2, 3]'");
        return;
      }
      for (const TreeNode& v : e.value.items) a.values.push_back(&v);
      axes.push_back(std::move(a));
    };
    for (const TreeNode::Entry& e : grid.entries) {
      if (e.key == "set" || e.key == "model_options") {
        if (e.value.kind != TreeNode::Kind::kMap) {
          Fail(e.line, e.key, fmt::format("grid '{}' must map keys to lists of values", e.key),
               e.key == "set" ? "write e.g. 'set: {US.sanctions_relief.salience: [0.5, 0.9]}'"
                              : "write e.g. 'model_options: {rounds: [4, 8]}'");
          continue;
        }
        for (const TreeNode::Entry& sub : e.value.entries) values_of(sub, Axis{e.key, sub.key, {}});
      } else {
        values_of(e, Axis{"", e.key, {}});
      }
    }
    return axes;
  }
};

// `value` assigned to `axis` in `point` (a run-contract JSON object), and its label part.
std::string Assign(Json& point, const Axis& axis, const TreeNode& value) {
  if (axis.group == "set") {
    std::string edit = axis.key + "=" + value.scalar;
    if (!point.contains("set")) point["set"] = Json::array();
    point["set"].push_back(edit);
    return edit;
  }
  if (axis.group == "model_options") {
    if (!point.contains("model_options")) point["model_options"] = Json::object();
    point["model_options"][axis.key] = ScalarJson(value);
  } else {
    point[axis.key] = ScalarJson(value);
  }
  return axis.key + "=" + value.scalar;
}

// The label of a listed point without a name: its settings, as the grid's labels read.
std::string ListLabel(const TreeNode& n) {
  std::string out;
  const auto add = [&out](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
  for (const TreeNode::Entry& e : n.entries) {
    if (e.key == "set" && e.value.kind == TreeNode::Kind::kList) {
      for (const TreeNode& i : e.value.items) add(i.scalar);
    } else if (e.key == "model_options" && e.value.kind == TreeNode::Kind::kMap) {
      for (const TreeNode::Entry& o : e.value.entries) add(o.key + "=" + o.value.scalar);
    } else if (e.value.kind == TreeNode::Kind::kScalar) {
      add(e.key + "=" + e.value.scalar);
    }
  }
  return out.empty() ? "base" : out;
}

}  // namespace

Result<SweepSpec> ParseSweepSpec(std::string_view text, const std::string& file) {
  Result<TreeNode> tree = TreeFromYaml(text, file);
  if (!tree) return tree.errors();
  const TreeNode& root = tree.value();
  Reader r{file, {}};
  SweepSpec spec;
  if (root.kind != TreeNode::Kind::kMap) {
    return Error{Location{file, root.line, ""}, "a sweep file is a map",
                 "start with 'scenario: FILE' and 'grid:' or 'points:' (docs/cli.md#sweep)"};
  }
  for (const TreeNode::Entry& e : root.entries) {
    static const std::vector<std::string> kKeys = {"scenario", "models", "draws",
                                                   "base",     "grid",   "points"};
    if (std::find(kKeys.begin(), kKeys.end(), e.key) == kKeys.end()) {
      r.Fail(e.line, e.key, fmt::format("unknown key '{}'", e.key),
             "a sweep file has scenario, models, draws, base, grid and points");
    }
  }
  const TreeNode* scenario = root.Find("scenario");
  if (scenario == nullptr || scenario->kind != TreeNode::Kind::kScalar ||
      scenario->scalar.empty()) {
    r.Fail(root.line, "scenario", "the sweep names no scenario",
           "add 'scenario: FILE' (relative to the sweep file)");
  } else {
    const std::filesystem::path p(scenario->scalar);
    spec.scenario =
        p.is_absolute() ? p.string() : (std::filesystem::path(file).parent_path() / p).string();
  }
  if (const TreeNode* models = root.Find("models")) {
    if (models->kind == TreeNode::Kind::kScalar) spec.plan.models = {models->scalar};
    for (const TreeNode& m : models->items) spec.plan.models.push_back(m.scalar);
  }
  if (spec.plan.models.empty()) spec.plan.models = {std::string(defaults::kModel)};
  if (const TreeNode* draws = root.Find("draws")) {
    const auto v = ParseNumber(draws->scalar);
    if (!v || *v < 0 || *v != static_cast<double>(static_cast<std::int64_t>(*v))) {
      r.Fail(draws->line, "draws", fmt::format("draws '{}' is not a whole number", draws->scalar),
             "give 0 (a forecast per point) or a number of Monte Carlo draws");
    } else {
      spec.plan.draws = static_cast<std::int64_t>(*v);
    }
  }
  Json base = Json::object();
  if (const TreeNode* b = root.Find("base")) {
    if (b->kind != TreeNode::Kind::kMap) {
      r.Fail(b->line, "base", "'base' must be a map of run settings",
             "write e.g. 'base: {seed: 1, noise: 10}'");
    } else {
      base = ToJson(*b);
    }
  }
  // The points' JSON and labels: the grid's combinations, then the list.
  std::vector<std::pair<std::string, Json>> points;
  std::vector<std::pair<int, std::string>> where;
  if (const TreeNode* grid = root.Find("grid")) {
    if (grid->kind != TreeNode::Kind::kMap) {
      r.Fail(grid->line, "grid", "'grid' must map keys to lists of values",
             "write e.g. 'grid: {seed: [1, 2], set: {US.capability: [60, 80]}}'");
    } else {
      const std::vector<Axis> axes = r.Axes(*grid);
      std::size_t combinations = axes.empty() ? 0 : 1;
      for (const Axis& a : axes) combinations *= a.values.size();
      if (combinations > 100000) {
        r.Fail(grid->line, "grid", fmt::format("the grid has {} points", combinations),
               "keep a sweep under 100,000 points");
        combinations = 0;
      }
      for (std::size_t c = 0; c < combinations; ++c) {
        Json point = base;
        std::string label;
        std::size_t rest = c;
        std::vector<std::size_t> pick(axes.size());
        for (std::size_t a = axes.size(); a-- > 0;) {
          pick[a] = rest % axes[a].values.size();
          rest /= axes[a].values.size();
        }
        for (std::size_t a = 0; a < axes.size(); ++a) {
          const std::string part = Assign(point, axes[a], *axes[a].values[pick[a]]);
          label += (label.empty() ? "" : " ") + part;
        }
        points.emplace_back(label, std::move(point));
        where.emplace_back(grid->line, fmt::format("grid point {}", c + 1));
      }
    }
  }
  if (const TreeNode* list = root.Find("points")) {
    if (list->kind != TreeNode::Kind::kList) {
      r.Fail(list->line, "points", "'points' must be a list of run settings",
             "write e.g. 'points: [{name: hawk, set: [US.capability=70]}]'");
    } else {
      for (std::size_t i = 0; i < list->items.size(); ++i) {
        const TreeNode& n = list->items[i];
        if (n.kind != TreeNode::Kind::kMap) {
          r.Fail(n.line, "points", fmt::format("point {} is not a map", i + 1),
                 "write e.g. '- {seed: 2, noise: 5}'");
          continue;
        }
        Json point = base;
        std::string label = ListLabel(n);
        for (const TreeNode::Entry& e : n.entries) {
          if (e.key == "name") {
            label = e.value.scalar;
          } else if (e.key == "set" && point.contains("set") &&
                     e.value.kind == TreeNode::Kind::kList) {
            for (const TreeNode& s : e.value.items) point["set"].push_back(s.scalar);
          } else if (e.key == "model_options" && point.contains("model_options") &&
                     e.value.kind == TreeNode::Kind::kMap) {
            for (const TreeNode::Entry& o : e.value.entries)
              point["model_options"][o.key] = ScalarJson(o.value);
          } else {
            point[e.key] = ToJson(e.value);
          }
        }
        points.emplace_back(label, std::move(point));
        where.emplace_back(n.line, fmt::format("points[{}]", i));
      }
    }
  }
  if (points.empty() && r.errors.empty()) {
    points.emplace_back("base", base);
    where.emplace_back(root.line, "base");
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    // Settings a sweep row cannot show or that the sweep sets itself: refused, never ignored.
    bool refused = false;
    for (const char* key :
         {"model", "draws", "threads", "thresholds", "sensitivity", "calibration"}) {
      if (points[i].second.contains(key)) {
        r.Fail(where[i].first, key,
               fmt::format("{}: a sweep point takes no '{}'", where[i].second, key),
               std::string(key) == "draws" ? "give 'draws:' once at the top of the sweep file"
               : std::string(key) == "model"
                   ? "list the models under 'models:'; every point runs each"
                   : "run `entente simulate` for it; a sweep row has the outcome, mean and "
                     "quantiles");
        refused = true;
      }
    }
    if (refused) continue;
    try {
      SweepPoint p;
      p.label = points[i].first;
      p.params = RunParameters::FromJson(
          points[i].second, RunKind::kSimulate,
          fmt::format("{}:{} ({})", file, where[i].first, where[i].second), {"name"});
      spec.plan.points.push_back(std::move(p));
    } catch (const InputError& e) {
      for (const Error& err : e.errors()) r.errors.push_back(err);
      if (e.errors().empty()) r.Fail(where[i].first, "", e.what(), "");
    }
  }
  if (!r.errors.empty()) return r.errors;
  return spec;
}

Result<SweepSpec> ReadSweepSpec(const std::string& path) {
  Result<std::string> text = ReadTextFile(path);
  if (!text) return text.errors();
  return ParseSweepSpec(text.value(), path);
}

}  // namespace entente
