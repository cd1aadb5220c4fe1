// Typed model options: one declaration per option drives parsing, defaults and errors.
#include "entente/models/option_spec.hpp"

#include <gtest/gtest.h>

#include "entente/core/error.hpp"
#include "entente/models/eu/eu_options.hpp"
#include "entente/models/exchange/exchange_options.hpp"
#include "entente/models/ktab/ktab_options.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

constexpr std::string_view kCentre[] = {"median", "mean"};
constexpr OptionSpec kSpecs[] = {
    {"mu", OptionType::kChoice, "median", 0, 0, kCentre, "centre"},
    {"q", OptionType::kNumber, "1", 0, 1, {}, "status quo probability"},
    {"rounds", OptionType::kInteger, "100", 1, 1000, {}, "round limit"},
    {"pairs", OptionType::kText, "", 0, 0, {}, "free text"},
};

ModelOptions Given(std::initializer_list<std::pair<const char*, const char*>> pairs) {
  ModelOptions o;
  for (const auto& [k, v] : pairs) o.Set(k, v);
  return o;
}

TEST(Options, GivenValuesThenPresetsThenDeclaredDefaults) {
  const ModelOptions o = Given({{"q", "0.5"}, {"rounds", "8"}});
  OptionReader r(o, kSpecs, "test");
  EXPECT_DOUBLE_EQ(r.Number("q"), 0.5);
  EXPECT_EQ(r.Integer("rounds"), 8);
  EXPECT_EQ(r.Choice("mu"), "median");
  EXPECT_FALSE(r.Text("pairs").has_value());
  r.Preset("mu", "mean");
  r.Preset("rounds", "20");
  EXPECT_EQ(r.Choice("mu"), "mean");
  EXPECT_EQ(r.Integer("rounds"), 8) << "a given value beats the preset";
  enum class Centre { kMedian, kMean };
  EXPECT_EQ(r.Enum("mu", {Centre::kMedian, Centre::kMean}), Centre::kMean);
}

TEST(Options, BadValuesNameTheOption) {
  const ModelOptions o = Given({{"q", "half"}, {"rounds", "0"}, {"mu", "mode"}});
  const OptionReader r(o, kSpecs, "test");
  EXPECT_THROW((void)r.Integer("rounds"), InputError);
  EXPECT_THROW((void)r.Choice("mu"), InputError);
  try {
    (void)r.Number("q");
    ADD_FAILURE() << "'half' must not read as a number";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("option q: 'half' is not a number"), std::string::npos);
  }
}

TEST(Options, UnknownKeyIsRejectedWithTheKnownOnes) {
  try {
    const ModelOptions qq = Given({{"qq", "1"}});
    (void)OptionReader(qq, kSpecs, "eu");
    ADD_FAILURE() << "an unknown key must throw";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "model 'eu' has no option 'qq'; it knows mu, q, rounds, pairs");
  }
  const ModelOptions none;
  EXPECT_NO_THROW((void)OptionReader(none, {}, "median"));
  const ModelOptions rounds = Given({{"rounds", "3"}});
  EXPECT_THROW((void)OptionReader(rounds, {}, "median"), InputError);
}

TEST(Options, ReadingAnUndeclaredKeyIsABug) {
  const ModelOptions none;
  const OptionReader r(none, kSpecs, "test");
  EXPECT_THROW((void)r.Number("nope"), InternalError);
}

// The declarations are the defaults: parsing nothing must give the structs' own defaults, so
// what `entente models` lists is what runs.
TEST(Options, DeclaredDefaultsAreTheModelsDefaults) {
  EXPECT_EQ(ParseEuOptions({}), EuOptions{});
  EXPECT_EQ(ParseExchangeOptions({}), ExchangeOptions{});
  EXPECT_EQ(ParseSmpOptions({}), SmpOptions{});
}

// Every declaration is well formed: a default that parses, bounds in order, choices that
// include the default, help text.
TEST(Options, EveryDeclarationIsWellFormed) {
  for (const ModelInfo& m : Models()) {
    for (const OptionSpec& spec : m.Options()) {
      SCOPED_TRACE(std::string(m.name) + "." + std::string(spec.name));
      EXPECT_FALSE(spec.help.empty());
      const ModelOptions none;
      const OptionReader r(none, m.Options(), m.name);
      switch (spec.type) {
        case OptionType::kNumber: EXPECT_NO_THROW((void)r.Number(spec.name)); break;
        case OptionType::kInteger: EXPECT_NO_THROW((void)r.Integer(spec.name)); break;
        case OptionType::kChoice: EXPECT_NO_THROW((void)r.Choice(spec.name)); break;
        case OptionType::kText: EXPECT_TRUE(spec.default_value.empty()); break;
      }
      if (spec.type == OptionType::kNumber || spec.type == OptionType::kInteger) {
        EXPECT_LE(spec.lo, spec.hi);
      }
    }
  }
}

}  // namespace
}  // namespace entente
