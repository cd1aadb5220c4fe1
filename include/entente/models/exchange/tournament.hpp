#pragma once
/// \file
/// A tournament tree: the best of n items under a changing order, where each change costs
/// O(log n) comparisons. The exchange model's Decide view takes the best candidate exchange
/// after every realization while revising a few dozen of several thousand; re-sorting or a heap
/// with stale entries cost more. Internal to the exchange model.

#include <cstdint>
#include <vector>

namespace entente::detail {

/// The best of the items 0..n-1 that are in play; `before(a, b)` says item a beats item b
/// (a strict total order on the items in play, read at each comparison).
template <class Before>
class Tournament {
 public:
  /// No item.
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};

  /// Items 0..n-1, those with in_play[k] true taking part.
  Tournament(const std::vector<bool>& in_play, Before before) : before_(before) {
    while (size_ < in_play.size()) size_ *= 2;
    tree_.assign(2 * size_, kNone);
    for (std::size_t k = 0; k < in_play.size(); ++k) {
      if (in_play[k]) tree_[size_ + k] = static_cast<std::uint32_t>(k);
    }
    for (std::size_t i = size_ - 1; i >= 1; --i) tree_[i] = Winner(tree_[2 * i], tree_[2 * i + 1]);
  }

  /// The best item in play, or kNone.
  [[nodiscard]] std::uint32_t Best() const { return tree_[1]; }

  /// Item k has changed (its order, or whether it is in play).
  void Update(std::uint32_t k, bool in_play) {
    std::size_t i = size_ + k;
    tree_[i] = in_play ? k : kNone;
    for (i /= 2; i >= 1; i /= 2) {
      const std::uint32_t before = tree_[i];
      tree_[i] = Winner(tree_[2 * i], tree_[2 * i + 1]);
      // The same winner, other than k, with the same order: nothing above changes.
      if (tree_[i] == before && before != k) break;
    }
  }

 private:
  std::uint32_t Winner(std::uint32_t a, std::uint32_t b) const {
    if (a == kNone) return b;
    if (b == kNone) return a;
    return before_(b, a) ? b : a;
  }

  Before before_;
  std::size_t size_ = 1;
  std::vector<std::uint32_t> tree_;  // [1] the root; leaves from size_
};

}  // namespace entente::detail
