#pragma once
/// \file
/// The report's summary in sentences, shared by the HTML and Markdown renderers: per issue,
/// the forecast, how sure it is, and what would change it.

#include <string>
#include <vector>

#include "entente/report/report_data.hpp"

namespace entente {

/// Three sentences about one issue.
struct IssueSummary {
  std::string issue_id;   ///< Issue::id
  std::string name;       ///< Issue::name
  std::string forecast;   ///< the primary forecast, its anchor, vetoes, the other models
  std::string certainty;  ///< the Monte Carlo band and the status quo's odds
  std::string levers;     ///< the inputs that move the outcome most
};

/// One line per issue, in scenario order.
[[nodiscard]] std::vector<IssueSummary> Summarize(const ReportData& data);

/// The opening paragraph: what was run, on what, with how much uncertainty.
[[nodiscard]] std::string Overview(const ReportData& data);

/// Per alliance, the issue that strains it most, as a sentence; empty without alliances.
[[nodiscard]] std::vector<std::string> AllianceSentences(const ReportData& data);

/// "US position" or "US salience on opcon_transfer" when the input is on another issue.
[[nodiscard]] std::string EffectLabel(const InputEffect& effect, const std::string& issue_id);

/// " On ISSUE the models disagree: compromise 62.0, median 75.0, ... (N% of the scale
/// apart), ..." when the models' outcomes on issue `k` span over 25% of its scale, else "".
/// The models are the report's (data.forecasts) or, with one forecast, its `disagreement`
/// (models_agree). Part of "How sure": the spread between models is uncertainty the Monte
/// Carlo draws of one model do not show.
[[nodiscard]] std::string DisagreementSentence(const ReportData& data, std::size_t k);

/// "how sure" in words from the 5-95% band's share of the scale: firm (<= 10%), moderately
/// sure (<= 30%), uncertain (more).
[[nodiscard]] std::string CertaintyWord(double band_share);

}  // namespace entente
