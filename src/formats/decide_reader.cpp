#include "entente/formats/decide_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "entente/core/encoding.hpp"

namespace entente {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::string Unquote(std::string_view s) {
  s = Trim(s);
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) {
    s = s.substr(1, s.size() - 2);
  }
  return std::string(s);
}

std::vector<std::string> SplitFields(std::string_view line) {
  const char sep = line.find('\t') != std::string_view::npos  ? '\t'
                   : line.find(';') != std::string_view::npos ? ';'
                                                              : ',';
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = line.find(sep, start);
    out.push_back(Unquote(line.substr(start, end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  while (out.size() > 1 && out.back().empty()) out.pop_back();  // trailing separators
  return out;
}

struct Parser {
  std::string file;
  Scenario s;
  Errors errors;
  std::map<std::string, std::vector<double>, std::less<>> bounds;
  std::map<std::string, std::size_t, std::less<>> issue_index;

  void Fail(int line, std::string field, std::string message, std::string hint) {
    errors.push_back(
        Error{Location{file, line, std::move(field)}, std::move(message), std::move(hint)});
  }

  bool Number(int line, const std::string& field, const std::string& text, double& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    if (ec != std::errc() || ptr != end || !std::isfinite(out)) {
      Fail(line, field, fmt::format("'{}' is not a number", text),
           "write a number with a dot as decimal separator, e.g. 0.5");
      return false;
    }
    return true;
  }

  bool Need(int line, const std::vector<std::string>& f, std::size_t n, const char* form) {
    if (f.size() >= n) return true;
    Fail(line, "", fmt::format("{} record has {} field(s), needs {}", f[0], f.size(), n),
         fmt::format("write it as: {}", form));
    return false;
  }

  void Line(int line, const std::vector<std::string>& f) {
    const std::string& tag = f[0];
    if (tag == "#/") return;
    if (tag == "#O") {
      if (f.size() > 1) s.meta.title = f[1];
      return;
    }
    if (tag == "#A") {
      if (!Need(line, f, 2, "#A <id> [name] [comment]")) return;
      if (s.FindActor(f[1]) != nullptr) {
        Fail(line, "actor", fmt::format("actor '{}' is defined twice", f[1]),
             "define each actor once");
        return;
      }
      s.actors.push_back(Actor{f[1], f.size() > 2 && !f[2].empty() ? f[2] : f[1],
                               f.size() > 3 ? f[3] : "", Location{file, line, ""}});
    } else if (tag == "#P") {
      if (!Need(line, f, 2, "#P <id> [name] [description]")) return;
      if (issue_index.contains(f[1])) {
        Fail(line, "issue", fmt::format("issue '{}' is defined twice", f[1]),
             "define each issue once");
        return;
      }
      Issue issue;
      issue.id = f[1];
      issue.name = f.size() > 2 && !f[2].empty() ? f[2] : f[1];
      issue.description = f.size() > 3 ? f[3] : "";
      issue.origin = Location{file, line, ""};
      issue_index.emplace(issue.id, s.issues.size());
      s.issues.push_back(std::move(issue));
    } else if (tag == "#M") {
      if (!Need(line, f, 3, "#M <issue> <bound>")) return;
      double v = 0;
      if (!issue_index.contains(f[1])) {
        Fail(line, "issue", fmt::format("#M for unknown issue '{}'", f[1]),
             "define the issue with a #P line before its #M lines");
      } else if (Number(line, "bound", f[2], v)) {
        bounds[f[1]].push_back(v);
      }
    } else if (tag == "#D") {
      Data(line, f);
    } else {
      Fail(line, "", fmt::format("unknown record type '{}'", tag),
           "start each line with #A, #P, #M, #D, #O or #/");
    }
  }

  void Data(int line, const std::vector<std::string>& f) {
    if (!Need(line, f, 6, "#D <actor> <issue> <position> <salience> <power>")) return;
    bool ok = true;
    if (s.FindActor(f[1]) == nullptr) {
      Fail(line, "actor", fmt::format("unknown actor '{}'", f[1]),
           "define it with an #A line first");
      ok = false;
    }
    const auto it = issue_index.find(f[2]);
    if (it == issue_index.end()) {
      Fail(line, "issue", fmt::format("unknown issue '{}'", f[2]),
           "define it with a #P line first");
      ok = false;
    }
    double x = 0, sal = 0, c = 0;
    ok = Number(line, "position", f[3], x) && ok;
    ok = Number(line, "salience", f[4], sal) && ok;
    ok = Number(line, "power", f[5], c) && ok;
    if (!ok) return;
    Issue& issue = s.issues[it->second];
    if (issue.FindStance(f[1]) != nullptr) {
      Fail(line, "actor", fmt::format("'{}' has two #D lines for issue '{}'", f[1], f[2]),
           "keep one");
      return;
    }
    Stance st{f[1], x, sal, c, Basis::kUnstated, "", Location{file, line, ""}};
    issue.stances.push_back(std::move(st));
  }

  void Finish() {
    for (Issue& issue : s.issues) {
      const auto b = bounds.find(issue.id);
      if (b == bounds.end()) continue;  // Decide's own interval: 0-100
      const auto [lo, hi] = std::minmax_element(b->second.begin(), b->second.end());
      if (b->second.size() < 2 || *lo == *hi) {
        Fail(issue.origin.line, "#M",
             fmt::format("issue '{}' needs two different #M bounds, has {}", issue.id,
                         b->second.size()),
             "give one #M line for each end of the scale");
        continue;
      }
      issue.scale.min = *lo;
      issue.scale.max = *hi;
    }
  }
};

}  // namespace

bool LooksLikeDecide(std::string_view bytes) {
  // Sniff the decoded text, so a UTF-16 file is recognised too; bytes that do not decode are
  // sniffed as they are (the reader then reports them).
  Result<std::string> decoded = DecodeText(bytes, "");
  std::string_view text = decoded ? std::string_view(decoded.value()) : bytes;
  const std::size_t at = text.find_first_not_of(" \t\r\n");
  if (at == std::string_view::npos) return false;
  text.remove_prefix(at);
  if (text.starts_with("'") || text.starts_with("\"")) text.remove_prefix(1);
  if (text.size() < 2 || text[0] != '#') return false;
  return std::string_view("APMDO/").find(text[1]) != std::string_view::npos;
}

Result<Scenario> ParseDecide(std::string_view bytes, const std::string& file) {
  Result<std::string> decoded = DecodeText(bytes, file);
  if (!decoded) return decoded.errors();
  const std::string_view text = decoded.value();
  Parser p;
  p.file = file;
  int line = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    ++line;
    const std::string_view raw = Trim(text.substr(start, end - start));
    if (!raw.empty()) p.Line(line, SplitFields(raw));
    start = end + 1;
  }
  p.Finish();
  if (p.s.meta.title.empty()) p.s.meta.title = file;
  if (p.s.actors.empty()) p.Fail(0, "", "no #A (actor) records", "is this a Decide input file?");
  if (p.s.issues.empty()) p.Fail(0, "", "no #P (issue) records", "is this a Decide input file?");
  if (!p.errors.empty()) return p.errors;
  return std::move(p.s);
}

}  // namespace entente
