// One issue on its scale: actors as draggable markers (size = clout, capability x salience),
// each model's forecast, the Monte Carlo 90% band, the status quo, and the eu trajectories.
import { fmt, h, s } from "./dom";
import { checkpoint } from "./history";
import { vetoPlayersOf } from "./rule_editor";
import { band, MODELS, notify, reforecast, state } from "./state";
import { pointOf, shown, withPoint, type Issue } from "./types";

const W = 760;
const M = 50;
const LANE = 26;
/** Room above the lanes for two rows of forecast labels and the predictive bars. */
const TOP = 14;
const COLORS: Record<string, string> = { compromise: "#1f77b4", eu: "#d62728", median: "#2ca02c" };

let dragging = false;
let overlay: SVGElement | null = null;

function xOf(issue: Issue, v: number): number {
  const { min, max } = issue.scale;
  return M + ((v - min) / (max - min || 1)) * (W - 2 * M);
}

function valueOf(issue: Issue, x: number): number {
  const { min, max } = issue.scale;
  const v = min + ((x - M) / (W - 2 * M)) * (max - min);
  return Math.round(Math.min(max, Math.max(min, v)) * 2) / 2;
}

function drawOverlay(issue: Issue, k: number, height: number): void {
  if (!overlay) return;
  overlay.replaceChildren();
  const dist = state.simulation?.simulation.issues[k];
  if (dist && dist.id === issue.id) {
    const x0 = xOf(issue, dist.quantiles.p05);
    const x1 = xOf(issue, dist.quantiles.p95);
    overlay.append(
      s("rect", { class: "band", x: x0, y: 20 + TOP, width: Math.max(1, x1 - x0), height: height - 50 - TOP },
        s("title", {}, `Monte Carlo 90% band (${state.simulation!.simulation.model}, ${band.noise}% noise): ${fmt(dist.quantiles.p05)} – ${fmt(dist.quantiles.p95)}`)),
    );
  }
  // Predictive quantiles of the first model that has them (a calibration is in use).
  const withQ = state.forecast?.results.find((r) => r.forecast.issues[k]?.id === issue.id && r.forecast.issues[k]?.quantiles);
  const q = withQ?.forecast.issues[k].quantiles;
  if (withQ && q) {
    const outer = [xOf(issue, q["0.05"]), xOf(issue, q["0.95"])];
    const inner = [xOf(issue, q["0.25"]), xOf(issue, q["0.75"])];
    overlay.append(
      s("rect", { class: "qband outer", x: outer[0], y: 29, width: Math.max(1, outer[1] - outer[0]), height: 7 },
        s("title", {}, `${withQ.model}: 90% predictive interval ${fmt(q["0.05"])} – ${fmt(q["0.95"])} (calibration ${state.calibration?.label ?? ""})`)),
      s("rect", { class: "qband inner", x: inner[0], y: 29, width: Math.max(1, inner[1] - inner[0]), height: 7 },
        s("title", {}, `${withQ.model}: 50% predictive interval ${fmt(q["0.25"])} – ${fmt(q["0.75"])}`)),
    );
  }
  const proc = state.forecast?.results[0]?.forecast.issues[k]?.procedure;
  if (proc) {
    // The points the decision rule lets pass (first model's final positions).
    const x0 = xOf(issue, proc.win_set.lo);
    const x1 = xOf(issue, proc.win_set.hi);
    overlay.append(
      s("rect", { class: "winset", x: x0 - 1, y: height - 34, width: Math.max(2, x1 - x0 + 2), height: 8 },
        s("title", {}, `win-set ${fmt(proc.win_set.lo)} – ${fmt(proc.win_set.hi)}: ${proc.rule}`)),
    );
  }
  if (issue.status_quo != null) {
    const x = xOf(issue, issue.status_quo);
    overlay.append(s("line", { class: "sq", x1: x, x2: x, y1: 20, y2: height - 30 }),
      s("text", { x, y: height - 34, class: "sq-label" }, "status quo"));
  }
  // One line per model; a label that would run into the previous one joins it (about 7 px a
  // character at 12 px), so labels never overlap.
  const points: { model: string; x: number; y: number }[] = [];
  state.forecast?.results.forEach((r) => {
    const f = r.forecast.issues[k];
    if (!f || f.id !== issue.id) return; // the answer to an earlier edit of the issue list
    const x = xOf(issue, f.outcome);
    points.push({ model: r.model, x, y: f.outcome });
    overlay!.append(s("line", { class: "forecast", "data-model": r.model, x1: x, x2: x, y1: 28, y2: height - 30, stroke: COLORS[r.model] ?? "#333" }));
  });
  points.sort((a, b) => a.x - b.x);
  // Labels on two rows; a model at (almost) the same point as the previous one joins its label,
  // and a label with no room on either row joins the nearest one to its left.
  const labels: { x: number; row: number; text: string[]; color: string }[] = [];
  const rowEnd = [-Infinity, -Infinity];
  const width = (t: string[]) => 7 * t.join(", ").length + 8;
  // Labels near the right edge end at their line instead of starting there.
  const span = (x: number, t: string[]) => (x > W - 160 ? [x - width(t), x] : [x, x + width(t)]);
  for (const p of points) {
    const text = `${p.model} ${fmt(p.y)}`;
    const last = labels[labels.length - 1];
    const row = rowEnd.findIndex((end) => span(p.x, [text])[0] >= end);
    if (last && (Math.abs(p.x - last.x) < 3 || row < 0)) {
      last.text.push(text);
      rowEnd[last.row] = span(last.x, last.text)[1];
      continue;
    }
    labels.push({ x: p.x, row: Math.max(0, row), text: [text], color: COLORS[p.model] ?? "#333" });
    rowEnd[Math.max(0, row)] = span(p.x, [text])[1];
  }
  for (const l of labels) {
    const anchor = l.x > W - 160 ? "end" : "start";
    overlay!.append(s("text", { x: l.x + (anchor === "end" ? -4 : 4), y: 11 + 12 * l.row, "text-anchor": anchor, fill: l.text.length > 1 ? "#333" : l.color, class: "forecast-label" }, l.text.join(", ")));
  }
}

/** The rule in words and what it did to the first model's point (edited in the editor). */
function ruleLine(k: number): Node {
  const first = state.forecast?.results[0];
  const proc = first?.forecast.issues[k]?.procedure;
  const words = proc
    ? `${proc.explanation.includes(proc.rule) ? "" : `${proc.rule}. `}${proc.explanation} Win-set (${first!.model}): ${fmt(proc.win_set.lo)} – ${fmt(proc.win_set.hi)} (green bar).`
    : "No decision rule: the models' points stand.";
  return h("p", { id: "rule-line" }, "Decision rule: ", h("span", {}, words));
}

function startDrag(ev: PointerEvent, issue: Issue, k: number, j: number, svg: SVGSVGElement, height: number): void {
  const marker = ev.currentTarget as SVGElement;
  marker.setPointerCapture(ev.pointerId);
  checkpoint(); // one drag is one undo step
  dragging = true;
  const label = marker.nextSibling as SVGElement;
  const move = (e: PointerEvent) => {
    const pt = svg.createSVGPoint();
    pt.x = e.clientX;
    pt.y = e.clientY;
    const local = pt.matrixTransform(svg.getScreenCTM()!.inverse());
    const v = valueOf(issue, local.x);
    issue.stances[j].position = withPoint(issue.stances[j].position, v);
    marker.setAttribute("cx", String(xOf(issue, v)));
    label.setAttribute("x", String(xOf(issue, v) + 12));
    marker.querySelector("title")!.textContent = `${issue.stances[j].actor}: ${v}`;
    void reforecast().then(() => drawOverlay(issue, k, height));
  };
  const up = () => {
    marker.removeEventListener("pointermove", move);
    marker.removeEventListener("pointerup", up);
    dragging = false;
    notify();
  };
  marker.addEventListener("pointermove", move);
  marker.addEventListener("pointerup", up);
}

function trajectories(issue: Issue, k: number): Node | null {
  const eu = state.forecast?.results.find((r) => r.model === "eu")?.forecast.issues[k];
  const rounds = eu?.rounds ?? [];
  if (rounds.length < 2) return null;
  const H = 170;
  const x = (r: number) => M + (r / (rounds.length - 1)) * (W - M - 120); // room for end labels
  const y = (v: number) => 10 + (1 - (v - issue.scale.min) / (issue.scale.max - issue.scale.min || 1)) * (H - 40);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "trajectories", role: "img" });
  const last = rounds[rounds.length - 1];
  for (const actor of Object.keys(rounds[0].positions)) {
    const pts = rounds.map((r) => `${x(r.round)},${y(r.positions[actor])}`).join(" ");
    svg.append(s("polyline", { points: pts, class: "path" }, s("title", {}, actor)));
  }
  // End labels pushed apart (at least 11 px) so actors that end together stay readable.
  const ends = Object.keys(last.positions).map((a) => ({ a, y: y(last.positions[a]) })).sort((p, q) => p.y - q.y);
  ends.forEach((e, i) => {
    if (i > 0 && e.y < ends[i - 1].y + 11) e.y = ends[i - 1].y + 11;
  });
  for (const e of ends) svg.append(s("text", { x: x(rounds.length - 1) + 4, y: e.y + 4, class: "small traj-label" }, e.a));
  svg.append(s("polyline", { points: rounds.map((r) => `${x(r.round)},${y(r.median)}`).join(" "), class: "median" }));
  svg.append(s("text", { x: M, y: H - 8, class: "small" }, `eu rounds 0–${rounds.length - 1}; thick line: weighted median`));
  return h("div", {}, h("h3", {}, "Bargaining trajectories (eu)"), svg);
}

export function renderIssue(root: HTMLElement): void {
  const sc = state.scenario;
  if (!sc || sc.issues.length === 0) return root.replaceChildren();
  const k = Math.min(state.issue, sc.issues.length - 1);
  const issue = sc.issues[k];
  const height = 50 + TOP + issue.stances.length * LANE + 40;
  if (dragging) return drawOverlay(issue, k, height);
  root.replaceChildren();
  const picker = h("select", { id: "issue-picker", "aria-label": "issue" });
  sc.issues.forEach((i, n) => picker.add(new Option(i.name || i.id, String(n), false, n === k)));
  picker.onchange = () => ((state.issue = Number(picker.value)), notify());
  const svg = s("svg", { viewBox: `0 0 ${W} ${height}`, class: "scale", id: "issue-svg", role: "img" }) as SVGSVGElement;
  overlay = s("g", { class: "overlay" });
  svg.append(overlay);
  const weights = issue.stances.map((st) => Math.max(0, pointOf(st.capability) * pointOf(st.salience)) || 0);
  const wmax = Math.max(...weights, 1e-9);
  issue.stances.forEach((st, j) => {
    const y = 40 + TOP + j * LANE;
    const cx = xOf(issue, pointOf(st.position));
    const r = 4 + 10 * Math.sqrt(weights[j] / wmax);
    const veto = vetoPlayersOf(issue).includes(st.actor);
    const marker = s("circle", { cx, cy: y, r, class: `marker${veto ? " veto" : ""}`, "data-actor": st.actor, tabindex: 0 },
      s("title", {}, `${st.actor}: ${shown(st.position)} (salience ${shown(st.salience)}, capability ${shown(st.capability)})`));
    marker.addEventListener("pointerdown", (e) => startDrag(e as PointerEvent, issue, k, j, svg, height));
    svg.append(s("line", { x1: M, x2: W - M, y1: y, y2: y, class: "lane" }), marker,
      s("text", { x: cx + 12, y: y + 4, class: "small" }, st.actor + (veto ? " (veto)" : "")));
  });
  const axis = height - 30;
  svg.append(s("line", { x1: M, x2: W - M, y1: axis, y2: axis, class: "axis" }));
  for (const a of issue.scale.anchors ?? []) {
    const x = xOf(issue, a.value);
    svg.append(s("line", { x1: x, x2: x, y1: axis, y2: axis + 6, class: "axis" }),
      s("text", { x, y: axis + 18, "text-anchor": "middle", class: "small" }, String(a.value), s("title", {}, a.label)));
  }
  drawOverlay(issue, k, height);
  const legend = h("p", { class: "muted" },
    `Drag a marker to move that actor's position; marker size is clout (capability × salience); red ring: veto player. Lines: ${MODELS.join(", ")} forecasts; shaded: Monte Carlo 90% band (input noise); blue bars at the top: the calibration's 50% and 90% predictive intervals. Scale: ${issue.scale.unit ?? ""}.`);
  const anchors = (issue.scale.anchors ?? []).length
    ? h("p", { id: "anchor-legend" }, "Anchors: ", ...(issue.scale.anchors ?? []).map((a) => h("span", { class: "anchor-item" }, h("b", {}, `${a.value}`), ` = ${a.label}`)))
    : null;
  root.append(picker, svg, anchors ?? "", legend, ruleLine(k), trajectories(issue, k) ?? "");
}
