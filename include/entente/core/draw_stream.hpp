#pragma once
/// \file
/// The random numbers of one Monte Carlo draw, computed four at a time.

#include <array>
#include <cstdint>

namespace entente {

/// Exactly the sequence of `pcg32(seed, stream)` (PCG-XSH-RR 64/32, O'Neill 2014: state
/// s' = a s + c with c = 2 stream + 1, output rotr32(((s ^ (s >> 18)) >> 27), s >> 59) of the
/// state before each step), so a draw's numbers are those of `DrawRng(seed, draw)`.
///
/// Why not pcg32 itself: its state update is one serial chain of 64-bit multiplies, and a
/// flagship draw needs about 200 numbers. Four lanes hold four consecutive states and each
/// jumps four steps at once (s'''' = a^4 s + c (a^3 + a^2 + a + 1)), so the processor runs
/// four independent chains; the outputs come out in the original order, refilled 64 at a time.
class DrawStream {
 public:
  using result_type = std::uint32_t;  ///< UniformRandomBitGenerator

  /// The stream of `pcg32(seed, stream)`.
  DrawStream(std::uint64_t seed, std::uint64_t stream);

  /// The next 32-bit number.
  result_type operator()() {
    if (next_ == kBlock) Refill();
    return buffer_[next_++];
  }

  /// Smallest value (UniformRandomBitGenerator).
  static constexpr result_type min() { return 0; }
  /// Largest value (UniformRandomBitGenerator).
  static constexpr result_type max() { return 0xFFFFFFFFu; }

  // For hot loops that keep the read position in a register (through a reference to this
  // object the compiler reloads and stores it for every number): read block()[position()]
  // onwards, Refill() when position reaches kBlock, and Seek() back before handing the stream
  // to anything else.
  static constexpr int kBlock = 64;  ///< numbers per block
  /// The current block of numbers.
  [[nodiscard]] const result_type* block() const { return buffer_.data(); }
  /// Index of the next unread number in block().
  [[nodiscard]] int position() const { return next_; }
  /// Marks block()[0, position) as read.
  void Seek(int position) { next_ = position; }
  /// Computes the next block and rewinds to its start.
  void Refill();

 private:
  static constexpr int kLanes = 4;

  std::array<std::uint64_t, kLanes> lane_{};  ///< states of the next kLanes outputs
  std::uint64_t jump_add_ = 0;                ///< c (a^3 + a^2 + a + 1)
  int next_ = kBlock;
  std::array<result_type, kBlock> buffer_{};
};

}  // namespace entente
