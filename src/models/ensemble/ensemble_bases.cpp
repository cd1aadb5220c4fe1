// Base forecasts of the ensemble model. The features are ours (research note on DEU I):
//   status_quo_d = q_d, or the compromise when q_d is unknown;
//   setter_d     = x_{a,d} for the agenda setter a, or the compromise when a takes no part;
//   mean_d       = (1/|A_d|) sum_{i in A_d} x_id, A_d = actors with s_id > 0 (all if none).
// The agenda setter's position matters in procedural models (Tsebelis 1994; Crombez 1996);
// the status quo in veto-player models (Tsebelis 2002). On DEU I neither earns weight out of
// sample, which `entente calibrate` reports rather than assumes.
#include "entente/models/ensemble/ensemble_bases.hpp"

#include <fmt/format.h>

#include "entente/core/error.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

double Compromise(const Issue& issue) {
  double num = 0;
  double den = 0;
  for (const Stance& s : issue.stances) {
    num += s.Weight() * s.position;
    den += s.Weight();
  }
  return den > 0 ? num / den : (issue.scale.min + issue.scale.max) / 2;
}

double UnweightedMean(const Issue& issue) {
  double sum = 0;
  int n = 0;
  for (const Stance& s : issue.stances) {
    if (s.salience > 0) {
      sum += s.position;
      ++n;
    }
  }
  if (n == 0) {
    for (const Stance& s : issue.stances) {
      sum += s.position;
      ++n;
    }
  }
  return n > 0 ? sum / n : Compromise(issue);
}

}  // namespace

bool IsFeatureBase(std::string_view name) {
  for (std::string_view f : kFeatureBases) {
    if (f == name) return true;
  }
  return false;
}

std::vector<double> BaseForecasts(const Scenario& scenario, std::string_view name,
                                  const ModelOptions& options, std::string_view setter) {
  std::vector<double> out;
  out.reserve(scenario.issues.size());
  if (name == "status_quo") {
    for (const Issue& issue : scenario.issues) {
      out.push_back(issue.status_quo ? *issue.status_quo : Compromise(issue));
    }
  } else if (name == "setter") {
    for (const Issue& issue : scenario.issues) {
      const Stance* s = setter.empty() ? nullptr : issue.FindStance(setter);
      out.push_back(s != nullptr ? s->position : Compromise(issue));
    }
  } else if (name == "mean") {
    for (const Issue& issue : scenario.issues) out.push_back(UnweightedMean(issue));
  } else {
    const ModelInfo* model = FindModel(name);
    if (model == nullptr || name == "ensemble") {
      throw InputError(fmt::format(
          "'{}' is not a base an ensemble can combine; use a model name (see `entente models`) "
          "or status_quo, setter, mean",
          name));
    }
    ModelOptions quiet = options;
    quiet.set_trail(false);
    const Forecast f = RunForecastTrusted(scenario, *model, quiet);
    for (const IssueForecast& i : f.issues) out.push_back(i.outcome);
  }
  return out;
}

}  // namespace entente
