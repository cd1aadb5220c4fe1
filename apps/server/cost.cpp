// Cost estimates per model, from the scenario's shape and the options that set the loops:
//   static models (compromise, median) and procedural:  S stances, O(S) (median O(S log S))
//   ensemble:  the sum over the models its weights name
//   eu:        sum_i R n_i^2 per forecast (votes=risk: R n_i^3), R = rounds (option, 100)
//   exchange:  R K, K = candidate exchanges per round
//              = sum over issue pairs (p, q) of n_pq^2 / 4 (n_pq: actors on both), bounded
//              in O(S) by K <= 1/8 sum_p n_p sum_{a on p} (k_a - 1) (k_a: issues of actor a),
//              exact when every actor is on every issue
//   ktab-smp:  T (A^3 + A^2 m), T = max_turns (option, 100), A actors, m issues
// A forecast is counted at its round limit. Repeated runs (draws, lever searches) are counted
// at the rounds a pilot forecast took (its trail shows them). Each count is multiplied by the
// time one unit took on the development machine (constants below, docs/api.md), so a work
// unit is about a nanosecond there. A forecast's answer (every round's positions, events and
// exchanges, as JSON text) is estimated from what the model keeps; building it costs work per
// byte, and while it is built the trail, the JSON document and the text together hold about
// 12 bytes per byte of it. Memory adds the model's own tables.
#include "cost.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "entente/core/coding.hpp"
#include "entente/models/eu/eu_options.hpp"
#include "entente/models/exchange/exchange_options.hpp"
#include "entente/models/ktab/ktab_options.hpp"
#include "entente/models/registry.hpp"

namespace entente::server {
namespace {

// Nanoseconds per counted unit (release build, one core of the 2-core development machine;
// docs/api.md gives the runs they come from).
constexpr double kNsPerStance = 2000;           // a forecast's final positions, rules, cohesion
constexpr double kNsPerStaticStance = 20;       // a static model without validation (searches)
constexpr double kNsPerDrawStance = 25;         // a Monte Carlo draw, per stance: sampling
constexpr double kNsPerEuPair = 30;             // one eu round, per actor pair
constexpr double kNsPerCandidate = 250;         // one exchange round, per candidate
constexpr double kNsPerDecimalCandidate = 400;  // the same in Decide's 28-digit decimals
constexpr double kNsPerKtabTriple = 5;          // one ktab-smp turn, per actor triple
constexpr double kNsPerAnswerByte = 80;         // building the answer as JSON and as text
// The answer as JSON text: bytes per number of a round's positions, per bargaining event, per
// exchange, and per stance (its final position, the rule, cohesion).
constexpr double kAnswerBytesPerNumber = 12;
constexpr double kAnswerBytesPerEvent = 180;
constexpr double kAnswerBytesPerExchange = 400;
constexpr double kAnswerBytesPerStance = 100;
// Peak memory per byte of answer: the model's trail, the JSON document, its text.
constexpr double kMemoryPerAnswerByte = 12;
constexpr double kBytesPerUnsentEvent = 64;  // an event kept by the model, left out of the answer
constexpr double kBytesPerCandidate = 96;    // plain candidate and its index entries
constexpr double kBytesPerDecimalCandidate = 640;

struct Shape {
  double stances = 0;             // S
  double actors = 0;              // A
  double issues = 0;              // m
  std::vector<double> per_issue;  // n_i
  double candidates = 0;          // K's bound (exchange)
};

Shape ShapeOf(const Scenario& s) {
  Shape out;
  out.actors = static_cast<double>(s.actors.size());
  out.issues = static_cast<double>(s.issues.size());
  std::map<std::string, double, std::less<>> issues_of;  // k_a
  for (const Issue& i : s.issues) {
    out.per_issue.push_back(static_cast<double>(i.stances.size()));
    out.stances += static_cast<double>(i.stances.size());
    for (const Stance& st : i.stances) issues_of[st.actor] += 1;
  }
  for (const Issue& i : s.issues) {
    double shared = 0;
    for (const Stance& st : i.stances) shared += issues_of[st.actor] - 1;
    out.candidates += static_cast<double>(i.stances.size()) * shared / 8;
  }
  return out;
}

// Rounds per issue: the limit, or what a pilot forecast took (at least one).
struct Rounds {
  double limit = 0;
  const Forecast* pilot = nullptr;
  std::size_t first_issue = 0;  // the pilot's index of the shape's first issue

  double Of(std::size_t k) const {
    if (pilot == nullptr) return limit;
    const IssueForecast& f = pilot->issues.at(first_issue + k);
    return std::max<double>(1, static_cast<double>(f.rounds.size()) - 1);
  }
  // Joint models: the last round in which anything moved.
  double Joint() const {
    if (pilot == nullptr) return limit;
    double last = 1;  // a round without exchanges ends the run
    for (const ExchangeRecord& e : pilot->exchanges) last = std::max<double>(last, e.round + 1);
    return std::min(last, limit);
  }
};

std::string Count(double v) {
  if (v < 1e6) return fmt::format("{:.0f}", v);
  return fmt::format("{:.2g}", v);
}

// Adds the answer of `numbers` positions, `events` bargaining events and `exchanges` (kept as
// the trail says) to `c`: building it (work) and holding it (memory).
void AddAnswer(Cost& c, const Shape& sh, Keep keep, double numbers, double events,
               double exchanges) {
  if (keep == Keep::kOutcomes) return;
  const double sent_events = keep == Keep::kRoundsAndEvents ? events : 0;
  const double answer = numbers * kAnswerBytesPerNumber + sent_events * kAnswerBytesPerEvent +
                        exchanges * kAnswerBytesPerExchange + sh.stances * kAnswerBytesPerStance;
  c.work += kNsPerStance * sh.stances + kNsPerAnswerByte * answer;
  c.bytes += kMemoryPerAnswerByte * answer + (events - sent_events) * kBytesPerUnsentEvent;
}

Cost Static(const Shape& sh, const std::string& model, Keep keep) {
  Cost c;
  c.work = kNsPerStaticStance * sh.stances;
  c.bytes = 16 * sh.stances;
  AddAnswer(c, sh, keep, 0, 0, 0);
  c.what = fmt::format("{}: {} stances", model, Count(sh.stances));
  return c;
}

Cost Eu(const Shape& sh, const ModelOptions& options, Keep keep, Rounds r) {
  const EuOptions o = ParseEuOptions(options);
  r.limit = std::max(o.rounds, 1);
  Cost c;
  double largest = 0, rounds = 0, kept = 0;
  for (std::size_t k = 0; k < sh.per_issue.size(); ++k) {
    const double n = sh.per_issue[k];
    c.work += kNsPerEuPair * r.Of(k) * n * n * (o.votes == EuVotes::kRisk ? n : 1);
    largest = std::max(largest, n);
    rounds = std::max(rounds, r.Of(k));
    kept += (r.Of(k) + 1) * n;  // positions by round; at most one move per actor and round
  }
  // The n x n cache of P (n <= 2,000) or of risk votes, one issue at a time.
  c.bytes = 8 * std::min(largest, 4096.0) * std::min(largest, 4096.0) + 8 * 16 * largest;
  AddAnswer(c, sh, keep, kept, kept, 0);
  c.what =
      fmt::format("eu: {}{} rounds x {}{}", r.pilot ? "up to " : "", Count(rounds),
                  sh.per_issue.size() == 1 ? fmt::format("{} actor pairs", Count(largest * largest))
                                           : fmt::format("actor pairs on {} issues (largest {}^2)",
                                                         sh.per_issue.size(), Count(largest)),
                  o.votes == EuVotes::kRisk ? " x voters (votes=risk)" : "");
  return c;
}

Cost Exchange(const Shape& sh, const ModelOptions& options, Keep keep, Rounds r) {
  const ExchangeOptions o = ParseExchangeOptions(options);
  r.limit = std::max(o.rounds, 1);
  const double rounds = r.Joint();
  const bool decimal = o.arithmetic == ExchangeArithmetic::kDecimal;
  Cost c;
  c.work = rounds * sh.candidates * (decimal ? kNsPerDecimalCandidate : kNsPerCandidate);
  c.bytes = sh.candidates * (decimal ? kBytesPerDecimalCandidate : kBytesPerCandidate);
  // Each cell moves in at most a few exchanges a round; the answer lists every exchange.
  AddAnswer(c, sh, keep, (rounds + 1) * sh.stances, 0,
            rounds * std::min(sh.candidates, sh.stances));
  c.what = fmt::format("exchange: {} rounds x {} candidate exchanges{}", Count(rounds),
                       Count(sh.candidates), decimal ? " in decimal arithmetic" : "");
  return c;
}

Cost Ktab(const Shape& sh, const ModelOptions& options, Keep keep, Rounds r) {
  const SmpOptions o = ParseSmpOptions(options);
  r.limit = std::max(o.max_turns, 1);
  const double turns = r.pilot ? r.Of(0) : r.limit;
  const double a = sh.actors;
  Cost c;
  c.work = kNsPerKtabTriple * turns * (a * a * a + a * a * sh.issues);
  c.bytes = 4 * 8 * a * a;  // a few n x n tables
  AddAnswer(c, sh, keep, (turns + 1) * a * (sh.issues + 1), 0, 0);
  c.what = fmt::format("ktab-smp: {} turns x {}^3 actors", Count(turns), Count(a));
  return c;
}

// A dynamic model without a formula of its own: counted as eu would be at 100 rounds.
Cost OtherDynamic(const Shape& sh, const std::string& model, Keep keep) {
  Cost c;
  for (const double n : sh.per_issue) c.work += kNsPerEuPair * 100 * n * n;
  AddAnswer(c, sh, keep, 101 * sh.stances, 100 * sh.stances, 0);
  c.what = fmt::format("{}: 100 rounds x actor pairs per issue (assumed)", model);
  return c;
}

Cost ModelCost(const Shape& sh, const ModelInfo& model, const ModelOptions& options, Keep keep,
               const Rounds& rounds);

// The ensemble runs each model its weights name (`weights=compromise:0.7,exchange:0.3`; the
// features status_quo, setter and mean cost what a static model does), each at its defaults.
Cost Ensemble(const Shape& sh, const ModelOptions& options, Keep keep) {
  Cost c = Static(sh, "ensemble", keep);
  const auto weights = options.values().find("weights");
  if (weights == options.values().end()) return c;
  std::string_view text = weights->second;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view part = text.substr(0, comma);
    const std::string base(part.substr(0, part.find(':')));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    const ModelInfo* m = FindModel(base);
    if (m == nullptr || m->name == "ensemble") continue;
    c.Then(ModelCost(sh, *m, ModelOptions{}, Keep::kOutcomes, Rounds{}));
  }
  return c;
}

Cost ModelCost(const Shape& sh, const ModelInfo& model, const ModelOptions& options, Keep keep,
               const Rounds& rounds) {
  const std::string name(model.name);
  if (model.aggregate != nullptr) return Static(sh, name, keep);
  // The procedural model: per issue the win-set's pivots over the sorted positions.
  if (name == "procedural") return Static(sh, name, keep);
  if (name == "ensemble") return Ensemble(sh, options, keep);
  if (name == "eu") return Eu(sh, options, keep, rounds);
  if (name == "exchange") return Exchange(sh, options, keep, rounds);
  if (name == "ktab-smp") return Ktab(sh, options, keep, rounds);
  return OtherDynamic(sh, name, keep);
}

// The fewest forecasts one lever search makes (lever_search.cpp): the compromise model's
// closed form needs one check unless a veto rule sends it to bisection; monotone models look
// at the lever's two ends before any bisection; other models start with a 41-point grid.
double EvaluationsPerLever(const ModelInfo& model, const Issue& issue) {
  if (model.name == "compromise" && issue.rule.veto_players.empty()) return 1;
  return model.aggregate != nullptr ? 3 : 42;
}

}  // namespace

void Cost::Then(const Cost& other) {
  work += other.work;
  bytes += other.bytes;
  what = what.empty() ? other.what : what + "; " + other.what;
}

Cost ForecastCost(const Scenario& scenario, const std::string& model, const ModelOptions& options,
                  Keep keep) {
  return ModelCost(ShapeOf(scenario), RequireModel(model), options, keep, Rounds{});
}

Cost SimulationCost(const Scenario& scenario, const std::string& model, const ModelOptions& options,
                    std::int64_t draws, const Forecast& pilot) {
  const Shape sh = ShapeOf(scenario);
  const ModelInfo& info = RequireModel(model);
  Cost one = ModelCost(sh, info, options, Keep::kOutcomes, Rounds{0, &pilot, 0});
  if (info.aggregate != nullptr) one.work = 0;  // the draw's aggregate: part of the sampling
  Cost c;
  c.work = static_cast<double>(draws) * (one.work + kNsPerDrawStance * sh.stances);
  c.bytes = one.bytes + 1024 * sh.stances;  // sampler and sketches
  c.what = fmt::format("{} draws x ({})", Count(static_cast<double>(draws)), one.what);
  return c;
}

Cost AdviceCost(const Scenario& scenario, const std::string& model, const ModelOptions& options,
                const std::string& actor, const std::string& issue, const Forecast& pilot) {
  const ModelInfo& info = RequireModel(model);
  const Shape whole = ShapeOf(scenario);
  Cost c;
  double forecasts = 0;
  for (std::size_t k = 0; k < scenario.issues.size(); ++k) {
    const Issue& i = scenario.issues[k];
    if ((!issue.empty() && i.id != issue) || i.FindStance(actor) == nullptr) continue;
    const double n = static_cast<double>(i.stances.size());
    // At least: the position and salience of each actor, and for static models every ordered
    // pair of the others, 21 steps towards each end (advisor.cpp). Dynamic models pair only
    // the four cheapest actors that can reach the target, when there are any, so their pairs
    // are not counted; nor is any bisection. The running budget bounds the rest.
    const double pairs = info.aggregate != nullptr ? (n - 1) * std::max(n - 2, 0.0) * 21 * 2 : 0;
    const double calls = 1 + (2 * n + pairs) * EvaluationsPerLever(info, i);
    Scenario alone;
    alone.actors = scenario.actors;
    alone.issues = {i};
    const Cost one =
        info.joint
            ? ModelCost(whole, info, options, Keep::kOutcomes, Rounds{0, &pilot, 0})
            : ModelCost(ShapeOf(alone), info, options, Keep::kOutcomes, Rounds{0, &pilot, k});
    c.work += calls * one.work;
    c.bytes = std::max(c.bytes, one.bytes);
    forecasts += calls;
  }
  c.what = fmt::format("at least {} forecasts of the {} model", Count(forecasts), model);
  return c;
}

Cost ReportCost(const Scenario& scenario, const std::vector<std::string>& models,
                const ModelOptions& options) {
  Cost c;
  for (std::size_t i = 0; i < models.size(); ++i) {
    c.Then(ForecastCost(scenario, models[i], i == 0 ? options : ModelOptions{},
                        Keep::kRoundsAndEvents));
  }
  return c;
}

Cost CodersCost(const Scenario& scenario, const std::string& model, const ModelOptions& options) {
  const Cost one = ForecastCost(scenario, model, options, Keep::kOutcomes);
  const double forecasts =
      static_cast<double>(1 + Coders(scenario).size() + scenario.codings.size());
  Cost c;
  c.work = forecasts * one.work;
  c.bytes = 2 * one.bytes;  // one forecast at a time, beside the pooled one
  c.what = fmt::format("{} forecasts x ({})", Count(forecasts), one.what);
  return c;
}

std::optional<Error> OverLimit(const Cost& cost, const CostLimits& limits) {
  if (cost.work > limits.max_work) {
    return Error{Location{"request body", 0, ""},
                 fmt::format("this request needs an estimated {:.2g} work units ({}), more than "
                             "the {:.2g} this server allows per request (--max-work; a unit is "
                             "about a nanosecond of one core)",
                             cost.work, cost.what, limits.max_work),
                 "ask for fewer actors, issues, rounds, models or draws, or run it with the CLI, "
                 "which has no such limit"};
  }
  if (cost.bytes > limits.max_bytes) {
    return Error{Location{"request body", 0, ""},
                 fmt::format("this request needs an estimated {:.4g} MB of memory ({}), more than "
                             "the {:.4g} MB this server allows per request (--max-memory)",
                             cost.bytes / 1e6, cost.what, limits.max_bytes / 1e6),
                 "send \"events\": false, fewer rounds or a smaller scenario, or run it with the "
                 "CLI, which has no such limit"};
  }
  return std::nullopt;
}

}  // namespace entente::server
