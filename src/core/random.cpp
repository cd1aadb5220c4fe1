// Ziggurat normal sampler: Marsaglia, G. & Tsang, W. W. (2000), "The Ziggurat Method for
// Generating Random Variables", Journal of Statistical Software 5(8), pp. 1-7. With n = 128
// layers of equal area v under f(x) = exp(-x^2/2): r = 3.442619855899, v = 9.91256303526217e-3;
// x_{i-1} = f^{-1}(v / x_i + f(x_i)). A 32-bit signed j with layer i = j & 127 is accepted
// at once when |j| < k_i = 2^31 x_{i-1} / x_i; otherwise the wedge or the tail (x > r, by
// Marsaglia's 1964 method) is sampled exactly.
#include "entente/core/random.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace entente {
namespace {

detail::Ziggurat MakeZiggurat() {
  detail::Ziggurat t{};
  const double m1 = 2147483648.0;  // 2^31
  double dn = 3.442619855899;
  double tn = dn;
  const double vn = 9.91256303526217e-3;
  const double q = vn / std::exp(-0.5 * dn * dn);
  t.k[0] = static_cast<std::uint32_t>((dn / q) * m1);
  t.k[1] = 0;
  t.w[0] = q / m1;
  t.w[127] = dn / m1;
  t.f[0] = 1.0;
  t.f[127] = std::exp(-0.5 * dn * dn);
  for (int i = 126; i >= 1; --i) {
    dn = std::sqrt(-2.0 * std::log(vn / dn + std::exp(-0.5 * dn * dn)));
    t.k[i + 1] = static_cast<std::uint32_t>((dn / tn) * m1);
    tn = dn;
    t.f[i] = std::exp(-0.5 * dn * dn);
    t.w[i] = dn / m1;
  }
  return t;
}

// Uniform on (0, 1): never 0, so its logarithm is finite.
template <class G>
double OpenUniform(G& rng) {
  return (static_cast<double>(rng()) + 0.5) / 4294967296.0;
}

double NormalCdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

// Acklam-free inverse: bisection on the CDF is plenty for the two tornado points per input.
double NormalQuantile(double p) {
  double lo = -40;
  double hi = 40;
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    (NormalCdf(mid) < p ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

}  // namespace

template <class G>
double Uniform01(G& rng) {
  const std::uint64_t hi = rng() >> 5;  // 27 bits
  const std::uint64_t lo = rng() >> 6;  // 26 bits
  return static_cast<double>((hi << 26) | lo) * (1.0 / 9007199254740992.0);
}

namespace detail {

const Ziggurat kZiggurat = MakeZiggurat();

namespace {

enum class Squeeze { kAccept, kReject, kUndecided };

// The wedge of layer i >= 1 is x_{i-1} <= |x| <= x_i with y in [f(x_i), f(x_{i-1})]; the point
// is kept when y < f(x). Most of the wedges lie where f is convex (x >= 1), below its chord and
// above its tangents, and the top ones where it is concave (the other way round), so the chord
// and the two end tangents decide most points without exp. Only points within 1e-12 of a
// bound (far beyond these bounds' rounding) are left to exp, so every decision is the one
// the exact test makes: the numbers drawn are unchanged.
Squeeze SqueezeWedge(const Ziggurat& t, int i, double ax, double y) {
  constexpr double kTwoPow31 = 2147483648.0;
  const double hi_x = t.w[i] * kTwoPow31;
  const double lo_x = i >= 2 ? t.w[i - 1] * kTwoPow31 : 0.0;
  const double f_hi = t.f[i];      // f(x_i), the wedge's bottom
  const double f_lo = t.f[i - 1];  // f(x_{i-1}), its top
  const double eps = 1e-12;
  const double chord = f_hi + (hi_x - ax) / (hi_x - lo_x) * (f_lo - f_hi);
  const double tangent_hi = f_hi * (1 + hi_x * (hi_x - ax));  // f'(x) = -x f(x)
  const double tangent_lo = f_lo * (1 - lo_x * (ax - lo_x));
  if (lo_x >= 1) {  // convex: tangents <= f <= chord
    if (y > chord + eps) return Squeeze::kReject;
    if (y < std::max(tangent_hi, tangent_lo) - eps) return Squeeze::kAccept;
  } else if (hi_x <= 1) {  // concave: chord <= f <= tangents
    if (y < chord - eps) return Squeeze::kAccept;
    if (y > std::min(tangent_hi, tangent_lo) + eps) return Squeeze::kReject;
  }
  return Squeeze::kUndecided;
}

}  // namespace

template <class G>
double NormalSlowPath(G& rng, std::int32_t j) {
  const Ziggurat& t = kZiggurat;
  constexpr double kR = 3.442619855899;  // where the tail starts
  while (true) {
    const int i = j & 127;
    const std::uint32_t mag =
        j < 0 ? 0u - static_cast<std::uint32_t>(j) : static_cast<std::uint32_t>(j);
    const double x = j * t.w[i];
    if (mag < t.k[i]) return x;
    if (i == 0) {  // the tail beyond r (Marsaglia 1964)
      double tx;
      double ty;
      do {
        tx = -std::log(OpenUniform(rng)) / kR;
        ty = -std::log(OpenUniform(rng));
      } while (ty + ty < tx * tx);
      return j > 0 ? kR + tx : -kR - tx;
    }
    const double y = t.f[i] + OpenUniform(rng) * (t.f[i - 1] - t.f[i]);
    const Squeeze verdict = SqueezeWedge(t, i, std::abs(x), y);
    if (verdict == Squeeze::kAccept) return x;
    if (verdict == Squeeze::kUndecided && y < std::exp(-0.5 * x * x)) return x;
    j = static_cast<std::int32_t>(rng());
  }
}

}  // namespace detail

template <class G>
double SampleBounded(G& rng, const Spread& sp, double value) {
  if (sp.kind == Spread::Kind::kUniform) return sp.low + (sp.high - sp.low) * Uniform01(rng);
  const double u = Uniform01(rng);
  const double span = sp.high - sp.low;
  if (span <= 0) return value;
  const double c = (value - sp.low) / span;
  return u < c ? sp.low + std::sqrt(u * span * (value - sp.low))
               : sp.high - std::sqrt((1 - u) * span * (sp.high - value));
}

template double Uniform01(Rng&);
template double Uniform01(DrawStream&);
template double detail::NormalSlowPath(Rng&, std::int32_t);
template double detail::NormalSlowPath(DrawStream&, std::int32_t);
template double SampleBounded(Rng&, const Spread&, double);
template double SampleBounded(DrawStream&, const Spread&, double);

double SpreadCdf(const Spread& sp, double value, double x) {
  switch (sp.kind) {
    case Spread::Kind::kNone: return x < value ? 0.0 : 1.0;
    case Spread::Kind::kNormal:
      return sp.sd > 0 ? NormalCdf((x - value) / sp.sd) : (x < value ? 0.0 : 1.0);
    case Spread::Kind::kUniform:
      return sp.high > sp.low ? std::clamp((x - sp.low) / (sp.high - sp.low), 0.0, 1.0) : 1.0;
    case Spread::Kind::kTriangular: {
      const double a = sp.low;
      const double b = sp.high;
      if (b <= a) return x < value ? 0.0 : 1.0;
      if (x <= a) return 0.0;
      if (x >= b) return 1.0;
      if (x <= value) return (x - a) * (x - a) / ((b - a) * (value - a));
      return 1.0 - (b - x) * (b - x) / ((b - a) * (b - value));
    }
  }
  return 0.0;
}

double SpreadQuantile(const Spread& sp, double value, double p) {
  switch (sp.kind) {
    case Spread::Kind::kNone: return value;
    case Spread::Kind::kNormal: return value + sp.sd * NormalQuantile(p);
    case Spread::Kind::kUniform: return sp.low + p * (sp.high - sp.low);
    case Spread::Kind::kTriangular: {
      const double a = sp.low;
      const double b = sp.high;
      if (b <= a) return value;
      const double c = (value - a) / (b - a);
      return p < c ? a + std::sqrt(p * (b - a) * (value - a))
                   : b - std::sqrt((1 - p) * (b - a) * (b - value));
    }
  }
  return value;
}

}  // namespace entente
