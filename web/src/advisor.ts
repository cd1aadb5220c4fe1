// "What would it take?": the advisor for a chosen actor (and optionally one issue).
import { ApiFailure, postJson } from "./api";
import { fmt, h } from "./dom";
import { catalog, requestBody, state } from "./state";
import type { Scenario } from "./types";

interface Advice {
  issue: string;
  outcome: number;
  target: number;
  already: boolean;
  summary: string;
}

let builtFor: Scenario | null = null;

export function renderAdvisor(root: HTMLElement): void {
  const sc = state.scenario;
  if (!sc || builtFor === sc) return;
  builtFor = sc;
  const actor = h("select", { id: "advisor-actor", "aria-label": "actor" });
  for (const a of sc.actors) actor.add(new Option(`${a.id} — ${a.name ?? a.id}`, a.id));
  const issue = h("select", { id: "advisor-issue", "aria-label": "issue" });
  issue.add(new Option("every issue it takes part in", ""));
  for (const i of sc.issues) issue.add(new Option(i.name || i.id, i.id));
  const model = h("select", { id: "advisor-model", "aria-label": "model" });
  for (const m of catalog.models) model.add(new Option(m.name, m.name, false, m.name === catalog.defaults.model));
  const out = h("div", { id: "advice" });
  const ask = h("button", { id: "advise" }, "What would it take?");
  ask.onclick = async () => {
    out.replaceChildren(h("p", { class: "muted" }, "Searching…"));
    try {
      const body = requestBody({ actor: actor.value, issue: issue.value || null, model: model.value });
      const res = await postJson<{ advice: { issues: Advice[] } }>("/api/advise", body);
      out.replaceChildren(
        ...res.advice.issues.map((a) =>
          h("div", { class: "advice" },
            h("h4", {}, `${a.issue}: forecast ${fmt(a.outcome)}, target ${fmt(a.target)}${a.already ? " (reached)" : ""}`),
            h("p", {}, a.summary)),
        ),
      );
    } catch (e) {
      const text = e instanceof ApiFailure ? e.errors.map((x) => x.text).join("; ") : String(e);
      out.replaceChildren(h("p", { class: "error" }, text));
    }
  };
  root.replaceChildren(
    h("div", { class: "row" }, h("label", {}, "Actor ", actor), h("label", {}, "Issue ", issue), h("label", {}, "Model ", model), ask),
    out,
  );
}
