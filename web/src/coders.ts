// Several analysts coded the scenario: per issue how far the outcome moves between coders (a
// forecast on each coder's numbers alone), the stances whose disagreement moves it most (the
// ones to ask about again), and for the selected issue each coder's numbers per stance. Shown
// only when the scenario names more than one coder; the numbers are the library's coders
// analysis (POST /api/coders, as `entente coders`).
import { fmt, h } from "./dom";
import { MODELS, catalog, codersOf, notify, refreshCoders, state } from "./state";
import type { CodersResponse } from "./types";

type Analysis = CodersResponse["coders"];
type IssueRow = Analysis["issues"][number];

// At most this many stances are named per issue as the ones to ask about again (as the CLI).
const ASK_AGAIN = 3;

// A swing or range: small ones keep a second digit, so 0.02 does not read as no move at all.
function move(x: number): string {
  return fmt(x, x > 0 && x < 1 ? 2 : 1);
}

function askAgain(a: Analysis, i: IssueRow): HTMLElement {
  if (i.ask_again.length === 0) {
    return h("td", { class: "muted" }, i.coded_stances === 0 ? "— (no coded stance)" : "— (no coder's numbers move it)");
  }
  const names = i.ask_again.slice(0, ASK_AGAIN).map((s) =>
    s.swing > 0 ? `${s.actor} ${move(s.swing)}` : `${s.actor} (model ${move(s.model_swing)})`);
  const more = i.ask_again.length > ASK_AGAIN ? ` +${i.ask_again.length - ASK_AGAIN}` : "";
  const title = `the outcome moves this far when only that actor's stance on ${i.issue} takes each coder's numbers (with ${a.model}); "model": only the model's forecast before the decision rule moves`;
  return h("td", { class: "ask", title }, names.join(", ") + more);
}

function issueTable(a: Analysis): HTMLElement {
  const sc = state.scenario!;
  const table = h(
    "table",
    { class: "grid compact", id: "coders-issues" },
    h(
      "tr",
      {},
      h("th", {}, "Issue"),
      h("th", { class: "num", title: `the forecast on the scenario pooled by ${a.pool}` }, `Pooled (${a.pool})`),
      ...a.coders.map((c) => h("th", { class: "num", title: `the forecast on ${c}'s numbers alone` }, c)),
      h("th", { class: "num", title: "max − min of the outcomes with each coder alone (share of the scale)" }, "Moves by"),
      h("th", { title: "the coded stances whose coders' numbers move the outcome most, by how far" }, "Ask again about (swing)"),
    ),
  );
  a.issues.forEach((i) => {
    const k = sc.issues.findIndex((x) => x.id === i.issue);
    const issue = sc.issues[k];
    const wide = i.range_share >= 0.1;
    const moves = i.range > 0 || i.model_range === 0 ? `${move(i.range)} (${Math.round(i.range_share * 100)}%)` : `0 (model ${move(i.model_range)})`;
    table.append(
      h(
        "tr",
        { class: k === state.issue ? "selected" : "", "data-issue": i.issue },
        h("td", { class: "name" }, h("a", { href: "#coders", onclick: () => ((state.issue = k), notify()) }, issue?.name || i.issue)),
        h("td", { class: "num" }, fmt(i.pooled)),
        ...a.coders.map((c) => h("td", { class: "num", "data-coder": c }, fmt(i.by_coder[c]))),
        h("td", { class: `num${wide ? " disagree" : ""}`, "data-range": String(i.range) }, moves),
        askAgain(a, i),
      ),
    );
  });
  return table;
}

// Each coder's numbers of every coded stance on the selected issue, those that move its outcome
// most first.
function stanceTable(a: Analysis, issueId: string): HTMLElement {
  const stances = a.stances
    .filter((s) => s.issue === issueId)
    .sort((x, y) => y.swing - x.swing || y.model_swing - x.model_swing || y.position_range - x.position_range);
  const table = h(
    "table",
    { class: "grid compact", id: "coders-stances" },
    h(
      "tr",
      {},
      h("th", {}, "Actor"),
      ...a.coders.map((c) => h("th", { class: "num", title: `${c}'s position / salience / capability` }, c)),
      h("th", { class: "num", title: `pooled by ${a.pool}` }, "Pooled"),
      h("th", { class: "num", title: "max − min of the coders' positions" }, "Position range"),
      h("th", { class: "num", title: "how far the issue's outcome moves when only this stance takes each coder's numbers" }, "Swing"),
      h("th", { class: "num", title: "the same for the model's own forecast, before the decision rule" }, "Model swing"),
    ),
  );
  const names = new Map((state.scenario?.actors ?? []).map((x) => [x.id, x.name ?? x.id]));
  const triple = (p: number, s: number, c: number) => `${fmt(p)} / ${fmt(s, 2)} / ${fmt(c)}`;
  for (const s of stances) {
    const ask = s.swing > 0 || s.model_swing > 0;
    table.append(
      h(
        "tr",
        { class: ask ? "ask-row" : "", "data-actor": s.actor },
        h("td", { class: "name", title: names.get(s.actor) ?? s.actor }, s.actor),
        ...a.coders.map((c) => {
          const n = s.codings.find((x) => x.coder === c);
          return n
            ? h("td", { class: "num", "data-coder": c }, triple(n.position, n.salience, n.capability))
            : h("td", { class: "muted", "data-coder": c, title: `${c} skipped ${s.actor} on ${issueId}: the others' pool stands in` }, "—");
        }),
        h("td", { class: "num" }, triple(s.pooled.position, s.pooled.salience, s.pooled.capability)),
        h("td", { class: "num" }, fmt(s.position_range)),
        h("td", { class: `num${s.swing_share >= 0.01 ? " disagree" : ""}` }, move(s.swing)),
        h("td", { class: "num" }, move(s.model_swing)),
      ),
    );
  }
  return table;
}

function cookeTable(a: Analysis): HTMLElement | null {
  const c = a.cooke;
  if (!c) return null;
  return h(
    "div",
    {},
    h("h4", {}, `Performance on ${c.questions} seed questions (Cooke's classical model, cut-off ${fmt(c.alpha, 4)})`),
    h(
      "table",
      { class: "grid compact", id: "coders-cooke" },
      h("tr", {}, ...["Coder", "Calibration", "Information", "Weight", "Equal weight"].map((t) => h("th", {}, t))),
      ...c.coders.map((x) =>
        h("tr", {}, h("td", {}, x.coder), h("td", { class: "num" }, fmt(x.calibration, 4)), h("td", { class: "num" }, fmt(x.information, 4)),
          h("td", { class: "num" }, fmt(x.weight, 3)), h("td", { class: "num" }, fmt(x.equal_weight, 3)))),
    ),
  );
}

function modelPicker(): HTMLElement {
  const pick = h("select", { id: "coders-model", "aria-label": "model of the coders analysis" });
  const current = state.codersModel || MODELS[0] || "";
  for (const m of catalog.models.filter((x) => !x.calibrated)) pick.add(new Option(m.name, m.name, false, m.name === current));
  pick.onchange = async () => {
    state.codersModel = pick.value;
    state.coders = null;
    notify();
    await refreshCoders();
    notify();
  };
  return h("label", {}, "Model ", pick);
}

export function renderCoders(root: HTMLElement): void {
  root.replaceChildren();
  const coders = codersOf(state.scenario);
  const section = root.closest("section");
  if (section) section.hidden = coders.length < 2;
  if (coders.length < 2 || !state.scenario) return;
  const a = state.coders?.coders;
  const head = h(
    "div",
    { class: "row" },
    modelPicker(),
    h("span", { class: "muted" }, `${coders.length} coders: ${coders.join(", ")}. Each issue forecast on each coder's numbers alone; a stance's swing is how far the outcome moves when only that stance takes each coder's numbers. The largest swings are the stances to ask about again.`),
  );
  // An edit the server refused (its messages name the coder, actor and issue) leaves the last
  // analysis out of date: say why instead of showing it.
  const problem = state.errors.length > 0 ? state.errors.map((e) => e.text).join("; ") : state.codersError;
  if (problem) {
    root.append(head, h("p", { class: "error", id: "coders-error" }, problem));
    return;
  }
  if (!a || a.issues.map((i) => i.issue).join("\n") !== state.scenario.issues.map((i) => i.id).join("\n")) {
    root.append(head, h("p", { class: "muted" }, "Forecasting with each coder's numbers…"));
    return;
  }
  const issue = state.scenario.issues[state.issue] ?? state.scenario.issues[0];
  root.append(
    head,
    issueTable(a),
    h("h4", {}, `Stances on ${issue.name || issue.id}: each coder's position / salience / capability (${a.model})`),
    h("div", { class: "grid-scroll" }, stanceTable(a, issue.id)),
  );
  const cooke = cookeTable(a);
  if (cooke) root.append(cooke);
}
