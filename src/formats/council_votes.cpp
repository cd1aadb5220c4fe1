// Council of the EU vote weights, transcribed from the treaties.
//   pre_nice: Treaty establishing the European Community, art. 205(2) as amended by the 1994
//     Act of Accession (EU-15, in force to 31 October 2004): DE FR IT UK 10, ES 8, BE EL NL PT 5,
//     AT SE 4, DK FI IE 3, LU 2; 87 votes, qualified majority 62.
//   nice: Treaty of Nice, Protocol on the enlargement of the EU, art. 3, with the 2003 and 2005
//     Acts of Accession (1 November 2004 - 31 October 2014): DE FR IT UK 29, ES PL 27, RO 14,
//     NL 13, BE CZ EL HU PT 12, AT BG SE 10, DK FI IE LT SK 7 (HR 7 from 2013), CY EE LV LU SI 4,
//     MT 3; 345 votes for EU-27, 352 for EU-28.
//   lisbon: Treaty on European Union art. 16(4) (from 1 November 2014) weighs states by
//     population in a double majority; the weight here is the population in millions, about
//     2019 (Eurostat population series, as tabulated with the DEU data), the usual proxy.
#include "entente/formats/council_votes.hpp"

#include <algorithm>
#include <array>

namespace entente {
namespace {

struct Weight {
  std::string_view code;
  double pre_nice;  // 0: no seat
  double nice;
  double lisbon;
};

constexpr std::array<Weight, 28> kWeights = {{
    {"at", 4, 10, 8.93},  {"be", 5, 12, 11.57},  {"bu", 0, 10, 6.92},   {"cr", 0, 7, 4.04},
    {"cy", 0, 4, 0.90},   {"cz", 0, 12, 10.57},  {"dk", 3, 7, 5.83},    {"ee", 0, 4, 1.33},
    {"fi", 3, 7, 5.53},   {"fr", 10, 29, 67.44}, {"de", 10, 29, 83.12}, {"el", 5, 12, 10.38},
    {"hu", 0, 12, 9.73},  {"ie", 3, 7, 5.01},    {"it", 10, 29, 58.97}, {"lv", 0, 4, 1.86},
    {"lt", 0, 7, 2.80},   {"lu", 2, 4, 0.63},    {"mt", 0, 3, 0.52},    {"nl", 5, 13, 17.61},
    {"pl", 0, 27, 37.84}, {"pt", 5, 12, 10.75},  {"ro", 0, 14, 19.19},  {"si", 0, 4, 2.11},
    {"sk", 0, 7, 5.42},   {"es", 8, 27, 48.95},  {"se", 4, 10, 10.37},  {"uk", 10, 29, 67.79},
}};

struct Name {
  std::string_view code;
  std::string_view name;
};

constexpr std::array<Name, 30> kNames = {{
    {"com", "European Commission"},
    {"ep", "European Parliament"},
    {"at", "Austria"},
    {"be", "Belgium"},
    {"bu", "Bulgaria"},
    {"cr", "Croatia"},
    {"cy", "Cyprus"},
    {"cz", "Czech Republic"},
    {"dk", "Denmark"},
    {"ee", "Estonia"},
    {"fi", "Finland"},
    {"fr", "France"},
    {"de", "Germany"},
    {"el", "Greece"},
    {"hu", "Hungary"},
    {"ie", "Ireland"},
    {"it", "Italy"},
    {"lv", "Latvia"},
    {"lt", "Lithuania"},
    {"lu", "Luxembourg"},
    {"mt", "Malta"},
    {"nl", "Netherlands"},
    {"pl", "Poland"},
    {"pt", "Portugal"},
    {"ro", "Romania"},
    {"si", "Slovenia"},
    {"sk", "Slovakia"},
    {"es", "Spain"},
    {"se", "Sweden"},
    {"uk", "United Kingdom"},
}};

}  // namespace

std::string_view CouncilRegimeName(CouncilRegime regime) {
  switch (regime) {
    case CouncilRegime::kPreNice: return "pre_nice";
    case CouncilRegime::kNice: return "nice";
    case CouncilRegime::kLisbon: return "lisbon";
  }
  return "pre_nice";
}

std::optional<CouncilRegime> ParseCouncilRegime(std::string_view text) {
  if (text == "pre_nice") return CouncilRegime::kPreNice;
  if (text == "nice") return CouncilRegime::kNice;
  if (text == "lisbon") return CouncilRegime::kLisbon;
  return std::nullopt;
}

CouncilRegime CouncilRegimeOn(int year, int month, int day) {
  const long date = year * 10000L + month * 100L + day;
  if (date >= 20141101) return CouncilRegime::kLisbon;
  if (date >= 20041101) return CouncilRegime::kNice;
  return CouncilRegime::kPreNice;
}

std::optional<double> CouncilWeight(CouncilRegime regime, std::string_view code) {
  for (const Weight& w : kWeights) {
    if (w.code != code) continue;
    const double v = regime == CouncilRegime::kPreNice ? w.pre_nice
                     : regime == CouncilRegime::kNice  ? w.nice
                                                       : w.lisbon;
    if (v > 0) return v;
    return std::nullopt;
  }
  return std::nullopt;
}

double LargestCouncilWeight(CouncilRegime regime) {
  double largest = 0;
  for (const Weight& w : kWeights)
    largest = std::max(largest, CouncilWeight(regime, w.code).value_or(0));
  return largest;
}

bool IsCouncilMember(std::string_view code) {
  for (const Weight& w : kWeights) {
    if (w.code == code) return true;
  }
  return false;
}

std::string_view DeuActorName(std::string_view code) {
  for (const Name& n : kNames) {
    if (n.code == code) return n.name;
  }
  return {};
}

}  // namespace entente
