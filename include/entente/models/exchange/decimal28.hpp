#pragma once
/// \file
/// Decimal floating point with 28 significant digits and round-half-even, the arithmetic of
/// Python's `decimal` module in its default context, which the Decide exchange model computes
/// in. Entente's `arithmetic=decimal` option (part of `preset=decide`) runs the Decide view of
/// the exchange model in it: Decide breaks ties between equal gains by the last digits of its
/// Decimal results, so only the same arithmetic realizes the same exchanges. Internal to the
/// exchange model; exposed for tests.

#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace entente::detail {

/// The coefficient type of Decimal28 (a GCC/Clang extension; __extension__ keeps -Wpedantic
/// quiet).
__extension__ typedef unsigned __int128 DecimalCoefficient;

/// Helpers of Decimal28 that its inline comparisons need.
namespace decimal28_internal {

/// 10^0 .. 10^38.
constexpr std::array<DecimalCoefficient, 39> MakePow10() {
  std::array<DecimalCoefficient, 39> p{};
  p[0] = 1;
  for (std::size_t k = 1; k < p.size(); ++k) p[k] = p[k - 1] * 10;
  return p;
}
/// 10^k for k = 0 .. 38.
inline constexpr std::array<DecimalCoefficient, 39> kPow10 = MakePow10();

/// Decimal digits of a (1 for zero): from the bit length, floor(bits log10 2) or one more.
inline int Digits(DecimalCoefficient a) {
  const auto hi = static_cast<std::uint64_t>(a >> 64), lo = static_cast<std::uint64_t>(a);
  if (hi == 0 && lo == 0) return 1;
  const int bits = hi != 0 ? 128 - __builtin_clzll(hi) : 64 - __builtin_clzll(lo);
  const int d = bits * 1233 >> 12;  // 1233 / 4096 ~ log10 2
  return a >= kPow10[static_cast<std::size_t>(d)] ? d + 1 : d;
}

}  // namespace decimal28_internal

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
  [[nodiscard]] bool IsZero() const { return (lo_ | hi_) == 0; }
  /// True below zero.
  [[nodiscard]] bool IsNegative() const { return neg_ && !IsZero(); }
  /// -1, 0 or 1.
  [[nodiscard]] int Sign() const { return IsZero() ? 0 : (neg_ ? -1 : 1); }

  /// An exact ordering key for values >= 0 (negative values all rank with zero): a < b if and
  /// only if RankKey(a) < RankKey(b). Comparing keys is one or two integer comparisons.
  struct RankKey {
    int adjusted = 0;            ///< exponent of the leading digit, plus one
    DecimalCoefficient top = 0;  ///< the coefficient scaled to 38 digits
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 sees a 0 in the defaulted <=>.
    friend auto operator<=>(const RankKey&, const RankKey&) = default;
  };
  /// The ordering key of this value (see RankKey).
  [[nodiscard]] RankKey Rank() const;

  friend Decimal28 operator+(const Decimal28& a, const Decimal28& b);
  friend Decimal28 operator-(const Decimal28& a, const Decimal28& b);
  friend Decimal28 operator*(const Decimal28& a, const Decimal28& b);
  friend Decimal28 operator/(const Decimal28& a, const Decimal28& b);  ///< b must not be zero
  friend Decimal28 operator-(const Decimal28& a) {
    Decimal28 r = a;
    r.neg_ = !a.neg_;
    return r;
  }
  /// Exact. Inline: the exchange model compares far more often than it computes.
  friend std::strong_ordering operator<=>(const Decimal28& a, const Decimal28& b) {
    const int sa = a.Sign(), sb = b.Sign();
    if (sa != sb || sa == 0) return sa <=> sb;
    // Same sign: the magnitudes by their leading digit's place, then digit by digit (the
    // shorter coefficient scaled to the longer one's length, which fits: at most 38 digits).
    DecimalCoefficient xa = a.Coef(), xb = b.Coef();
    if (a.exp_ != b.exp_) {
      const int na = decimal28_internal::Digits(xa), nb = decimal28_internal::Digits(xb);
      const int ta = a.exp_ + na, tb = b.exp_ + nb;
      if (ta != tb) return sa > 0 ? ta <=> tb : tb <=> ta;
      if (na < nb) xa *= decimal28_internal::kPow10[static_cast<std::size_t>(nb - na)];
      if (nb < na) xb *= decimal28_internal::kPow10[static_cast<std::size_t>(na - nb)];
    }
    return sa > 0 ? xa <=> xb : xb <=> xa;
  }
  friend bool operator==(const Decimal28& a, const Decimal28& b) {
    return (a <=> b) == std::strong_ordering::equal;
  }
  Decimal28& operator+=(const Decimal28& b) { return *this = *this + b; }

 private:
  bool neg_ = false;
  int exp_ = 0;
  // The coefficient (at most 38 digits) in two words rather than one 128-bit integer, whose
  // 16-byte alignment would make every value 32 bytes instead of 24; the exchange model keeps
  // thousands of candidates of dozens of values each, and its speed follows their size.
  std::uint64_t lo_ = 0, hi_ = 0;

  [[nodiscard]] DecimalCoefficient Coef() const {
    return (static_cast<DecimalCoefficient>(hi_) << 64) | lo_;
  }
  void SetCoef(DecimalCoefficient c) {
    lo_ = static_cast<std::uint64_t>(c);
    hi_ = static_cast<std::uint64_t>(c >> 64);
  }

  friend struct Decimal28Ops;
};

/// |a|, exactly.
[[nodiscard]] inline Decimal28 Abs(const Decimal28& a) {
  return a.IsNegative() ? -a : a;
}

}  // namespace entente::detail
