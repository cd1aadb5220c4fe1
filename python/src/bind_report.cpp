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
      [](const Scenario& scenario, const std::string& format, const std::string& model,
         const std::vector<std::string>& models, const std::map<std::string, std::string>& options,
         std::int64_t draws, std::uint64_t seed, double noise, std::int64_t threads,
         int tornado_bars, const std::string& source, const std::optional<std::string>& path) {
        Result<ReportFormat> f = ParseReportFormat(format);
        if (!f) ThrowErrors(f.errors());
        const Scenario s = scenario;  // snapshot, taken with the GIL held
        ReportOptions o;
        o.model = model;
        o.models = models;
        o.model_options = ModelOptionsFrom(options);
        o.draws = draws;
        o.seed = seed;
        o.noise = noise;
        RequireThreadCount(threads);  // before narrowing: 2^32 + 1 must not pass as 1
        o.threads = static_cast<int>(threads);
        o.tornado_bars = tornado_bars;
        o.source = source;
        std::optional<Result<std::string>> text;
        std::atomic<bool> cancel{false};
        RunInterruptible([&] { text = BuildReport(s, o, f.value()); }, cancel, Progress{},
                         py::none());
        if (!*text) ThrowErrors(text->errors());
        std::string out = std::move(*text).value();
        if (path) {
          const Result<Unit> written = WriteFileAtomic(*path, out);
          if (!written) throw IoError(FormatErrors(written.errors()));
        }
        return out;
      },
      py::arg("scenario"), py::arg("format"), py::arg("model"), py::arg("models"),
      py::arg("options"), py::arg("draws"), py::arg("seed"), py::arg("noise"), py::arg("threads"),
      py::arg("tornado_bars"), py::arg("source"), py::arg("path"),
      "Gathers and renders the report without the GIL; writes it atomically to `path` if given.");
}

}  // namespace entente::python
