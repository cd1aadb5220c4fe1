// Advisor: minimal single-lever and two-actor moves that bring an issue's outcome to a target.
//   Compromise, position of j:  y = u + w_j (x' - x_j) / W          =>  x' = x_j + (T - u) W / w_j
//   Compromise, salience of j:  y = (S + c_j s' x_j) / (W' + c_j s') =>  s' = (T W' - S) / (c_j
//   (x_j - T))
//     with S, W' the weighted sum and total weight of the others. Both verified through the
//     full pipeline (a veto may bind); on failure, bisection.
//   Median, and compromise under a veto: the outcome is monotone in each lever (the weighted
//   median and mean are non-decreasing in every position and move towards x_j as s_j grows;
//   clamping to the win-set preserves monotonicity), so bisection is exact.
//   Dynamic models: grid + bisection (lever_search.hpp).
//   Veto player v accepts T over q only if |T - x_v| < |q - x_v|, i.e. from beyond (T + q) / 2.
#include "entente/analysis/advisor.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "entente/analysis/stability.hpp"
#include "entente/core/error.hpp"
#include "entente/core/text.hpp"
#include "entente/core/validation.hpp"
#include "entente/models/model_choice.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

struct Context {
  const ModelInfo* model;
  const AdviceRequest* request;
  ModelOptions options;  // the request's, without trajectories: the search reads outcomes only
  Scenario work;         // the issue alone (per-issue models) or the whole scenario (joint ones)
  std::size_t issue;     // index of the issue in `work`
  double tol;
};

double Outcome(Context& c) {
  return RunForecastTrusted(c.work, *c.model, c.options).issues[c.issue].outcome;
}

double& LeverRef(Context& c, const std::string& actor, Lever lever) {
  Stance* s = c.work.issues[c.issue].FindStance(actor);
  return lever == Lever::kPosition ? s->position : s->salience;
}

// Closed form for the compromise model; nullopt when it does not apply.
std::optional<double> Analytic(const Issue& issue, const std::string& actor, Lever lever,
                               double target) {
  double w_total = 0;
  double sum = 0;
  const Stance* me = issue.FindStance(actor);
  for (const Stance& s : issue.stances) {
    if (&s == me) continue;
    w_total += s.Weight();
    sum += s.Weight() * s.position;
  }
  if (lever == Lever::kPosition) {
    if (me->Weight() <= 0) return std::nullopt;
    const double u = (sum + me->Weight() * me->position) / (w_total + me->Weight());
    return me->position + (target - u) * (w_total + me->Weight()) / me->Weight();
  }
  if (me->capability <= 0 || me->position == target) return std::nullopt;
  return (target * w_total - sum) / (me->capability * (me->position - target));
}

std::optional<LeverMove> Solve(Context& c, const std::string& actor, Lever lever, double target) {
  const Issue& issue = c.work.issues[c.issue];
  double& ref = LeverRef(c, actor, lever);
  const double from = ref;
  const double lo = lever == Lever::kPosition ? issue.scale.min : 0.0;
  const double hi = lever == Lever::kPosition ? issue.scale.max : 1.0;
  const double range = hi - lo;
  const auto f = [&](double v) {
    ref = v;
    return Outcome(c);
  };
  std::optional<LeverSolution> sol;
  if (c.model->name == "compromise") {
    if (auto x = Analytic(issue, actor, lever, target); x && *x >= lo && *x <= hi) {
      const double y = f(*x);
      if (std::abs(y - target) <= c.tol) sol = LeverSolution{*x, y, SearchMethod::kAnalytic};
    }
  }
  if (!sol) sol = SolveLever(f, from, lo, hi, target, c.tol, c.model->aggregate != nullptr);
  ref = from;
  if (!sol) return std::nullopt;
  return LeverMove{actor,        lever,      from, sol->value, std::abs(sol->value - from) / range,
                   sol->outcome, sol->method};
}

std::optional<PairMove> BestPair(Context& c, const std::vector<std::string>& actors,
                                 double target) {
  const Issue& issue = c.work.issues[c.issue];
  const int steps = c.model->aggregate != nullptr ? 21 : 11;
  std::optional<PairMove> best;
  for (std::size_t a = 0; a < actors.size(); ++a) {
    for (std::size_t b = 0; b < actors.size(); ++b) {
      if (a == b) continue;
      double& xa = LeverRef(c, actors[a], Lever::kPosition);
      const double from = xa;
      for (int k = 1; k <= steps; ++k) {
        // Move a part of the way towards each end, then let b close the gap.
        for (const double end : {issue.scale.min, issue.scale.max}) {
          xa = from + (end - from) * k / steps;
          auto mb = Solve(c, actors[b], Lever::kPosition, target);
          if (!mb) continue;
          const double size_a = std::abs(xa - from) / issue.scale.Range();
          if (mb->size <= 1e-9) continue;  // b need not move: that is a single-actor move
          LeverMove ma{actors[a], Lever::kPosition, from, xa, size_a, mb->outcome, mb->method};
          const double total = size_a + mb->size;
          if (!best || total < best->size - 1e-12) {
            best = size_a >= mb->size ? PairMove{ma, *mb, total} : PairMove{*mb, ma, total};
          }
        }
      }
      xa = from;
    }
  }
  return best;
}

std::string Num(double v) {
  return FormatFixed(v, std::abs(v) < 1 ? 2 : 1);
}

std::string MoveText(const LeverMove& m) {
  return m.lever == Lever::kPosition
             ? fmt::format("move from {} to {}", Num(m.from), Num(m.to))
             : fmt::format("{} its salience from {} to {}", m.to > m.from ? "raise" : "lower",
                           Num(m.from), Num(m.to));
}

std::string Summary(const Issue& issue, const IssueAdvice& a, const std::string& actor) {
  const std::string goal = fmt::format("To bring {} to {}", issue.id, Num(a.target));
  if (a.already) {
    return fmt::format("The forecast for {} is already {} (target {}).", issue.id, Num(a.outcome),
                       Num(a.target));
  }
  std::string out;
  for (const Blocker& b : a.blockers) {
    out += fmt::format(
        "{} (veto) prefers the status quo to {}: it would have to move from {} to "
        "beyond {} before it accepts it. ",
        b.actor, Num(a.target), Num(b.position), Num(b.threshold));
  }
  if (a.own_position || a.own_salience) {
    std::vector<std::string> ways;
    if (a.own_position) ways.push_back(MoveText(*a.own_position));
    if (a.own_salience) ways.push_back(MoveText(*a.own_salience));
    out += fmt::format("{} could get there alone: {}. ", actor,
                       fmt::format("{}", ways.size() == 2 ? ways[0] + " or " + ways[1] : ways[0]));
  } else {
    out += fmt::format("{} cannot get there by its own moves. ", actor);
  }
  if (a.others.empty()) {
    out += fmt::format("{}, no single other actor suffices", goal);
  } else {
    out += fmt::format("{}, {} would have to {}", goal, a.others[0].actor, MoveText(a.others[0]));
    for (std::size_t i = 1; i < std::min<std::size_t>(3, a.others.size()); ++i) {
      out += fmt::format("; or {} {}", a.others[i].actor, MoveText(a.others[i]));
    }
  }
  if (a.best_pair) {
    out += fmt::format("; together, {} ({}) and {} ({}) would do it", a.best_pair->first.actor,
                       MoveText(a.best_pair->first), a.best_pair->second.actor,
                       MoveText(a.best_pair->second));
  }
  out += ".";
  if (a.others.empty() && !a.best_pair && a.blockers.empty() && !a.own_position &&
      !a.own_salience) {
    out += " Not reachable by any single or paired move within the valid ranges.";
  }
  return out;
}

IssueAdvice AdviseIssue(const Scenario& scenario, const ModelInfo& model, const AdviceRequest& r,
                        std::size_t k) {
  const Issue& issue = scenario.issues[k];
  Context c{&model, &r, r.model_options, {}, 0, r.tolerance * issue.scale.Range()};
  c.options.set_trail(false);
  if (model.joint) {
    c.work = scenario;
    c.issue = k;
  } else {
    c.work.actors = scenario.actors;
    c.work.issues = {issue};
  }
  IssueAdvice a;
  a.issue_id = issue.id;
  a.target = r.target ? *r.target : issue.FindStance(r.actor)->position;
  a.outcome = Outcome(c);
  a.already = std::abs(a.outcome - a.target) <= c.tol;
  // Listed veto players, whatever the rule (unanimity, or a veto on top of a majority).
  if (issue.rule.kind != DecisionKind::kNone && a.target != *issue.status_quo) {
    const double q = *issue.status_quo;
    for (const std::string& v : issue.rule.veto_players) {
      const Stance* st = issue.FindStance(v);
      if (st == nullptr) continue;  // an absent veto player abstains: it blocks nothing
      const double x = st->position;
      if (!(std::abs(a.target - x) < std::abs(q - x)))
        a.blockers.push_back(Blocker{v, x, (a.target + q) / 2});
    }
  }
  if (!a.already) {
    a.own_position = Solve(c, r.actor, Lever::kPosition, a.target);
    a.own_salience = Solve(c, r.actor, Lever::kSalience, a.target);
    std::vector<std::string> others;
    for (const Stance& s : issue.stances) {
      if (s.actor == r.actor) continue;
      others.push_back(s.actor);
      for (const Lever lever : {Lever::kPosition, Lever::kSalience}) {
        if (auto m = Solve(c, s.actor, lever, a.target)) a.others.push_back(*m);
      }
    }
    std::stable_sort(a.others.begin(), a.others.end(),
                     [](const LeverMove& x, const LeverMove& y) { return x.size < y.size; });
    if (model.aggregate == nullptr && others.size() > 4) {
      // Dynamic models: pair only the four actors that move the outcome most cheaply.
      std::vector<std::string> top;
      for (const LeverMove& m : a.others) {
        if (top.size() < 4 && std::find(top.begin(), top.end(), m.actor) == top.end())
          top.push_back(m.actor);
      }
      others = top;
    }
    a.best_pair = BestPair(c, others, a.target);
    // A pair is advice only when it is cheaper than the cheapest single actor.
    double best_single = HUGE_VAL;
    for (const LeverMove& m : a.others) {
      if (m.lever == Lever::kPosition) best_single = std::min(best_single, m.size);
    }
    if (a.best_pair && a.best_pair->size >= best_single) a.best_pair.reset();
  }
  a.summary = Summary(issue, a, r.actor);
  return a;
}

}  // namespace

const char* LeverName(Lever lever) {
  return lever == Lever::kPosition ? "position" : "salience";
}

std::vector<IssueAdvice> Advise(const Scenario& scenario, const AdviceRequest& request) {
  const ModelInfo& model = RequireModel(request.model);
  RequireValid(scenario);
  AdviceRequest r = request;
  r.model_options = ResolveOptions(scenario, ModelChoice{r.model, r.model_options});
  if (scenario.FindActor(r.actor) == nullptr) {
    throw InputError(Errors{FieldError("actor", fmt::format("unknown actor '{}'", r.actor),
                                       "name an actor id of the scenario")});
  }
  if (!(r.tolerance > 0 && r.tolerance < 1)) {
    throw InputError(Errors{FieldError(
        "tolerance", fmt::format("tolerance {}% is not between 0 and 100%", 100 * r.tolerance),
        "give e.g. 0.5 (percent of the scale)")});
  }
  // How firm the baseline forecast is: outcome ranges under tiny nudges of every position.
  Forecast baseline = RunForecastTrusted(scenario, model, r.model_options);
  AddStability(scenario, baseline, r.model, r.model_options, {});
  std::vector<IssueAdvice> out;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& issue = scenario.issues[k];
    if (r.issue && issue.id != *r.issue) continue;
    if (issue.FindStance(r.actor) == nullptr) {
      if (r.issue) {
        throw InputError(
            Errors{FieldError("issue", fmt::format("'{}' takes no part in '{}'", r.actor, issue.id),
                              "pick an issue it has a stance on")});
      }
      continue;
    }
    if (r.target && !issue.scale.Contains(*r.target)) {
      throw InputError(
          Errors{FieldError("target",
                            fmt::format("target {} is outside the scale [{}, {}] of '{}'",
                                        *r.target, issue.scale.min, issue.scale.max, issue.id),
                            "give a value on the issue's scale")});
    }
    out.push_back(AdviseIssue(scenario, model, r, k));
    IssueAdvice& a = out.back();
    a.stability = baseline.issues[k].stability;
    if (a.stability && a.stability->knife_edge) {
      a.summary += fmt::format(
          " Caution: this forecast is knife-edge: nudging every position by at most {} moves it "
          "anywhere from {} to {}, so any lever here works or fails on coding detail.",
          FormatNumber(a.stability->step), FormatFixed(a.stability->lo, 1),
          FormatFixed(a.stability->hi, 1));
    }
  }
  if (r.issue && out.empty()) {
    throw InputError(Errors{FieldError("issue", fmt::format("unknown issue '{}'", *r.issue),
                                       "name an issue id of the scenario")});
  }
  return out;
}

}  // namespace entente
