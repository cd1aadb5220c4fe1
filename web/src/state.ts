// The dashboard's one store: the scenario being edited, the moves switched on, the latest
// answers; views subscribe and re-render. Edits schedule a re-forecast (latest edit wins).
import { ApiFailure, postJson } from "./api";
import type { ApiError, BacktestResponse, ForecastResponse, ModelsResponse, Outcome, Scenario, SimulateResponse } from "./types";

/** The models the server lists, and the defaults it takes (GET /api/models), set at start. */
export const catalog: ModelsResponse = { models: [], defaults: { model: "median", draws: 0, seed: 1, noise_percent: 0, tolerance_percent: 0, bootstrap: 0 } };

/** Models forecast on every edit: those that forecast each issue on its own (joint models
 * re-bargain every issue for any edit) and need no calibration file, in the server's order. */
export const MODELS: string[] = [];

/** Takes the server's model list; called once before the first forecast. */
export function setCatalog(c: ModelsResponse): void {
  catalog.models = c.models;
  catalog.defaults = c.defaults;
  MODELS.splice(0, MODELS.length, ...c.models.filter((m) => !m.joint && !m.calibrated).map((m) => m.name));
}

/** The model of the Monte Carlo band. */
export const BAND_MODEL = "compromise";

export interface State {
  name: string;
  scenario: Scenario | null;
  moves: Set<string>;
  issue: number;
  forecast: ForecastResponse | null;
  simulation: SimulateResponse | null;
  outcomes: Outcome[]; // from the scenario's file; only the backtest reads them
  backtest: BacktestResponse | null;
  errors: ApiError[];
  message: string;
  forecasts: number; // answered forecast requests, for tests and the timing line
}

export const state: State = {
  name: "",
  scenario: null,
  moves: new Set(),
  issue: 0,
  forecast: null,
  simulation: null,
  outcomes: [],
  backtest: null,
  errors: [],
  message: "",
  forecasts: 0,
};

type Listener = () => void;
const listeners: Listener[] = [];

export function subscribe(l: Listener): void {
  listeners.push(l);
}

export function notify(): void {
  for (const l of listeners) l();
}

export function say(message: string): void {
  state.message = message;
  notify();
}

/** The body every analysis endpoint takes. */
export function requestBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { scenario: state.scenario, moves: [...state.moves], scenario_name: state.name, ...extra };
}

let inFlight = false;
let again = false;
let simTimer: number | undefined;

/** Re-forecasts now, or right after the request in flight (so the latest edit always shows). */
export async function reforecast(): Promise<void> {
  if (!state.scenario) return;
  if (inFlight) {
    again = true;
    return;
  }
  inFlight = true;
  document.body.dataset.busy = "1"; // tests wait for "0": every edit answered
  try {
    state.forecast = await postJson<ForecastResponse>(
      "/api/forecast",
      requestBody({ models: MODELS, events: false }),
    );
    state.errors = [];
    state.forecasts += 1;
    scheduleSimulation();
  } catch (e) {
    state.errors = e instanceof ApiFailure ? e.errors : [];
    if (!(e instanceof ApiFailure)) state.message = String(e);
  } finally {
    inFlight = false;
  }
  notify();
  if (again) {
    again = false;
    void reforecast();
  } else {
    document.body.dataset.busy = "0";
  }
}

/** The Monte Carlo band and the backtest are slower: run them once edits pause. */
function scheduleSimulation(): void {
  window.clearTimeout(simTimer);
  simTimer = window.setTimeout(async () => {
    if (state.outcomes.length > 0) {
      try {
        state.backtest = await postJson<BacktestResponse>(
          "/api/backtest",
          requestBody({ models: MODELS, outcomes: state.outcomes, bootstrap: 1000 }),
        );
      } catch {
        state.backtest = null; // an invalid edit already shows its errors from the forecast
      }
    }
    try {
      state.simulation = await postJson<SimulateResponse>(
        "/api/simulate",
        requestBody({ model: BAND_MODEL }), // draws, seed and noise: the server's defaults
      );
      notify();
    } catch {
      // an invalid edit already shows its errors from the forecast
    }
  }, 400);
}
