// Set-up and enumeration of the exchange model's Decide view (Stokman & Van Oosten 1994, as
// the Decide exchange model enumerates). Positions are rescaled to 0-100 on each issue's
// scale; stances with salience 0 take no part. At a round's start, per issue d:
//   W_d = sum_i c_id s_id,  O_d = sum_i c_id s_id x_id / W_d   (sums in input order),
// and for each issue pair p < q the actors present on both are grouped by side of the
// outcomes (A: right on both, B: left on p only, C: left on q only, D: left on both); A
// trades with D, B with C. Of the two, the actor with the smaller s_p / s_q gives way on p
// (side J), the other on q (side I). Random rate: r uniform between J's and I's break-even
// rates s_Jp / s_Jq and s_Ip / s_Iq (Dijkstra, Van Assen & Stokman 2018), one seeded stream
// per round and candidate.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "entente/core/random.hpp"
#include "exchange_decide_engine.hpp"

namespace entente::detail::decide {

template <class N>
Engine<N>::Engine(const Scenario& s, const ExchangeBoard& b, const ExchangeOptions& o)
    : board_(b), options_(o) {
  const std::size_t cells = b.actors * b.issues;
  salience_.assign(cells, N{});
  capability_.assign(cells, N{});
  start_.assign(cells, N{});
  cs_.assign(cells, N{});
  salience_d_.assign(cells, 0);
  capability_d_.assign(cells, 0);
  cs_d_.assign(cells, 0);
  present_.assign(cells, 0);
  order_.resize(b.issues);
  zero_ = F::Int(0);
  one_ = F::Int(1);
  hundred_ = F::Int(100);
  tiny_ = F::Binary(1e-10);  // Decide compares with the float 1e-10
  w_s_ = F::Binary(o.salience_weight);
  w_f_ = F::Binary(o.fixed_weight);
  for (std::size_t d = 0; d < b.issues; ++d) {
    const Issue& issue = s.issues[d];
    const N lo = F::Input(issue.scale.min);
    const N step = hundred_ / (F::Input(issue.scale.max) - lo);
    for (std::size_t a = 0; a < b.actors; ++a) {
      const int k = b.stance[Cell(d, a)];
      if (k < 0) continue;
      const Stance& st = issue.stances[static_cast<std::size_t>(k)];
      const std::size_t cell = Cell(d, a);
      start_[cell] = (F::Input(st.position) - lo) * step;
      if (!(st.salience > 0)) continue;  // Decide skips rows with salience 0
      present_[cell] = 1;
      salience_[cell] = F::Input(st.salience);
      capability_[cell] = F::Input(st.capability);
      cs_[cell] = capability_[cell] * salience_[cell];
      salience_d_[cell] = F::Approx(salience_[cell]);
      capability_d_[cell] = F::Approx(capability_[cell]);
      cs_d_[cell] = F::Approx(cs_[cell]);
    }
    // Decide sums over an issue's rows in input order.
    std::vector<std::pair<std::size_t, std::uint32_t>> rows;
    for (std::size_t a = 0; a < b.actors; ++a) {
      if (present_[Cell(d, a)]) {
        rows.emplace_back(static_cast<std::size_t>(b.stance[Cell(d, a)]),
                          static_cast<std::uint32_t>(a));
      }
    }
    std::sort(rows.begin(), rows.end());
    for (const auto& [k, a] : rows) order_[d].push_back(a);
  }
  // Room for the most candidates a round can have (n^2 / 4 for the n actors on both issues
  // of a pair), so that the list never moves while it grows.
  std::size_t most = 0;
  for (std::size_t p = 0; p < b.issues; ++p) {
    for (std::size_t q = p + 1; q < b.issues; ++q) {
      std::size_t n = 0;
      for (std::size_t a = 0; a < b.actors; ++a) n += present_[Cell(p, a)] && present_[Cell(q, a)];
      most += n * n / 4;
    }
  }
  cands_.reserve(most);
}

template <class N>
std::vector<double> Engine<N>::Start() const {
  std::vector<double> out(start_.size(), 0);
  for (std::size_t cell = 0; cell < out.size(); ++cell) out[cell] = F::ToDouble(start_[cell]);
  return out;
}

template <class N>
void Engine<N>::Enumerate(int round) {
  const ExchangeBoard& b = board_;
  std::vector<N> outcome(b.issues);
  total_.assign(b.issues, N{});
  total_d_.assign(b.issues, 0);
  base_d_.assign(b.issues, 0);
  shift_per_move_.assign(start_.size(), Estimate{});
  move_per_shift_.assign(start_.size(), Estimate{});
  base_magnitude_d_.assign(b.issues, 0);
  term_.assign(start_.size(), N{});
  term_d_.assign(start_.size(), 0);
  start_d_.assign(start_.size(), 0);
  weight_d_.assign(start_.size(), 0);
  for (std::size_t d = 0; d < b.issues; ++d) {
    N w = zero_, sum = zero_;
    for (const std::uint32_t a : order_[d]) {
      const std::size_t cell = Cell(d, a);
      w += salience_[cell] * capability_[cell];
      term_[cell] = start_[cell] * salience_[cell] * capability_[cell];
      sum += term_[cell];
      start_d_[cell] = F::Approx(start_[cell]);
      weight_d_[cell] = salience_d_[cell] * capability_d_[cell];
      term_d_[cell] = start_d_[cell] * weight_d_[cell];
    }
    total_[d] = w;
    total_d_[d] = F::Approx(w);
    double base = 0, magnitude = 0;
    for (const std::uint32_t a : order_[d]) {
      base += term_d_[Cell(d, a)];
      magnitude += std::abs(term_d_[Cell(d, a)]);
    }
    base_d_[d] = base;
    base_magnitude_d_[d] = magnitude;
    for (const std::uint32_t a : order_[d]) {
      const std::size_t cell = Cell(d, a);
      shift_per_move_[cell] =
          Exact(salience_d_[cell]) * Exact(capability_d_[cell]) / Exact(total_d_[d]);
      move_per_shift_[cell] = Exact(total_d_[d]) / Exact(cs_d_[cell]);
    }
    outcome[d] = w == zero_ ? zero_ : sum / w;
  }
  std::vector<std::uint8_t> left_of(start_.size(), 0);  // per cell: left of the outcome
  for (std::size_t d = 0; d < b.issues; ++d) {
    for (std::size_t a = 0; a < b.actors; ++a) {
      left_of[Cell(d, a)] = start_[Cell(d, a)] < outcome[d] ? 1 : 0;
    }
  }
  const auto left = [&](std::size_t d, std::size_t a) { return left_of[Cell(d, a)]; };
  // s_p / s_q per actor and issue pair; saliences do not change between rounds.
  const auto ratio = [&](std::size_t a, std::size_t p, std::size_t q) -> const N& {
    const std::size_t k = (a * b.issues + p) * b.issues + q;
    if (!has_ratio_[k]) {
      ratio_[k] = salience_[Cell(p, a)] / salience_[Cell(q, a)];
      has_ratio_[k] = 1;
    }
    return ratio_[k];
  };
  if (ratio_.empty()) {
    ratio_.assign(b.actors * b.issues * b.issues, N{});
    has_ratio_.assign(ratio_.size(), 0);
  }
  // Candidates are rewritten in place, round after round, so that their histories and
  // records keep their storage.
  std::size_t count = 0;
  std::vector<std::uint32_t> groups[4];
  for (std::size_t p = 0; p < b.issues; ++p) {
    for (std::size_t q = p + 1; q < b.issues; ++q) {
      for (auto& g : groups) g.clear();
      for (std::size_t a = 0; a < b.actors; ++a) {
        if (!present_[Cell(p, a)] || !present_[Cell(q, a)]) continue;
        groups[left(p, a) | (left(q, a) << 1)].push_back(static_cast<std::uint32_t>(a));
      }
      for (int g = 0; g < 2; ++g) {  // A (0) with D (3), then B (1) with C (2)
        for (const std::uint32_t i : groups[g]) {
          for (const std::uint32_t j : groups[3 - g]) {
            const bool i_gives_p = ratio(i, p, q) < ratio(j, p, q);
            if (count == cands_.size()) cands_.emplace_back();
            Candidate& c = cands_[count];
            c.records.clear();
            c.has_factor = {false, false};
            c.p = static_cast<std::uint32_t>(p);
            c.q = static_cast<std::uint32_t>(q);
            const std::uint32_t actor_p = i_gives_p ? i : j, actor_q = i_gives_p ? j : i;
            const auto make = [&](Side& s, std::uint32_t actor, std::size_t sup, std::size_t dem,
                                  std::uint32_t other) {
              s.history.clear();
              s.actor = actor;
              s.sup = static_cast<std::uint32_t>(sup);
              s.dem = static_cast<std::uint32_t>(dem);
              s.sup_cell = static_cast<std::uint32_t>(Cell(sup, actor));
              s.dem_cell = static_cast<std::uint32_t>(Cell(dem, actor));
              s.target_cell = static_cast<std::uint32_t>(Cell(sup, other));
              s.x = start_[s.sup_cell];
              s.x_d = start_d_[s.sup_cell];
            };
            make(c.side[0], actor_q, q, p, actor_p);
            make(c.side[1], actor_p, p, q, actor_q);
            {
              const auto s_of = [this](std::uint32_t cell) { return Exact(salience_d_[cell]); };
              const Side& si = c.side[0];
              const Side& sj = c.side[1];
              c.factor_est[1] =
                  (s_of(sj.sup_cell) + s_of(si.dem_cell)) / (s_of(sj.dem_cell) + s_of(si.sup_cell));
              c.factor_est[0] =
                  (s_of(si.sup_cell) + s_of(sj.dem_cell)) / (s_of(si.dem_cell) + s_of(sj.sup_cell));
            }
            if (options_.variant == ExchangeVariant::kRandomRate) {
              // As ExchangeRound: one stream per round and candidate, uniform between the
              // break-even rates of J (s_Jp / s_Jq) and I (s_Ip / s_Iq).
              Rng rng(options_.seed, (static_cast<std::uint64_t>(round) << 32) | count);
              const N draw = F::Binary(Uniform01(rng));
              const Side& sj = c.side[1];
              const Side& si = c.side[0];
              const N lo = Ssup(sj) / Sdem(sj), hi = Sdem(si) / Ssup(si);
              c.rate = lo + draw * (hi - lo);
            }
            c.label = static_cast<std::int64_t>(count);
            ++count;
          }
        }
      }
    }
  }
  cands_.resize(count);
  if (options_.tie == ExchangeTie::kId) {
    // The list starts in id order instead of enumeration order.
    std::vector<std::uint32_t> idx(cands_.size());
    for (std::uint32_t k = 0; k < idx.size(); ++k) idx[k] = k;
    const auto key = [&](const Candidate& c) {
      const std::size_t ra = b.actor_rank[c.side[1].actor], rb = b.actor_rank[c.side[0].actor];
      return std::array<std::size_t, 4>{std::min(ra, rb), std::max(ra, rb), b.issue_rank[c.p],
                                        b.issue_rank[c.q]};
    };
    std::stable_sort(idx.begin(), idx.end(), [&](std::uint32_t x, std::uint32_t y) {
      return key(cands_[x]) < key(cands_[y]);
    });
    for (std::uint32_t k = 0; k < idx.size(); ++k) cands_[idx[k]].label = k;
  }
}

// The members defined here, for both arithmetics.
template Engine<double>::Engine(const Scenario&, const ExchangeBoard&, const ExchangeOptions&);
template std::vector<double> Engine<double>::Start() const;
template void Engine<double>::Enumerate(int);
template Engine<Decimal28>::Engine(const Scenario&, const ExchangeBoard&, const ExchangeOptions&);
template std::vector<double> Engine<Decimal28>::Start() const;
template void Engine<Decimal28>::Enumerate(int);

}  // namespace entente::detail::decide
