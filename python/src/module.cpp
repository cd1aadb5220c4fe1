// entente._core: the compiled half of the `entente` Python package. The pure-Python layer
// (python/entente/*.py) adds pandas frames, dict and DataFrame input, and Jupyter rendering.
#include "bindings.hpp"
#include "errors.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "Entente's C++ engine (use the `entente` package, not this module directly)";
  entente::python::RegisterErrors();
  entente::python::BindScenario(m);
  entente::python::BindIo(m);
  entente::python::BindForecast(m);
  entente::python::BindAnalysis(m);
  entente::python::BindSweep(m);
  entente::python::BindCalibrate(m);
  entente::python::BindBacktest(m);
  entente::python::BindReport(m);
}
