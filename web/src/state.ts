// The dashboard's one store: the scenario being edited, the moves switched on, the latest
// answers; views subscribe and re-render. Edits schedule a re-forecast (latest edit wins).
import { ApiFailure, postJson } from "./api";
import type {
  ApiError,
  BacktestResponse,
  CalibrationInfo,
  CodersResponse,
  ForecastResponse,
  ModelsResponse,
  Outcome,
  Scenario,
  SimulateResponse,
} from "./types";

/** The models the server lists, and the defaults it takes (GET /api/models), set at start. */
export const catalog: ModelsResponse = { models: [], defaults: { model: "median", draws: 0, seed: 1, noise_percent: 0, tolerance_percent: 0, bootstrap: 0 } };

/** Models forecast on every edit, in the server's order. By default those that forecast each
 * issue on its own (joint models re-bargain every issue for any edit) and need no calibration;
 * the analyst may pick any model the server lists (settings.ts). */
export const MODELS: string[] = [];

/** Takes the server's model list; called once before the first forecast. */
export function setCatalog(c: ModelsResponse): void {
  catalog.models = c.models;
  catalog.defaults = c.defaults;
  MODELS.splice(0, MODELS.length, ...c.models.filter((m) => !m.joint && !m.calibrated).map((m) => m.name));
  band.noise = c.defaults.noise_percent;
  band.draws = Math.min(2000, c.defaults.draws);
}

/** Sets the models shown (kept in the server's order). */
export function setModels(names: string[]): void {
  MODELS.splice(0, MODELS.length, ...catalog.models.map((m) => m.name).filter((m) => names.includes(m)));
}

/** The Monte Carlo band: its model, input noise (percent) and draws. The dashboard asks for
 * fewer draws than the CLI's default so the band follows edits within a second. */
export const band = { model: "compromise", noise: 10, draws: 2000 };

/** The calibration in use: one the server offers (by name) or an uploaded file's text. */
export interface CalibrationChoice {
  name?: string;
  yaml?: string;
  label: string;
}

export interface State {
  name: string;
  scenario: Scenario | null;
  moves: Set<string>;
  issue: number;
  forecast: ForecastResponse | null;
  simulation: SimulateResponse | null;
  /** Per issue, the library's disagreement check (every model's outcome), by issue id. */
  agreement: Map<string, { flag: string; range: [number, number]; outcomes: Record<string, number> }>;
  agreementError: string; // why the disagreement check did not answer ("" when it did)
  outcomes: Outcome[]; // from the scenario's file; the backtest reads them, saving writes them
  backtest: BacktestResponse | null;
  /** The coders analysis, when the scenario names more than one coder (coders.ts). */
  coders: CodersResponse | null;
  codersError: string; // why it did not answer ("" when it did)
  codersModel: string; // the model it runs ("" until the analyst picks one: the first shown)
  calibration: CalibrationChoice | null;
  calibrationInfo: CalibrationInfo | null;
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
  agreement: new Map(),
  agreementError: "",
  outcomes: [],
  backtest: null,
  coders: null,
  codersError: "",
  codersModel: "",
  calibration: null,
  calibrationInfo: null,
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

/** The calibration keys of a request: a served calibration's name, or the uploaded text. */
export function calibrationBody(): Record<string, unknown> {
  const c = state.calibration;
  if (!c) return {};
  return c.name ? { calibration: c.name } : { calibration_yaml: c.yaml };
}

/** The coders a scenario names, in the order they first appear (none: one analyst). */
export function codersOf(sc: Scenario | null): string[] {
  const seen = new Set<string>();
  for (const issue of sc?.issues ?? []) for (const st of issue.stances) if (st.coder) seen.add(st.coder);
  return [...seen];
}

/** Asks the server how far the coders' disagreement moves each outcome (POST /api/coders);
 * clears the answer for a scenario with one coder or none. */
export async function refreshCoders(): Promise<void> {
  if (codersOf(state.scenario).length < 2) {
    state.coders = null;
    state.codersError = "";
    return;
  }
  try {
    const model = state.codersModel || MODELS[0] || band.model;
    state.coders = await postJson<CodersResponse>("/api/coders", requestBody({ model }));
    state.codersError = "";
  } catch (e) {
    state.coders = null;
    state.codersError = e instanceof ApiFailure ? e.errors.map((x) => x.text).join("; ") : String(e);
  }
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
      requestBody({ models: MODELS, events: false, ...calibrationBody() }),
    );
    state.calibrationInfo = state.forecast.calibration ?? null;
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

/** The Monte Carlo band, the models' disagreement, the backtest and the coders analysis are
 * slower: run them once edits pause. */
export function scheduleSimulation(): void {
  window.clearTimeout(simTimer);
  document.body.dataset.slow = "1"; // tests wait for "0": band and disagreement answered
  simTimer = window.setTimeout(async () => {
    if (state.outcomes.length > 0) {
      try {
        state.backtest = await postJson<BacktestResponse>(
          "/api/backtest",
          requestBody({ models: MODELS.filter((m) => m !== "ensemble"), outcomes: state.outcomes, bootstrap: 1000 }),
        );
      } catch {
        state.backtest = null; // an invalid edit already shows its errors from the forecast
      }
    }
    await refreshCoders();
    try {
      // Every model the library knows, run once more for the disagreement check.
      const agree = await postJson<ForecastResponse>(
        "/api/forecast",
        requestBody({ models: [MODELS[0] ?? band.model], events: false, models_agree: true, ...calibrationBody() }),
      );
      state.agreement = new Map(
        agree.results[0].forecast.issues.filter((i) => i.models).map((i) => [i.id, i.models!]),
      );
      state.agreementError = "";
    } catch (e) {
      // Refused (e.g. over the server's work limit: it runs every model) or an invalid edit.
      state.agreement = new Map();
      state.agreementError = e instanceof ApiFailure ? e.errors.map((x) => x.text).join("; ") : String(e);
    }
    try {
      const sim = band.model === "ensemble" || state.calibration ? calibrationBody() : {};
      state.simulation = await postJson<SimulateResponse>(
        "/api/simulate",
        requestBody({ model: band.model, noise_percent: band.noise, draws: band.draws, ...sim }),
      );
    } catch (e) {
      state.simulation = null;
      if (e instanceof ApiFailure && state.errors.length === 0) state.message = `Band: ${e.errors.map((x) => x.text).join("; ")}`;
    }
    notify();
    document.body.dataset.slow = "0";
  }, 400);
}
