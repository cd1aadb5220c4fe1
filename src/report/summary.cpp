#include "entente/report/summary.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "entente/core/text.hpp"

namespace entente {
namespace {

std::string F(double v) {
  return FormatFixed(v, 1);
}

std::string Percent(double share) {
  if (share > 0 && share < 0.005) return "under 1%";
  if (share < 1 && share > 0.995) return "over 99%";
  return FormatFixed(100 * share, 0) + "%";
}

std::string ForecastSentence(const ReportData& data, std::size_t k) {
  const Issue& issue = data.scenario.issues[k];
  const IssueForecast& f = data.forecasts.front().issues[k];
  std::string out =
      fmt::format("The {} model forecasts {}", data.forecasts.front().model, F(f.outcome));
  // Where it lies among the anchors: "nearest" alone read as "equal" (54% of troops is not
  // "100 = 28,500 troops maintained").
  const AnchorPlace p = issue.scale.PlaceAmongAnchors(f.outcome);
  const auto side = [](const Anchor& a) {
    return fmt::format("{} = {}", FormatNumber(a.value), a.label);
  };
  if (p.at != nullptr) {
    out += fmt::format(" (at anchor {})", side(*p.at));
  } else if (p.below != nullptr && p.above != nullptr) {
    out += fmt::format(" (between anchors {} and {})", side(*p.below), side(*p.above));
  } else if (p.below != nullptr || p.above != nullptr) {
    out += fmt::format(" ({} anchor {})", p.below != nullptr ? "above" : "below",
                       side(p.below != nullptr ? *p.below : *p.above));
  }
  out += '.';
  // What the decision rule did, in the words the forecast table uses.
  if (f.procedure && (f.procedure->binds || f.procedure->model_kept || !f.proposer.empty())) {
    out += " " + f.procedure->explanation;
  }
  std::vector<std::string> others;
  for (std::size_t m = 1; m < data.forecasts.size(); ++m) {
    others.push_back(
        fmt::format("{} {}", data.forecasts[m].model, F(data.forecasts[m].issues[k].outcome)));
  }
  if (!others.empty()) out += fmt::format(" Other models: {}.", fmt::join(others, ", "));
  if (f.stability && f.stability->knife_edge) {
    out += fmt::format(
        " Knife-edge: nudging every position by at most {} moves this outcome anywhere from {} "
        "to {}.",
        FormatNumber(f.stability->step), F(f.stability->lo), F(f.stability->hi));
  }
  return out;
}

std::string CertaintySentence(const ReportData& data, std::size_t k) {
  const std::string disagreement = DisagreementSentence(data, k);
  if (!data.simulation || k >= data.simulation->issues.size()) {
    return "No Monte Carlo draws were run, so how sure the forecast is was not measured." +
           disagreement;
  }
  const IssueDistribution& d = data.simulation->issues[k];
  const double range = data.scenario.issues[k].scale.Range();
  const double share = range > 0 ? (d.p95 - d.p05) / range : 0;
  std::string out = fmt::format("{}: 90% of {} draws fall between {} and {} ({} of the scale)",
                                CertaintyWord(share), data.simulation->draws_done, F(d.p05),
                                F(d.p95), Percent(share));
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  if (d.p_status_quo)
    out += fmt::format("; the status quo holds in {} of them", Percent(*d.p_status_quo));
  return out + '.' + disagreement;
}

std::string LeverSentence(const ReportData& data, std::size_t k) {
  const IssueSensitivity* s = SensitivityOf(data, k);
  if (s == nullptr) return "Sensitivity was not computed (no Monte Carlo draws).";
  std::vector<std::string> parts;
  for (const InputEffect& e : s->effects) {
    if (parts.size() == 2) break;
    if (std::abs(e.outcome_high - e.outcome_low) < 0.05) continue;
    parts.push_back(fmt::format("{} from {} to {} moves the outcome from {} to {}",
                                EffectLabel(e, s->issue_id), F(e.low), F(e.high), F(e.outcome_low),
                                F(e.outcome_high)));
  }
  if (parts.empty()) {
    return "No single input moved to its 5% or 95% point changes the outcome by 0.05 or more.";
  }
  return fmt::format("{}.", fmt::join(parts, "; "));
}

}  // namespace

std::string DisagreementSentence(const ReportData& data, std::size_t k) {
  const Issue& issue = data.scenario.issues[k];
  // Every model's outcome: the report's own models, or else the forecast's models_agree data.
  std::vector<std::pair<std::string, double>> outcomes;
  if (data.forecasts.size() > 1) {
    for (const Forecast& g : data.forecasts) outcomes.emplace_back(g.model, g.issues[k].outcome);
  } else if (!data.forecasts.empty() && data.forecasts.front().issues[k].disagreement) {
    outcomes = data.forecasts.front().issues[k].disagreement->outcomes;
  }
  if (outcomes.size() < 2) return "";
  double lo = outcomes.front().second;
  double hi = lo;
  for (const auto& [model, y] : outcomes) {
    lo = std::min(lo, y);
    hi = std::max(hi, y);
  }
  const double range = issue.scale.Range();
  if (!(range > 0) || hi - lo <= 0.25 * range) return "";
  std::vector<std::string> parts;
  parts.reserve(outcomes.size());
  for (const auto& [model, y] : outcomes) parts.push_back(fmt::format("{} {}", model, F(y)));
  return fmt::format(
      " On {} the models disagree: {} ({} of the scale apart), so no single number is reliable.",
      issue.id, fmt::join(parts, ", "), Percent((hi - lo) / range));
}

std::string CertaintyWord(double band_share) {
  if (band_share <= 0.1) return "firm";
  if (band_share <= 0.3) return "moderately sure";
  return "uncertain";
}

std::string EffectLabel(const InputEffect& effect, const std::string& issue_id) {
  std::string out = fmt::format("{} {}", effect.actor, StanceFieldName(effect.field));
  if (effect.input_issue != issue_id) out += " on " + effect.input_issue;
  return out;
}

std::vector<IssueSummary> Summarize(const ReportData& data) {
  std::vector<IssueSummary> out;
  for (std::size_t k = 0; k < data.scenario.issues.size(); ++k) {
    const Issue& issue = data.scenario.issues[k];
    out.push_back({issue.id, issue.name, ForecastSentence(data, k), CertaintySentence(data, k),
                   LeverSentence(data, k)});
  }
  return out;
}

std::string Overview(const ReportData& data) {
  const ReportOptions& o = data.options;
  std::string out =
      fmt::format("{} issues and {} actors, forecast with the {} model",
                  data.scenario.issues.size(), data.scenario.actors.size(), o.run.model.name);
  const std::vector<std::string>& models = o.run.models;
  if (models.size() > 1) {
    out += fmt::format(" (alongside {})",
                       fmt::join(std::vector<std::string>(models.begin() + 1, models.end()), ", "));
  }
  out +=
      ". Outcomes respect each issue's decision rule: only a point that a winning coalition "
      "(every veto player, and the majority the rule asks for) prefers to the status quo passes.";
  if (!o.calibration_note.empty()) {
    out += fmt::format(
        " The {} model's parameters come from {}; a calibration is only as good as the "
        "resemblance of this case to its training data.",
        o.run.model.name, o.calibration_note);
  }
  if (data.simulation) {
    out += fmt::format(
        " Uncertainty comes from {} Monte Carlo draws (seed {}) over {} uncertain inputs; stances "
        "without a stated spread get {}% noise (positions: sd {}% of the scale; salience and "
        "capability: {}% of the value).",
        data.simulation->draws_done, o.run.seed, data.simulation->uncertain_inputs,
        FormatNumber(o.run.noise_percent), FormatNumber(o.run.noise_percent),
        FormatNumber(o.run.noise_percent));
  }
  return out;
}

std::vector<std::string> AllianceSentences(const ReportData& data) {
  std::vector<std::string> out;
  for (const AllianceCohesion& a : data.cohesion) {
    const Alliance* alliance = nullptr;
    for (const Alliance& x : data.scenario.alliances) {
      if (x.id == a.alliance_id) alliance = &x;
    }
    const std::string name =
        alliance != nullptr && !alliance->name.empty() ? alliance->name : a.alliance_id;
    if (a.issues.empty()) {
      out.push_back(fmt::format("{}: no issue has two of its members.", name));
      continue;
    }
    const IssueCohesion& top = a.issues.front();
    const MemberLoss* worst = nullptr;
    for (const MemberLoss& m : top.members) {
      if (worst == nullptr || m.loss > worst->loss) worst = &m;
    }
    std::string line = fmt::format(
        "{} is most strained on {} (strain {}, allies' gap {} before and {} after bargaining)",
        name, top.issue_id, FormatFixed(top.strain, 2), FormatFixed(top.gap_before, 2),
        FormatFixed(top.gap_after, 2));
    if (worst != nullptr && worst->loss > 0) {
      line += fmt::format("; {} loses most from the forecast {}", worst->actor, F(top.outcome));
    }
    out.push_back(line + '.');
  }
  return out;
}

}  // namespace entente
