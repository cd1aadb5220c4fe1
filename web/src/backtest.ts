// Scores against the outcomes the scenario's file carries (shown only when it has some): each
// model's mean absolute error with its 95% bootstrap interval and its gap to compromise.
import { fmt, h } from "./dom";
import { state } from "./state";

export function renderBacktest(root: HTMLElement): void {
  root.replaceChildren();
  const section = root.closest("section");
  if (section) section.hidden = state.outcomes.length === 0;
  if (state.outcomes.length === 0) return;
  const b = state.backtest;
  if (!b) {
    root.append(h("p", { class: "muted" }, `Scoring the models against ${state.outcomes.length} outcomes…`));
    return;
  }
  const table = h(
    "table",
    { class: "grid", id: "backtest-table" },
    h(
      "tr",
      {},
      h("th", {}, "Model"),
      h("th", {}, "MAE"),
      h("th", {}, "95% interval"),
      h("th", {}, "RMSE"),
      h("th", {}, "Bias"),
      h("th", {}, "Within 10"),
      h("th", {}, "MAE vs compromise"),
    ),
  );
  for (const m of b.backtest.models) {
    const vs = m.model !== "compromise" && m.vs_compromise
      ? `${m.vs_compromise.mae >= 0 ? "+" : ""}${fmt(m.vs_compromise.mae, 2)} [${fmt(m.vs_compromise.mae_ci[0], 2)}, ${fmt(m.vs_compromise.mae_ci[1], 2)}]`
      : "—";
    table.append(
      h(
        "tr",
        { "data-model": m.model },
        h("td", {}, m.model),
        h("td", { class: "num" }, fmt(m.mae, 2)),
        h("td", { class: "num" }, `${fmt(m.mae_ci[0], 2)} – ${fmt(m.mae_ci[1], 2)}`),
        h("td", { class: "num" }, fmt(m.rmse, 2)),
        h("td", { class: "num" }, fmt(m.bias, 2)),
        h("td", { class: "num" }, `${Math.round(m.within10 * 100)}%`),
        h("td", { class: "num" }, vs),
      ),
    );
  }
  root.append(
    table,
    h(
      "p",
      { class: "muted" },
      `${b.backtest.n} issues with outcomes; intervals from ${b.backtest.bootstrap} bootstrap resamples of ${b.backtest.groups} issue groups. The models never see the outcomes.`,
    ),
  );
}
