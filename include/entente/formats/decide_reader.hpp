#pragma once
/// \file
/// Reader for the Decide exchange model's delimited input ('#A' actors, '#P' issues, '#M'
/// issue bounds, '#D' actor-issue data), e.g. the CoP21 case of Decide's reference runs.

#include <string>
#include <string_view>

#include "entente/core/result.hpp"
#include "entente/core/scenario.hpp"

namespace entente {

/// True when `text` looks like Decide input: its first non-blank line starts with a record tag
/// such as `#A`, `'#A'` or `#O` (content sniffing; the extension says nothing, Decide files
/// are .csv or .txt).
[[nodiscard]] bool LooksLikeDecide(std::string_view text);

/// Parses Decide input. Fields are separated by tabs (or `;` / `,` when a line has no tab)
/// and may be quoted with ' or ". Records: `#A id name [comment]`, `#P id name [description]`,
/// `#M issue bound` (two per issue: the scale's ends; without them the scale is 0-100, Decide's
/// internal interval), `#D actor issue position salience power`, `#O title`; `#/` lines are
/// comments. Every problem is reported with `file:line` and the field.
[[nodiscard]] Result<Scenario> ParseDecide(std::string_view text, const std::string& file);

}  // namespace entente
