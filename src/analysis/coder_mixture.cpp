// A mixture over coders (Clemen & Winkler, "Combining probability distributions from experts
// in risk analysis", Risk Analysis 19(2), 1999, pp. 187-203: the linear opinion pool
// p(theta) = sum_i w_i p_i(theta), here with equal weights w_i = 1/n): for draw d, stance k
// takes coder J's numbers with J uniform on the coders of k (or one J for the whole draw), and
// the draw's noise is centred there. Stream: pcg32(seed ^ kMixSalt, d), apart from the inputs'.
#include "entente/analysis/coder_mixture.hpp"

#include <algorithm>
#include <map>

#include "entente/core/draw_stream.hpp"
#include "entente/core/random.hpp"

namespace entente {
namespace {

constexpr std::uint64_t kMixSalt = 0x9E3779B97F4A7C15ULL;  // 2^64 / golden ratio

std::size_t Pick(DrawStream& rng, std::size_t n) {
  return std::min(n - 1, static_cast<std::size_t>(Uniform01(rng) * static_cast<double>(n)));
}

}  // namespace

CoderMixture::CoderMixture(const Scenario& scenario, const Sampler& sampler, bool by_coder)
    : by_coder_(by_coder) {
  const std::vector<std::string> coders = Coders(scenario);
  coders_ = coders.size();
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> index;  // (issue, stance) -> m
  const auto& begin = sampler.stance_begin();
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    const Issue& issue = scenario.issues[i];
    for (std::size_t k = 0; k < issue.stances.size(); ++k) {
      const Stance& st = issue.stances[k];
      MixedStance m;
      m.flat = begin[i] + k;
      m.pooled = {st.position, st.salience, st.capability};
      for (const Coding& c : scenario.codings) {
        if (c.issue != issue.id || c.stance.actor != st.actor) continue;
        const auto who = std::find(coders.begin(), coders.end(), c.coder) - coders.begin();
        m.alternatives.push_back(
            Alternative{static_cast<std::size_t>(who),
                        {c.stance.position, c.stance.salience, c.stance.capability}});
      }
      if (m.alternatives.empty()) continue;
      index[{i, k}] = stances_.size();
      stances_.push_back(std::move(m));
    }
  }
  const auto& inputs = sampler.inputs();
  for (std::size_t j = 0; j < inputs.size(); ++j) {
    base_centres_.push_back(inputs[j].value);
    if (auto it = index.find({inputs[j].issue, inputs[j].stance}); it != index.end())
      stances_[it->second].inputs.emplace_back(j, inputs[j].field);
  }
}

std::vector<double> CoderMixture::BaseCentres() const {
  return base_centres_;
}

void CoderMixture::Apply(std::uint64_t seed, std::int64_t draw, std::vector<double>& flat,
                         std::vector<double>& centres) const {
  DrawStream rng(seed ^ kMixSalt, static_cast<std::uint64_t>(draw));
  const std::size_t coder = by_coder_ && coders_ > 0 ? Pick(rng, coders_) : 0;
  for (const MixedStance& m : stances_) {
    const std::array<double, 3>* numbers = &m.pooled;
    if (by_coder_) {
      for (const Alternative& a : m.alternatives) {
        if (a.coder == coder) numbers = &a.numbers;
      }
    } else {
      numbers = &m.alternatives[Pick(rng, m.alternatives.size())].numbers;
    }
    for (std::size_t f = 0; f < 3; ++f) flat[3 * m.flat + f] = (*numbers)[f];
    for (const auto& [j, field] : m.inputs)
      centres[j] = (*numbers)[static_cast<std::size_t>(field)];
  }
}

}  // namespace entente
