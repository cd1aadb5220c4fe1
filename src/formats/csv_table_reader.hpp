#pragma once
// Located reading of one CSV table's cells (texts, ids, numbers in the file's dialect, numbers
// with spreads), collecting every error instead of stopping; and the reader of rules.csv.
// Internal to the CSV bundle reader (not public API).
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/core/error.hpp"
#include "entente/core/scenario.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"

namespace entente::detail {

/// Reads named cells of one table, collecting located errors instead of stopping.
class TableReader {
 public:
  TableReader(const CsvTable& table, Errors& errors) : table_(table), errors_(errors) {}

  // Fails (and records why) when a required column is missing or an unknown one is present.
  bool CheckColumns(const std::vector<std::string>& required,
                    const std::vector<std::string>& optional) {
    bool ok = true;
    for (const std::string& r : required) {
      if (table_.Column(r) < 0) {
        errors_.push_back(Error{table_.At(table_.header_line),
                                fmt::format("missing column '{}'", r),
                                fmt::format("the header needs: {}", fmt::join(required, ","))});
        ok = false;
      }
    }
    for (const std::string& h : table_.header) {
      bool known = false;
      for (const auto* list : {&required, &optional}) {
        for (const std::string& k : *list) known = known || k == h;
      }
      if (!known) {
        errors_.push_back(
            Error{table_.At(table_.header_line), fmt::format("unknown column '{}'", h),
                  fmt::format("columns are {}{}{}", fmt::join(required, ","),
                              optional.empty() ? "" : ", optionally ", fmt::join(optional, ","))});
        ok = false;
      }
    }
    return ok;
  }

  Location At(const CsvRow& row, const std::string& column) const {
    return table_.At(row.line, column);
  }

  std::string Text(const CsvRow& row, const std::string& column) const {
    const int c = table_.Column(column);
    return c < 0 ? std::string() : std::string(Trim(row.cells[c]));
  }

  // The raw cell, untrimmed (notes keep their spacing).
  std::string Raw(const CsvRow& row, const std::string& column) const {
    const int c = table_.Column(column);
    return c < 0 ? std::string() : row.cells[c];
  }

  // A number in the file's dialect (decimal comma in a ';' file); a `share` (salience, a
  // threshold) may also be a percentage, "70%".
  double Number(const CsvRow& row, const std::string& column, bool share = false) {
    const std::string text = Text(row, column);
    if (auto v = share ? table_.Share(text) : table_.Number(text)) return *v;
    errors_.push_back(Error{At(row, column),
                            text.empty() ? fmt::format("{} is empty", column)
                                         : fmt::format("{} '{}' is not a number", column, text),
                            table_.NumberHint(text, share)});
    return 0;
  }

  // The number in `column` and its optional `_sd`, `_low`, `_high` columns: sd gives a normal
  // spread; low and high a triangular one around the value, or a uniform one when the value
  // itself is left empty (its point value is then the midpoint).
  void Uncertain(const CsvRow& row, const std::string& column, double& value, Spread& spread,
                 bool share = false) {
    const bool has_sd = !Text(row, column + "_sd").empty();
    const bool has_lo = !Text(row, column + "_low").empty();
    const bool has_hi = !Text(row, column + "_high").empty();
    const bool has_value = !Text(row, column).empty();
    if (has_lo != has_hi || (has_sd && (has_lo || !has_value))) {
      errors_.push_back(
          Error{At(row, column), fmt::format("{} has an incomplete or mixed spread", column),
                fmt::format("give {0}_sd with {0}, or both {0}_low and {0}_high", column)});
      return;
    }
    if (has_lo && !has_value) {
      const double lo = Number(row, column + "_low", share);
      const double hi = Number(row, column + "_high", share);
      value = (lo + hi) / 2;
      spread = Spread::Uniform(lo, hi);
      return;
    }
    value = Number(row, column, share);
    if (has_sd) spread = Spread::Normal(Number(row, column + "_sd", share));
    if (has_lo) {
      spread = Spread::Triangular(Number(row, column + "_low", share),
                                  Number(row, column + "_high", share));
    }
  }

  std::string Id(const CsvRow& row, const std::string& column) {
    std::string text = Text(row, column);
    if (text.empty()) {
      errors_.push_back(Error{At(row, column), fmt::format("{} is empty", column),
                              "give the id this row refers to"});
    }
    return text;
  }

  Errors& errors() { return errors_; }

 private:
  const CsvTable& table_;
  Errors& errors_;
};

/// rules.csv into the issues' decision rules (chambers of bicameral rules included).
void ReadRules(const CsvTable& t, Scenario& s, Errors& errors);

}  // namespace entente::detail
