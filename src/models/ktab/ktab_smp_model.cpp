// The ktab-smp model on any Entente scenario: issues become SMP dimensions (each scale mapped
// onto KTAB's 0-1), actors keep their input order. Per issue, the unconstrained forecast is the
// win-probability weighted mean of the final positions (KTAB reports the positions and the
// probabilities; this is their expectation); rounds carry each state's positions.
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "entente/core/error.hpp"
#include "entente/core/text.hpp"
#include "entente/models/aggregate.hpp"
#include "entente/models/ktab/ktab_smp.hpp"

namespace entente {

SmpInput SmpInputFromScenario(const Scenario& s) {
  SmpInput in;
  in.actors = s.actors.size();
  in.dims = s.issues.size();
  in.capability.assign(in.actors, 0.0);
  in.position.assign(in.actors * in.dims, 0.5);
  in.salience.assign(in.actors * in.dims, 0.0);
  std::vector<int> count(in.actors, 0);
  for (std::size_t a = 0; a < in.dims; ++a) {
    const Issue& issue = s.issues[a];
    const double lo = issue.scale.min, range = issue.scale.Range();
    for (std::size_t i = 0; i < in.actors; ++i) {
      const Stance* st = issue.FindStance(s.actors[i].id);
      if (st == nullptr) {
        if (issue.status_quo && range > 0)
          in.position[i * in.dims + a] = (*issue.status_quo - lo) / range;
        continue;
      }
      in.position[i * in.dims + a] = range > 0 ? (st->position - lo) / range : 0.5;
      in.salience[i * in.dims + a] = st->salience;
      in.capability[i] += st->capability;
      ++count[i];
    }
  }
  for (std::size_t i = 0; i < in.actors; ++i) {
    if (count[i] > 0) in.capability[i] /= count[i];
    double total = 0;
    for (std::size_t a = 0; a < in.dims; ++a) total += in.salience[i * in.dims + a];
    if (total > 1) {
      for (std::size_t a = 0; a < in.dims; ++a) in.salience[i * in.dims + a] /= total;
    }
  }
  return in;
}

std::vector<double> ParseIdealAdjustment(const Scenario& s, const std::string& text) {
  const std::size_t n = s.actors.size();
  std::vector<double> a(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) a[i * n + i] = 1.0;
  auto index = [&](std::string_view id, std::string_view pair) {
    for (std::size_t i = 0; i < n; ++i) {
      if (s.actors[i].id == id) return i;
    }
    throw InputError(
        fmt::format("option ideal_adjustment: '{}' names no actor ('{}'); write "
                    "ACTOR:REFERENCE=WEIGHT;... with actor ids",
                    id, pair));
  };
  for (const std::string& pair : SplitList(text, ';')) {
    const std::size_t colon = pair.find(':'), eq = pair.rfind('=');
    const std::optional<double> w =
        eq == std::string::npos ? std::nullopt : ParseNumber(std::string_view(pair).substr(eq + 1));
    if (colon == std::string::npos || eq == std::string::npos || eq < colon || !w || *w < 0 ||
        *w > 1) {
      throw InputError(
          fmt::format("option ideal_adjustment: '{}' is not ACTOR:REFERENCE=WEIGHT "
                      "with a weight in [0, 1]; e.g. ideal_adjustment=Bob:Alice=0.07",
                      pair));
    }
    const std::string_view view(pair);
    a[index(Trim(view.substr(0, colon)), pair) * n +
      index(Trim(view.substr(colon + 1, eq - colon - 1)), pair)] = *w;
  }
  return a;
}

Forecast KtabSmpModel(const Scenario& s, const ModelOptions& options) {
  const SmpOptions o = ParseSmpOptions(options);
  SmpInput in = SmpInputFromScenario(s);
  if (const auto pairs =
          OptionReader(options, SmpOptionSpecs(), "ktab-smp").Text("ideal_adjustment")) {
    in.affinity = ParseIdealAdjustment(s, *pairs);
  }
  double total = 0;
  for (double c : in.capability) total += c;
  if (!(total > 0)) {
    throw InputError(
        "ktab-smp: no actor has capability > 0, so nobody can vote; give at least "
        "one actor a positive capability");
  }
  const SmpResult r = RunSmp(in, o);
  Forecast f;
  f.model = "ktab-smp";
  const std::size_t d = in.dims;
  // Which actors share a final position: one grouping of the whole state serves every issue
  // (computing it per issue cost O(n^2 d^2), 28% of a DEU I draw).
  const SmpState& last = r.states.back();
  const std::vector<std::size_t> group = SmpGroups(last.position, in.actors, d, o.merge_tolerance);
  std::vector<double> members(in.actors, 0.0);
  for (std::size_t g : group) members[g] += 1;
  std::unordered_map<std::string_view, std::size_t> actor_index;
  for (std::size_t i = 0; i < s.actors.size(); ++i) actor_index.emplace(s.actors[i].id, i);
  for (std::size_t a = 0; a < d; ++a) {
    const Issue& issue = s.issues[a];
    IssueForecast out;
    out.issue_id = issue.id;
    out.status_quo = issue.status_quo;
    const double lo = issue.scale.min, range = issue.scale.Range();
    std::vector<std::size_t> actor_of;  // per stance
    for (const Stance& stance : issue.stances) actor_of.push_back(actor_index.at(stance.actor));
    auto on_scale = [&](const SmpState& st, std::vector<double>& x, std::vector<double>& w) {
      x.clear();
      w.clear();
      for (std::size_t k = 0; k < issue.stances.size(); ++k) {
        const Stance& stance = issue.stances[k];
        const std::size_t i = actor_of[k];
        // Back on the issue's scale, without binary noise (55.00000000000001): the model's
        // positions carry at most 4 decimals of the 0-1 scale anyway. Beyond 1.8e299 the
        // scaling by 1e9 overflowed to inf (found by fuzz_pipeline); there is no noise to
        // remove at such magnitudes, so the value stays as it is.
        const double value = lo + range * st.position[i * d + a];
        const double scaled = value * 1e9;
        x.push_back(std::isfinite(scaled) ? std::round(scaled) / 1e9 : value);
        w.push_back(stance.Weight());
      }
    };
    std::vector<double> x, w;
    for (std::size_t t = 0; t < r.states.size(); ++t) {
      on_scale(r.states[t], x, w);
      if (o.trail) {
        const int number = t + 1 == r.states.size() ? r.turns : static_cast<int>(t);
        out.rounds.push_back(Round{number, WeightedMedian(x, w), WeightedMean(x, w), x});
      }
    }
    out.final_positions = x;
    // Expected outcome: sum over distinct positions of P(win) x position. Actors sharing a
    // position share its probability, so weight each actor by its share.
    double num = 0, den = 0;
    for (std::size_t i = 0; i < in.actors; ++i) {
      const double p = last.win[i] / members[group[i]];
      num += p * (lo + range * last.position[i * d + a]);
      den += p;
    }
    out.unconstrained = den > 0 ? num / den : WeightedMean(x, w);
    out.outcome = out.unconstrained;
    f.issues.push_back(std::move(out));
  }
  if (!r.converged) {
    f.warnings.push_back(fmt::format(
        "ktab-smp: positions were still moving after {} turns (max_turns); the forecast is the "
        "last state, not a settled one",
        r.turns));
  }
  return f;
}

}  // namespace entente
