// CSV from the commands' JSON: reading the JSON back keeps one source for every number a
// command prints, whichever format is asked for.
#include "entente/output/table_csv.hpp"

#include <algorithm>
#include <vector>

#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"

namespace entente {
namespace {

using J = nlohmann::ordered_json;

const J& At(const J& object, const char* key) {
  static const J kNull;
  if (!object.is_object()) return kNull;
  const auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

const J& List(const J& object, const char* key) {
  static const J kEmpty = J::array();
  const J& v = At(object, key);
  return v.is_array() ? v : kEmpty;
}

std::vector<std::string> Cells(const J& object, const std::vector<const char*>& keys) {
  std::vector<std::string> out;
  out.reserve(keys.size());
  for (const char* k : keys) out.push_back(CsvCell(At(object, k)));
  return out;
}

void Append(std::vector<std::string>& to, const std::vector<std::string>& more) {
  to.insert(to.end(), more.begin(), more.end());
}

}  // namespace

std::string CsvCell(const J& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return value.dump();
  if (value.is_number()) return FormatNumber(value.get<double>());
  return value.dump();
}

std::string SimulationCsv(const J& simulation) {
  // Threshold values asked for on any issue, in the order first seen.
  std::vector<double> values;
  for (const J& issue : List(simulation, "issues")) {
    for (const J& t : List(issue, "thresholds")) {
      const double v = At(t, "value").get<double>();
      if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
    }
  }
  std::vector<std::string> header = {"issue", "name", "point",        "mean",          "sd",
                                     "min",   "max",  "p05",          "p25",           "p50",
                                     "p75",   "p95",  "p_status_quo", "fallback_draws"};
  for (const double v : values) {
    header.push_back("p_ge_" + FormatNumber(v));
    header.push_back("p_le_" + FormatNumber(v));
  }
  std::string out = CsvLine(header);
  for (const J& issue : List(simulation, "issues")) {
    std::vector<std::string> row =
        Cells(issue, {"id", "name", "point", "mean", "sd", "min", "max"});
    Append(row, Cells(At(issue, "quantiles"), {"p05", "p25", "p50", "p75", "p95"}));
    Append(row, Cells(issue, {"p_status_quo", "fallback_draws"}));
    for (const double v : values) {
      const J* found = nullptr;
      for (const J& t : List(issue, "thresholds")) {
        if (At(t, "value").get<double>() == v) found = &t;
      }
      row.push_back(found != nullptr ? CsvCell(At(*found, "p_ge")) : "");
      row.push_back(found != nullptr ? CsvCell(At(*found, "p_le")) : "");
    }
    out += CsvLine(row);
  }
  return out;
}

std::string CohesionCsv(const J& cohesion) {
  std::string out = CsvLine({"alliance", "issue", "strain", "gap_before", "gap_after", "outcome",
                             "actor", "position", "salience", "loss"});
  for (const J& a : List(cohesion, "alliances")) {
    for (const J& issue : List(a, "issues")) {
      std::vector<std::string> head = {CsvCell(At(a, "alliance"))};
      Append(head, Cells(issue, {"issue", "strain", "gap_before", "gap_after", "outcome"}));
      for (const J& m : List(issue, "members")) {
        std::vector<std::string> row = head;
        Append(row, Cells(m, {"actor", "position", "salience", "loss"}));
        out += CsvLine(row);
      }
    }
  }
  return out;
}

std::string AdviceCsv(const J& advice) {
  std::string out = CsvLine({"actor", "issue", "outcome", "target", "already", "kind", "mover",
                             "lever", "from", "to", "size", "outcome_after", "method", "summary"});
  const std::string actor = CsvCell(At(advice, "actor"));
  for (const J& issue : List(advice, "issues")) {
    std::vector<std::string> head = {actor};
    Append(head, Cells(issue, {"issue", "outcome", "target", "already"}));
    const std::string summary = CsvCell(At(issue, "summary"));
    std::vector<std::pair<std::string, const J*>> moves;
    for (const char* kind : {"own_position", "own_salience"}) {
      if (At(issue, kind).is_object()) moves.emplace_back(kind, &At(issue, kind));
    }
    for (const J& m : List(issue, "others")) moves.emplace_back("other", &m);
    for (const J& m : List(issue, "best_pair")) moves.emplace_back("best_pair", &m);
    if (moves.empty()) {
      std::vector<std::string> row = head;
      row.resize(row.size() + 8);
      row.push_back(summary);
      out += CsvLine(row);
    }
    for (const auto& [kind, m] : moves) {
      std::vector<std::string> row = head;
      row.push_back(kind);
      Append(row, Cells(*m, {"actor", "lever", "from", "to", "size", "outcome", "method"}));
      row.push_back(summary);
      out += CsvLine(row);
    }
  }
  return out;
}

std::string ComparisonCsv(const J& comparison) {
  std::string out = CsvLine({"variant", "moves", "issue", "outcome", "change", "unconstrained",
                             "unconstrained_change", "binding_veto", "mean", "mean_change", "p05",
                             "p95", "p_status_quo"});
  for (const J& v : List(comparison, "variants")) {
    std::string moves;
    for (const J& m : List(v, "moves")) moves += (moves.empty() ? "" : "+") + CsvCell(m);
    for (const J& issue : List(v, "issues")) {
      std::vector<std::string> row = {CsvCell(At(v, "variant")), moves};
      Append(row,
             Cells(issue, {"id", "outcome", "change", "unconstrained", "unconstrained_change",
                           "binding_veto", "mean", "mean_change", "p05", "p95", "p_status_quo"}));
      out += CsvLine(row);
    }
  }
  return out;
}

}  // namespace entente
