// Decimal arithmetic with 28 significant digits, round-half-even (the General Decimal
// Arithmetic specification, as in Python's default decimal context). Each operation forms the
// exact result in a 256-bit integer coefficient and rounds it once; coefficients of operands
// have at most 38 digits, so products (76 digits), aligned sums and the 30-digit quotients fit.
#include "entente/models/exchange/decimal28.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace entente::detail {

using U128 = DecimalCoefficient;

namespace {

constexpr int kPrecision = 28;
constexpr int kMaxDigits = 38;  // what a stored coefficient may hold
constexpr std::uint64_t kE19 = 10000000000000000000ULL;

// A 256-bit unsigned integer, little-endian 64-bit words.
struct U256 {
  std::array<std::uint64_t, 4> w{};
};

constexpr U256 From128(U128 v) {
  U256 r;
  r.w[0] = static_cast<std::uint64_t>(v);
  r.w[1] = static_cast<std::uint64_t>(v >> 64);
  return r;
}

U128 To128(const U256& a) {
  return (static_cast<U128>(a.w[1]) << 64) | a.w[0];
}

bool Fits128(const U256& a) {
  return (a.w[2] | a.w[3]) == 0;
}

int Compare(const U256& a, const U256& b) {
  for (int i = 3; i >= 0; --i) {
    if (a.w[i] != b.w[i]) return a.w[i] < b.w[i] ? -1 : 1;
  }
  return 0;
}

U256 Add(const U256& a, const U256& b) {
  U256 r;
  U128 carry = 0;
  for (int i = 0; i < 4; ++i) {
    const U128 s = static_cast<U128>(a.w[i]) + b.w[i] + carry;
    r.w[i] = static_cast<std::uint64_t>(s);
    carry = s >> 64;
  }
  return r;
}

U256 Sub(const U256& a, const U256& b) {  // a >= b
  U256 r;
  std::uint64_t borrow = 0;
  for (int i = 0; i < 4; ++i) {
    const U128 d = static_cast<U128>(a.w[i]) - b.w[i] - borrow;
    r.w[i] = static_cast<std::uint64_t>(d);
    borrow = (d >> 64) != 0 ? 1 : 0;
  }
  return r;
}

// a * m for a 64-bit m; the result must fit.
constexpr U256 MulSmall(const U256& a, std::uint64_t m) {
  U256 r;
  U128 carry = 0;
  for (int i = 0; i < 4; ++i) {
    const U128 p = static_cast<U128>(a.w[i]) * m + carry;
    r.w[i] = static_cast<std::uint64_t>(p);
    carry = p >> 64;
  }
  return r;
}

U256 Mul(U128 a, U128 b) {
  const std::uint64_t a0 = static_cast<std::uint64_t>(a), a1 = static_cast<std::uint64_t>(a >> 64);
  const std::uint64_t b0 = static_cast<std::uint64_t>(b), b1 = static_cast<std::uint64_t>(b >> 64);
  U256 r = From128(static_cast<U128>(a0) * b0);
  U256 mid = From128(static_cast<U128>(a0) * b1);
  mid = Add(mid, From128(static_cast<U128>(a1) * b0));
  // shift mid left by 64 bits
  r = Add(r, U256{{0, mid.w[0], mid.w[1], mid.w[2]}});
  const U128 hi = static_cast<U128>(a1) * b1;
  r = Add(r, U256{{0, 0, static_cast<std::uint64_t>(hi), static_cast<std::uint64_t>(hi >> 64)}});
  return r;
}

// (hi:lo) / d for hi < d, with the remainder: one hardware division where there is one (the
// generic 128-bit division routine is several times slower).
inline std::uint64_t Div2By1(std::uint64_t hi, std::uint64_t lo, std::uint64_t d,
                             std::uint64_t& rem) {
#if defined(__x86_64__)
  std::uint64_t q = 0, r = 0;
  __asm__("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d) : "cc");
  rem = r;
  return q;
#else
  const U128 n = (static_cast<U128>(hi) << 64) | lo;
  rem = static_cast<std::uint64_t>(n % d);
  return static_cast<std::uint64_t>(n / d);
#endif
}

// Divides a by a 64-bit d in place; returns the remainder.
std::uint64_t DivSmall(U256& a, std::uint64_t d) {
  std::uint64_t rem = 0;
  for (int i = 3; i >= 0; --i) {
    if (rem == 0 && a.w[i] < d) {  // quotient word 0, remainder the word itself
      rem = a.w[i];
      a.w[i] = 0;
      continue;
    }
    a.w[i] = Div2By1(rem, a.w[i], d, rem);
  }
  return rem;
}

// Divides a by a 64-bit d; returns the remainder.
std::uint64_t DivSmall(U128& a, std::uint64_t d) {
  const auto hi = static_cast<std::uint64_t>(a >> 64), lo = static_cast<std::uint64_t>(a);
  std::uint64_t rem = 0;
  const std::uint64_t qh = hi / d;
  const std::uint64_t ql = Div2By1(hi % d, lo, d, rem);
  a = (static_cast<U128>(qh) << 64) | ql;
  return rem;
}

// Divides a by d (2^64 <= d) in place: schoolbook division by a normalized two-word divisor
// (each quotient word estimated from the top words, then corrected); returns true when the
// remainder is not zero.
bool DivLarge(U256& a, U128 d) {
  const int s = __builtin_clzll(static_cast<std::uint64_t>(d >> 64));
  const U128 dn = d << s;
  const auto d1 = static_cast<std::uint64_t>(dn >> 64), d0 = static_cast<std::uint64_t>(dn);
  std::array<std::uint64_t, 5> u{};
  for (int i = 0; i < 4; ++i) {
    u[static_cast<std::size_t>(i)] |= s == 0 ? a.w[i] : a.w[i] << s;
    if (s != 0) u[static_cast<std::size_t>(i) + 1] = a.w[i] >> (64 - s);
  }
  U256 q;
  for (int j = 2; j >= 0; --j) {
    const auto k = static_cast<std::size_t>(j);
    const std::uint64_t u2 = u[k + 2], u1 = u[k + 1], u0 = u[k];
    std::uint64_t qhat = 0;
    U128 rhat = 0;
    if (u2 >= d1) {  // then u2 == d1: the estimate saturates
      qhat = ~std::uint64_t{0};
      rhat = ((static_cast<U128>(u2) << 64) | u1) - static_cast<U128>(qhat) * d1;
    } else {
      std::uint64_t r = 0;
      qhat = Div2By1(u2, u1, d1, r);
      rhat = r;
    }
    while ((rhat >> 64) == 0 && static_cast<U128>(qhat) * d0 > ((rhat << 64) | u0)) {
      --qhat;
      rhat += d1;
    }
    // (u2:u1:u0) -= qhat * (d1:d0); add back once if that went below zero.
    const U128 p0 = static_cast<U128>(qhat) * d0;
    const U128 p1 = static_cast<U128>(qhat) * d1 + static_cast<std::uint64_t>(p0 >> 64);
    const U128 t0 = static_cast<U128>(u0) - static_cast<std::uint64_t>(p0);
    const std::uint64_t b0 = (t0 >> 64) != 0 ? 1 : 0;
    const U128 t1 = static_cast<U128>(u1) - static_cast<std::uint64_t>(p1) - b0;
    const std::uint64_t b1 = (t1 >> 64) != 0 ? 1 : 0;
    const U128 t2 = static_cast<U128>(u2) - static_cast<std::uint64_t>(p1 >> 64) - b1;
    u[k] = static_cast<std::uint64_t>(t0);
    u[k + 1] = static_cast<std::uint64_t>(t1);
    u[k + 2] = static_cast<std::uint64_t>(t2);
    if ((t2 >> 64) != 0) {
      --qhat;
      const U128 s0 = static_cast<U128>(u[k]) + d0;
      const U128 s1 = static_cast<U128>(u[k + 1]) + d1 + static_cast<std::uint64_t>(s0 >> 64);
      u[k] = static_cast<std::uint64_t>(s0);
      u[k + 1] = static_cast<std::uint64_t>(s1);
      u[k + 2] += static_cast<std::uint64_t>(s1 >> 64);
    }
    q.w[k] = qhat;
  }
  a = q;
  return (u[0] | u[1]) != 0;
}

// Divides a by d (d > 0) in place; returns true when the remainder was not zero.
bool DivWide(U256& a, U128 d) {
  if ((d >> 64) == 0) return DivSmall(a, static_cast<std::uint64_t>(d)) != 0;
  return DivLarge(a, d);
}

constexpr std::array<U256, 78> MakePow10() {
  std::array<U256, 78> p{};  // 10^0 .. 10^77 (10^77 < 2^256)
  p[0] = From128(1);
  for (std::size_t k = 1; k < p.size(); ++k) p[k] = MulSmall(p[k - 1], 10);
  return p;
}
constexpr std::array<U256, 78> kPow10 = MakePow10();

U128 Pow10Small(int k) {  // k <= 38
  return decimal28_internal::kPow10[static_cast<std::size_t>(k)];
}

std::uint64_t Pow10Word(int k) {  // k <= 19
  return static_cast<std::uint64_t>(decimal28_internal::kPow10[static_cast<std::size_t>(k)]);
}

// Decimal digits of a: from the bit length, floor(bits log10 2) or one more.
int Digits(const U256& a) {
  int top = 3;
  while (top > 0 && a.w[top] == 0) --top;
  if (a.w[top] == 0) return 1;
  const int bits = 64 * top + 64 - __builtin_clzll(a.w[top]);
  const int d = bits * 1233 >> 12;  // 1233 / 4096 ~ log10 2
  return Compare(a, kPow10[static_cast<std::size_t>(d)]) >= 0 ? d + 1 : d;
}

int Digits(U128 a) {
  return decimal28_internal::Digits(a);
}

U256 MulPow10(U256 a, int k) {
  while (k >= 19) {
    a = MulSmall(a, kE19);
    k -= 19;
  }
  return k > 0 ? MulSmall(a, Pow10Word(k)) : a;
}

// Divides a by 10^k (k >= 1) and tells how the dropped digits compare with half a unit of
// the quotient's last digit: -1 below, 0 exactly half, 1 above. `sticky` stands for a nonzero
// tail below a's last digit.
template <class C>
int DropAndCompareHalf(C& a, int k, bool sticky) {
  while (k > 19) {
    sticky |= DivSmall(a, kE19) != 0;
    k -= 19;
  }
  const std::uint64_t r = DivSmall(a, Pow10Word(k));
  const std::uint64_t half = 5 * Pow10Word(k - 1);
  if (r != half) return r < half ? -1 : 1;
  return sticky ? 1 : 0;
}

}  // namespace

struct Decimal28Ops {
  static Decimal28 Make(bool neg, int exp, U128 coef) {
    Decimal28 d;
    d.neg_ = neg;
    d.exp_ = exp;
    d.SetCoef(coef);
    return d;
  }

  // Rounds the exact value (-1)^neg c 10^exp (plus a nonzero tail below c's last digit when
  // `sticky`) to `digits` significant digits, half to even.
  template <class C>
  static Decimal28 Round(bool neg, C c, int exp, bool sticky, int digits = kPrecision) {
    // Divisions keep two digits more than `digits`, so a tail alone never rounds up.
    const int n = Digits(c);
    if (n <= digits) return Make(neg, exp, To(c));
    const int drop = n - digits;
    const int half = DropAndCompareHalf(c, drop, sticky);
    U128 q = To(c);
    if (half > 0 || (half == 0 && (q & 1) != 0)) ++q;
    int e = exp + drop;
    if (q == Pow10Small(digits)) {
      q = Pow10Small(digits - 1);
      ++e;
    }
    return Make(neg, e, q);
  }
  static U128 To(U128 c) { return c; }
  static U128 To(const U256& c) { return To128(c); }

  // Brings a and b to a common exponent within 128 bits when that is possible.
  static bool Align128(const Decimal28& a, const Decimal28& b, U128& ca, U128& cb, int& exp) {
    ca = a.Coef();
    cb = b.Coef();
    exp = std::min(a.exp_, b.exp_);
    const int ga = a.exp_ - exp, gb = b.exp_ - exp;
    if (ga > 0) {
      if (ga > kMaxDigits || Digits(ca) + ga > kMaxDigits) return false;
      ca *= Pow10Small(ga);
    } else if (gb > 0) {
      if (gb > kMaxDigits || Digits(cb) + gb > kMaxDigits) return false;
      cb *= Pow10Small(gb);
    }
    return true;
  }

  static U128 Coef(const Decimal28& a) { return a.Coef(); }
  static int Exp(const Decimal28& a) { return a.exp_; }
  static bool Neg(const Decimal28& a) { return a.neg_; }

  // Brings two nonzero magnitudes to a common exponent; a coefficient far below the other's
  // last rounded digit is replaced by a single unit further below, which rounds the same way.
  static void Align(const Decimal28& a, const Decimal28& b, U256& ca, U256& cb, int& exp) {
    const int top_a = a.exp_ + Digits(a.Coef()), top_b = b.exp_ + Digits(b.Coef());
    U128 xa = a.Coef(), xb = b.Coef();
    int ea = a.exp_, eb = b.exp_;
    if (top_b < std::min(ea, top_a - kPrecision - 5) - 1) {
      eb = std::min(ea, top_a - kPrecision - 5) - 2;
      xb = 1;
    } else if (top_a < std::min(eb, top_b - kPrecision - 5) - 1) {
      ea = std::min(eb, top_b - kPrecision - 5) - 2;
      xa = 1;
    }
    exp = std::min(ea, eb);
    ca = MulPow10(From128(xa), ea - exp);
    cb = MulPow10(From128(xb), eb - exp);
  }

  static Decimal28 AddSigned(const Decimal28& a, const Decimal28& b, bool negate_b) {
    const bool nb = negate_b ? !b.neg_ : b.neg_;
    if (b.Coef() == 0) return Round(a.neg_, a.Coef(), a.exp_, false);
    if (a.Coef() == 0) return Round(nb, b.Coef(), b.exp_, false);
    U128 xa = 0, xb = 0;
    int e = 0;
    if (Align128(a, b, xa, xb, e)) {  // both below 10^38: the sum fits 128 bits
      if (a.neg_ == nb) return Round(a.neg_, xa + xb, e, false);
      if (xa == xb) return Make(false, e, 0);
      return xa > xb ? Round(a.neg_, xa - xb, e, false) : Round(nb, xb - xa, e, false);
    }
    U256 ca, cb;
    int exp = 0;
    Align(a, b, ca, cb, exp);
    if (a.neg_ == nb) return Round(a.neg_, Add(ca, cb), exp, false);
    const int c = Compare(ca, cb);
    if (c == 0) return Make(false, exp, 0);
    return c > 0 ? Round(a.neg_, Sub(ca, cb), exp, false) : Round(nb, Sub(cb, ca), exp, false);
  }
};

using Ops = Decimal28Ops;

Decimal28::Decimal28(std::int64_t v) {
  neg_ = v < 0;
  SetCoef(neg_ ? static_cast<U128>(-(v + 1)) + 1 : static_cast<U128>(v));
}

bool Decimal28::Parse(std::string_view text, Decimal28& out) {
  std::size_t i = 0;
  bool neg = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) neg = text[i++] == '-';
  U256 coef;
  int exp = 0, digits = 0;
  bool any = false, dot = false, sticky = false;
  for (; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '.' && !dot) {
      dot = true;
      continue;
    }
    if (ch < '0' || ch > '9') break;
    any = true;
    if (digits < 60) {  // enough digits to round to 38 correctly; the rest only count
      coef = Add(MulSmall(coef, 10), From128(static_cast<U128>(ch - '0')));
      if (coef.w != U256{}.w) ++digits;
      if (dot) --exp;
    } else {
      sticky |= ch != '0';
      if (!dot) ++exp;
    }
  }
  if (!any) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    int e = 0;
    std::size_t k = i + 1;
    if (k < text.size() && text[k] == '+') ++k;  // from_chars takes '-' but not '+'
    const auto r = std::from_chars(text.data() + k, text.data() + text.size(), e);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return false;
    exp += e;
  } else if (i != text.size()) {
    return false;
  }
  out = Ops::Round(neg, coef, exp, sticky, kMaxDigits);
  return true;
}

Decimal28 Decimal28::FromShortest(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  Decimal28 d;
  (void)Parse(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)), d);
  return d;
}

Decimal28 Decimal28::FromBinary(double v) {
  // Seventeen significant digits do not show the binary value; 60 do for every double that is
  // not tiny, which is all this is used for (weights and thresholds).
  char buf[128];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, 60);
  Decimal28 d;
  (void)Parse(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)), d);
  return d;
}

double Decimal28::ToDouble() const {
  if (Coef() == 0) return 0;
  const double sign = IsNegative() ? -1 : 1;
  // Both factors exact as doubles: one correctly rounded operation.
  if ((Coef() >> 53) == 0 && exp_ >= -22 && exp_ <= 22) {
    const auto c = static_cast<double>(Coef());
    constexpr auto kExact = [] {  // 10^0 .. 10^22, exact as doubles
      std::array<double, 23> t{};
      t[0] = 1;
      for (std::size_t k = 1; k < t.size(); ++k) t[k] = t[k - 1] * 10;
      return t;
    }();
    const double p = kExact[static_cast<std::size_t>(exp_ < 0 ? -exp_ : exp_)];
    return sign * (exp_ < 0 ? c / p : c * p);
  }
  if (exp_ < 0 && exp_ >= -kMaxDigits) {
    // q = floor(c 2^s / 10^k) with at least 66 bits, its last bit set when anything was
    // left: converting q rounds once, at bit 53 of 66 or more, as the exact quotient would
    // round (the set bit stands for the tail); 2^-s scales exactly.
    const U128 d = Pow10Small(-exp_);
    const auto bits = [](U128 v) {
      const auto hi = static_cast<std::uint64_t>(v >> 64);
      return hi != 0 ? 128 - __builtin_clzll(hi)
                     : 64 - __builtin_clzll(static_cast<std::uint64_t>(v));
    };
    const int shift = std::max(0, 66 + bits(d) - bits(Coef()));
    U256 n = From128(Coef());
    const int words = shift / 64, rest = shift % 64;
    for (int w = 3; w >= 0; --w) {
      const std::uint64_t lo = w - words >= 0 ? n.w[w - words] : 0;
      const std::uint64_t lower = w - words - 1 >= 0 ? n.w[w - words - 1] : 0;
      n.w[w] = rest == 0 ? lo : (lo << rest) | (lower >> (64 - rest));
    }
    const bool sticky = DivWide(n, d);
    U128 q = To128(n);
    if (sticky) q |= 1;
    return sign * std::ldexp(static_cast<double>(q), -shift);
  }
  // The digits and exponent as text on the stack, read back correctly rounded.
  char buf[64];
  char* end = buf + sizeof buf;
  char* p = end;
  U128 c = Coef();
  do {
    *--p = static_cast<char>('0' + static_cast<int>(c % 10));
    c /= 10;
  } while (c != 0);
  if (IsNegative()) *--p = '-';
  char text[96];
  char* t = std::copy(p, end, text);
  *t++ = 'e';
  t = std::to_chars(t, text + sizeof text, exp_).ptr;
  double v = 0;
  (void)std::from_chars(text, t, v);
  return v;
}

double Decimal28::Approx() const {
  // The coefficient converts with one rounding; 10^k is exact for k <= 22 and within half a
  // unit beyond, and the product or quotient rounds once more: three roundings at most.
  static const std::array<double, 309> kPow = [] {
    std::array<double, 309> p{};
    for (std::size_t k = 0; k < p.size(); ++k) p[k] = std::stod("1e" + std::to_string(k));
    return p;
  }();
  const int e = exp_;
  if (e > 300 || e < -300) return ToDouble();
  double v = static_cast<double>(Coef());
  v = e >= 0 ? v * kPow[static_cast<std::size_t>(e)] : v / kPow[static_cast<std::size_t>(-e)];
  return neg_ ? -v : v;
}

Decimal28::RankKey Decimal28::Rank() const {
  if (Coef() == 0 || neg_) return RankKey{std::numeric_limits<int>::min(), 0};
  const int n = Digits(Coef());
  return RankKey{exp_ + n, Coef() * Pow10Small(kMaxDigits - n)};
}

std::string Decimal28::ToString() const {
  std::string digits;
  U128 c = Coef();
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(c % 10)));
    c /= 10;
  } while (c != 0);
  std::reverse(digits.begin(), digits.end());
  return (IsNegative() ? "-" : "") + digits + "E" + std::to_string(exp_);
}

Decimal28 operator+(const Decimal28& a, const Decimal28& b) {
  return Ops::AddSigned(a, b, false);
}

Decimal28 operator-(const Decimal28& a, const Decimal28& b) {
  return Ops::AddSigned(a, b, true);
}

Decimal28 operator*(const Decimal28& a, const Decimal28& b) {
  const U128 x = Ops::Coef(a), y = Ops::Coef(b);
  const bool neg = Ops::Neg(a) != Ops::Neg(b);
  const int exp = Ops::Exp(a) + Ops::Exp(b);
  if (x == 0 || y == 0) return Ops::Make(neg, exp, 0);
  const auto bits = [](U128 v) {
    const auto hi = static_cast<std::uint64_t>(v >> 64);
    return hi != 0 ? 128 - __builtin_clzll(hi)
                   : 64 - __builtin_clzll(static_cast<std::uint64_t>(v));
  };
  if (bits(x) + bits(y) <= 128) return Ops::Round(neg, x * y, exp, false);  // fits 128 bits
  return Ops::Round(neg, Mul(x, y), exp, false);
}

Decimal28 operator/(const Decimal28& a, const Decimal28& b) {
  const bool neg = Ops::Neg(a) != Ops::Neg(b);
  if (Ops::Coef(a) == 0) return Ops::Make(neg, 0, 0);
  // Scale the dividend so that the quotient has kPrecision + 2 digits or more; the remainder
  // only tells whether anything is left (the sticky bit).
  const U128 d = Ops::Coef(b);
  const int da = Digits(Ops::Coef(a)), db = Digits(d);
  const int shift = std::max(0, kPrecision + 2 + db - da);
  const int exp = Ops::Exp(a) - Ops::Exp(b) - shift;
  if (da + shift <= kMaxDigits && (d >> 64) == 0) {  // all within 128 bits
    U128 n = Ops::Coef(a) * Pow10Small(shift);
    const bool sticky = DivSmall(n, static_cast<std::uint64_t>(d)) != 0;
    return Ops::Round(neg, n, exp, sticky);
  }
  U256 n = MulPow10(From128(Ops::Coef(a)), shift);
  const bool sticky = DivWide(n, d);
  if (Fits128(n)) return Ops::Round(neg, To128(n), exp, sticky);
  return Ops::Round(neg, n, exp, sticky);
}

}  // namespace entente::detail
