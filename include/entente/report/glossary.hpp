#pragma once
/// \file
/// The glossary: one table of terms and their definitions in plain words. docs/glossary.md
/// carries the same text (a unit test checks it) and the report prints the terms it uses, so
/// a standalone report explains itself and the two cannot drift.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace entente::report {

/// One term and its one-line definition.
struct GlossaryTerm {
  std::string_view term;        ///< as the report and docs/glossary.md spell it
  std::string_view definition;  ///< one sentence or two, plain words, no markup
  /// Whether the report's "Terms" section shows it always, only with a backtest (scores of
  /// forecasts against outcomes), or never (the documentation only).
  enum class InReport { kAlways, kBacktest, kNever } in_report = InReport::kAlways;
};

/// Every term, in the order docs/glossary.md lists them.
[[nodiscard]] std::span<const GlossaryTerm> Glossary();

/// The terms a report prints in its "Terms" section, in glossary order: those marked kAlways,
/// and with `backtest` also those marked kBacktest.
[[nodiscard]] std::vector<GlossaryTerm> ReportTerms(bool backtest);

/// The whole glossary as a standalone HTML page (inline style, no scripts): what `entente
/// serve` shows at /glossary, linked from the dashboard's header.
[[nodiscard]] std::string GlossaryPage();

}  // namespace entente::report
