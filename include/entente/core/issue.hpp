#pragma once
/// \file
/// An issue: an anchored one-dimensional scale, a status quo, a decision rule and the stances.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/core/location.hpp"
#include "entente/core/rule.hpp"
#include "entente/core/stance.hpp"

namespace entente {

/// A labelled point on a scale, e.g. `0: freeze at the 2019/2020 level`.
struct Anchor {
  double value = 0;   ///< point on the scale
  std::string label;  ///< what that point means in words
  friend bool operator==(const Anchor&, const Anchor&) = default;
};

/// Where a value lies among a scale's anchors (pointers into Scale::anchors).
struct AnchorPlace {
  const Anchor* at = nullptr;     ///< the anchor the value is at, if any
  const Anchor* below = nullptr;  ///< else the nearest anchor below it, if any
  const Anchor* above = nullptr;  ///< and the nearest above it, if any
};

/// The issue's scale: its range, unit, and the anchors that give the numbers meaning.
struct Scale {
  double min = 0;               ///< lowest position
  double max = 100;             ///< highest position
  std::string unit;             ///< e.g. "% increase", "index"
  std::vector<Anchor> anchors;  ///< in the order given (usually ascending)

  /// max - min: the range most models normalise distances by.
  [[nodiscard]] double Range() const { return max - min; }
  /// True when `x` lies in [min, max].
  [[nodiscard]] bool Contains(double x) const { return x >= min && x <= max; }
  /// The anchor nearest `x` (the lower value on a tie); nullptr when there are none.
  [[nodiscard]] const Anchor* NearestAnchor(double x) const;
  /// Where `x` lies among the anchors: at one (within 0.5% of the range), else between the
  /// nearest below and the nearest above (either may be missing), so that "nearest" never
  /// passes for "equal" (54% of troops is not "100 = 28,500 maintained").
  [[nodiscard]] AnchorPlace PlaceAmongAnchors(double x) const;
  friend bool operator==(const Scale&, const Scale&) = default;
};

/// One free-text fact about an issue kept from its source, e.g. DEU's `proc: COD`. Models do
/// not read it; tables, reports and `backtest --by FIELD` do.
struct IssueMeta {
  std::string key;    ///< e.g. "proc"
  std::string value;  ///< e.g. "COD"
  friend bool operator==(const IssueMeta&, const IssueMeta&) = default;
};

/// One issue under negotiation.
struct Issue {
  std::string id;                    ///< short unique key
  std::string name;                  ///< display name
  std::string description;           ///< optional longer text
  Scale scale;                       ///< range, unit and anchors
  std::optional<double> status_quo;  ///< where things stand; required by every rule but none
  DecisionRule rule;                 ///< how the outcome is agreed
  std::vector<Stance> stances;       ///< actors taking part, in input order
  std::vector<IssueMeta> metadata;   ///< key/value facts, in input order (keys unique)
  Location origin;                   ///< where the reader found it

  /// The stance of `actor_id`, or nullptr when that actor takes no part in this issue.
  [[nodiscard]] const Stance* FindStance(std::string_view actor_id) const;
  /// Mutable variant of FindStance.
  [[nodiscard]] Stance* FindStance(std::string_view actor_id);
  /// The metadata value under `key`, or nullptr.
  [[nodiscard]] const std::string* Meta(std::string_view key) const;

  /// Equality ignores `origin`.
  friend bool operator==(const Issue& a, const Issue& b) {
    return a.id == b.id && a.name == b.name && a.description == b.description &&
           a.scale == b.scale && a.status_quo == b.status_quo && a.rule == b.rule &&
           a.stances == b.stances && a.metadata == b.metadata;
  }
};

}  // namespace entente
