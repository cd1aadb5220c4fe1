#pragma once
// The two arithmetics of the exchange model's Decide view, and the double estimates with
// error bounds that decide, under arithmetic=decimal, what needs no digits. Internal to
// exchange_decide*.cpp (not public API).
// An estimate v of a decimal result d is kept with a bound e, |v - d| <= e. Per operation the
// double rounding (2^-53 |v|) and the decimal one (5e-28 |v|) are both within 4 units of
// 2^-53 |v|, and the operands' errors propagate to first order:
//   a +- b: e = (e_a + e_b)(1 + 1e-15) + 4u |v|
//   a * b:  e = (|a| e_b + |b| e_a + e_a e_b)(1 + 1e-15) + 4u |v|
//   a / b:  e = (e_a + |v| e_b) / (|b| - e_b) (1 + 1e-15) + 4u |v|   (|b| > e_b)
// with u = 2^-53; the factor 1 + 1e-15 covers the second-order terms.

#include <cmath>

#include "entente/models/exchange/decimal28.hpp"

namespace entente::detail::decide {

// Number conversions for the two arithmetics.
template <class N>
struct Num;

template <>
struct Num<double> {
  static double Input(double v) { return v; }
  static double Binary(double v) { return v; }
  static double Int(int v) { return v; }
  static double ToDouble(double v) { return v; }
  static double Approx(double v) { return v; }
  static double Abs(double v) { return std::abs(v); }
  static int Sign(double v) { return v > 0 ? 1 : (v < 0 ? -1 : 0); }
  // Gains within the same 1e-12 step rank equal.
  using Key = long long;
  static Key Rank(double v) { return std::llround(v * 1e12); }
  static constexpr bool kExact = false;
};

template <>
struct Num<Decimal28> {
  static Decimal28 Input(double v) { return Decimal28::FromShortest(v); }
  static Decimal28 Binary(double v) { return Decimal28::FromBinary(v); }
  static Decimal28 Int(int v) { return Decimal28(v); }
  static double ToDouble(const Decimal28& v) { return v.ToDouble(); }
  static double Approx(const Decimal28& v) { return v.Approx(); }
  static Decimal28 Abs(const Decimal28& v) { return detail::Abs(v); }
  static int Sign(const Decimal28& v) { return v.Sign(); }
  using Key = Decimal28::RankKey;
  static Key Rank(const Decimal28& v) { return v.Rank(); }
  static constexpr bool kExact = true;
};

// An estimate v of a decimal result, |v - decimal| <= e.
struct Estimate {
  double v = 0, e = 0;
};

// The bounds' unit and second-order factor (see the top of the file).
constexpr double kUnit = 1.1102230246251565e-16;  // 2^-53
constexpr double kSlack = 1 + 1e-15;

inline Estimate Exact(double v) {  // a decimal's Approx(): within 3 units
  return {v, 4 * kUnit * std::abs(v)};
}
inline Estimate operator-(Estimate a, Estimate b) {
  const double v = a.v - b.v;
  return {v, (a.e + b.e) * kSlack + 4 * kUnit * std::abs(v)};
}
inline Estimate operator+(Estimate a, Estimate b) {
  const double v = a.v + b.v;
  return {v, (a.e + b.e) * kSlack + 4 * kUnit * std::abs(v)};
}
inline Estimate operator*(Estimate a, Estimate b) {
  const double v = a.v * b.v;
  return {v, (std::abs(a.v) * b.e + std::abs(b.v) * a.e + a.e * b.e) * kSlack +
                 4 * kUnit * std::abs(v)};
}
inline Estimate operator/(Estimate a, Estimate b) {  // |b.v| > b.e
  const double v = a.v / b.v;
  return {v, (a.e + std::abs(v) * b.e) / (std::abs(b.v) - b.e) * kSlack + 4 * kUnit * std::abs(v)};
}
inline Estimate Abs(Estimate a) {
  return {std::abs(a.v), a.e};
}

// Three-valued outcome of a check on estimates: certainly true, certainly false, or unknown.
enum class Certain { kNo, kYes, kUnknown };

// x > limit for an estimate x.
inline Certain Above(Estimate x, double limit) {
  if (x.v - x.e > limit) return Certain::kYes;
  if (x.v + x.e <= limit) return Certain::kNo;
  return Certain::kUnknown;
}

}  // namespace entente::detail::decide
