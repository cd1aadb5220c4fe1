// Pooling several coders' numbers of one stance into one.
//   mean:    x = (1/n) sum_i x_i
//   median:  the middle value of the sorted x_(1) <= ... <= x_(n) (mean of the two middle ones
//            for even n)
//   trimmed: the trimmed mean with share p = kTrimShare cut from each end, fractionally:
//            x_(i) weighs the part of [(i-1)/n, i/n] inside [p, 1-p], i.e.
//            w_i = max(0, min(i/n, 1-p) - max((i-1)/n, p)), x = sum w_i x_(i) / sum w_i
//            (p = 0.25: the interquartile mean; Wilcox, Introduction to Robust Estimation and
//            Hypothesis Testing, 3rd ed., 2012, sec. 3.5 for the trimmed mean)
//   performance: x = sum_i w_i x_i / sum_i w_i with Cooke's weights (analysis/cooke.hpp)
// Each of position, salience and capability is pooled on its own.
#include "entente/core/coding.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "entente/core/assert.hpp"
#include "entente/core/scenario.hpp"

namespace entente {
namespace {

constexpr std::pair<PoolRule, std::string_view> kNames[] = {
    {PoolRule::kMean, "mean"},
    {PoolRule::kMedian, "median"},
    {PoolRule::kTrimmed, "trimmed"},
    {PoolRule::kMixture, "mixture"},
    {PoolRule::kMixtureCoder, "mixture-coder"},
    {PoolRule::kPerformance, "performance"},
};

double Mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double Trimmed(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const auto n = static_cast<double>(v.size());
  double sum = 0;
  double total = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const double lo = std::max(static_cast<double>(i) / n, kTrimShare);
    const double hi = std::min(static_cast<double>(i + 1) / n, 1 - kTrimShare);
    const double w = std::max(0.0, hi - lo);
    sum += w * v[i];
    total += w;
  }
  return sum / total;
}

double Weighted(const std::vector<double>& v, const std::vector<double>& w) {
  double sum = 0;
  double total = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    sum += w[i] * v[i];
    total += w[i];
  }
  return total > 0 ? sum / total : Mean(v);
}

// The common value of `get` over the codings, or `fallback` when they differ.
template <typename T, typename Get>
T Common(const std::vector<const Coding*>& codings, Get get, T fallback) {
  T first = get(*codings.front());
  for (const Coding* c : codings) {
    if (!(get(*c) == first)) return fallback;
  }
  return first;
}

using PairKey = std::pair<std::string_view, std::string_view>;

std::map<PairKey, std::vector<const Coding*>> ByStance(const Scenario& scenario) {
  std::map<PairKey, std::vector<const Coding*>> out;
  for (const Coding& c : scenario.codings) out[{c.issue, c.stance.actor}].push_back(&c);
  return out;
}

}  // namespace

std::string_view PoolRuleName(PoolRule rule) {
  for (const auto& [r, name] : kNames) {
    if (r == rule) return name;
  }
  return "";
}

std::optional<PoolRule> ParsePoolRule(std::string_view text) {
  for (const auto& [r, name] : kNames) {
    if (name == text) return r;
  }
  return std::nullopt;
}

std::string PoolRuleNames() {
  std::vector<std::string_view> names;
  for (const auto& entry : kNames) names.push_back(entry.second);
  return fmt::format("{}", fmt::join(names, ", "));
}

double PoolValues(const std::vector<double>& values, PoolRule rule,
                  const std::vector<double>& weights) {
  ENTENTE_ASSERT(!values.empty(), "pooling needs at least one value");
  switch (rule) {
    case PoolRule::kMedian: return Median(values);
    case PoolRule::kTrimmed: return Trimmed(values);
    case PoolRule::kPerformance:
      return weights.size() == values.size() ? Weighted(values, weights) : Mean(values);
    case PoolRule::kMean:
    case PoolRule::kMixture:
    case PoolRule::kMixtureCoder: return Mean(values);
  }
  return Mean(values);
}

bool HasCodings(const Scenario& scenario) {
  return !scenario.codings.empty();
}

std::vector<std::string> Coders(const Scenario& scenario) {
  std::vector<std::string> out;
  for (const Coding& c : scenario.codings) {
    if (std::find(out.begin(), out.end(), c.coder) == out.end()) out.push_back(c.coder);
  }
  return out;
}

std::vector<const Coding*> CodingsOf(const Scenario& scenario, std::string_view issue,
                                     std::string_view actor) {
  std::vector<const Coding*> out;
  for (const Coding& c : scenario.codings) {
    if (c.issue == issue && c.stance.actor == actor) out.push_back(&c);
  }
  return out;
}

void AddCoding(std::vector<Coding>& codings, Issue& issue, std::string coder, Stance stance) {
  bool first = true;
  for (const Coding& c : codings)
    first = first && !(c.issue == issue.id && c.stance.actor == stance.actor);
  if (first) issue.stances.push_back(stance);
  codings.push_back(Coding{std::move(coder), issue.id, std::move(stance)});
}

void PoolCodings(Scenario& scenario, PoolRule rule, const CoderWeights* weights) {
  if (scenario.codings.empty()) return;
  // The order writers use (by issue, then stance, then input order), so that a written and
  // re-read scenario equals the one read first.
  std::map<PairKey, std::size_t> place;
  for (const Issue& issue : scenario.issues) {
    for (const Stance& st : issue.stances) place.emplace(PairKey{issue.id, st.actor}, place.size());
  }
  const auto rank = [&place](const Coding& c) {
    const auto it = place.find({c.issue, c.stance.actor});
    return it == place.end() ? place.size() : it->second;
  };
  std::stable_sort(scenario.codings.begin(), scenario.codings.end(),
                   [&rank](const Coding& a, const Coding& b) { return rank(a) < rank(b); });
  const auto by_stance = ByStance(scenario);
  std::vector<double> x, s, c, w;
  for (Issue& issue : scenario.issues) {
    for (Stance& st : issue.stances) {
      const auto it = by_stance.find({issue.id, st.actor});
      if (it == by_stance.end()) continue;
      const std::vector<const Coding*>& codings = it->second;
      x.clear();
      s.clear();
      c.clear();
      w.clear();
      for (const Coding* k : codings) {
        x.push_back(k->stance.position);
        s.push_back(k->stance.salience);
        c.push_back(k->stance.capability);
        if (weights != nullptr) {
          double wk = 0;
          for (std::size_t i = 0; i < weights->coders.size(); ++i) {
            if (weights->coders[i] == k->coder) wk = weights->weights[i];
          }
          w.push_back(wk);
        }
      }
      st.position = PoolValues(x, rule, w);
      st.salience = PoolValues(s, rule, w);
      st.capability = PoolValues(c, rule, w);
      st.basis = Common(
          codings, [](const Coding& k) { return k.stance.basis; }, Basis::kJudgement);
      st.note = Common(
          codings, [](const Coding& k) { return k.stance.note; }, std::string());
      st.position_spread = Common(
          codings, [](const Coding& k) { return k.stance.position_spread; }, Spread{});
      st.salience_spread = Common(
          codings, [](const Coding& k) { return k.stance.salience_spread; }, Spread{});
      st.capability_spread = Common(
          codings, [](const Coding& k) { return k.stance.capability_spread; }, Spread{});
      st.origin = codings.front()->stance.origin;
    }
  }
}

Errors ValidateSeeds(const std::vector<SeedAnswer>& seeds) {
  Errors errors;
  const auto add = [&errors](const SeedAnswer& a, const char* field, std::string message,
                             std::string hint) {
    errors.push_back(Error{
        a.origin.WithField(field),
        fmt::format("coder '{}', seed question '{}': {}", a.coder, a.question, std::move(message)),
        std::move(hint)});
  };
  std::set<std::pair<std::string, std::string>> seen;
  std::map<std::string, double> realization;
  std::set<std::string> coders, questions;
  for (const SeedAnswer& a : seeds) {
    if (a.coder.empty()) add(a, "coder", "the coder is empty", "name the coder of every answer");
    if (a.question.empty())
      add(a, "question", "the question is empty", "name the seed question of every answer");
    coders.insert(a.coder);
    questions.insert(a.question);
    for (const auto& [field, v] : {std::pair<const char*, double>{"q05", a.q05},
                                   {"q50", a.q50},
                                   {"q95", a.q95},
                                   {"realization", a.realization}}) {
      if (!std::isfinite(v))
        add(a, field, fmt::format("{} is not a finite number", field), "give a number");
    }
    if (!(a.q05 < a.q50 && a.q50 < a.q95)) {
      add(a, "q50", fmt::format("the values {} / {} / {} do not increase", a.q05, a.q50, a.q95),
          "give q05 < q50 < q95 (the 5%, 50% and 95% values)");
    }
    if (!seen.insert({a.coder, a.question}).second)
      add(a, "question", "answered twice", "keep one answer per coder and question");
    if (auto [it, fresh] = realization.emplace(a.question, a.realization);
        !fresh && it->second != a.realization) {
      add(a, "realization",
          fmt::format("realization {} differs from {} given with another answer", a.realization,
                      it->second),
          "give the question's true value the same on every row");
    }
  }
  for (const std::string& c : coders) {
    for (const std::string& q : questions) {
      if (seen.contains({c, q})) continue;
      const SeedAnswer* where = nullptr;
      for (const SeedAnswer& a : seeds) {
        if (a.coder == c && where == nullptr) where = &a;
      }
      errors.push_back(Error{where->origin.WithField("question"),
                             fmt::format("coder '{}' did not answer seed question '{}'", c, q),
                             "every coder answers every seed question (the scores compare "
                             "coders on the same questions)"});
    }
  }
  return errors;
}

Scenario CoderScenario(const Scenario& scenario, std::string_view coder) {
  Scenario out = scenario;
  for (const Coding& k : scenario.codings) {
    if (k.coder != coder) continue;
    Issue* issue = out.FindIssue(k.issue);
    if (issue == nullptr) continue;
    if (Stance* st = issue->FindStance(k.stance.actor); st != nullptr) *st = k.stance;
  }
  out.codings.clear();
  return out;
}

}  // namespace entente
