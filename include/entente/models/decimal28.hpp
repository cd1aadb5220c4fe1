#pragma once
/// \file
/// Decimal floating point with 28 significant digits and round-half-even, the arithmetic of
/// Python's `decimal` module in its default context, which the Decide exchange model computes
/// in. Entente's `arithmetic=decimal` option (part of `preset=decide`) runs the Decide view of
/// the exchange model in it: Decide breaks ties between equal gains by the last digits of its
/// Decimal results, so only the same arithmetic realizes the same exchanges. Internal to the
/// exchange model; exposed for tests.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace entente::detail {

/// The coefficient type of Decimal28 (a GCC/Clang extension; __extension__ keeps -Wpedantic
/// quiet).
__extension__ typedef unsigned __int128 DecimalCoefficient;

/// A decimal number sign x coefficient x 10^exponent. Every operation returns the exact result
/// rounded to 28 significant digits, half to even (IEEE 754 decimal arithmetic as in Python's
/// default decimal context); comparisons are exact. Values built from text or doubles keep up
/// to 38 digits.
class Decimal28 {
 public:
  /// Zero.
  Decimal28() = default;
  /// The integer `v`, exactly.
  explicit Decimal28(std::int64_t v);

  /// Parses decimal text such as "0.65", "-1e-10" or "100"; digits beyond 38 are rounded.
  /// Returns false (and leaves `out` unchanged) for text that is not a number.
  static bool Parse(std::string_view text, Decimal28& out);
  /// The shortest decimal that reads back as `v` (how input numbers were written, for any
  /// input of up to 15 significant digits), e.g. 0.65 for the double nearest 0.65.
  static Decimal28 FromShortest(double v);
  /// The binary value of `v` itself (what Python's `Decimal(float)` gives), rounded to 38
  /// significant digits; e.g. 0.4 -> 0.40000000000000002220446049250313080847.
  static Decimal28 FromBinary(double v);

  /// The nearest double (correctly rounded, so monotone: a <= b implies ToDouble(a) <=
  /// ToDouble(b)).
  [[nodiscard]] double ToDouble() const;
  /// A double within 3 units in the last place of the value (relative error below 3.4e-16),
  /// cheaply: for error-bounded estimates that decide a comparison only when the bound allows,
  /// never for reported values.
  [[nodiscard]] double Approx() const;
  /// Scientific notation of the stored digits, e.g. "12345E-4" (for tests and diagnostics).
  [[nodiscard]] std::string ToString() const;
  /// True for zero.
  [[nodiscard]] bool IsZero() const { return coef_ == 0; }
  /// True below zero.
  [[nodiscard]] bool IsNegative() const { return neg_ && coef_ != 0; }

  /// An exact ordering key for values >= 0 (negative values all rank with zero): a < b if and
  /// only if RankKey(a) < RankKey(b). Comparing keys is one or two integer comparisons.
  struct RankKey {
    int adjusted = 0;            ///< exponent of the leading digit, plus one
    DecimalCoefficient top = 0;  ///< the coefficient scaled to 38 digits
    friend auto operator<=>(const RankKey&, const RankKey&) = default;
  };
  /// The ordering key of this value (see RankKey).
  [[nodiscard]] RankKey Rank() const;

  friend Decimal28 operator+(const Decimal28& a, const Decimal28& b);
  friend Decimal28 operator-(const Decimal28& a, const Decimal28& b);
  friend Decimal28 operator*(const Decimal28& a, const Decimal28& b);
  friend Decimal28 operator/(const Decimal28& a, const Decimal28& b);  ///< b must not be zero
  friend Decimal28 operator-(const Decimal28& a);
  friend std::strong_ordering operator<=>(const Decimal28& a, const Decimal28& b);
  friend bool operator==(const Decimal28& a, const Decimal28& b) {
    return (a <=> b) == std::strong_ordering::equal;
  }
  Decimal28& operator+=(const Decimal28& b) { return *this = *this + b; }

 private:
  bool neg_ = false;
  int exp_ = 0;
  DecimalCoefficient coef_ = 0;  // at most 38 digits

  friend struct Decimal28Ops;
};

/// |a|, exactly.
[[nodiscard]] inline Decimal28 Abs(const Decimal28& a) {
  return a.IsNegative() ? -a : a;
}

}  // namespace entente::detail
