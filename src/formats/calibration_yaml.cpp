#include "entente/formats/calibration_yaml.hpp"

#include <cctype>
#include <cmath>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "entente/core/files.hpp"

namespace entente {
namespace {

// Plain when it is a safe word, double-quoted otherwise (numbers-as-text stay text).
std::string Text(std::string_view s) {
  bool plain = !s.empty() && std::isalpha(static_cast<unsigned char>(s.front()));
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    plain = plain && (std::isalnum(u) || c == '_' || c == '-' || c == '.' || c == '/');
  }
  static constexpr std::string_view kSpecial[] = {"y",     "n",  "yes", "no",  "true",
                                                  "false", "on", "off", "null"};
  for (std::string_view w : kSpecial) {
    std::string lower(s);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    plain = plain && lower != w;
  }
  if (plain) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Num(double v) {
  return fmt::format("{}", v);
}

std::string Triple(const Interval& i) {
  return fmt::format("[{}, {}, {}]", Num(i.value), Num(i.lo), Num(i.hi));
}

std::string List(const std::vector<std::string>& items) {
  std::string s = "[";
  for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + Text(items[i]);
  return s + "]";
}

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}
  Errors errors;

  void Fail(const YAML::Node& at, std::string field, std::string message) {
    const int line = at.IsDefined() ? at.Mark().line + 1 : 0;
    errors.push_back(Error{Location{file_, line, std::move(field)}, std::move(message),
                           "rebuild the file with `entente calibrate`"});
  }

  YAML::Node Need(const YAML::Node& map, const char* key, YAML::NodeType::value type) {
    const YAML::Node n = map[key];
    if (!n.IsDefined() || n.Type() != type) {
      Fail(n.IsDefined() ? n : map, key,
           fmt::format("'{}' is missing or not a {}", key,
                       type == YAML::NodeType::Map        ? "mapping"
                       : type == YAML::NodeType::Sequence ? "list"
                                                          : "value"));
      return YAML::Node();
    }
    return n;
  }

  template <class T>
  T As(const YAML::Node& n, const char* field, T fallback) {
    if (!n.IsDefined() || !n.IsScalar()) {
      Fail(n, field, fmt::format("'{}' is missing or not a value", field));
      return fallback;
    }
    try {
      return n.as<T>();
    } catch (const YAML::Exception&) {
      Fail(n, field, fmt::format("'{}' has the wrong type: '{}'", field, n.Scalar()));
      return fallback;
    }
  }

  Interval Triple(const YAML::Node& n, const char* field) {
    Interval i;
    if (!n.IsDefined() || !n.IsSequence() || n.size() != 3) {
      Fail(n, field, fmt::format("'{}' must be [value, lo, hi]", field));
      return i;
    }
    i.value = As<double>(n[0], field, 0);
    i.lo = As<double>(n[1], field, 0);
    i.hi = As<double>(n[2], field, 0);
    return i;
  }

  std::vector<std::string> Strings(const YAML::Node& n, const char* field) {
    std::vector<std::string> out;
    if (!n.IsDefined() || !n.IsSequence()) {
      Fail(n, field, fmt::format("'{}' must be a list", field));
      return out;
    }
    for (const auto& x : n) out.push_back(As<std::string>(x, field, ""));
    return out;
  }

 private:
  std::string file_;
};

}  // namespace

std::string WriteCalibrationYaml(const CalibrationRecord& r) {
  std::string o;
  o += "# Entente calibration, written by `entente calibrate`: a point design and its predictive\n";
  o += "# error model fitted on the training files below, with cross-validated scores. A\n";
  o += "# calibration is only as good as the resemblance of a new case to its training data.\n";
  o += fmt::format("format: {}\ncreated: {}\nentente_version: {}\n", r.format, Text(r.created),
                   Text(r.entente_version));
  o += "training:\n";
  for (const TrainingFile& t : r.training) {
    o += fmt::format("  - path: {}\n    sha256: {}\n    issues: {}\n    groups: {}\n", Text(t.path),
                     Text(t.sha256), t.issues, t.groups);
  }
  const CalibrationSettings& s = r.settings;
  o += "settings:\n";
  o += fmt::format("  models: {}\n  features: {}\n  setter: {}\n", List(s.models), List(s.features),
                   Text(s.setter));
  o += "  grid:";
  o += s.grid.empty() ? " {}\n" : "\n";
  for (const auto& [model, keys] : s.grid) {
    o += fmt::format("    {}:\n", Text(model));
    for (const auto& [key, values] : keys)
      o += fmt::format("      {}: {}\n", Text(key), List(values));
  }
  o += fmt::format("  folds: {}\n  inner_folds: {}\n  floor: {}\n  bootstrap: {}\n  seed: {}\n",
                   s.folds == 0 ? std::string("group") : std::to_string(s.folds), s.inner_folds,
                   Num(s.floor), s.bootstrap, s.seed);
  o += "fit:\n";
  o += fmt::format("  cases: {}\n  groups: {}\n  design: {}\n", r.cases, r.groups, Text(r.design));
  o += "  weights:\n";
  for (const auto& [base, w] : r.weights) o += fmt::format("    {}: {}\n", Text(base), Num(w));
  o += "  options:";
  o += r.options.empty() ? " {}\n" : "\n";
  for (const auto& [model, opts] : r.options) {
    o += fmt::format("    {}:\n", Text(model));
    for (const auto& [k, v] : opts) o += fmt::format("      {}: {}\n", Text(k), Text(v));
  }
  o += fmt::format("  folds: {}\n  ensemble_chosen: {}\n", r.fold_count, r.ensemble_chosen);
  o += "# Cross-validated on the training data (folds hold out whole groups): [value, lo, hi]\n";
  o +=
      "# with 95% intervals from a bootstrap over groups; *_vs_compromise are paired differences\n";
  o += "# (negative = better than the compromise model on the same folds).\n";
  o += "scores:\n";
  for (const CvScore& c : r.scores) {
    o += fmt::format("  - name: {}\n    mae: {}\n", Text(c.name), Triple(c.mae));
    if (c.mae_vs_compromise)
      o += fmt::format("    mae_vs_compromise: {}\n", Triple(*c.mae_vs_compromise));
    if (c.crps) o += fmt::format("    crps: {}\n", Triple(*c.crps));
    if (c.crps_vs_compromise) {
      o += fmt::format("    crps_vs_compromise: {}\n", Triple(*c.crps_vs_compromise));
    }
    if (!c.coverage.empty()) {
      o += "    coverage:\n";
      static constexpr const char* kLevels[] = {"50", "80", "90"};
      for (std::size_t i = 0; i < c.coverage.size() && i < 3; ++i) {
        o += fmt::format("      \"{}\": {}\n", kLevels[i], Triple(c.coverage[i]));
      }
    }
  }
  o += "# Predictive error model (relres): quantiles of clip(f + sigma z, scale), sigma = max(S,\n";
  o += "# floor x range), S = capability x salience weighted SD of the positions; z = sorted\n";
  o += "# standardized cross-validated residuals of each forecast.\n";
  o += "predictive:\n  method: relres\n  z:\n";
  for (const auto& [name, z] : r.z) {
    o += fmt::format("    {}: [", Text(name));
    for (std::size_t i = 0; i < z.size(); ++i) o += (i ? ", " : "") + Num(z[i]);
    o += "]\n";
  }
  return o;
}

Result<CalibrationRecord> ParseCalibrationYaml(std::string_view text, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    return Error{Location{file, e.mark.line + 1, ""}, "not valid YAML: " + e.msg,
                 "rebuild the file with `entente calibrate`"};
  }
  Reader rd(file);
  CalibrationRecord r;
  if (!root.IsMap()) {
    return Error{Location{file, 1, ""}, "a calibration file is a YAML mapping",
                 "give a file written by `entente calibrate`"};
  }
  r.format = rd.As<int>(root["format"], "format", 0);
  if (rd.errors.empty() && r.format != 1) {
    rd.Fail(root["format"], "format",
            fmt::format("format {} is not known (this build reads 1)", r.format));
  }
  r.created = rd.As<std::string>(root["created"], "created", "");
  r.entente_version = rd.As<std::string>(root["entente_version"], "entente_version", "");
  if (const YAML::Node t = rd.Need(root, "training", YAML::NodeType::Sequence); t) {
    for (const auto& n : t) {
      TrainingFile f;
      f.path = rd.As<std::string>(n["path"], "path", "");
      f.sha256 = rd.As<std::string>(n["sha256"], "sha256", "");
      f.issues = rd.As<int>(n["issues"], "issues", 0);
      f.groups = rd.As<int>(n["groups"], "groups", 0);
      r.training.push_back(f);
    }
  }
  if (const YAML::Node s = rd.Need(root, "settings", YAML::NodeType::Map); s) {
    CalibrationSettings& c = r.settings;
    c.models = rd.Strings(s["models"], "models");
    c.features = rd.Strings(s["features"], "features");
    c.setter = rd.As<std::string>(s["setter"], "setter", "");
    if (const YAML::Node g = rd.Need(s, "grid", YAML::NodeType::Map); g) {
      for (const auto& m : g) {
        auto& keys = c.grid[m.first.as<std::string>()];
        if (!m.second.IsMap()) {
          rd.Fail(m.second, "grid", "each model's grid is a mapping KEY: [values]");
          continue;
        }
        for (const auto& k : m.second)
          keys[k.first.as<std::string>()] = rd.Strings(k.second, "grid");
      }
    }
    const std::string folds = rd.As<std::string>(s["folds"], "folds", "5");
    c.folds = folds == "group" ? 0 : rd.As<int>(s["folds"], "folds", 5);
    c.inner_folds = rd.As<int>(s["inner_folds"], "inner_folds", 5);
    c.floor = rd.As<double>(s["floor"], "floor", 0.05);
    c.bootstrap = rd.As<int>(s["bootstrap"], "bootstrap", 2000);
    c.seed = rd.As<std::uint64_t>(s["seed"], "seed", 0);
  }
  if (const YAML::Node f = rd.Need(root, "fit", YAML::NodeType::Map); f) {
    r.cases = rd.As<int>(f["cases"], "cases", 0);
    r.groups = rd.As<int>(f["groups"], "groups", 0);
    r.design = rd.As<std::string>(f["design"], "design", "");
    if (const YAML::Node w = rd.Need(f, "weights", YAML::NodeType::Map); w) {
      for (const auto& kv : w) {
        r.weights.emplace_back(kv.first.as<std::string>(), rd.As<double>(kv.second, "weights", 0));
      }
    }
    if (const YAML::Node o = rd.Need(f, "options", YAML::NodeType::Map); o) {
      for (const auto& m : o) {
        auto& opts = r.options[m.first.as<std::string>()];
        if (!m.second.IsMap()) {
          rd.Fail(m.second, "options", "each model's options are a mapping KEY: value");
          continue;
        }
        for (const auto& kv : m.second) {
          opts[kv.first.as<std::string>()] = rd.As<std::string>(kv.second, "options", "");
        }
      }
    }
    r.fold_count = rd.As<int>(f["folds"], "folds", 0);
    r.ensemble_chosen = rd.As<int>(f["ensemble_chosen"], "ensemble_chosen", 0);
  }
  if (const YAML::Node sc = rd.Need(root, "scores", YAML::NodeType::Sequence); sc) {
    for (const auto& n : sc) {
      CvScore c;
      c.name = rd.As<std::string>(n["name"], "name", "");
      c.mae = rd.Triple(n["mae"], "mae");
      if (n["mae_vs_compromise"])
        c.mae_vs_compromise = rd.Triple(n["mae_vs_compromise"], "mae_vs_compromise");
      if (n["crps"]) c.crps = rd.Triple(n["crps"], "crps");
      if (n["crps_vs_compromise"])
        c.crps_vs_compromise = rd.Triple(n["crps_vs_compromise"], "crps_vs_compromise");
      if (const YAML::Node cov = n["coverage"]; cov && cov.IsMap()) {
        for (const char* level : {"50", "80", "90"})
          c.coverage.push_back(rd.Triple(cov[level], "coverage"));
      }
      r.scores.push_back(c);
    }
  }
  if (const YAML::Node p = rd.Need(root, "predictive", YAML::NodeType::Map); p) {
    if (rd.As<std::string>(p["method"], "method", "") != "relres") {
      rd.Fail(p["method"], "method", "the predictive method must be relres");
    }
    if (const YAML::Node z = rd.Need(p, "z", YAML::NodeType::Map); z) {
      for (const auto& kv : z) {
        auto& list = r.z[kv.first.as<std::string>()];
        if (!kv.second.IsSequence() || kv.second.size() == 0) {
          rd.Fail(kv.second, "z", "each z list is a non-empty list of numbers");
          continue;
        }
        for (const auto& x : kv.second) list.push_back(rd.As<double>(x, "z", 0));
        for (std::size_t i = 1; i < list.size(); ++i) {
          if (list[i] < list[i - 1]) {
            rd.Fail(kv.second, "z", "a z list must be sorted ascending");
            break;
          }
        }
      }
    }
  }
  double total = 0;
  for (const auto& [b, w] : r.weights) total += w;
  if (rd.errors.empty() && (r.weights.empty() || std::abs(total - 1) > 1e-6)) {
    rd.Fail(root["fit"], "weights", fmt::format("the weights sum to {}, not 1", total));
  }
  if (rd.errors.empty() && r.z.find("ensemble") == r.z.end()) {
    rd.Fail(root["predictive"], "z", "the z list of the fitted design ('ensemble') is missing");
  }
  if (!rd.errors.empty()) return rd.errors;
  return r;
}

Result<CalibrationRecord> ReadCalibration(const std::string& path) {
  Result<std::string> text = ReadTextFile(path);
  if (!text) return text.errors();
  return ParseCalibrationYaml(text.value(), path);
}

}  // namespace entente
