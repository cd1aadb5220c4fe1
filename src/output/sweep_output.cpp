// A sweep's rows for reading (table) and for programs (JSON, CSV built from the JSON).
#include "entente/output/sweep_output.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"
#include "entente/output/table_csv.hpp"

namespace entente {

using Json = nlohmann::ordered_json;

Json SweepJson(const std::vector<SweepRow>& rows, std::int64_t draws) {
  Json list = Json::array();
  for (const SweepRow& r : rows) {
    Json row = {{"point", r.point + 1},
                {"label", r.label},
                {"model", r.model},
                {"issue", r.issue},
                {"outcome", r.outcome}};
    if (draws > 0) {
      row["mean"] = r.mean.value_or(0);
      row["p05"] = r.p05.value_or(0);
      row["p50"] = r.p50.value_or(0);
      row["p95"] = r.p95.value_or(0);
    }
    list.push_back(std::move(row));
  }
  return {{"draws", draws}, {"rows", list}};
}

std::string SweepCsv(const Json& sweep) {
  std::string out =
      CsvLine({"point", "label", "model", "issue", "outcome", "mean", "p05", "p50", "p95"});
  for (const Json& row : sweep.at("rows")) {
    std::vector<std::string> cells;
    for (const char* key :
         {"point", "label", "model", "issue", "outcome", "mean", "p05", "p50", "p95"}) {
      cells.push_back(row.contains(key) ? CsvCell(row.at(key)) : std::string());
    }
    out += CsvLine(cells);
  }
  return out;
}

std::string SweepTable(const std::vector<SweepRow>& rows, std::int64_t draws) {
  std::string out = draws > 0 ? fmt::format("Sweep ({} draws per point and model)\n", draws)
                              : std::string("Sweep (forecasts)\n");
  std::int64_t last = -1;
  std::size_t wm = 5;
  std::size_t wi = 5;
  for (const SweepRow& r : rows) {
    if (r.point != last) out += fmt::format("  [{}] {}\n", r.point + 1, r.label);
    last = r.point;
    wm = std::max(wm, r.model.size());
    wi = std::max(wi, r.issue.size());
  }
  out +=
      fmt::format("\n{:>6}  {:<{}}  {:<{}}  {:>8}", "point", "model", wm, "issue", wi, "outcome");
  if (draws > 0) out += fmt::format("  {:>8}  {:>8}  {:>8}  {:>8}", "mean", "p05", "p50", "p95");
  out += '\n';
  for (const SweepRow& r : rows) {
    out += fmt::format("{:>6}  {:<{}}  {:<{}}  {:>8}", fmt::format("[{}]", r.point + 1), r.model,
                       wm, r.issue, wi, FormatFixed(r.outcome, 1));
    if (draws > 0) {
      out += fmt::format("  {:>8}  {:>8}  {:>8}  {:>8}", FormatFixed(r.mean.value_or(0), 1),
                         FormatFixed(r.p05.value_or(0), 1), FormatFixed(r.p50.value_or(0), 1),
                         FormatFixed(r.p95.value_or(0), 1));
    }
    out += '\n';
  }
  return out;
}

}  // namespace entente
