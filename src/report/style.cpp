#include "entente/report/style.hpp"

namespace entente::report {

// Charts use only greys, fills and dash patterns, so a black-and-white print loses nothing.
std::string_view ReportCss() {
  return R"css(
body { font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111;
       max-width: 800px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #999; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
.meta, figcaption, .note-text { color: #444; font-size: 0.9em; }
table { border-collapse: collapse; font-size: 0.9em; margin: 0.8em 0; }
th, td { border-bottom: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0; }
svg { max-width: 100%; height: auto; display: block; }
svg text { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10px; fill: #111; }
svg .label { font-size: 11px; font-weight: bold; }
svg .model-name { font-size: 11px; }
svg .note, svg .anchor-label { fill: #333; }
svg .axis { stroke: #111; stroke-width: 1; }
svg .grid { stroke: #ddd; stroke-width: 1; }
svg .stem { stroke: #bbb; stroke-width: 1; }
svg .actor { fill: #c8c8c8; stroke: #111; stroke-width: 1; }
svg .veto { fill: #444; stroke: #000; stroke-width: 1; }
svg .anchor { fill: #fff; stroke: #000; stroke-width: 1.2; }
svg .sq { stroke: #000; stroke-width: 1.5; }
svg .model-out { fill: #000; }
svg .model-raw { fill: #fff; stroke: #000; stroke-width: 1.2; }
svg .veto-pull { stroke: #555; stroke-width: 1.2; }
svg .winset { stroke: #2ca02c; stroke-width: 7; stroke-opacity: 0.45; }
svg .winset-band { fill: #2ca02c; fill-opacity: 0.12; }
svg .rule-words { fill: #222; }
h2.group { font-size: 1.4em; border-bottom: 2px solid #111; }
tr.group th { background: #eee; }
svg .band { fill: #e4e4e4; }
svg .bar { fill: #777; }
svg .mass { fill: #000; }
svg .median { stroke: #000; stroke-width: 2; }
svg .point { stroke: #000; stroke-width: 1.5; }
svg .traj { stroke: #666; stroke-width: 1.3; }
svg .median-line { stroke: #000; stroke-width: 3; }
svg .bar-low { fill: #444; }
svg .bar-high { fill: #fff; stroke: #444; stroke-width: 1; }
ul.summary li { margin-bottom: 0.6em; }
.anchors { font-size: 0.85em; color: #333; columns: 2; margin: 0.3em 0 0; padding-left: 0; list-style: none; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  section.issue, section.group { break-before: page; }
  section.group > section.issue:first-of-type { break-before: avoid; }
  figure, table, li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css";
}

}  // namespace entente::report
