// Decimal28: the 28-digit decimal arithmetic of Decide (Python's default decimal context).
// Expected values are Python's, e.g. `Decimal(1) / Decimal(3)`.
#include <gtest/gtest.h>

#include "entente/models/decimal28.hpp"

namespace entente::detail {
namespace {

Decimal28 D(const char* text) {
  Decimal28 d;
  EXPECT_TRUE(Decimal28::Parse(text, d)) << text;
  return d;
}

TEST(DecideDecimal, DividesToTwentyEightDigits) {
  EXPECT_EQ(Decimal28(1) / Decimal28(3), D("0.3333333333333333333333333333"));
  EXPECT_EQ(Decimal28(2) / Decimal28(3), D("0.6666666666666666666666666667"));
  EXPECT_EQ(-Decimal28(1) / Decimal28(7), D("-0.1428571428571428571428571429"));
  EXPECT_EQ(D("1.45") / D("1.3"), D("1.115384615384615384615384615"));
  EXPECT_EQ(D("0.65") * D("0.6") / D("7.0785"), D("0.05509641873278236914600550964"));
  EXPECT_EQ(D("0.65") / D("1.3"), D("0.5"));
}

TEST(DecideDecimal, RoundsHalfToEven) {
  const Decimal28 zero;
  EXPECT_EQ(D("1.0000000000000000000000000005") + zero, D("1"));  // tie: to even
  EXPECT_EQ(D("1.0000000000000000000000000015") + zero, D("1.000000000000000000000000002"));
  EXPECT_EQ(D("1.00000000000000000000000000050001") + zero, D("1.000000000000000000000000001"));
  EXPECT_EQ(D("9.9999999999999999999999999995") + zero, D("10"));
  EXPECT_EQ(D("100") - D("1E-30"), D("100"));
  EXPECT_NE(D("100") - D("1E-26"), D("100"));
}

TEST(DecideDecimal, TakesDecimalInputsAndBinaryConstantsAsPythonDoes) {
  // Decimal("0.65") for input text; Decimal(0.4) keeps the binary value of the float.
  EXPECT_EQ(Decimal28::FromShortest(0.65), D("0.65"));
  EXPECT_EQ(Decimal28::FromShortest(70.0), D("70"));
  EXPECT_EQ(D("0.1") + D("0.2"), D("0.3"));
  EXPECT_EQ(Decimal28::FromBinary(0.4) * D("0.35"), D("0.1400000000000000077715611724"));
  EXPECT_EQ((Decimal28(1) - D("0.35")) * Decimal28::FromBinary(0.4),
            D("0.2600000000000000144328993201"));
  EXPECT_GT(Decimal28::FromBinary(1e-10), D("1e-10"));
  EXPECT_EQ(D("70") * D("0.65") * D("0.6"), D("27.3"));
}

TEST(DecideDecimal, ComparesExactlyAndConvertsToTheNearestDouble) {
  EXPECT_LT(D("0.2545691906005221932114882507"), D("0.2545691906005221932114882508"));
  EXPECT_EQ(D("0.2545691906005221932114882507").ToDouble(),
            D("0.2545691906005221932114882508").ToDouble());
  EXPECT_LT(D("-2"), D("1e-40"));
  EXPECT_EQ(D("-0"), Decimal28());
  EXPECT_DOUBLE_EQ(D("47.644084934277046").ToDouble(), 47.644084934277046);
  Decimal28 bad;
  EXPECT_FALSE(Decimal28::Parse("1.2.3", bad));
  EXPECT_FALSE(Decimal28::Parse("x", bad));
}

}  // namespace
}  // namespace entente::detail
