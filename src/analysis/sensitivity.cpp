#include "entente/analysis/sensitivity.hpp"

#include <algorithm>
#include <cmath>

#include "entente/core/assert.hpp"

namespace entente {
namespace {
constexpr double kFixed = 4294967296.0;  // 2^32 steps per scale range
}

std::vector<Swing> OneAtATime(const Scenario& base, const Sampler& sampler, const ModelInfo& model,
                              const ModelOptions& options) {
  std::vector<Swing> out;
  Scenario work = base;
  ModelOptions outcomes_only = options;  // trajectories are not read here
  outcomes_only.set_trail(false);
  for (const UncertainInput& in : sampler.inputs()) {
    Swing swing;
    for (const double p : {0.05, 0.95}) {
      const double v = std::clamp(SpreadQuantile(in.spread, in.value, p), in.lo, in.hi);
      Sampler::Set(work, in, v);
      const Forecast f = RunForecastTrusted(work, model, outcomes_only);
      auto& dest = p < 0.5 ? swing.low : swing.high;
      for (const IssueForecast& i : f.issues) dest.push_back(i.outcome);
    }
    Sampler::Set(work, in, in.value);
    out.push_back(std::move(swing));
  }
  return out;
}

FirstOrderAccumulator::FirstOrderAccumulator(std::size_t inputs, std::vector<double> references,
                                             std::vector<double> ranges, int bins)
    : inputs_(inputs),
      issues_(references.size()),
      bins_(bins),
      references_(std::move(references)),
      ranges_(std::move(ranges)),
      cells_(inputs_ * issues_ * bins_) {}

std::int64_t FirstOrderAccumulator::Fixed(std::size_t issue, double y) const {
  return static_cast<std::int64_t>(
      std::llround((y - references_[issue]) / ranges_[issue] * kFixed));
}

void FirstOrderAccumulator::Add(const std::vector<int>& classes,
                                const std::vector<double>& outcomes) {
  for (std::size_t k = 0; k < issues_; ++k) {
    const std::int64_t q = Fixed(k, outcomes[k]);
    const UInt128 mag = static_cast<UInt128>(q < 0 ? -q : q);
    const UInt128 q2 = mag * mag;
    for (std::size_t j = 0; j < inputs_; ++j) {
      Cell& c = cells_[(j * issues_ + k) * bins_ + classes[j]];
      ++c.n;
      c.sum += q;
      c.sum_sq += q2;
    }
  }
}

void FirstOrderAccumulator::Merge(const FirstOrderAccumulator& o) {
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    cells_[i].n += o.cells_[i].n;
    cells_[i].sum += o.cells_[i].sum;
    cells_[i].sum_sq += o.cells_[i].sum_sq;
  }
}

std::vector<FirstOrderAccumulator::CellState> FirstOrderAccumulator::Export() const {
  std::vector<CellState> out;
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    if (cells_[i].n != 0) out.push_back(CellState{i, cells_[i].n, cells_[i].sum, cells_[i].sum_sq});
  }
  return out;
}

std::string FirstOrderAccumulator::CheckState(const std::vector<CellState>& cells) const {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].index >= cells_.size()) return "a sensitivity cell beyond the last";
    if (i > 0 && cells[i].index <= cells[i - 1].index) return "sensitivity cells out of order";
    if (cells[i].n <= 0) return "an empty sensitivity cell";
  }
  return {};
}

void FirstOrderAccumulator::Import(const std::vector<CellState>& cells) {
  ENTENTE_ASSERT(CheckState(cells).empty(), "importing unchecked sensitivity cells");
  cells_.assign(cells_.size(), Cell{});
  for (const CellState& c : cells) cells_[c.index] = Cell{c.n, c.sum, c.sum_sq};
}

double FirstOrderAccumulator::Index(std::size_t input, std::size_t issue) const {
  const Cell* c = &cells_[(input * issues_ + issue) * bins_];
  long double n = 0;
  long double sum = 0;
  long double sum_sq = 0;
  int used = 0;
  for (int b = 0; b < bins_; ++b) {
    n += c[b].n;
    sum += static_cast<long double>(c[b].sum);
    sum_sq += static_cast<long double>(c[b].sum_sq);
    used += c[b].n > 0;
  }
  if (n < 2) return 0;
  const long double mean = sum / n;
  const long double ss_total = sum_sq - sum * sum / n;
  if (ss_total <= 0) return 0;
  long double ss_between = 0;
  for (int b = 0; b < bins_; ++b) {
    if (c[b].n == 0) continue;
    const long double d = static_cast<long double>(c[b].sum) / c[b].n - mean;
    ss_between += c[b].n * d * d;
  }
  const long double ss_within = ss_total - ss_between;
  const long double corrected =
      n > used ? ss_between - (used - 1) / (n - used) * ss_within : ss_between;
  return static_cast<double>(std::clamp(corrected / ss_total, 0.0L, 1.0L));
}

}  // namespace entente
