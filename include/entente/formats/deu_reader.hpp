#pragma once
/// \file
/// Reader for the DEU data sets (Decision-making in the European Union; Thomson, Stokman, Achen
/// & Koenig 2006; Arregui & Perarnaud 2021): one row per contested issue of an EU legislative
/// proposal, positions `p<code>` and saliences `s<code>` of the Commission (`com`), the
/// Parliament (`ep`) and the member states, the reference point `rp` and the outcome `out`.
/// Conventions in docs/deu.md.

#include <optional>
#include <string>
#include <string_view>

#include "entente/core/outcome.hpp"
#include "entente/core/result.hpp"
#include "entente/formats/council_votes.hpp"

namespace entente {

/// How the DEU reader turns a row into stances; the defaults are the conventions of the DEU I
/// reference computation (docs/deu.md).
struct DeuOptions {
  /// The Commission's and the Parliament's capability (they have no Council vote).
  enum class ComEp {
    kLargest,  ///< the largest capability among the member states on the issue (default)
    kMean,     ///< the mean capability of the member states on the issue
    kFixed,    ///< `com_ep_value`
  };
  ComEp com_ep = ComEp::kLargest;       ///< see ComEp
  double com_ep_value = 0;              ///< with kFixed
  int min_actors = 3;                   ///< outcomes of issues with fewer actors are not kept
  std::optional<CouncilRegime> regime;  ///< force one regime instead of reading the dates
  /// Give each issue the decision rule of its legislative procedure (`proc`, `counvte`; see
  /// RuleForDeuProcedure) in the regime in force; off by default (docs/deu.md says why).
  bool procedure_rules = false;
};

/// Sets one reader option from text: `com_ep_capability=largest|mean|NUMBER`,
/// `min_actors=N`, `regime=auto|pre_nice|nice|lisbon`, `rules=none|procedure`. A located error
/// (field `key`) for an unknown key or a bad value.
[[nodiscard]] Result<Unit> SetDeuOption(DeuOptions& options, std::string_view key,
                                        std::string_view value);

/// True when the first non-blank line is a DEU header: tab- or comma-separated column names
/// including `isnr` and a `p<code>`/`s<code>` pair (content sniffing; DEU files are .tsv,
/// .tab, .csv or .txt).
[[nodiscard]] bool LooksLikeDeu(std::string_view text);

/// Parses a DEU table: one issue per row (id `isnr`) on a 0-100 scale; actors `com`, `ep` and
/// the member states with both a position and a salience (blank and 999 are missing; salience
/// s/100); status quo `rp` (blank: unknown, with a note); capability = Council votes of the
/// regime in force at the final act `finact` (`intro` when it is missing); outcome `out`;
/// issues grouped by proposal `prnr` (name `prname`); every other column kept as issue
/// metadata, plus `council_regime`. Every bad cell is a located error (`file:line`, column).
[[nodiscard]] Result<ScenarioDocument> ParseDeu(std::string_view text, const std::string& file,
                                                const DeuOptions& options = {});

}  // namespace entente
