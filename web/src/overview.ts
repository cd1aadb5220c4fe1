// Scenario overview: per issue the forecast of each model, how sure (Monte Carlo 90% band and
// P(status quo holds)), the binding veto, and the alliance strain.
import { fmt, h } from "./dom";
import { MODELS, notify, state } from "./state";

export function renderOverview(root: HTMLElement): void {
  root.replaceChildren();
  const sc = state.scenario;
  const fc = state.forecast;
  if (!sc || !fc) return;
  const strain = new Map<string, number>();
  for (const a of fc.results[0].cohesion.alliances) {
    for (const i of a.issues) strain.set(i.issue, Math.max(strain.get(i.issue) ?? 0, i.strain));
  }
  const table = h(
    "table",
    { class: "grid", id: "overview-table" },
    h(
      "tr",
      {},
      h("th", {}, "Issue"),
      ...MODELS.map((m) => h("th", {}, m)),
      h("th", {}, `Nearest anchor (${MODELS[0]})`),
      h("th", {}, "How sure: 90% band"),
      h("th", {}, "P(status quo)"),
      h("th", {}, "Binding veto"),
      h("th", {}, "Alliance strain"),
    ),
  );
  sc.issues.forEach((issue, k) => {
    const per = fc.results.map((r) => r.forecast.issues[k]);
    const dist = state.simulation?.simulation.issues[k];
    const vetoes = [...new Set(per.map((f) => f.binding_veto).filter((v): v is string => !!v))];
    const st = strain.get(issue.id);
    table.append(
      h(
        "tr",
        { class: k === state.issue ? "selected" : "", "data-issue": issue.id },
        h("td", { class: "name" }, h("a", { href: "#issue", onclick: () => ((state.issue = k), notify()) }, issue.name || issue.id)),
        ...per.map((f) => h("td", { class: "num", "data-model": "" }, fmt(f.outcome))),
        h("td", { class: "anchor" }, per[0].nearest_anchor?.label ?? ""),
        h("td", { class: "num" }, dist ? `${fmt(dist.quantiles.p05)} – ${fmt(dist.quantiles.p95)}` : "…"),
        h("td", { class: "num" }, dist?.p_status_quo != null ? `${Math.round(dist.p_status_quo * 100)}%` : "—"),
        h("td", {}, vetoes.join(", ") || "none"),
        h("td", { class: "num" }, st == null ? "—" : h("meter", { min: 0, max: 2, value: st, title: fmt(st, 2) })),
      ),
    );
  });
  const warnings = fc.results.flatMap((r) => r.forecast.warnings);
  root.append(table, ...warnings.map((w) => h("p", { class: "warning" }, w)));
}
