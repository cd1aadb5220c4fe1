#pragma once
/// \file
/// Located input errors (data) and the small exception hierarchy for fatal engine errors.

#include <stdexcept>
#include <string>
#include <vector>

#include "entente/core/location.hpp"

namespace entente {

/// One problem with the input: where it is, what is wrong, and how to fix it.
///
/// Example: `stances.csv:14: salience 1.5 is outside [0, 1] (field 'salience'); fix: give a
/// value between 0 and 1`.
struct Error {
  Location where;       ///< file, line and field the problem is in
  std::string message;  ///< what is wrong, with the offending value
  std::string hint;     ///< what to do about it; may be empty

  /// The one-line form used by the CLI, the server and the Python bindings.
  [[nodiscard]] std::string ToString() const;
  friend bool operator==(const Error&, const Error&) = default;
};

/// A non-empty list of problems; validation reports all of them, not just the first.
using Errors = std::vector<Error>;

/// A problem with a named parameter of a run rather than a place in a file ("draws", "noise",
/// "actor"): library messages name the field, never a front end's flag.
[[nodiscard]] Error FieldError(std::string field, std::string message, std::string hint = {});

/// Joins errors one per line, in the order they were found.
[[nodiscard]] std::string FormatErrors(const Errors& errors);

/// Base of every exception Entente throws. Exceptions are only for fatal errors that end an
/// operation; expected input problems travel as `Result<T>` instead.
class Exception : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The input is unusable (an invalid scenario handed to a model, a bad option). The CLI maps
/// it to exit code 2, like a parse error.
class InputError : public Exception {
 public:
  /// Wraps located errors; what() is their formatted text.
  explicit InputError(Errors errors);
  /// A single problem without a location (e.g. a bad command-line option).
  explicit InputError(const std::string& message);
  /// The located problems behind this exception.
  [[nodiscard]] const Errors& errors() const { return errors_; }

 private:
  Errors errors_;
};

/// A bug or broken invariant inside Entente; exit code 1.
class InternalError : public Exception {
 public:
  using Exception::Exception;
};

/// Writing output failed (disk full, permissions); exit code 1.
class IoError : public Exception {
 public:
  using Exception::Exception;
};

/// The caller stopped the run through its cancel flag (a server's client hung up, Ctrl-C in
/// Python); the work is abandoned and returns nothing. The CLI never sets such a flag.
class Cancelled : public Exception {
 public:
  using Exception::Exception;
};

}  // namespace entente
