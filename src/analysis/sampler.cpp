#include "entente/analysis/sampler.hpp"

#include <cmath>

#include <fmt/format.h>

#include "entente/core/validation.hpp"

namespace entente {
namespace {

double& FieldRef(Stance& s, StanceField f) {
  switch (f) {
    case StanceField::kPosition: return s.position;
    case StanceField::kSalience: return s.salience;
    case StanceField::kCapability: return s.capability;
  }
  return s.position;
}

}  // namespace

const char* StanceFieldName(StanceField field) {
  switch (field) {
    case StanceField::kPosition: return "position";
    case StanceField::kSalience: return "salience";
    case StanceField::kCapability: return "capability";
  }
  return "";
}

Sampler::Sampler(const Scenario& base, Noise noise) : base_(base) {
  std::size_t flat_stance = 0;
  for (std::size_t i = 0; i < base.issues.size(); ++i) {
    issue_begin_.push_back(inputs_.size());
    stance_begin_.push_back(flat_stance);
    const Issue& issue = base.issues[i];
    for (std::size_t k = 0; k < issue.stances.size(); ++k) {
      const Stance& s = issue.stances[k];
      const auto add = [&](StanceField field, const Spread& spread, double value, double noise_sd,
                           double lo, double hi) {
        Spread sp = spread;
        if (!sp.IsSet() && noise_sd > 0) sp = Spread::Normal(noise_sd);
        if (!sp.IsSet()) return;
        inputs_.push_back(UncertainInput{i, k, field, sp, value, lo, hi});
        slot_.push_back(3 * (flat_stance + k) + static_cast<std::size_t>(field));
      };
      const double f = noise.fraction;
      add(StanceField::kPosition, s.position_spread, s.position, f * issue.scale.Range(),
          issue.scale.min, issue.scale.max);
      add(StanceField::kSalience, s.salience_spread, s.salience, f * s.salience, 0, 1);
      add(StanceField::kCapability, s.capability_spread, s.capability, f * s.capability, 0,
          kMaxMagnitude);  // the largest capability validation accepts
    }
    flat_stance += issue.stances.size();
  }
  issue_begin_.push_back(inputs_.size());
  stance_begin_.push_back(flat_stance);
  for (const UncertainInput& in : inputs_) {
    normal_.push_back(in.spread.kind == Spread::Kind::kNormal ? 1 : 0);
    value_.push_back(in.value);
    sd_.push_back(in.spread.sd);
    lo_.push_back(in.lo);
    hi_.push_back(in.hi);
  }
}

std::vector<double> Sampler::Flatten() const {
  std::vector<double> flat;
  flat.reserve(3 * stance_begin_.back());
  for (const Issue& issue : base_.issues) {
    for (const Stance& s : issue.stances) {
      flat.push_back(s.position);
      flat.push_back(s.salience);
      flat.push_back(s.capability);
    }
  }
  return flat;
}

void Sampler::Draw(DrawStream& rng, std::vector<double>& flat, std::vector<double>& values,
                   std::vector<std::uint8_t>& fell_back, const double* centres) const {
  values.resize(inputs_.size());
  fell_back.assign(issue_begin_.size() - 1, 0);
  // Raw pointers: the compiler cannot prove the vectors do not alias, and this loop is hot.
  double* const out = values.data();
  double* const dest = flat.data();
  const std::size_t* const slot = slot_.data();
  const std::uint8_t* const normal = normal_.data();
  const double* const value = centres != nullptr ? centres : value_.data();
  const double* const sd = sd_.data();
  const double* const lo = lo_.data();
  const double* const hi = hi_.data();
  for (std::size_t i = 0; i + 1 < issue_begin_.size(); ++i) {
    const std::size_t begin = issue_begin_[i];
    const std::size_t end = issue_begin_[i + 1];
    if (begin == end) continue;
    // SampleSpread, with the normal case (StandardNormal's fast path) spelled out so that the
    // stream's read position stays in a register.
    const detail::Ziggurat& zig = detail::kZiggurat;
    int pos = rng.position();
    for (std::size_t j = begin; j < end; ++j) {
      double v = 0;
      if (normal[j] != 0) {
        if (pos == DrawStream::kBlock) {
          rng.Refill();
          pos = 0;
        }
        const auto r = static_cast<std::int32_t>(rng.block()[pos++]);
        const int layer = r & 127;
        const std::uint32_t mag =
            r < 0 ? 0u - static_cast<std::uint32_t>(r) : static_cast<std::uint32_t>(r);
        double z = r * zig.w[layer];
        if (mag >= zig.k[layer]) {
          rng.Seek(pos);
          z = detail::NormalSlowPath(rng, r);
          pos = rng.position();
        }
        v = value[j] + sd[j] * z;
      } else {
        rng.Seek(pos);
        v = SampleBounded(rng, inputs_[j].spread, value[j]);
        pos = rng.position();
      }
      v = v < lo[j] ? lo[j] : (v > hi[j] ? hi[j] : v);
      out[j] = v;
      dest[slot[j]] = v;
    }
    rng.Seek(pos);
    double total = 0;
    for (std::size_t g = stance_begin_[i]; g < stance_begin_[i + 1]; ++g) {
      total += dest[3 * g + 1] * dest[3 * g + 2];
    }
    if (total > 0) continue;
    fell_back[i] = 1;
    for (std::size_t j = begin; j < end; ++j) {
      values[j] = value[j];
      flat[slot_[j]] = values[j];
    }
  }
}

void Sampler::WriteBack(const std::vector<double>& flat, Scenario& work) const {
  std::size_t g = 0;
  for (Issue& issue : work.issues) {
    for (Stance& s : issue.stances) {
      s.position = flat[3 * g];
      s.salience = flat[3 * g + 1];
      s.capability = flat[3 * g + 2];
      ++g;
    }
  }
}

void Sampler::Set(Scenario& work, const UncertainInput& input, double value) {
  FieldRef(work.issues[input.issue].stances[input.stance], input.field) = value;
}

}  // namespace entente
