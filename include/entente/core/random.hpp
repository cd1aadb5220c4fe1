#pragma once
/// \file
/// Seeded random numbers for Monte Carlo: PCG streams, uniforms, fast normals, spreads.

#include <cstdint>

#include <pcg_random.hpp>

#include "entente/core/draw_stream.hpp"
#include "entente/core/spread.hpp"

namespace entente {

/// The only generator Entente draws from (O'Neill 2014, PCG-XSH-RR 64/32).
using Rng = pcg32;

/// The generator for draw `draw` of a run seeded with `seed`: one independent PCG stream per
/// draw, so a draw's numbers do not depend on which thread computes it or in what order.
[[nodiscard]] inline Rng DrawRng(std::uint64_t seed, std::uint64_t draw) {
  return Rng(seed, draw);
}

/// Uniform on [0, 1) with 53 random bits. `G` is Rng or DrawStream (same numbers for the same
/// seed and stream), as for every sampler below.
template <class G>
[[nodiscard]] double Uniform01(G& rng);

namespace detail {
/// Ziggurat tables (Marsaglia & Tsang 2000), computed once at start-up.
struct Ziggurat {
  std::uint32_t k[128];  ///< acceptance thresholds on |j|
  double w[128];         ///< x_i / 2^31
  double f[128];         ///< exp(-x_i^2 / 2)
};
extern const Ziggurat kZiggurat;
/// The rare wedge/tail path, entered with the rejected 32-bit value `j`.
template <class G>
[[nodiscard]] double NormalSlowPath(G& rng, std::int32_t j);
}  // namespace detail

/// Standard normal by the ziggurat method (Marsaglia & Tsang 2000, J. Statistical Software
/// 5(8), 128 layers): a table lookup and one multiplication ~98.8% of the time. Inline because
/// Monte Carlo draws hundreds per scenario draw.
template <class G>
[[nodiscard]] inline double StandardNormal(G& rng) {
  const auto j = static_cast<std::int32_t>(rng());
  const int i = j & 127;
  const std::uint32_t mag =
      j < 0 ? 0u - static_cast<std::uint32_t>(j) : static_cast<std::uint32_t>(j);
  if (mag < detail::kZiggurat.k[i]) return j * detail::kZiggurat.w[i];
  return detail::NormalSlowPath(rng, j);
}

/// One draw from a uniform or triangular spread (not clipped); the cold path of SampleSpread.
template <class G>
[[nodiscard]] double SampleBounded(G& rng, const Spread& spread, double value);

/// One draw of an input whose coded value is `value` and whose uncertainty is `spread`,
/// clipped to [lo, hi]. A kNone spread returns `value` and consumes no random numbers.
template <class G>
[[nodiscard]] inline double SampleSpread(G& rng, const Spread& spread, double value, double lo,
                                         double hi) {
  double x = value;
  if (spread.kind == Spread::Kind::kNormal) {
    x = value + spread.sd * StandardNormal(rng);
  } else if (spread.kind != Spread::Kind::kNone) {
    x = SampleBounded(rng, spread, value);
  }
  return x < lo ? lo : (x > hi ? hi : x);
}

/// The spread's cumulative distribution at x (before clipping), in [0, 1]; used to bin
/// inputs into equal-probability classes for sensitivity indices.
[[nodiscard]] double SpreadCdf(const Spread& spread, double value, double x);

/// The spread's p-quantile (before clipping); the tornado uses p = 0.05 and 0.95.
[[nodiscard]] double SpreadQuantile(const Spread& spread, double value, double p);

}  // namespace entente
