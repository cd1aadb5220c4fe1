#pragma once
/// \file
/// The model list with every model's declared options, as `entente models` prints it and as
/// `entente models --format json`, GET /api/models, Python's entente.models() and the dashboard
/// read it: one source, the declarations in each model's options file.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "entente/models/registry.hpp"

namespace entente {

/// `{"name", "type", "default", "min", "max", "choices", "help"}`: the default typed (a number
/// for number and integer options, text for choices, null when there is none); min and max
/// only for numbers, choices only for choice options.
[[nodiscard]] nlohmann::ordered_json OptionJson(const OptionSpec& spec);

/// `{"name", "summary", "citation", "dynamic", "joint", "options": [OptionJson...]}`.
[[nodiscard]] nlohmann::ordered_json ModelJson(const ModelInfo& model);

/// `{"models": [ModelJson...], "defaults": {"model", "draws", "seed", "noise_percent",
/// "tolerance_percent"}}`: every model in registry order and the defaults every front end takes.
[[nodiscard]] nlohmann::ordered_json ModelsJson();

/// CSV, one row per model and option (a model without options gets one row with the option
/// columns empty): model, dynamic, option, type, default, min, max, choices, help. `only`
/// restricts it to one model; nullptr lists them all.
[[nodiscard]] std::string ModelsCsv(const ModelInfo* only = nullptr);

/// One model's options as a table: name, type, default, range or choices, help.
[[nodiscard]] std::string ModelOptionsTable(const ModelInfo& model);

}  // namespace entente
