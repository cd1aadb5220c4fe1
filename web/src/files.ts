// Save the edited scenario as a new YAML file, and export the HTML report.
import { ApiFailure, download, getJson, postJson } from "./api";
import { h } from "./dom";
import { MODELS, requestBody, say, state } from "./state";
import type { Scenario } from "./types";

let builtFor: Scenario | null = null;

function explain(e: unknown): string {
  return e instanceof ApiFailure ? e.errors.map((x) => x.text).join("; ") || `HTTP ${e.status}` : String(e);
}

export function renderFiles(root: HTMLElement): void {
  if (!state.scenario || builtFor === state.scenario) return;
  builtFor = state.scenario;
  const name = h("input", { id: "save-name", value: `${state.name}-edited.yaml`, "aria-label": "file name" });
  const save = h("button", { id: "save" }, "Save as new scenario file");
  save.onclick = async () => {
    try {
      say(`Saved ${await download("/api/export/yaml", requestBody({ filename: name.value, outcomes: state.outcomes }), name.value)}`);
    } catch (e) {
      say(`Could not save: ${explain(e)}`);
    }
  };
  const report = h("button", { id: "report" }, "Export HTML report");
  report.onclick = async () => {
    try {
      say(`Exported ${await download("/api/export/report", requestBody({ models: MODELS }), "report.html")}`);
    } catch (e) {
      say(`Could not export the report: ${explain(e)}`);
    }
  };
  const runs = h("ul", { id: "runs" });
  const showRuns = async () => {
    const res = await getJson<{ database: string | null; runs: { id: number; created_at: string; kind: string; model: string; path: string }[] }>("/api/runs");
    runs.replaceChildren(
      ...(res.database ? res.runs.slice(0, 6).map((r) => h("li", {}, `run ${r.id}: ${r.kind} ${r.model}, ${r.path}, ${r.created_at}`)) : [h("li", {}, "This server keeps no runs database (--no-db).")]),
    );
  };
  const record = h("button", { id: "record" }, "Record this forecast in the runs database");
  record.onclick = async () => {
    try {
      const res = await postJson<{ results: { run_id: number }[] }>("/api/forecast", requestBody({ models: MODELS, save: true, events: false }));
      say(`Recorded as run ${res.results.map((r) => r.run_id).join(", ")} (entente runs show ID)`);
      await showRuns();
    } catch (e) {
      say(`Could not record the run: ${explain(e)}`);
    }
  };
  void showRuns().catch(() => undefined);
  root.replaceChildren(
    h("p", {}, "Saving downloads the scenario with your edits, its observed outcomes and the moves switched on, as YAML the CLI reads."),
    h("div", { class: "row" }, name, save, report),
    h("div", { class: "row" }, record),
    h("h3", {}, "Latest runs"),
    runs,
  );
}
