#pragma once
/// \file
/// Typed model options, each declared once (as HiGHS declares its options): name, type,
/// default, bounds or choices, and help. The model's parser reads through OptionReader, which
/// rejects keys the declaration lacks; `entente models`, /api/models, the Python docstrings and
/// the dashboard list the same declarations (ModelsJson in output/model_output.hpp).

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "entente/models/options.hpp"

namespace entente {

/// What an option's value is.
enum class OptionType {
  kNumber,   ///< a finite decimal number in [lo, hi]
  kInteger,  ///< a whole number in [lo, hi]
  kChoice,   ///< one of `choices`
  kText,     ///< free text the model parses itself (e.g. ideal_adjustment)
};

/// "number", "integer", "choice", "text".
[[nodiscard]] std::string_view OptionTypeName(OptionType type);

/// One option of one model.
struct OptionSpec {
  std::string_view name;           ///< key, e.g. "rounds"
  OptionType type;                 ///< value type
  std::string_view default_value;  ///< as text ("100", "converge"); empty: none (text options)
  double lo = 0;                   ///< number/integer: smallest value
  double hi = 0;                   ///< number/integer: largest value
  std::span<const std::string_view> choices = {};  ///< choice: allowed values
  std::string_view help = {};                      ///< one line: what it does, where it comes from
};

/// Reads one model's options against its declarations. Construction rejects an unknown key
/// (InputError naming the model and the keys it knows); each getter returns the given value,
/// else a preset's, else the declared default, and throws InputError naming the option when
/// the value does not fit its type.
class OptionReader {
 public:
  /// `model` names the model in messages.
  OptionReader(const ModelOptions& given, std::span<const OptionSpec> specs,
               std::string_view model);
  /// The reader keeps a reference to `given`: a temporary would dangle (found by ASan in a
  /// test that passed `ModelOptions{}`).
  OptionReader(ModelOptions&& given, std::span<const OptionSpec> specs,
               std::string_view model) = delete;

  /// Makes `value` the default of `key` (a preset sets several); checked like a given value.
  void Preset(std::string_view key, std::string_view value);

  /// A number option.
  [[nodiscard]] double Number(std::string_view key) const;
  /// An integer option.
  [[nodiscard]] std::int64_t Integer(std::string_view key) const;
  /// A choice option's value.
  [[nodiscard]] std::string_view Choice(std::string_view key) const;
  /// A choice option mapped to `values`, which run parallel to the declared choices.
  template <class E>
  [[nodiscard]] E Enum(std::string_view key, std::initializer_list<E> values) const {
    return values.begin()[ChoiceIndex(key, values.size())];
  }
  /// A text option, or nullopt when neither given nor defaulted.
  [[nodiscard]] std::optional<std::string> Text(std::string_view key) const;

 private:
  [[nodiscard]] const OptionSpec& Spec(std::string_view key) const;
  [[nodiscard]] std::optional<std::string_view> Raw(std::string_view key) const;
  [[nodiscard]] std::size_t ChoiceIndex(std::string_view key, std::size_t values) const;

  const ModelOptions& given_;
  std::span<const OptionSpec> specs_;
  std::string_view model_;
  ModelOptions preset_;
};

/// Checks every option in `given` against `specs` (known key, value of the declared type and
/// range) without running the model, so a long job (a calibration grid) fails before it starts.
/// Throws InputError as OptionReader's getters do.
void CheckOptions(const ModelOptions& given, std::span<const OptionSpec> specs,
                  std::string_view model);

}  // namespace entente
