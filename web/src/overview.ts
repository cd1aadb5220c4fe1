// Scenario overview, issues by group: per issue the forecast of each model, the predictive
// interval when a calibration is used, how sure (Monte Carlo 90% band and P(status quo
// holds)), whether the models disagree widely, the binding veto and for which model, and the
// alliance strain. Sized to fit 1400 px without losing a column.
import { fmt, h } from "./dom";
import { MODELS, notify, state } from "./state";
import type { Issue, ModelResult } from "./types";

function quantileCell(per: ModelResult[], k: number): HTMLElement {
  const r = per.find((m) => m.forecast.issues[k]?.quantiles);
  const q = r?.forecast.issues[k].quantiles;
  if (!r || !q) return h("td", { class: "num" }, "—");
  return h("td", { class: "num quantiles", title: `${r.model}: 50% ${fmt(q["0.25"])} – ${fmt(q["0.75"])}; 90% ${fmt(q["0.05"])} – ${fmt(q["0.95"])}` },
    `${fmt(q["0.25"])}–${fmt(q["0.75"])}`, h("br"), h("span", { class: "muted" }, `${fmt(q["0.05"])}–${fmt(q["0.95"])}`));
}

function cut(text: string, n = 34): string {
  return text.length > n ? `${text.slice(0, n - 3)}...` : text;
}

/** Where a point falls among the issue's anchors: at one (within 0.5% of the scale), or
 * between the anchors on both sides, so "nearest" never passes for "equal". */
export function anchorWords(issue: Issue, y: number): { short: string; full: string } {
  const anchors = [...(issue.scale.anchors ?? [])].sort((a, b) => a.value - b.value);
  const unit = issue.scale.unit ? ` (${issue.scale.unit})` : "";
  if (anchors.length === 0) return { short: `${fmt(y)}${unit}`, full: `${fmt(y)}${unit}` };
  const at = anchors.find((a) => Math.abs(a.value - y) <= 0.005 * (issue.scale.max - issue.scale.min));
  if (at) return { short: `at ${at.value}: ${cut(at.label, 60)}`, full: `${fmt(y)} is at anchor ${at.value}: ${at.label}` };
  const lo = [...anchors].reverse().find((a) => a.value < y);
  const hi = anchors.find((a) => a.value > y);
  const side = (a: { value: number; label: string }) => `${a.value}: ${a.label}`;
  const full = `${fmt(y)}${unit} lies ${lo && hi ? `between ${side(lo)} and ${side(hi)}` : lo ? `above ${side(lo)}` : `below ${side(hi!)}`}`;
  const short = lo && hi ? `${lo.value}: ${cut(lo.label)} / ${hi.value}: ${cut(hi.label)}` : lo ? `above ${lo.value}: ${cut(lo.label)}` : `below ${hi!.value}: ${cut(hi!.label)}`;
  return { short, full };
}

export function renderOverview(root: HTMLElement): void {
  root.replaceChildren();
  const sc = state.scenario;
  const fc = state.forecast;
  if (!sc || !fc || fc.results.length === 0) return;
  // An answer to an earlier issue list (an issue was just added or removed) waits for the next.
  if (fc.results[0].forecast.issues.map((i) => i.id).join("\n") !== sc.issues.map((i) => i.id).join("\n")) return;
  const strain = new Map<string, number>();
  for (const a of fc.results[0].cohesion.alliances) {
    for (const i of a.issues) strain.set(i.issue, Math.max(strain.get(i.issue) ?? 0, i.strain));
  }
  const shown = fc.results.map((r) => r.model);
  const withQ = fc.results.find((r) => r.forecast.issues.some((i) => i.quantiles));
  const columns = 6 + shown.length + (withQ ? 1 : 0);
  const table = h(
    "table",
    { class: "grid compact", id: "overview-table" },
    h(
      "tr",
      {},
      h("th", {}, "Issue"),
      ...shown.map((m) => h("th", { class: "num" }, m)),
      withQ ? h("th", { title: "predictive intervals from the calibration: 50% (first line) and 90%" }, `Predictive 50% / 90% (${withQ.model})`) : "",
      h("th", { title: "the anchors on both sides of the first model's outcome (or the one it is at)" }, `Between anchors (${shown[0]})`),
      h("th", {}, "Input noise 90% band"),
      h("th", {}, "P(status quo)"),
      h("th", { title: "every model the library has, run on this scenario: flagged when their outcomes span over 25% of the scale" }, "Models agree?"),
      h("th", {}, "Binding veto (model)"),
      h("th", {}, "Alliance strain"),
    ),
  );
  const row = (issue: Issue, k: number) => {
    const per = fc.results.map((r) => r.forecast.issues[k]);
    const sim = state.simulation?.simulation.issues[k];
    const dist = sim?.id === issue.id ? sim : undefined;
    const vetoes = fc.results.filter((r) => r.forecast.issues[k].binding_veto).map((r) => `${r.forecast.issues[k].binding_veto} (${r.model})`);
    const agree = state.agreement.get(issue.id);
    const st = strain.get(issue.id);
    return h(
      "tr",
      { class: k === state.issue ? "selected" : "", "data-issue": issue.id },
      h("td", { class: "name" }, h("a", { href: "#issue", onclick: () => ((state.issue = k), notify()) }, issue.name || issue.id)),
      ...per.map((f, i) => h("td", { class: "num", "data-model": shown[i] }, fmt(f.outcome))),
      withQ ? quantileCell(fc.results, k) : "",
      (() => {
        const w = anchorWords(issue, per[0].outcome);
        return h("td", { class: "anchor", title: w.full }, w.short);
      })(),
      h("td", { class: "num" }, dist ? `${fmt(dist.quantiles.p05)} – ${fmt(dist.quantiles.p95)}` : "…"),
      h("td", { class: "num" }, dist?.p_status_quo != null ? `${Math.round(dist.p_status_quo * 100)}%` : "—"),
      agree
        ? h("td", { class: agree.flag === "disagree" ? "disagree" : "", "data-agree": agree.flag, title: Object.entries(agree.outcomes).map(([m, y]) => `${m} ${fmt(y)}`).join(", ") },
            agree.flag === "disagree" ? `disagree widely: ${fmt(agree.range[0])}–${fmt(agree.range[1])}` : `agree (${fmt(agree.range[0])}–${fmt(agree.range[1])})`)
        : state.agreementError
          ? h("td", { class: "muted", title: state.agreementError }, "not checked")
          : h("td", {}, "…"),
      h("td", {}, vetoes.join(", ") || "none"),
      h("td", { class: "num" }, st == null ? "—" : h("meter", { min: 0, max: 2, value: st, title: fmt(st, 2) })),
    );
  };
  // Issues by group (a proposal, a dossier, a package deal), then those in none.
  const placed = new Set<string>();
  for (const g of sc.groups ?? []) {
    table.append(h("tr", { class: "group", "data-group": g.id }, h("th", { colspan: columns }, `Group ${g.name && g.name !== g.id ? `${g.id} — ${g.name}` : g.id}`)));
    sc.issues.forEach((issue, k) => {
      if (g.issues.includes(issue.id)) {
        placed.add(issue.id);
        table.append(row(issue, k));
      }
    });
  }
  if (placed.size > 0 && placed.size < sc.issues.length) table.append(h("tr", { class: "group" }, h("th", { colspan: columns }, "Issues in no group")));
  sc.issues.forEach((issue, k) => {
    if (!placed.has(issue.id)) table.append(row(issue, k));
  });
  const warnings = [...new Set(fc.results.flatMap((r) => r.forecast.warnings))];
  root.append(table, ...warnings.map((w) => h("p", { class: "warning" }, w)));
  if (MODELS.length === 0) root.append(h("p", { class: "warning" }, "No model picked."));
}
