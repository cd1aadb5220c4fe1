#pragma once
/// \file
/// The defaults every front end takes: the CLI, `entente serve`, the Python module and the
/// report read them from here and nowhere else. Why each value: docs/uncertainty.md
/// ("Defaults").

#include <cstdint>
#include <string_view>

namespace entente::defaults {

/// The model run when none is named: the capability x salience weighted median, the
/// Condorcet winner of a one-dimensional vote (Black 1948), static and fast.
inline constexpr std::string_view kModel = "median";

/// Noise in percent (see noise.hpp): stances that state no spread get one of 10% (positions:
/// sd 10% of the scale; salience and capability: sd 10% of the coded value).
inline constexpr double kNoisePercent = 10;

/// Monte Carlo draws (docs/uncertainty.md gives the seed-to-seed spread of the quantiles it
/// buys on the flagship).
inline constexpr std::int64_t kDraws = 10000;

/// PCG seed of the draws.
inline constexpr std::uint64_t kSeed = 1;

/// The advisor's tolerance in percent of the scale: a target counts as reached within it.
inline constexpr double kTolerancePercent = 0.5;

/// Bootstrap resamples of the issue groups behind a backtest's 95% intervals.
inline constexpr int kBootstrap = 2000;

/// Perturbed runs of the primary model's stability check in a report (nudges of every
/// position by up to 1% of its scale).
inline constexpr int kReportStability = 24;

/// Inputs shown per tornado chart of the report (the largest swings).
inline constexpr int kTornadoBars = 8;

}  // namespace entente::defaults
