// Alliance cohesion.
//   gap(positions) = mean_{a < b} sqrt(s_a s_b) |x_a - x_b| / R            in [0, 1]
//   loss_m         = s_m |y - x_m| / R                                     in [0, 1]
//   strain         = gap_before + max_m loss_m                             in [0, 2]
// "Both care, far apart, outcome far from one of them": the geometric mean of saliences makes
// the gap small when either ally is indifferent; the largest loss flags an outcome one ally
// cares about and will resent. R is the issue's scale range.
#include "entente/analysis/cohesion.hpp"

#include <algorithm>
#include <cmath>

#include "entente/core/assert.hpp"

namespace entente {

double AlliesGap(const std::vector<double>& x, const std::vector<double>& s, double range) {
  double sum = 0;
  int pairs = 0;
  for (std::size_t a = 0; a < x.size(); ++a) {
    for (std::size_t b = a + 1; b < x.size(); ++b) {
      sum += std::sqrt(s[a] * s[b]) * std::abs(x[a] - x[b]) / range;
      ++pairs;
    }
  }
  return pairs == 0 ? 0 : sum / pairs;
}

std::vector<AllianceCohesion> Cohesion(const Scenario& scenario, const Forecast& forecast) {
  ENTENTE_ASSERT(forecast.issues.size() == scenario.issues.size(), "forecast of another scenario");
  std::vector<AllianceCohesion> out;
  for (const Alliance& alliance : scenario.alliances) {
    AllianceCohesion ac;
    ac.alliance_id = alliance.id;
    for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
      const Issue& issue = scenario.issues[k];
      const IssueForecast& f = forecast.issues[k];
      IssueCohesion ic;
      ic.issue_id = issue.id;
      ic.outcome = f.outcome;
      std::vector<double> before, after, sal;
      for (const std::string& m : alliance.members) {
        for (std::size_t st = 0; st < issue.stances.size(); ++st) {
          const Stance& s = issue.stances[st];
          if (s.actor != m) continue;
          before.push_back(s.position);
          after.push_back(f.final_positions.empty() ? s.position : f.final_positions[st]);
          sal.push_back(s.salience);
          const double loss = s.salience * std::abs(f.outcome - s.position) / issue.scale.Range();
          ic.members.push_back(MemberLoss{m, s.position, s.salience, loss});
        }
      }
      if (ic.members.size() < 2) continue;
      ic.gap_before = AlliesGap(before, sal, issue.scale.Range());
      ic.gap_after = AlliesGap(after, sal, issue.scale.Range());
      double worst = 0;
      for (const MemberLoss& l : ic.members) worst = std::max(worst, l.loss);
      ic.strain = ic.gap_before + worst;
      ac.issues.push_back(std::move(ic));
    }
    std::stable_sort(
        ac.issues.begin(), ac.issues.end(),
        [](const IssueCohesion& a, const IssueCohesion& b) { return a.strain > b.strain; });
    out.push_back(std::move(ac));
  }
  return out;
}

}  // namespace entente
