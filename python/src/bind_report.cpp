// report(): the HTML or Markdown report the CLI's `entente report` writes, built by the
// library's BuildReport; and the report's stylesheet, so Jupyter output styles its charts.
#include <optional>

#include "bindings.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/core/files.hpp"
#include "entente/report/report.hpp"
#include "entente/report/style.hpp"
#include "errors.hpp"
#include "interruptible.hpp"

namespace py = pybind11;

namespace entente::python {

void BindReport(py::module_& m) {
  m.def(
      "report_css", [] { return std::string(report::ReportCss()); },
      "The CSS inlined into every HTML report.");

  m.def(
      "report",
      [](const Scenario& scenario, const std::string& format, const std::string& params,
         const std::string& source, const std::optional<std::string>& path) {
        // The file's extension decides when no format is given; .pdf and the like are refused.
        Result<ReportFormat> f = ChooseReportFormat(format, path ? *path : std::string());
        if (!f) ThrowErrors(f.errors());
        ReportOptions o;
        o.run = ParametersFrom(params, RunKind::kReport);
        const Scenario s = EditedScenario(scenario, o.run);  // snapshot, taken with the GIL held
        o.source = source;
        std::string out;
        std::atomic<bool> cancel{false};
        RunInterruptible([&] { out = BuildReport(s, o, f.value()); }, cancel, Progress{},
                         py::none());
        if (path) {
          const Result<Unit> written = WriteFileAtomic(*path, out);
          if (!written) throw IoError(FormatErrors(written.errors()));
        }
        return out;
      },
      py::arg("scenario"), py::arg("format"), py::arg("params"), py::arg("source"), py::arg("path"),
      "Gathers and renders the report without the GIL; writes it atomically to `path` if given.");
}

}  // namespace entente::python
