#pragma once
/// \file
/// Entente's errors as Python exceptions: located input problems become
/// `entente.ScenarioError` (with .file, .line, .field and every problem in .errors), other input
/// problems `entente.InputError`, output failures OSError, bugs RuntimeError.
#include <pybind11/pybind11.h>

#include "entente/core/error.hpp"

namespace entente::python {

/// Registers the translator from Entente's C++ exceptions to the classes in entente/errors.py.
void RegisterErrors();

/// Throws InputError carrying `errors` (translated to ScenarioError at the boundary).
[[noreturn]] void ThrowErrors(const Errors& errors);

}  // namespace entente::python
