// The capability the DEU reader gives Council members. Pre-Nice and Nice votes come from the
// one table of member states (core/eu_council.cpp, with their treaty sources). Under Lisbon the
// Council has no weights (TEU art. 16(4): a double majority of members and population); the DEU
// data set's convention, followed here, weighs a state by its population in millions, about
// 2019 (Eurostat population series, as tabulated with the DEU data, council_votes.csv).
#include "entente/formats/council_votes.hpp"

#include <algorithm>
#include <array>

namespace entente {
namespace {

struct Population {
  std::string_view code;
  double millions;
};

constexpr std::array<Population, 28> kPopulation = {{
    {"at", 8.93}, {"be", 11.57}, {"bu", 6.92},  {"cr", 4.04},  {"cy", 0.90},  {"cz", 10.57},
    {"dk", 5.83}, {"ee", 1.33},  {"fi", 5.53},  {"fr", 67.44}, {"de", 83.12}, {"el", 10.38},
    {"hu", 9.73}, {"ie", 5.01},  {"it", 58.97}, {"lv", 1.86},  {"lt", 2.80},  {"lu", 0.63},
    {"mt", 0.52}, {"nl", 17.61}, {"pl", 37.84}, {"pt", 10.75}, {"ro", 19.19}, {"si", 2.11},
    {"sk", 5.42}, {"es", 48.95}, {"se", 10.37}, {"uk", 67.79},
}};

// DEU codes only (lower case, el/bu/cr/uk): the reader has already lower-cased its header.
const CouncilMember* Member(std::string_view code) {
  for (const CouncilMember& m : CouncilMembers()) {
    if (m.code == code) return &m;
  }
  return nullptr;
}

}  // namespace

CouncilRegime CouncilRegimeOn(int year, int month, int day) {
  const long date = year * 10000L + month * 100L + day;
  if (date >= 20141101) return CouncilRegime::kLisbon;
  if (date >= 20041101) return CouncilRegime::kNice;
  return CouncilRegime::kPreNice;
}

std::optional<double> CouncilWeight(CouncilRegime regime, std::string_view code) {
  const CouncilMember* m = Member(code);
  if (m == nullptr) return std::nullopt;
  double v = 0;
  switch (regime) {
    case CouncilRegime::kPreNice: v = m->pre_nice_votes; break;
    case CouncilRegime::kNice: v = m->nice_votes; break;
    case CouncilRegime::kLisbon:
      for (const Population& p : kPopulation) {
        if (p.code == code) v = p.millions;
      }
      break;
  }
  if (v > 0) return v;
  return std::nullopt;
}

double LargestCouncilWeight(CouncilRegime regime) {
  double largest = 0;
  for (const CouncilMember& m : CouncilMembers())
    largest = std::max(largest, CouncilWeight(regime, m.code).value_or(0));
  return largest;
}

bool IsCouncilMember(std::string_view code) {
  return Member(code) != nullptr;
}

std::string_view DeuActorName(std::string_view code) {
  if (code == "com") return "European Commission";
  if (code == "ep") return "European Parliament";
  const CouncilMember* m = Member(code);
  return m == nullptr ? std::string_view{} : m->name;
}

}  // namespace entente
