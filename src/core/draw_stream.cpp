#include "entente/core/draw_stream.hpp"

namespace entente {
namespace {

constexpr std::uint64_t kMul = 6364136223846793005ULL;      // PCG's default 64-bit multiplier
constexpr std::uint64_t kMul4 = kMul * kMul * kMul * kMul;  // a^4 (mod 2^64)

std::uint32_t Output(std::uint64_t s) {
  const auto xorshifted = static_cast<std::uint32_t>(((s >> 18u) ^ s) >> 27u);
  const auto rot = static_cast<std::uint32_t>(s >> 59u);
  return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
}

}  // namespace

DrawStream::DrawStream(std::uint64_t seed, std::uint64_t stream) {
  const std::uint64_t inc = (stream << 1u) | 1u;
  std::uint64_t s = (seed + inc) * kMul + inc;  // pcg32's constructor: one step past seed + c
  for (std::uint64_t& lane : lane_) {
    lane = s;
    s = s * kMul + inc;
  }
  jump_add_ = inc * (kMul * kMul * kMul + kMul * kMul + kMul + 1);
}

void DrawStream::Refill() {
  for (int i = 0; i < kBlock; i += kLanes) {
    for (int l = 0; l < kLanes; ++l) {
      buffer_[i + l] = Output(lane_[l]);
      lane_[l] = lane_[l] * kMul4 + jump_add_;
    }
  }
  next_ = 0;
}

}  // namespace entente
