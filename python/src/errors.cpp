#include "errors.hpp"

#include "entente/core/encoding.hpp"

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
  // A message may quote a value that is not UTF-8 (bytes handed in from Python); as a str it
  // would raise UnicodeDecodeError instead of the problem, so such bytes read as Windows-1252.
  const auto text = [](const std::string& s) { return RepairUtf8(s); };
  py::list problems;
  for (const Error& err : e.errors()) {
    problems.append(errors.attr("Problem")(
        text(err.where.file), err.where.line, text(err.where.field), text(err.message),
        text(err.hint), text(err.ToString()), text(err.where.path), text(err.where.names)));
  }
  const char* cls = Located(e.errors()) ? "ScenarioError" : "InputError";
  const py::object exc = errors.attr(cls)(text(FormatErrors(e.errors())), problems);
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
