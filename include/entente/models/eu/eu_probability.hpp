#pragma once
/// \file
/// Probabilities of success in the expected utility model (Scholz et al. 2011, eq. 31), for
/// every pair of actors, in O(n) per actor from position-sorted prefix sums.

#include <cstddef>
#include <span>
#include <vector>

#include "entente/models/eu/eu_options.hpp"

namespace entente {

/// P(i beats j) for all pairs of one issue's actors at fixed positions.
class EuProbabilities {
 public:
  /// `x` positions, `w` weights c s, `range` R > 0, `risk` exponents r_k (used only by
  /// EuVotes::kRisk; may be empty otherwise).
  EuProbabilities(std::span<const double> x, std::span<const double> w, double range,
                  EuProbability mode, EuVotes votes, std::span<const double> risk);
  /// Empty; call Reset before use. Lets a bargaining loop keep one object and its buffers.
  EuProbabilities() = default;
  /// Recomputes everything for new inputs (same arguments as the constructor), reusing the
  /// buffers: rounds of small issues would otherwise spend a fifth of their time allocating.
  void Reset(std::span<const double> x, std::span<const double> w, double range, EuProbability mode,
             EuVotes votes, std::span<const double> risk);

  /// Stance indices in ascending position order (equal positions by stance index).
  [[nodiscard]] const std::vector<std::size_t>& order() const { return order_; }

  /// For the actor of rank `p` in order() and every rank q > p, at k = q - p - 1:
  /// wins[k] = P(rank p beats rank q), losses[k] = P(rank q beats rank p); both arrays need
  /// n - p - 1 entries. Equal positions get 0.5 each.
  void Row(std::size_t p, double* wins, double* losses) const;

 private:
  void LinearRow(std::size_t p, double* wins, double* losses) const;
  void RiskRow(std::size_t p, double* wins, double* losses) const;
  void Share(double n_p, double n_q, double& win, double& loss) const;
  [[nodiscard]] double TriplesDenominator() const;

  EuProbability mode_ = EuProbability::kEq31;
  EuVotes votes_ = EuVotes::kLinear;
  double range_ = 1;
  std::vector<std::size_t> order_;
  std::vector<double> xs_, ws_;             // positions and weights in rank order
  std::vector<double> cum_w_, cum_wx_;      // prefix sums, size n + 1
  std::vector<std::size_t> lower_, upper_;  // first rank with xs >= xs[p], > xs[p]
  std::vector<double> utility_loss_;        // kRisk: (|x_k - x_t| / R)^r_k, rank-major n x n
  double triples_ = 0;
};

}  // namespace entente
