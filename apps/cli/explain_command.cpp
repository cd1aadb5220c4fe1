// `entente explain`: a dynamic model's bargaining trail on one issue, round by round, in words
// (who challenged whom, what kind of move, how far, and the expected utilities behind it).
#include <algorithm>
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
  auto ev = r.events.begin();
  for (const Round& round : r.rounds) {
    out += fmt::format("Round {}{}: weighted median {:.4g}, weighted mean {:.4g}\n", round.round,
                       round.round == 0 ? " (inputs)" : "", round.median, round.mean);
    if (round.round == 0) continue;
    int moves = 0;
    for (; ev != r.events.end() && ev->round == round.round; ++ev, ++moves) {
      out += Sentence(s, issue, *ev,
                      !options.Has("view") || options.values().find("view")->second == "own");
    }
    if (moves == 0) out += "  Nobody accepts an offer; every position stays.\n";
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
  explain->add_option("-o,--output", args->output, "write to FILE (atomically) instead of stdout");
  explain->callback([args] {
    const Scenario s = LoadScenario(args->scenario).ValueOrThrow();
    const Issue* issue = s.FindIssue(args->issue);
    if (issue == nullptr) {
      std::string ids;
      for (const Issue& i : s.issues) ids += (ids.empty() ? "" : ", ") + i.id;
      throw InputError(
          fmt::format("no issue '{}' in {}; its issues are: {}", args->issue, args->scenario, ids));
    }
    const RunParameters p = ToParameters(args->flags, RunKind::kForecast);
    const Forecast f = RunForecast(s, p.model);
    Emit(Explain(s, *issue, f, p.model.options), args->output);
  });
}

}  // namespace entente::cli
