#include "entente/formats/ktab_csv.hpp"

#include <cctype>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "entente/core/encoding.hpp"
#include "entente/core/text.hpp"

namespace entente {
namespace {

constexpr const char* kLayout =
    "KTAB CSV: line 1 'name,desc,nActors,nDims', line 2 'Actor,Description,Power,Pstn1,Sal1,...', "
    "then one line per actor";

std::optional<int> ParseCount(std::string_view text) {
  const std::optional<double> v = ParseNumber(text);
  if (!v || *v < 1 || *v != std::floor(*v) || *v > 1e6) return std::nullopt;
  return static_cast<int>(*v);
}

// The column letter-free name of a 0-based cell for messages: "Pstn2" etc. from the header.
std::string Column(const std::vector<std::string>& header, std::size_t c) {
  return c < header.size() && !header[c].empty() ? header[c] : fmt::format("column {}", c + 1);
}

}  // namespace

std::vector<std::string> SplitKtabCsvLine(std::string_view line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') {
      quoted = !quoted;
    } else if (ch == ',' && !quoted) {
      cells.emplace_back(Trim(cell));
      cell.clear();
    } else {
      cell += ch;
    }
  }
  cells.emplace_back(Trim(cell));
  if (cells.size() > 1 && cells.back().empty()) cells.pop_back();
  return cells;
}

std::string KtabDimensionId(std::string_view column, const std::string& fallback) {
  std::string id;
  for (const std::string& word : SplitList(column, ' ')) {
    std::string lower;
    for (char ch : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower == "position" || lower == "pstn" || lower.empty()) continue;
    if (!id.empty()) id += '_';
    for (char ch : lower) id += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  }
  return id.empty() ? fallback : id;
}

Result<Scenario> ParseKtabCsv(std::string_view bytes, const std::string& file) {
  Result<std::string> decoded = DecodeText(bytes, file);
  if (!decoded) return decoded.errors();
  std::string_view text = decoded.value();
  // Non-blank lines with their 1-based numbers.
  std::vector<std::pair<int, std::string_view>> lines;
  int line_count = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    ++line_count;
    if (!Trim(line).empty()) lines.emplace_back(line_count, line);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  if (lines.size() < 2) {
    return Error{Location{file, 1}, "not a KTAB CSV scenario: fewer than two non-blank lines",
                 kLayout};
  }
  const std::vector<std::string> head = SplitKtabCsvLine(lines[0].second);
  const Location head_at{file, lines[0].first};
  if (head.size() < 4) {
    return Error{head_at, fmt::format("line 1 has {} cells, expected 4", head.size()), kLayout};
  }
  const std::optional<int> n_actors = ParseCount(head[2]);
  const std::optional<int> n_dims = ParseCount(head[3]);
  Errors errors;
  if (!n_actors) {
    errors.push_back({head_at.WithField("nActors"),
                      fmt::format("number of actors '{}' is not a whole number >= 1", head[2]),
                      kLayout});
  }
  if (!n_dims) {
    errors.push_back({head_at.WithField("nDims"),
                      fmt::format("number of dimensions '{}' is not a whole number >= 1", head[3]),
                      kLayout});
  }
  if (!errors.empty()) return errors;
  const std::size_t dims = static_cast<std::size_t>(*n_dims);
  const std::size_t width = 3 + 2 * dims;
  const std::vector<std::string> columns = SplitKtabCsvLine(lines[1].second);
  if (columns.size() != width) {
    return Error{Location{file, lines[1].first},
                 fmt::format("the column line has {} cells, but {} dimensions need {} (Actor, "
                             "Description, Power, then a position and a salience per dimension)",
                             columns.size(), dims, width),
                 "fix nDims on line 1 or the column names on line 2"};
  }
  Scenario s;
  s.meta.title = head[0];
  s.meta.description = head[1];
  s.meta.sources.push_back("KTAB CSV scenario " + file);
  std::set<std::string> ids;
  for (std::size_t a = 0; a < dims; ++a) {
    Issue issue;
    std::string id = KtabDimensionId(columns[3 + 2 * a], fmt::format("dim{}", a + 1));
    if (!ids.insert(id).second) id = fmt::format("dim{}", a + 1);
    ids.insert(id);
    issue.id = id;
    issue.name = columns[3 + 2 * a];
    issue.scale = Scale{0, 100, "KTAB position", {}};
    issue.origin = Location{file, lines[1].first, columns[3 + 2 * a]};
    s.issues.push_back(std::move(issue));
  }
  for (std::size_t r = 2; r < lines.size(); ++r) {
    const auto [line_no, line] = lines[r];
    const Location at{file, line_no};
    const std::vector<std::string> cells = SplitKtabCsvLine(line);
    if (cells.size() != width) {
      errors.push_back({at, fmt::format("{} cells, expected {}", cells.size(), width),
                        "give Actor, Description, Power, then a position and a salience per "
                        "dimension"});
      continue;
    }
    Actor actor{cells[0], cells[0], cells[1], at.WithField(Column(columns, 0))};
    if (actor.id.empty()) {
      errors.push_back({actor.origin, "empty actor name", "give every actor a name"});
    }
    auto number = [&](std::size_t c, double lo, double hi) -> double {
      const std::optional<double> v = ParseNumber(cells[c]);
      if (!v || *v < lo || *v > hi) {
        errors.push_back({at.WithField(Column(columns, c)),
                          hi > 1e299
                              ? fmt::format("'{}' is not a number >= {}", cells[c], lo)
                              : fmt::format("'{}' is not a number in [{}, {}]", cells[c], lo, hi),
                          "KTAB positions and saliences are on 0-100; power is >= 0"});
        return 0;
      }
      return *v;
    };
    const double power = number(2, 0, 1e300);
    double total = 0;
    for (std::size_t a = 0; a < dims; ++a) {
      Stance st;
      st.actor = actor.id;
      st.position = number(3 + 2 * a, 0, 100);
      st.salience = number(4 + 2 * a, 0, 100) / 100.0;
      st.capability = power;
      st.origin = at.WithField(Column(columns, 3 + 2 * a));
      total += st.salience;
      s.issues[a].stances.push_back(std::move(st));
    }
    if (total > 1 + 1e-9) {
      errors.push_back({at, fmt::format("saliences sum to {:.2f}, more than 100", total * 100),
                        "KTAB needs each actor's saliences to add up to at most 100"});
    }
    s.actors.push_back(std::move(actor));
  }
  if (errors.empty() && s.actors.size() != static_cast<std::size_t>(*n_actors)) {
    errors.push_back(
        {head_at.WithField("nActors"),
         fmt::format("line 1 says {} actors, the file has {}", *n_actors, s.actors.size()),
         "fix nActors on line 1 or add the missing actors"});
  }
  if (!errors.empty()) return errors;
  return s;
}

}  // namespace entente
