// Council of the EU voting tables, transcribed from the treaties and the Council's published
// population figures (facts, not code):
//   pre-Nice: TEC art. 205(2) (Amsterdam numbering), EU-15: DE FR IT UK 10, ES 8, BE EL NL PT 5,
//     AT SE 4, DK FI IE 3, LU 2; total 87; a qualified majority is at least 62 votes.
//   Nice: Protocol on the enlargement annexed by the Treaty of Nice as amended by the 2003 and
//     2005 Acts of Accession (and the 2012 Act for Croatia): DE FR IT UK 29, ES PL 27, RO 14,
//     NL 13, BE CZ EL HU PT 12, AT BG SE 10, DK FI IE LT SK (HR) 7, CY EE LV LU SI 4, MT 3;
//     232 of 321 (EU-25), 255 of 345 (EU-27), 260 of 352 (EU-28), by a majority of members.
//   Lisbon: TEU art. 16(4), TFEU art. 238(2)-(3): 55% of members, at least 15, representing
//     65% of the population. Population shares as the Council fixes them each year in Annex III
//     of its Rules of Procedure from Eurostat data: EU-28 figures for 2016 (Council Decision
//     (EU, Euratom) 2015/2393; total 508,940,955) and EU-27 figures for 2025 (Eurostat population
//     on 1 January 2024; total 451,028,881), both as published to two decimals (so each set sums
//     to 100.01%).
#include "entente/core/eu_council.hpp"

#include <array>
#include <cctype>
#include <string>

namespace entente {
namespace {

constexpr std::array<CouncilMember, 28> kMembers = {{
    {"de", "Germany", 10, 29, 15.93, 18.49},    {"fr", "France", 10, 29, 13.04, 15.17},
    {"uk", "United Kingdom", 10, 29, 12.73, 0}, {"it", "Italy", 10, 29, 12.07, 13.23},
    {"es", "Spain", 8, 27, 9.12, 10.78},        {"pl", "Poland", 0, 27, 7.47, 8.33},
    {"ro", "Romania", 0, 14, 3.90, 4.23},       {"nl", "Netherlands", 5, 13, 3.37, 4.01},
    {"be", "Belgium", 5, 12, 2.21, 2.62},       {"el", "Greece", 5, 12, 2.13, 2.31},
    {"cz", "Czechia", 0, 12, 2.05, 2.42},       {"pt", "Portugal", 5, 12, 2.04, 2.36},
    {"hu", "Hungary", 0, 12, 1.94, 2.13},       {"se", "Sweden", 4, 10, 1.92, 2.34},
    {"at", "Austria", 4, 10, 1.69, 2.02},       {"bu", "Bulgaria", 0, 10, 1.42, 1.43},
    {"dk", "Denmark", 3, 7, 1.11, 1.32},        {"fi", "Finland", 3, 7, 1.08, 1.25},
    {"sk", "Slovakia", 0, 7, 1.06, 1.21},       {"ie", "Ireland", 3, 7, 0.91, 1.19},
    {"cr", "Croatia", 0, 7, 0.83, 0.86},        {"lt", "Lithuania", 0, 7, 0.57, 0.64},
    {"si", "Slovenia", 0, 4, 0.41, 0.47},       {"lv", "Latvia", 0, 4, 0.39, 0.42},
    {"ee", "Estonia", 0, 4, 0.26, 0.30},        {"cy", "Cyprus", 0, 4, 0.17, 0.21},
    {"lu", "Luxembourg", 2, 4, 0.11, 0.15},     {"mt", "Malta", 0, 3, 0.08, 0.12},
}};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string_view CouncilRegimeName(CouncilRegime r) {
  switch (r) {
    case CouncilRegime::kPreNice: return "pre_nice";
    case CouncilRegime::kNice: return "nice";
    case CouncilRegime::kLisbon: return "lisbon";
  }
  return "pre_nice";
}

std::optional<CouncilRegime> ParseCouncilRegime(std::string_view text) {
  const std::string t = Lower(text);
  if (t == "pre_nice" || t == "pre-nice" || t == "prenice") return CouncilRegime::kPreNice;
  if (t == "nice") return CouncilRegime::kNice;
  if (t == "lisbon") return CouncilRegime::kLisbon;
  return std::nullopt;
}

std::span<const CouncilMember> CouncilMembers() {
  return kMembers;
}

const CouncilMember* FindCouncilMember(std::string_view code) {
  std::string c = Lower(code);
  if (c == "gb") c = "uk";
  if (c == "gr") c = "el";
  if (c == "bg") c = "bu";
  if (c == "hr") c = "cr";
  for (const CouncilMember& m : kMembers) {
    if (m.code == c) return &m;
  }
  return nullptr;
}

std::optional<double> NiceQuota(double total_votes) {
  if (total_votes == 321) return 232;
  if (total_votes == 345) return 255;
  if (total_votes == 352) return 260;
  return std::nullopt;
}

}  // namespace entente
