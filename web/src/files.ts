// Save the edited scenario as a new YAML file, and export the HTML report.
import { ApiFailure, download } from "./api";
import { h } from "./dom";
import { requestBody, say, state } from "./state";
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
      say(`Saved ${await download("/api/export/yaml", requestBody({ filename: name.value }), name.value)}`);
    } catch (e) {
      say(`Could not save: ${explain(e)}`);
    }
  };
  const report = h("button", { id: "report" }, "Export HTML report");
  report.onclick = async () => {
    try {
      say(`Exported ${await download("/api/export/report", requestBody({ models: ["compromise", "eu"] }), "report.html")}`);
    } catch (e) {
      say(`Could not export the report: ${explain(e)}`);
    }
  };
  root.replaceChildren(
    h("p", {}, "Saving downloads the scenario with your edits and the moves switched on, as YAML the CLI reads."),
    h("div", { class: "row" }, name, save, report),
  );
}
