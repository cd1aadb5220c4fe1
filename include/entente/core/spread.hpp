#pragma once
/// \file
/// Input uncertainty: how far an expert's coded number may be off.

#include <string_view>

namespace entente {

/// The distribution of one uncertain input (a stance's position, salience or capability).
/// Draws are clipped to the input's valid range (the scale, [0, 1], or >= 0).
struct Spread {
  /// Which distribution.
  enum class Kind {
    kNone,        ///< the coded value is taken as exact (unless a scenario-wide noise applies)
    kNormal,      ///< mean = the coded value, standard deviation `sd`
    kUniform,     ///< uniform on [low, high]; no best guess (the point value is the midpoint)
    kTriangular,  ///< triangular on [low, high] with its mode at the coded value
  };
  Kind kind = Kind::kNone;  ///< which distribution
  double sd = 0;            ///< kNormal only
  double low = 0;           ///< kUniform, kTriangular
  double high = 0;          ///< kUniform, kTriangular

  /// True unless kind is kNone.
  [[nodiscard]] bool IsSet() const { return kind != Kind::kNone; }
  /// A normal spread.
  static Spread Normal(double sd) { return Spread{Kind::kNormal, sd, 0, 0}; }
  /// A uniform spread.
  static Spread Uniform(double low, double high) { return Spread{Kind::kUniform, 0, low, high}; }
  /// A triangular spread (mode = the coded value).
  static Spread Triangular(double low, double high) {
    return Spread{Kind::kTriangular, 0, low, high};
  }
  friend bool operator==(const Spread&, const Spread&) = default;
};

/// The spelling used in messages: "normal", "uniform", "triangular" ("" for none).
[[nodiscard]] std::string_view SpreadKindName(Spread::Kind kind);

}  // namespace entente
