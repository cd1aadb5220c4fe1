// `entente report` on the flagship: gathering (forecasts, Monte Carlo with sensitivity,
// cohesion) and rendering (HTML with its SVG charts, Markdown). Numbers in docs/report.md.
#include <benchmark/benchmark.h>

#include "bench_support.hpp"
#include "entente/report/render.hpp"
#include "entente/report/report_data.hpp"

namespace {

entente::ReportOptions Options(std::int64_t draws) {
  entente::ReportOptions o;  // the default primary model, every model beside it, 10% noise
  o.run.draws = draws;
  o.run.threads = 1;  // one core: the per-draw cost, independent of the machine's load
  return o;
}

void BM_ReportGather(benchmark::State& state) {
  const entente::Scenario s = entente::bench::Flagship();
  const entente::ReportOptions o = Options(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(entente::GatherReport(s, o));
}
BENCHMARK(BM_ReportGather)->Arg(0)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_ReportRenderHtml(benchmark::State& state) {
  const entente::ReportData d = entente::GatherReport(entente::bench::Flagship(), Options(2000));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string html = entente::RenderHtml(d);
    bytes = html.size();
    benchmark::DoNotOptimize(html.data());
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ReportRenderHtml)->Unit(benchmark::kMicrosecond);

void BM_ReportRenderMarkdown(benchmark::State& state) {
  const entente::ReportData d = entente::GatherReport(entente::bench::Flagship(), Options(2000));
  for (auto _ : state) benchmark::DoNotOptimize(entente::RenderMarkdown(d));
}
BENCHMARK(BM_ReportRenderMarkdown)->Unit(benchmark::kMicrosecond);

}  // namespace
