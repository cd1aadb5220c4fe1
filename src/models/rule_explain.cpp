#include "entente/models/rule_explain.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "entente/core/text.hpp"

namespace entente {
namespace {

std::string F(double v) {
  return FormatFixed(v, 1);
}

std::string Pct(double share) {
  return FormatFixed(100 * share, 0) + "%";
}

// "A", "A and B", "A, B and C", with seats not modelled counted at the end.
std::string Names(const std::vector<std::string>& names, int not_modelled) {
  std::vector<std::string> parts = names;
  if (not_modelled > 0) {
    parts.push_back(
        fmt::format("{} member{} not modelled", not_modelled, not_modelled == 1 ? "" : "s"));
  }
  if (parts.empty()) return "nobody";
  std::string out = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) {
    out += (i + 1 == parts.size() ? " and " : ", ") + parts[i];
  }
  return out;
}

// A group of seats: names, how many are not modelled, and their totals.
struct Group {
  std::vector<std::string> names;
  int not_modelled = 0;
  int count = 0;
  double weight = 0;
  double population = 0;
  [[nodiscard]] bool Single() const { return count == 1; }
};

class ChamberView {
 public:
  ChamberView(const ChamberLayout& layout, const Chamber& chamber)
      : layout_(layout), chamber_(chamber) {
    for (const Voter& v : chamber.voters) {
      if (!v.position && chamber.absent == AbsentMembers::kDrop) continue;
      total_.count += 1;
      total_.weight += v.weight;
      total_.population += v.population;
    }
  }

  [[nodiscard]] Group Of(const std::vector<std::size_t>& seats) const {
    Group g;
    for (std::size_t i : seats) {
      const Seat& s = layout_.seats[i];
      if (s.modelled) {
        g.names.push_back(s.name);
      } else {
        ++g.not_modelled;
      }
      ++g.count;
      g.weight += chamber_.voters[i].weight;
      g.population += chamber_.voters[i].population;
    }
    return g;
  }

  // The seats with a position strictly on side `d` of q.
  [[nodiscard]] std::vector<std::size_t> Beyond(double q, int d) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < chamber_.voters.size(); ++i) {
      const auto& x = chamber_.voters[i].position;
      if (x && d * (*x - q) > 0) out.push_back(i);
    }
    return out;
  }

  // How much of the chamber a group holds, in the unit the binding test counts.
  [[nodiscard]] std::string Share(const Group& g, std::optional<RuleTest> test) const {
    if (test == RuleTest::kPopulation) {
      return fmt::format("{} of the population",
                         Pct(total_.population > 0 ? g.population / total_.population : 0));
    }
    const std::string unit = layout_.weight_unit;
    if (test == RuleTest::kMembers || test == RuleTest::kClause || unit == "members") {
      return fmt::format("{} of {} members", g.count, total_.count);
    }
    if (unit == "votes") {
      return fmt::format("{} of {} votes", FormatNumber(g.weight), FormatNumber(total_.weight));
    }
    return fmt::format("{} of the capability",
                       Pct(total_.weight > 0 ? g.weight / total_.weight : 0));
  }

  // " (2 of 15 members)", or nothing under unanimity, where only the veto players count.
  [[nodiscard]] std::string Paren(const Group& g, std::optional<RuleTest> test) const {
    if (!chamber_.weight_test && test != RuleTest::kPopulation && test != RuleTest::kMembers)
      return {};
    return " (" + Share(g, test) + ")";
  }

  [[nodiscard]] double WeightShare(const Group& g) const {
    return total_.weight > 0 ? g.weight / total_.weight : 0;
  }

  const ChamberLayout& layout() const { return layout_; }

 private:
  const ChamberLayout& layout_;
  const Chamber& chamber_;
  Group total_;
};

std::string TestPhrase(RuleTest t, bool single) {
  switch (t) {
    case RuleTest::kVeto: return single ? "its veto binds" : "their veto binds";
    case RuleTest::kWeight: return "the share of the vote binds";
    case RuleTest::kMembers: return "the number of members binds";
    case RuleTest::kPopulation: return "the population share binds";
    case RuleTest::kClause: return "the blocking-minority clause binds";
  }
  return "";
}

// Why no move towards side d wins, e.g. "US holds a veto and prefers the status quo; only
// CHINA and RUSSIA (2 of 15 members) want the move".
std::string WhyEmpty(const ChamberView& view, const WinSide& side, double q, int d) {
  const ChamberLayout& c = view.layout();
  std::string out;
  if (side.binding == RuleTest::kVeto) {
    std::vector<std::size_t> vetoers;
    for (std::size_t i : side.blocking) {
      if (c.seats[i].veto && c.seats[i].stance >= 0) vetoers.push_back(i);
    }
    const Group g = view.Of(vetoers);
    out = fmt::format("{} {} a veto and {} the status quo", Names(g.names, 0),
                      g.Single() ? "holds" : "hold", g.Single() ? "prefers" : "prefer");
  } else {
    const Group g = view.Of(side.blocking);
    out = fmt::format("a blocking minority of {} holds {} and prefers the status quo",
                      Names(g.names, g.not_modelled), view.Share(g, side.binding));
  }
  const Group s = view.Of(view.Beyond(q, d));
  if (s.count == 0) return out + fmt::format("; nobody wants to move {}", d > 0 ? "up" : "down");
  return out + fmt::format("; only {}{} {} the move", Names(s.names, s.not_modelled),
                           view.Paren(s, side.binding), s.Single() ? "wants" : "want");
}

}  // namespace

ProcedureResult ExplainRule(const RuleLayout& layout, const Issue& issue, const RuleApplication& a,
                            double u, std::span<const double> positions,
                            std::span<const double> capabilities, const std::string& proposer) {
  ProcedureResult p;
  const double q = *issue.status_quo;
  p.rule = layout.rule;
  p.lo = std::clamp(a.win_set.lo, issue.scale.min, issue.scale.max);
  p.hi = std::clamp(a.win_set.hi, issue.scale.min, issue.scale.max);
  p.binds = a.binds;
  p.model_kept = a.model_kept;
  const std::string under = fmt::format("Under {}", layout.rule);
  // The side the model's point (or the setter's ideal) lies on.
  int d = a.direction;
  const Stance* setter = proposer.empty() ? nullptr : issue.FindStance(proposer);
  if (setter != nullptr) d = setter->position > q ? 1 : (setter->position < q ? -1 : 0);
  if (d == 0) {
    p.explanation =
        fmt::format("{}, the {} is the status quo {}; nothing is decided.", under,
                    setter != nullptr ? "agenda setter's ideal" : "model's point", F(q));
    return p;
  }
  const std::size_t k = d < 0 ? a.win_set.lo_chamber : a.win_set.hi_chamber;
  const std::vector<Chamber> chambers = FillChambers(layout, positions, capabilities);
  const ChamberLayout& cl = layout.chambers[k];
  const ChamberView view(cl, chambers[k]);
  const ChamberWinSet& cw = a.win_set.chambers[k];
  const WinSide& side = d > 0 ? cw.upper : cw.lower;
  const std::string dir = d > 0 ? "up" : "down";
  if (layout.chambers.size() > 1) {
    p.chamber = cl.name.empty() ? fmt::format("chamber {}", k + 1) : cl.name;
  }
  const std::string where =
      p.chamber.empty() ? std::string() : fmt::format(" in the {}", p.chamber);
  p.weight_unit = cl.weight_unit;
  const Group piv = view.Of(side.pivots);
  const Group block = view.Of(side.blocking);
  if (!side.unbounded) {
    if (side.binding) p.binding_test = std::string(RuleTestName(*side.binding));
    p.pivots = piv.names;
    p.blocking = block.names;
    p.blocking_not_modelled = block.not_modelled;
    p.blocking_share = view.WeightShare(block);
  }
  const double bound = d > 0 ? a.win_set.hi : a.win_set.lo;
  // "A is pivotal (the share of the vote binds), and beyond 20.0 A and D (5 of 10 votes) say no"
  const auto pivotal = [&] {
    return fmt::format("{} {} pivotal ({}), and beyond {} {}{} {} no",
                       Names(piv.names, piv.not_modelled), piv.Single() ? "is" : "are",
                       TestPhrase(side.binding.value_or(RuleTest::kWeight), piv.Single()), F(bound),
                       Names(block.names, block.not_modelled), view.Paren(block, side.binding),
                       block.Single() ? "says" : "say");
  };
  if (setter != nullptr) {
    const std::string who =
        fmt::format("{}, the agenda setter (ideal {}),", setter->actor, F(setter->position));
    if (u == q && side.Empty()) {
      p.explanation = fmt::format(
          "{}, no move {} from the status quo {} wins{}: {}. {} keeps "
          "the status quo.",
          under, dir, F(q), where, WhyEmpty(view, side, q, d), who);
    } else if (u == q) {
      p.explanation = fmt::format(
          "{}, {} prefers the status quo {} to every proposal that "
          "passes and survives amendment.",
          under, who, F(q));
    } else if (u == bound && side.pivot) {
      p.explanation = fmt::format("{}, {} proposes {}, the farthest point {} that passes{}: {}.",
                                  under, who, F(u), dir, where, pivotal());
    } else {
      p.explanation = fmt::format(
          "{}, only points from {} to {} can pass against the status quo {}; {} "
          "proposes {}, its favourite among them, and it passes.",
          under, F(p.lo), F(p.hi), F(q), who, F(u));
    }
    return p;
  }
  if (a.model_kept) {
    p.explanation = fmt::format(
        "{}, no point beats the status quo {}{}: {}. With on_empty: model the model's {} stands; "
        "read the empty win-set as a risk of gridlock.",
        under, F(q), where, WhyEmpty(view, side, q, d), F(u));
  } else if (!a.binds) {
    p.explanation = fmt::format(
        "{}, only points from {} to {} can pass against the status quo {}; the "
        "model's {} is among them and stands.",
        under, F(p.lo), F(p.hi), F(q), F(u));
  } else if (side.pivot) {
    p.explanation = fmt::format(
        "{}, a move {} from the status quo {} passes{} only as far as {}: "
        "{}. Outcome {}, not the model's {}.",
        under, dir, F(q), where, F(bound), pivotal(), F(bound), F(u));
  } else {
    p.explanation = fmt::format(
        "{}, no move {} from the status quo {} wins{}: {}. The status quo holds, not "
        "the model's {}.",
        under, dir, F(q), where, WhyEmpty(view, side, q, d), F(u));
  }
  return p;
}

}  // namespace entente
