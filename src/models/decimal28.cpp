// Decimal arithmetic with 28 significant digits, round-half-even (the General Decimal
// Arithmetic specification, as in Python's default decimal context). Each operation forms the
// exact result in a 256-bit integer coefficient and rounds it once; coefficients of operands
// have at most 38 digits, so products (76 digits), aligned sums and the 30-digit quotients fit.
#include "entente/models/decimal28.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <limits>
#include <string>

namespace entente::detail {

using U128 = DecimalCoefficient;

namespace {

constexpr int kPrecision = 28;
constexpr int kMaxDigits = 38;  // what a stored coefficient may hold

// A 256-bit unsigned integer, little-endian 64-bit words.
struct U256 {
  std::array<std::uint64_t, 4> w{};
};

U256 From128(U128 v) {
  U256 r;
  r.w[0] = static_cast<std::uint64_t>(v);
  r.w[1] = static_cast<std::uint64_t>(v >> 64);
  return r;
}

U128 To128(const U256& a) {
  return (static_cast<U128>(a.w[1]) << 64) | a.w[0];
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
U256 MulSmall(const U256& a, std::uint64_t m) {
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

// Divides a by a 64-bit d in place; returns the remainder.
std::uint64_t DivSmall(U256& a, std::uint64_t d) {
  U128 rem = 0;
  for (int i = 3; i >= 0; --i) {
    const U128 cur = (rem << 64) | a.w[i];
    a.w[i] = static_cast<std::uint64_t>(cur / d);
    rem = cur % d;
  }
  return static_cast<std::uint64_t>(rem);
}

// Divides a by d (d > 0, d < 2^126) in place, bit by bit; returns the remainder.
U128 DivWide(U256& a, U128 d) {
  if ((d >> 64) == 0) return DivSmall(a, static_cast<std::uint64_t>(d));
  U256 q;
  U128 rem = 0;
  for (int bit = 255; bit >= 0; --bit) {
    rem = (rem << 1) | ((a.w[bit / 64] >> (bit % 64)) & 1);
    if (rem >= d) {
      rem -= d;
      q.w[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  }
  a = q;
  return rem;
}

struct Powers {
  std::array<U256, 77> p;  // 10^0 .. 10^76 (10^77 exceeds 2^256)
  Powers() {
    p[0] = From128(1);
    for (std::size_t k = 1; k < p.size(); ++k) p[k] = MulSmall(p[k - 1], 10);
  }
};

const Powers& Pow10() {
  static const Powers powers;
  return powers;
}

struct Powers128 {
  std::array<U128, 39> p;  // 10^0 .. 10^38
  Powers128() {
    p[0] = 1;
    for (std::size_t k = 1; k < p.size(); ++k) p[k] = p[k - 1] * 10;
  }
};

U128 Pow10Small(int k) {  // k <= 38
  static const Powers128 powers;
  return powers.p[static_cast<std::size_t>(k)];
}

// Decimal digits of a: from the bit length, floor(bits log10 2) or one more.
int Digits(const U256& a) {
  int top = 3;
  while (top > 0 && a.w[top] == 0) --top;
  if (a.w[top] == 0) return 1;
  const int bits = 64 * top + 64 - __builtin_clzll(a.w[top]);
  const int d = bits * 1233 >> 12;  // 1233 / 4096 ~ log10 2
  if (d >= 77) return 77;
  return Compare(a, Pow10().p[static_cast<std::size_t>(d)]) >= 0 ? d + 1 : d;
}

int Digits(U128 a) {
  const auto hi = static_cast<std::uint64_t>(a >> 64), lo = static_cast<std::uint64_t>(a);
  if (hi == 0 && lo == 0) return 1;
  const int bits = hi != 0 ? 128 - __builtin_clzll(hi) : 64 - __builtin_clzll(lo);
  const int d = bits * 1233 >> 12;
  return a >= Pow10Small(d) ? d + 1 : d;
}

U256 MulPow10(U256 a, int k) {
  while (k >= 19) {
    a = MulSmall(a, 10000000000000000000ULL);
    k -= 19;
  }
  return k > 0 ? MulSmall(a, static_cast<std::uint64_t>(To128(Pow10().p[k]))) : a;
}

// Divides a by 10^k in place; returns true when the remainder was not zero.
bool DropDigits(U256& a, int k) {
  bool sticky = false;
  while (k >= 19) {
    sticky |= DivSmall(a, 10000000000000000000ULL) != 0;
    k -= 19;
  }
  if (k > 0) sticky |= DivSmall(a, static_cast<std::uint64_t>(To128(Pow10().p[k]))) != 0;
  return sticky;
}

}  // namespace

struct Decimal28Ops {
  static Decimal28 Make(bool neg, int exp, U128 coef) {
    Decimal28 d;
    d.neg_ = neg;
    d.exp_ = exp;
    d.coef_ = coef;
    return d;
  }

  // Rounds the exact value (-1)^neg c 10^exp (plus a nonzero tail below c's last digit when
  // `sticky`) to `digits` significant digits, half to even.
  static Decimal28 Round(bool neg, U256 c, int exp, bool sticky, int digits = kPrecision) {
    const int n = Digits(c);
    if (n <= digits) return Make(neg, exp, To128(c));
    const int drop = n - digits;
    sticky |= DropDigits(c, drop - 1);
    const std::uint64_t last = DivSmall(c, 10);
    U128 q = To128(c);
    if (last > 5 || (last == 5 && (sticky || (q & 1) != 0))) ++q;
    int e = exp + drop;
    if (q == Pow10Small(digits)) {
      q = Pow10Small(digits - 1);
      ++e;
    }
    return Make(neg, e, q);
  }

  // Round() for an exact coefficient that fits 128 bits.
  static Decimal28 Round128(bool neg, U128 c, int exp) {
    const int n = Digits(c);
    if (n <= kPrecision) return Make(neg, exp, c);
    const int drop = n - kPrecision;
    const U128 unit = Pow10Small(drop - 1);
    const bool sticky = c % unit != 0;
    c /= unit;
    const auto last = static_cast<unsigned>(c % 10);
    U128 q = c / 10;
    if (last > 5 || (last == 5 && (sticky || (q & 1) != 0))) ++q;
    int e = exp + drop;
    if (q == Pow10Small(kPrecision)) {
      q = Pow10Small(kPrecision - 1);
      ++e;
    }
    return Make(neg, e, q);
  }

  // Brings a and b to a common exponent within 128 bits when that is possible.
  static bool Align128(const Decimal28& a, const Decimal28& b, U128& ca, U128& cb, int& exp) {
    ca = a.coef_;
    cb = b.coef_;
    exp = std::min(a.exp_, b.exp_);
    const int ga = a.exp_ - exp, gb = b.exp_ - exp;
    if (ga > 0) {
      if (Digits(ca) + ga > kMaxDigits) return false;
      ca *= Pow10Small(ga);
    } else if (gb > 0) {
      if (Digits(cb) + gb > kMaxDigits) return false;
      cb *= Pow10Small(gb);
    }
    return true;
  }

  static U128 Coef(const Decimal28& a) { return a.coef_; }
  static int Exp(const Decimal28& a) { return a.exp_; }
  static bool Neg(const Decimal28& a) { return a.neg_; }

  // Brings two nonzero magnitudes to a common exponent; a coefficient far below the other's
  // last rounded digit is replaced by a single unit further below, which rounds the same way.
  static void Align(const Decimal28& a, const Decimal28& b, U256& ca, U256& cb, int& exp) {
    const int top_a = a.exp_ + Digits(a.coef_), top_b = b.exp_ + Digits(b.coef_);
    U128 xa = a.coef_, xb = b.coef_;
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
    if (b.coef_ == 0) return Round(a.neg_, From128(a.coef_), a.exp_, false);
    if (a.coef_ == 0) return Round(nb, From128(b.coef_), b.exp_, false);
    U128 xa = 0, xb = 0;
    int e = 0;
    if (Align128(a, b, xa, xb, e)) {  // both below 10^38: the sum fits 128 bits
      if (a.neg_ == nb) return Round128(a.neg_, xa + xb, e);
      if (xa == xb) return Make(false, e, 0);
      return xa > xb ? Round128(a.neg_, xa - xb, e) : Round128(nb, xb - xa, e);
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
  coef_ = neg_ ? static_cast<U128>(-(v + 1)) + 1 : static_cast<U128>(v);
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
  // The digits and exponent as text on the stack, read back correctly rounded.
  char buf[64];
  char* end = buf + sizeof buf;
  char* p = end;
  U128 c = coef_;
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
  double v = static_cast<double>(coef_);
  v = e >= 0 ? v * kPow[static_cast<std::size_t>(e)] : v / kPow[static_cast<std::size_t>(-e)];
  return neg_ ? -v : v;
}

Decimal28::RankKey Decimal28::Rank() const {
  if (coef_ == 0 || neg_) return RankKey{std::numeric_limits<int>::min(), 0};
  const int n = Digits(coef_);
  return RankKey{exp_ + n, coef_ * Pow10Small(kMaxDigits - n)};
}

std::string Decimal28::ToString() const {
  std::string digits;
  U128 c = coef_;
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

Decimal28 operator-(const Decimal28& a) {
  return Ops::Make(!Ops::Neg(a), Ops::Exp(a), Ops::Coef(a));
}

Decimal28 operator*(const Decimal28& a, const Decimal28& b) {
  const U128 x = Ops::Coef(a), y = Ops::Coef(b);
  if ((x >> 64) == 0 && (y >> 64) == 0) {
    return Ops::Round128(Ops::Neg(a) != Ops::Neg(b), x * y, Ops::Exp(a) + Ops::Exp(b));
  }
  return Ops::Round(Ops::Neg(a) != Ops::Neg(b), Mul(Ops::Coef(a), Ops::Coef(b)),
                    Ops::Exp(a) + Ops::Exp(b), false);
}

Decimal28 operator/(const Decimal28& a, const Decimal28& b) {
  const bool neg = Ops::Neg(a) != Ops::Neg(b);
  if (Ops::Coef(a) == 0) return Ops::Make(neg, 0, 0);
  // Scale the dividend so that the quotient has kPrecision + 2 digits or more; the remainder
  // only tells whether anything is left (the sticky bit).
  const int da = Digits(Ops::Coef(a)), db = Digits(Ops::Coef(b));
  const int shift = std::max(0, kPrecision + 2 + db - da);
  U256 n = MulPow10(From128(Ops::Coef(a)), shift);
  const bool sticky = DivWide(n, Ops::Coef(b)) != 0;
  return Ops::Round(neg, n, Ops::Exp(a) - Ops::Exp(b) - shift, sticky);
}

std::strong_ordering operator<=>(const Decimal28& a, const Decimal28& b) {
  const bool za = Ops::Coef(a) == 0, zb = Ops::Coef(b) == 0;
  const int sa = za ? 0 : (Ops::Neg(a) ? -1 : 1), sb = zb ? 0 : (Ops::Neg(b) ? -1 : 1);
  if (sa != sb) return sa <=> sb;
  if (sa == 0) return std::strong_ordering::equal;
  U128 xa = 0, xb = 0;
  int e = 0;
  if (Ops::Align128(a, b, xa, xb, e)) {
    const int c = (xa < xb ? -1 : (xa > xb ? 1 : 0)) * sa;
    return c < 0 ? std::strong_ordering::less
                 : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
  }
  U256 ca, cb;
  int exp = 0;
  // Alignment may stand in a unit for a far smaller magnitude; it stays smaller, so the
  // ordering is kept.
  Ops::Align(a, b, ca, cb, exp);
  const int c = Compare(ca, cb) * sa;
  return c < 0 ? std::strong_ordering::less
               : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

}  // namespace entente::detail
