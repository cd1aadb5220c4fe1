#include "entente/output/model_output.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "entente/core/defaults.hpp"
#include "entente/core/text.hpp"
#include "entente/formats/csv.hpp"

namespace entente {
namespace {

using J = nlohmann::ordered_json;

bool Numeric(const OptionSpec& spec) {
  return spec.type == OptionType::kNumber || spec.type == OptionType::kInteger;
}

std::string Range(const OptionSpec& spec) {
  if (Numeric(spec)) return fmt::format("{} to {}", FormatNumber(spec.lo), FormatNumber(spec.hi));
  if (spec.type == OptionType::kChoice) return fmt::format("{}", fmt::join(spec.choices, ", "));
  return "text";
}

}  // namespace

nlohmann::ordered_json OptionJson(const OptionSpec& spec) {
  J j{{"name", spec.name}, {"type", OptionTypeName(spec.type)}};
  if (spec.default_value.empty()) {
    j["default"] = nullptr;
  } else if (Numeric(spec)) {
    j["default"] = ParseNumber(spec.default_value).value_or(0);
  } else {
    j["default"] = spec.default_value;
  }
  if (Numeric(spec)) {
    j["min"] = spec.lo;
    j["max"] = spec.hi;
  }
  if (spec.type == OptionType::kChoice) {
    j["choices"] = J::array();
    for (std::string_view c : spec.choices) j["choices"].push_back(c);
  }
  j["help"] = spec.help;
  return j;
}

nlohmann::ordered_json ModelJson(const ModelInfo& model) {
  J options = J::array();
  for (const OptionSpec& spec : model.Options()) options.push_back(OptionJson(spec));
  return J{{"name", model.name},         {"summary", model.summary},
           {"citation", model.citation}, {"dynamic", model.aggregate == nullptr},
           {"joint", model.joint},       {"calibrated", model.calibrated},
           {"options", options}};
}

nlohmann::ordered_json ModelsJson() {
  J list = J::array();
  for (const ModelInfo& m : Models()) list.push_back(ModelJson(m));
  return J{{"models", list},
           {"defaults",
            {{"model", defaults::kModel},
             {"draws", defaults::kDraws},
             {"seed", defaults::kSeed},
             {"noise_percent", defaults::kNoisePercent},
             {"tolerance_percent", defaults::kTolerancePercent},
             {"bootstrap", defaults::kBootstrap}}}};
}

std::string ModelsCsv(const ModelInfo* only) {
  std::string out =
      CsvLine({"model", "dynamic", "option", "type", "default", "min", "max", "choices", "help"});
  for (const ModelInfo& m : Models()) {
    if (only != nullptr && m.name != only->name) continue;
    const std::string dynamic = m.aggregate == nullptr ? "true" : "false";
    if (m.Options().empty())
      out += CsvLine({std::string(m.name), dynamic, "", "", "", "", "", "", ""});
    for (const OptionSpec& spec : m.Options()) {
      const bool numeric = Numeric(spec);
      out += CsvLine({std::string(m.name), dynamic, std::string(spec.name),
                      std::string(OptionTypeName(spec.type)), std::string(spec.default_value),
                      numeric ? FormatNumber(spec.lo) : std::string(),
                      numeric ? FormatNumber(spec.hi) : std::string(),
                      spec.type == OptionType::kChoice
                          ? fmt::format("{}", fmt::join(spec.choices, ";"))
                          : std::string(),
                      std::string(spec.help)});
    }
  }
  return out;
}

std::string ModelOptionsTable(const ModelInfo& model) {
  std::string out = fmt::format("{}: {}  ({})\n", model.name, model.summary, model.citation);
  if (model.Options().empty()) return out + "It takes no options.\n";
  out += "\nOptions (--option KEY=VALUE):\n";
  for (const OptionSpec& spec : model.Options()) {
    out += fmt::format("  {:<17} {:<8} default {:<12} {}\n  {:<17} {}\n", spec.name,
                       OptionTypeName(spec.type),
                       spec.default_value.empty() ? "none" : std::string(spec.default_value),
                       Range(spec), "", spec.help);
  }
  return out;
}

}  // namespace entente
