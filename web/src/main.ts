// Entry point: loads the served scenarios, the chosen one, and wires the views; opening a
// scenario file, saving it, undo and redo live in the header.
import { ApiFailure, download, getJson, postJson } from "./api";
import { renderAdvisor } from "./advisor";
import { renderBacktest } from "./backtest";
import { renderCoders } from "./coders";
import { loadRules, renderEditor } from "./editor";
import { renderFiles } from "./files";
import { canRedo, canUndo, redo, resetHistory, undo } from "./history";
import { renderIssue } from "./issue_view";
import { renderMoves } from "./moves";
import { renderOverview } from "./overview";
import { loadCalibrations, renderSettings } from "./settings";
import { MODELS, notify, reforecast, requestBody, say, setCatalog, state, subscribe } from "./state";
import { renderTable } from "./table";
import type { ApiError, ModelsResponse, Outcome, Scenario } from "./types";
import "./style.css";

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;

async function show(name: string, scenario: Scenario, outcomes: Outcome[]): Promise<void> {
  state.name = name;
  state.scenario = scenario;
  state.outcomes = outcomes;
  state.backtest = null;
  state.coders = null;
  state.codersError = "";
  state.moves.clear();
  state.issue = 0;
  state.forecast = null;
  state.simulation = null;
  state.agreement = new Map();
  resetHistory();
  notify();
  await reforecast();
}

async function load(name: string): Promise<void> {
  const res = await getJson<{ name: string; scenario: Scenario; outcomes?: Outcome[] }>(
    `/api/scenarios/${encodeURIComponent(name)}`,
  );
  await show(res.name, res.scenario, res.outcomes ?? []);
}

/** Opens a scenario file from the analyst's disk: the server parses its text (never a path). */
async function open(file: File): Promise<void> {
  try {
    const res = await postJson<{ name: string; scenario: Scenario; outcomes: Outcome[]; errors: ApiError[] }>(
      "/api/import",
      { yaml: await file.text(), filename: file.name },
    );
    const picker = $<HTMLSelectElement>("#scenario-picker");
    picker.add(new Option(`${res.name} (opened)`, "", true, true));
    await show(res.name, res.scenario, res.outcomes);
    say(`Opened ${file.name}${res.errors.length ? `: ${res.errors.length} problem(s) to fix, listed under the grid` : ""}`);
  } catch (e) {
    say(`Could not open ${file.name}: ${e instanceof ApiFailure ? e.errors.map((x) => x.text).join("; ") : String(e)}`);
  }
}

function header(): void {
  $("#title").textContent = state.scenario?.title ?? "";
  $("#timing").textContent = state.forecast
    ? `re-forecast (${MODELS.join(" + ")}) in ${state.forecast.elapsed_ms.toFixed(1)} ms on the server`
    : "";
  const status = $("#status");
  status.textContent = state.message;
  status.className = state.message ? "shown" : "";
  document.body.dataset.forecasts = String(state.forecasts);
  $<HTMLButtonElement>("#undo").disabled = !canUndo();
  $<HTMLButtonElement>("#redo").disabled = !canRedo();
}

function wireHeader(): void {
  $<HTMLInputElement>("#open-file").onchange = (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void open(file).then(() => (input.value = ""));
  };
  $("#save-top").onclick = async () => {
    try {
      const name = `${state.name || "scenario"}.yaml`.replace(/[^A-Za-z0-9._-]/g, "_");
      say(`Saved ${await download("/api/export/yaml", requestBody({ filename: name, outcomes: state.outcomes }), name)}`);
    } catch (e) {
      say(`Could not save: ${e instanceof ApiFailure ? e.errors.map((x) => x.text).join("; ") : String(e)}`);
    }
  };
  $("#undo").onclick = () => undo();
  $("#redo").onclick = () => redo();
  document.addEventListener("keydown", (e) => {
    const target = e.target as HTMLElement;
    if (!(e.ctrlKey || e.metaKey) || target.tagName === "INPUT" || target.tagName === "TEXTAREA") return;
    if (e.key.toLowerCase() === "z" && !e.shiftKey) (e.preventDefault(), undo());
    else if (e.key.toLowerCase() === "y" || (e.key.toLowerCase() === "z" && e.shiftKey)) (e.preventDefault(), redo());
  });
}

async function main(): Promise<void> {
  setCatalog(await getJson<ModelsResponse>("/api/models"));
  await Promise.all([loadRules(), loadCalibrations()]);
  wireHeader();
  subscribe(header);
  subscribe(() => renderOverview($("#overview .body")));
  subscribe(() => renderBacktest($("#backtest .body")));
  subscribe(() => renderIssue($("#issue .body")));
  subscribe(() => renderEditor($("#edit .body")));
  subscribe(() => renderSettings($("#settings .body")));
  subscribe(() => renderMoves($("#moves .body")));
  subscribe(() => renderAdvisor($("#advisor .body")));
  subscribe(() => renderTable($("#table .body")));
  subscribe(() => renderCoders($("#coders .body")));
  subscribe(() => renderFiles($("#files .body")));
  const list = await getJson<{ scenarios: { name: string; title: string | null }[] }>("/api/scenarios");
  const picker = $<HTMLSelectElement>("#scenario-picker");
  for (const s of list.scenarios) picker.add(new Option(`${s.name}${s.title ? ` — ${s.title}` : ""}`, s.name));
  picker.onchange = () => void (picker.value && load(picker.value));
  if (list.scenarios.length === 0) {
    state.message = "No scenarios served: open a scenario file, or start `entente serve path/to/scenario.yaml`.";
    notify();
    return;
  }
  const wanted = new URLSearchParams(location.search).get("scenario");
  const first = list.scenarios.find((s) => s.name === wanted)?.name ?? list.scenarios[0].name;
  picker.value = first;
  await load(first);
}

void main().catch((e) => {
  state.message = `Could not start: ${e}`;
  notify();
});
