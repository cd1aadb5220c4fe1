// Undo and redo of every edit: snapshots of the scenario, its outcomes and the moves switched
// on, taken before each edit. Typing into one field is one step (edits of the same field
// within 1.5 s are coalesced), so undo goes back a value, not a keystroke.
import { notify, reforecast, state } from "./state";
import type { Scenario } from "./types";

const past: string[] = [];
const future: string[] = [];
let lastKey = "";
let lastTime = 0;

function snapshot(): string {
  return JSON.stringify({ scenario: state.scenario, outcomes: state.outcomes, moves: [...state.moves] });
}

function restore(text: string): void {
  const o = JSON.parse(text) as { scenario: Scenario; outcomes: typeof state.outcomes; moves: string[] };
  state.scenario = o.scenario; // a new object: every view rebuilds from it
  state.outcomes = o.outcomes;
  state.moves = new Set(o.moves);
  state.issue = Math.min(state.issue, Math.max(0, o.scenario.issues.length - 1));
  state.backtest = null;
  notify();
  void reforecast();
}

/** Call before an edit; `key` names the field so typing into it is one step. */
export function checkpoint(key = ""): void {
  if (!state.scenario) return;
  const now = Date.now();
  if (key !== "" && key === lastKey && now - lastTime < 1500) {
    lastTime = now;
    return;
  }
  lastKey = key;
  lastTime = now;
  past.push(snapshot());
  if (past.length > 200) past.shift();
  future.length = 0;
}

/** Applies a structural edit (actors, issues, rules, groups) to a copy of the scenario, so
 * every view rebuilds, and re-forecasts. */
export function editScenario(change: (sc: Scenario) => void): void {
  if (!state.scenario) return;
  checkpoint();
  const sc = structuredClone(state.scenario);
  change(sc);
  state.scenario = sc;
  notify();
  void reforecast();
}

export function canUndo(): boolean {
  return past.length > 0;
}

export function canRedo(): boolean {
  return future.length > 0;
}

export function undo(): void {
  if (past.length === 0) return;
  future.push(snapshot());
  lastKey = "";
  restore(past.pop()!);
}

export function redo(): void {
  if (future.length === 0) return;
  past.push(snapshot());
  lastKey = "";
  restore(future.pop()!);
}

/** A newly opened scenario starts a new history. */
export function resetHistory(): void {
  past.length = 0;
  future.length = 0;
  lastKey = "";
}
