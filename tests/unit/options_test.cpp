#include "entente/models/options.hpp"

#include <gtest/gtest.h>

#include "entente/core/error.hpp"

namespace entente {
namespace {

TEST(Options, DefaultsAndValues) {
  ModelOptions o;
  o.Set("q", "0.5");
  o.Set("rounds", "8");
  EXPECT_DOUBLE_EQ(o.Number("q", 1.0, 0, 1), 0.5);
  EXPECT_EQ(o.Integer("rounds", 100, 1, 1000), 8);
  EXPECT_EQ(o.Integer("missing", 7, 1, 10), 7);
  EXPECT_EQ(o.Choice("mu", "median", {"median", "mean"}), "median");
}

TEST(Options, BadValuesNameTheOption) {
  ModelOptions o;
  o.Set("q", "half");
  o.Set("rounds", "0");
  o.Set("mu", "mode");
  EXPECT_THROW((void)o.Number("q", 1, 0, 1), InputError);
  EXPECT_THROW((void)o.Integer("rounds", 1, 1, 10), InputError);
  EXPECT_THROW((void)o.Choice("mu", "median", {"median", "mean"}), InputError);
  try {
    (void)o.Number("q", 1, 0, 1);
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("option q: 'half' is not a number"), std::string::npos);
  }
}

TEST(Options, UnknownKeyIsRejected) {
  ModelOptions o;
  o.Set("qq", "1");
  EXPECT_THROW(o.RequireKnown("eu", {"q", "rounds"}), InputError);
  EXPECT_NO_THROW(ModelOptions{}.RequireKnown("median", {}));
}

}  // namespace
}  // namespace entente
