// Entry point: loads the served scenarios, the chosen one, and wires the views.
import { getJson } from "./api";
import { renderAdvisor } from "./advisor";
import { renderBacktest } from "./backtest";
import { renderFiles } from "./files";
import { renderIssue } from "./issue_view";
import { renderMoves } from "./moves";
import { renderOverview } from "./overview";
import { MODELS, notify, reforecast, setCatalog, state, subscribe } from "./state";
import { renderTable } from "./table";
import type { ModelsResponse, Outcome, Scenario } from "./types";
import "./style.css";

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;

async function load(name: string): Promise<void> {
  const res = await getJson<{ name: string; scenario: Scenario; outcomes?: Outcome[] }>(
    `/api/scenarios/${encodeURIComponent(name)}`,
  );
  state.name = res.name;
  state.scenario = res.scenario;
  state.outcomes = res.outcomes ?? [];
  state.backtest = null;
  state.moves.clear();
  state.issue = 0;
  state.forecast = null;
  state.simulation = null;
  notify();
  await reforecast();
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
}

async function main(): Promise<void> {
  setCatalog(await getJson<ModelsResponse>("/api/models"));
  subscribe(header);
  subscribe(() => renderOverview($("#overview .body")));
  subscribe(() => renderBacktest($("#backtest .body")));
  subscribe(() => renderIssue($("#issue .body")));
  subscribe(() => renderMoves($("#moves .body")));
  subscribe(() => renderAdvisor($("#advisor .body")));
  subscribe(() => renderTable($("#table .body")));
  subscribe(() => renderFiles($("#files .body")));
  const list = await getJson<{ scenarios: { name: string; title: string | null }[] }>("/api/scenarios");
  const picker = $<HTMLSelectElement>("#scenario-picker");
  for (const s of list.scenarios) picker.add(new Option(`${s.name}${s.title ? ` — ${s.title}` : ""}`, s.name));
  picker.onchange = () => void load(picker.value);
  if (list.scenarios.length === 0) {
    state.message = "No scenarios served: start `entente serve path/to/scenario.yaml`.";
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
