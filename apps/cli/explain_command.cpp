// `entente explain`: a dynamic model's bargaining trail on one issue, round by round, in words:
// for eu who challenged whom, what kind of move, how far, and the expected utilities behind it;
// for exchange the exchanges realized each round; for ktab-smp the moves between its turns.
#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "commands.hpp"
#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "run_flags.hpp"

namespace entente::cli {
namespace {

struct ExplainArgs {
  std::string scenario;
  std::string issue;
  std::string output;
  RunFlags flags;
};

std::string ActorName(const Scenario& s, const Issue& issue, std::size_t stance) {
  const std::string& id = issue.stances[stance].actor;
  const Actor* a = s.FindActor(id);
  return a != nullptr && !a->name.empty() ? a->name : id;
}

// `own_view`: b was priced with the mover's risk exponent (option view=own, the default).
std::string Sentence(const Scenario& s, const Issue& issue, const BargainEvent& e, bool own_view) {
  const std::string mover = ActorName(s, issue, e.actor);
  const std::string other = ActorName(s, issue, e.other);
  std::string what;
  switch (e.kind) {
    case MoveKind::kLostConflict:
      what = fmt::format(
          "{} loses a conflict with {} (both expect to gain from a challenge, "
          "it less) and moves to its position",
          mover, other);
      break;
    case MoveKind::kCompromise:
      what = fmt::format("{} compromises with {}, moving the fraction |a/b| = {:.3f} of the way",
                         mover, other, std::abs(e.a / e.b));
      break;
    case MoveKind::kCapitulation:
      what = fmt::format(
          "{} capitulates to {} (it would lose more than the other gains) and "
          "moves to its position",
          mover, other);
      break;
  }
  // The detail line uses ids: names can be long, and a and b are easier to read side by side.
  const std::string& mover_id = issue.stances[e.actor].actor;
  const std::string& other_id = issue.stances[e.other].actor;
  return fmt::format(
      "  {}: {:.4g} -> {:.4g} (moves {:.4g}).\n    a = {:.4f} ({} challenging {}), "
      "b = {:.4f} ({} challenging {}{})\n",
      what, e.from, e.to, std::abs(e.to - e.from), e.a, mover_id, other_id, e.b, other_id, mover_id,
      own_view ? fmt::format(", as {} reckons it", mover_id) : "");
}

// The eu story: each round's accepted offers, in the quadrant terms of the model.
void TellOffers(const Scenario& s, const Issue& issue, const IssueForecast& r, const Round& round,
                bool own_view, std::string& out) {
  int moves = 0;
  for (const BargainEvent& e : r.events) {
    if (e.round != round.round) continue;
    out += Sentence(s, issue, e, own_view);
    ++moves;
  }
  if (moves == 0) out += "  Nobody accepts an offer; every position stays.\n";
}

// The exchange story: the exchanges realized in this round that move a position on this issue.
// Returns how many exchanges the round realized on any issue.
std::size_t TellExchanges(const Scenario& s, std::size_t k, const Forecast& f, int round,
                          std::string& out) {
  std::size_t here = 0, all = 0;
  for (const ExchangeRecord& e : f.exchanges) {
    if (e.round != round) continue;
    ++all;
    if (e.first.issue != k && e.second.issue != k) continue;
    ++here;
    const ExchangeMove& mine = e.first.issue == k ? e.first : e.second;
    const ExchangeMove& theirs = e.first.issue == k ? e.second : e.first;
    const std::string& other = s.actors[theirs.actor].id;
    out += fmt::format(
        "  {} gives way here ({:.4g} -> {:.4g}) in return for {} giving way on {} ({:.4g} -> "
        "{:.4g}); gains {:.3f} and {:.3f}.\n",
        s.actors[mine.actor].id, mine.from, mine.to, other, s.issues[theirs.issue].id, theirs.from,
        theirs.to, mine.gain, theirs.gain);
  }
  if (here == 0 && all > 0) {
    out += fmt::format("  No exchange moves a position here ({} realized on other issues).\n", all);
  }
  return all;
}

// Models that record positions only (ktab-smp): who moved between one round and the next.
void TellMoves(const Scenario& s, const Issue& issue, const Round& before, const Round& after,
               std::string& out) {
  int moves = 0;
  for (std::size_t i = 0; i < after.positions.size() && i < before.positions.size(); ++i) {
    const double from = before.positions[i], to = after.positions[i];
    if (std::abs(to - from) <= 1e-9 * std::max(1.0, issue.scale.Range())) continue;
    out += fmt::format("  {}: {:.4g} -> {:.4g} (moves {:.4g}).\n", ActorName(s, issue, i), from, to,
                       std::abs(to - from));
    ++moves;
  }
  if (moves == 0) out += "  No position changes.\n";
}

std::string Explain(const Scenario& s, const Issue& issue, const Forecast& f,
                    const ModelOptions& options) {
  const std::size_t k = static_cast<std::size_t>(&issue - s.issues.data());
  const IssueForecast& r = f.issues[k];
  std::string opts;
  for (const auto& [key, value] : options.values()) {
    opts += fmt::format("{}{}={}", opts.empty() ? "" : ", ", key, value);
  }
  std::string out = fmt::format(
      "{}\nissue {}: {}{}\nmodel {}{}\n\n", s.meta.title.empty() ? "Scenario" : s.meta.title,
      issue.id, issue.name, issue.scale.unit.empty() ? "" : " (" + issue.scale.unit + ")", f.model,
      opts.empty() ? " (default options)" : ", " + opts);
  if (r.rounds.empty()) {
    return out +
           fmt::format("Model '{}' is static: it has no rounds to explain. Forecast {:.4g}.\n",
                       f.model, r.unconstrained);
  }
  // Each model tells what it records: accepted offers (eu), realized exchanges (exchange), or
  // only the positions after each round (ktab-smp), whose differences are its moves.
  bool offers = false;
  for (const IssueForecast& i : f.issues) offers = offers || !i.events.empty();
  const bool exchanges = !offers && !f.balances.empty();
  if (!offers && !exchanges) {
    out += fmt::format(
        "Model '{}' records the positions after each round, not who bargained with whom; the "
        "moves below are the differences.\n\n",
        f.model);
  }
  const bool own_view = !options.Has("view") || options.values().find("view")->second == "own";
  for (std::size_t t = 0; t < r.rounds.size(); ++t) {
    const Round& round = r.rounds[t];
    out += fmt::format("Round {}{}: weighted median {:.4g}, weighted mean {:.4g}\n", round.round,
                       round.round == 0 ? " (inputs)" : "", round.median, round.mean);
    if (round.round == 0) continue;
    if (offers) {
      TellOffers(s, issue, r, round, own_view, out);
    } else if (exchanges) {
      if (TellExchanges(s, k, f, round.round, out) == 0) {
        out +=
            "  No pair of actors can both gain from an exchange any more; every position "
            "stays";
        out += t + 1 < r.rounds.size() ? fmt::format(" through round {}.\n", r.rounds.back().round)
                                       : ".\n";
        break;
      }
    } else {
      TellMoves(s, issue, r.rounds[t - 1], round, out);
    }
  }
  out += fmt::format("\nForecast {:.4g} (from the final positions); after the decision rule {:.4g}",
                     r.unconstrained, r.outcome);
  out += r.binding_veto ? fmt::format(", bound by {}.\n", *r.binding_veto) : std::string(".\n");
  for (const std::string& w : f.warnings) {
    if (w.find("'" + issue.id + "'") != std::string::npos) out += fmt::format("warning: {}\n", w);
  }
  return out;
}

}  // namespace

void AddExplainCommand(CLI::App& app) {
  auto* explain = app.add_subcommand(
      "explain", "Tell a dynamic model's bargaining on one issue, round by round");
  auto args = std::make_shared<ExplainArgs>();
  explain->add_option("scenario", args->scenario, "YAML file or CSV bundle folder")->required();
  ResetFlags(args->flags, RunKind::kForecast);
  args->flags.params.model.name = "eu";  // explain tells a dynamic model's story
  AddModelFlags(*explain, args->flags, "dynamic model to run");
  explain->add_option("-i,--issue", args->issue, "issue id to explain")->required();
  explain->add_option("-o,--output", args->output,
                      "write to FILE (atomically) instead of stdout (text: .txt, .md or none)");
  explain->callback([args] {
    (void)OutputFormatOf("", args->output, {OutputFormat::kTable});  // words only
    const RunParameters p = ToParameters(args->flags, RunKind::kForecast);
    const Scenario s = LoadRunScenario(args->scenario, p);
    const Issue* issue = s.FindIssue(args->issue);
    if (issue == nullptr) {
      std::string ids;
      for (const Issue& i : s.issues) ids += (ids.empty() ? "" : ", ") + i.id;
      throw InputError(
          fmt::format("no issue '{}' in {}; its issues are: {}", args->issue, args->scenario, ids));
    }
    const Forecast f = RunForecast(s, p.model);
    Emit(Explain(s, *issue, f, p.model.options), args->output);
  });
}

}  // namespace entente::cli
