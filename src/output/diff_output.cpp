#include "entente/output/diff_output.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"

namespace entente {
namespace {

using J = nlohmann::ordered_json;

std::string Fixed(const std::optional<double>& v) {
  return v ? FormatFixed(*v, 1) : "-";
}

// "=" for no move, else the signed change to two decimals (as `runs diff`).
std::string MoveText(const OutcomeMove& m) {
  const std::optional<double> d = m.Move();
  if (!d) return m.before ? "removed" : "added";
  return std::abs(*d) < 5e-10 ? "=" : fmt::format("{:+.2f}", *d);
}

std::string Vetoes(const OutcomeMove& m) {
  if (m.veto_before == m.veto_after) return m.veto_after.value_or("-");
  return fmt::format("{} -> {}", m.veto_before.value_or("-"), m.veto_after.value_or("-"));
}

J Opt(const std::optional<double>& v) {
  return v ? J(*v) : J();
}

J Opt(const std::optional<std::string>& v) {
  return v ? J(*v) : J();
}

J Text(const std::string& s) {
  return s.empty() ? J() : J(s);
}

}  // namespace

std::string DiffTable(const ScenarioPair& pair, const std::string& first,
                      const std::string& second) {
  std::string out = fmt::format("{} -> {}\n\nInputs changed:\n", first, second);
  if (pair.inputs.empty()) out += "  none: the inputs are identical\n";
  for (const ScenarioChange& c : pair.inputs) out += "  " + c.text + "\n";
  out += fmt::format("\nOutcomes ({}):\n  {:<26} {:>8} {:>8} {:>8}  {}\n", pair.model, "issue",
                     "first", "second", "move", "binding veto");
  for (const OutcomeMove& m : pair.outcomes) {
    out += fmt::format("  {:<26} {:>8} {:>8} {:>8}  {}\n", m.issue, Fixed(m.before), Fixed(m.after),
                       MoveText(m), Vetoes(m));
  }
  for (const std::string& w : pair.warnings) out += fmt::format("warning: {}\n", w);
  return out;
}

J DiffJson(const ScenarioPair& pair, const std::string& first, const std::string& second) {
  J inputs = J::array();
  for (const ScenarioChange& c : pair.inputs) {
    inputs.push_back({{"actor", Text(c.actor)},
                      {"issue", Text(c.issue)},
                      {"field", c.field},
                      {"change", c.change},
                      {"before", Text(c.before)},
                      {"after", Text(c.after)},
                      {"text", c.text}});
  }
  J outcomes = J::array();
  for (const OutcomeMove& m : pair.outcomes) {
    outcomes.push_back({{"issue", m.issue},
                        {"name", m.name},
                        {"before", Opt(m.before)},
                        {"after", Opt(m.after)},
                        {"move", Opt(m.Move())},
                        {"veto_before", Opt(m.veto_before)},
                        {"veto_after", Opt(m.veto_after)}});
  }
  return {{"first", first},   {"second", second},     {"model", pair.model},
          {"inputs", inputs}, {"outcomes", outcomes}, {"warnings", pair.warnings}};
}

std::string DiffCsv(const ScenarioPair& pair) {
  std::string out =
      CsvLine({"section", "actor", "issue", "field", "change", "before", "after", "move", "text"});
  for (const ScenarioChange& c : pair.inputs) {
    out += CsvLine({"input", c.actor, c.issue, c.field, c.change, c.before, c.after, "", c.text});
  }
  const auto num = [](const std::optional<double>& v) {
    return v ? FormatNumber(*v) : std::string();
  };
  for (const OutcomeMove& m : pair.outcomes) {
    const std::string change = !m.before ? "added" : !m.after ? "removed" : "forecast";
    out += CsvLine({"outcome", "", m.issue, "outcome", change, num(m.before), num(m.after),
                    num(m.Move()), "binding veto: " + Vetoes(m)});
  }
  return out;
}

std::string FormatDiff(const ScenarioPair& pair, const std::string& first,
                       const std::string& second, OutputFormat format) {
  switch (format) {
    case OutputFormat::kJson: return DiffJson(pair, first, second).dump(2) + "\n";
    case OutputFormat::kCsv: return DiffCsv(pair);
    case OutputFormat::kTable: return DiffTable(pair, first, second);
  }
  return DiffTable(pair, first, second);
}

}  // namespace entente
