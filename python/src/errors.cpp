#include "errors.hpp"

namespace py = pybind11;

namespace entente::python {
namespace {

bool Located(const Errors& errors) {
  for (const Error& e : errors) {
    // A field alone (draws, noise) is a parameter, not a place in a scenario.
    if (!e.where.file.empty() || e.where.line > 0) return true;
  }
  return false;
}

// Builds entente.errors.ScenarioError / InputError(message, problems) and sets it as the
// current Python error.
void Raise(const InputError& e) {
  const py::module_ errors = py::module_::import("entente.errors");
  py::list problems;
  for (const Error& err : e.errors()) {
    problems.append(errors.attr("Problem")(err.where.file, err.where.line, err.where.field,
                                           err.message, err.hint, err.ToString(), err.where.path,
                                           err.where.names));
  }
  const char* cls = Located(e.errors()) ? "ScenarioError" : "InputError";
  const py::object exc = errors.attr(cls)(FormatErrors(e.errors()), problems);
  PyErr_SetObject(exc.get_type().ptr(), exc.ptr());
}

}  // namespace

void RegisterErrors() {
  // By value: pybind11 takes a plain `void (*)(std::exception_ptr)`.
  py::register_exception_translator(
      [](std::exception_ptr p) {  // NOLINT(performance-unnecessary-value-param)
        try {
          if (p) std::rethrow_exception(p);
        } catch (const InputError& e) {
          Raise(e);
        } catch (const IoError& e) {
          PyErr_SetString(PyExc_OSError, e.what());
        } catch (const InternalError& e) {
          PyErr_SetString(
              PyExc_RuntimeError,
              (std::string("internal error: ") + e.what() + "; please report this").c_str());
        }
      });
}

void ThrowErrors(const Errors& errors) {
  throw InputError(errors);
}

}  // namespace entente::python
