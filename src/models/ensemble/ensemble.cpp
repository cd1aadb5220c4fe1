// Ensemble model: a convex combination of base forecasts,
//   x*_d = sum_j w_j b_jd,   w_j >= 0,  sum_j w_j = 1,
// with the b_jd from BaseForecasts (models' outcomes and issue features) and the w_j fitted
// by least absolute deviations on cases with known outcomes (analysis/convex_lad.cpp; Bates &
// Granger 1969 for combining forecasts, the convex constraint as in Granger & Ramanathan
// 1984's restricted form). The weights come from a calibration file; this model only applies
// them, so it never sees an outcome.
#include "entente/models/ensemble/ensemble.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "entente/core/error.hpp"
#include "entente/models/ensemble/ensemble_bases.hpp"

namespace entente {
namespace {

struct Weighted {
  std::string base;
  double weight = 0;
};

std::vector<Weighted> ParseWeights(const std::string& text) {
  std::vector<Weighted> out;
  double total = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const std::string part = text.substr(start, end - start);
    const std::size_t colon = part.rfind(':');
    double w = -1;
    if (colon != std::string::npos && colon > 0) {
      const char* b = part.data() + colon + 1;
      const char* e = part.data() + part.size();
      auto [p, ec] = std::from_chars(b, e, w);
      if (ec != std::errc() || p != e) w = -1;
    }
    if (!(w >= 0) || !std::isfinite(w)) {
      throw InputError(
          fmt::format("option weights: '{}' is not BASE:WEIGHT with a weight >= 0; write e.g. "
                      "weights=compromise:0.9,mean:0.1",
                      part));
    }
    out.push_back({part.substr(0, colon), w});
    total += w;
    start = end + 1;
  }
  if (std::abs(total - 1.0) > 1e-6) {
    throw InputError(fmt::format(
        "option weights: the weights sum to {}, not 1; give a convex combination", total));
  }
  return out;
}

constexpr std::array kSpecs = {
    OptionSpec{"setter",
               OptionType::kText,
               "",
               0,
               0,
               {},
               "actor id of the agenda setter for the setter base (from the calibration file)"},
    OptionSpec{"weights",
               OptionType::kText,
               "",
               0,
               0,
               {},
               "required: name:w,name:w (w >= 0 summing to 1), from --calibration FILE; "
               "MODEL.KEY=VALUE passes option KEY to base MODEL"},
};

}  // namespace

std::span<const OptionSpec> EnsembleOptionSpecs() {
  return kSpecs;
}

Forecast EnsembleModel(const Scenario& scenario, const ModelOptions& options) {
  if (!options.Has("weights")) {
    throw InputError(
        "the ensemble model needs its weights: give --calibration FILE (from `entente "
        "calibrate`) or --option weights=compromise:0.9,mean:0.1");
  }
  std::map<std::string, ModelOptions> base_options;
  std::string setter;
  for (const auto& [key, value] : options.values()) {
    if (key == "weights") continue;
    if (key == "setter") {
      setter = value;
      continue;
    }
    const std::size_t dot = key.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == key.size()) {
      throw InputError(fmt::format(
          "model 'ensemble' has no option '{}'; it knows weights, setter and MODEL.KEY (an "
          "option of a base model, e.g. eu.q)",
          key));
    }
    base_options[key.substr(0, dot)].Set(key.substr(dot + 1), value);
  }
  const std::vector<Weighted> weights = ParseWeights(options.values().find("weights")->second);
  for (const auto& [base, opts] : base_options) {
    bool used = false;
    for (const Weighted& w : weights) used = used || w.base == base;
    if (!used) {
      throw InputError(fmt::format(
          "model 'ensemble': options are given for '{}', which has no weight; drop them", base));
    }
  }

  Forecast forecast;
  forecast.model = "ensemble";
  forecast.issues.resize(scenario.issues.size());
  for (const Weighted& w : weights) {
    auto it = base_options.find(w.base);
    ModelOptions opts = it == base_options.end() ? ModelOptions{} : it->second;
    opts.set_cancel(options.cancel());  // a request whose client left stops every base too
    const std::vector<double> b = BaseForecasts(scenario, w.base, opts, setter);
    for (std::size_t d = 0; d < b.size(); ++d) forecast.issues[d].unconstrained += w.weight * b[d];
  }
  for (std::size_t d = 0; d < scenario.issues.size(); ++d) {
    const Issue& issue = scenario.issues[d];
    IssueForecast& f = forecast.issues[d];
    f.issue_id = issue.id;
    f.unconstrained = std::clamp(f.unconstrained, issue.scale.min, issue.scale.max);
    f.final_positions.reserve(issue.stances.size());
    for (const Stance& s : issue.stances) f.final_positions.push_back(s.position);
  }
  return forecast;
}

}  // namespace entente
