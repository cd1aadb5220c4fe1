#pragma once
/// \file
/// `Result<T>`: a value or the located errors that prevented it (no `<expected>` on g++ 12).

#include <utility>
#include <variant>

#include "entente/core/assert.hpp"
#include "entente/core/error.hpp"

namespace entente {

/// The outcome of a parser or I/O call: either a `T` or a non-empty list of located errors.
///
/// Example:
/// ```
/// Result<Scenario> r = ReadScenario("flagship.yaml");
/// if (!r) { std::cerr << FormatErrors(r.errors()); return 2; }
/// const Scenario& s = r.value();
/// ```
template <typename T>
class [[nodiscard]] Result {
 public:
  /// Success.
  Result(T value) : data_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  /// Failure with one error.
  Result(Error error) : data_(Errors{std::move(error)}) {}  // NOLINT(google-explicit-constructor)
  /// Failure with several errors; the list must not be empty.
  Result(Errors errors) : data_(std::move(errors)) {  // NOLINT(google-explicit-constructor)
    ENTENTE_ASSERT(!std::get<Errors>(data_).empty(), "a failed Result needs at least one error");
  }

  /// True on success.
  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(data_); }
  /// True on success.
  explicit operator bool() const { return ok(); }

  /// The value; only valid when ok().
  [[nodiscard]] const T& value() const& {
    ENTENTE_ASSERT(ok(), "value() on a failed Result");
    return std::get<T>(data_);
  }
  /// The value; only valid when ok().
  [[nodiscard]] T& value() & {
    ENTENTE_ASSERT(ok(), "value() on a failed Result");
    return std::get<T>(data_);
  }
  /// Moves the value out; only valid when ok().
  [[nodiscard]] T&& value() && {
    ENTENTE_ASSERT(ok(), "value() on a failed Result");
    return std::get<T>(std::move(data_));
  }
  /// The errors; only valid when !ok().
  [[nodiscard]] const Errors& errors() const {
    ENTENTE_ASSERT(!ok(), "errors() on a successful Result");
    return std::get<Errors>(data_);
  }
  /// The value, or throws InputError carrying the errors (for callers that cannot recover).
  [[nodiscard]] T ValueOrThrow() && {
    if (!ok()) throw InputError(std::get<Errors>(data_));
    return std::get<T>(std::move(data_));
  }

 private:
  std::variant<T, Errors> data_;
};

/// `Result` for operations that produce nothing but may fail.
struct Unit {};

}  // namespace entente
