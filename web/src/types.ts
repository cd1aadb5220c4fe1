// The shapes the API sends and receives (docs/api.md). Scenarios have the YAML format's shape
// (docs/scenario-format.md), as the library's one scenario reader and writer use it: empty
// texts and lists are left out, and a number with a spread is an object.

/** A stance number: plain, or with its spread ({value, sd}, {low, high}, {value, low, high});
 * a string while the user types something that is not a number (the server says what is wrong). */
export type Uncertain = number | string | { value?: number; sd?: number; low?: number; high?: number };

export interface Stance {
  actor: string;
  /** Who coded these numbers, in a scenario coded by several analysts (one entry per coder). */
  coder?: string;
  position: Uncertain;
  salience: Uncertain;
  capability: Uncertain;
  basis?: string;
  note?: string;
}

/** A decision rule in the YAML mapping shape (docs/decision-rules.md); plain rules are a string. */
export interface Rule {
  kind?: string;
  preset?: string;
  name?: string;
  veto_players?: string[];
  threshold?: number;
  weights?: string | Record<string, number>;
  min_members?: number;
  min_member_count?: number;
  seats?: number;
  population?: Record<string, number>;
  min_population?: number;
  blocking_minority?: number;
  reversion_cost?: number;
  members?: string[];
  agenda_setter?: string;
  absent?: string;
  on_empty?: string;
  chambers?: Rule[];
  [key: string]: unknown;
}

export interface Issue {
  id: string;
  name?: string;
  description?: string;
  scale: { min: number; max: number; unit?: string; anchors?: { value: number; label: string }[] };
  status_quo?: number;
  decision_rule: string | Rule;
  veto_players?: string[];
  stances: Stance[];
  metadata?: Record<string, string>;
}

/** What the decision rule did to a model's point. */
export interface Procedure {
  rule: string;
  win_set: { lo: number; hi: number };
  binds: boolean;
  model_kept: boolean;
  chamber: string | null;
  binding_test: string | null;
  pivots: string[];
  blocking: string[];
  blocking_share: number;
  explanation: string;
}

export interface Move {
  id: string;
  name?: string;
  source?: string;
  changes: { actor: string; issue: string; position?: number; salience?: number; capability?: number }[];
}

export interface Scenario {
  entente?: number;
  title?: string;
  as_of?: string;
  description?: string;
  sources?: string[];
  actors: { id: string; name?: string; description?: string }[];
  issues: Issue[];
  alliances?: { id: string; name?: string; members: string[] }[];
  moves?: Move[];
  groups?: { id: string; name?: string; issues: string[] }[];
  model_options?: Record<string, Record<string, string>>;
}

/** The point value of a stance number (a uniform spread's is its midpoint). */
export function pointOf(v: Uncertain): number {
  if (typeof v === "object") return v.value ?? ((v.low ?? 0) + (v.high ?? 0)) / 2;
  return typeof v === "number" ? v : Number(v);
}

/** The number as a cell shows it: its point value, or the text as typed. */
export function shown(v: Uncertain): string {
  return typeof v === "object" ? String(pointOf(v)) : String(v);
}

/** `v` with its point value set to `x`: a spread around a value keeps its spread; anything
 * else becomes `x` (text stays text, so the server can say what is wrong with it). */
export function withPoint(v: Uncertain, x: number | string): Uncertain {
  if (typeof v === "object" && v.value !== undefined && typeof x === "number") return { ...v, value: x };
  return x;
}

/** One declared option of a model (GET /api/models). */
export interface ModelOption {
  name: string;
  type: "number" | "integer" | "choice" | "text";
  default: number | string | null;
  min?: number;
  max?: number;
  choices?: string[];
  help: string;
}

export interface ModelInfo {
  name: string;
  summary: string;
  citation: string;
  dynamic: boolean;
  joint: boolean;
  calibrated: boolean;
  options: ModelOption[];
}

/** GET /api/models: the models and the defaults every front end takes. */
export interface ModelsResponse {
  models: ModelInfo[];
  defaults: { model: string; draws: number; seed: number; noise_percent: number; tolerance_percent: number; bootstrap: number };
}

export interface ApiError {
  where: string;
  line: number;
  field: string;
  message: string;
  hint: string;
  text: string;
}

export interface Round {
  round: number;
  median: number;
  mean: number;
  positions: Record<string, number>;
}

export interface IssueForecast {
  id: string;
  name: string;
  outcome: number;
  unconstrained: number;
  status_quo: number | null;
  binding_veto: string | null;
  win_set_empty?: boolean;
  procedure?: Procedure | null;
  nearest_anchor: { value: number; label: string } | null;
  rounds?: Round[];
  /** Predictive quantiles ("0.05" ... "0.95") when a calibration is used. */
  quantiles?: Record<string, number>;
  /** Every model's outcome when the request asked for the disagreement check. */
  models?: { flag: string; range: [number, number]; outcomes: Record<string, number> };
}

/** A calibration as the server describes it (GET /api/calibrations, or with a forecast). */
export interface CalibrationInfo {
  name: string;
  created: string;
  training: { path: string; sha256: string; issues: number; groups: number }[];
  cases: number;
  groups: number;
  design: string;
  weights: Record<string, number>;
  models_with_residuals: string[];
  scores: { name: string; mae: [number, number, number]; mae_vs_compromise?: [number, number, number]; coverage?: Record<string, [number, number, number]> }[];
  source: string;
  caveat: string;
}

/** GET /api/rules: what a rule editor offers. */
export interface RulesCatalog {
  kinds: string[];
  presets: { name: string; description: string }[];
  weights: string[];
  absent: string[];
}

export interface CohesionIssue {
  issue: string;
  strain: number;
  gap_before: number;
  gap_after: number;
}

export interface ModelResult {
  model: string;
  forecast: { issues: IssueForecast[]; warnings: string[] };
  cohesion: { alliances: { alliance: string; total_strain: number; issues: CohesionIssue[] }[] };
}

export interface ForecastResponse {
  results: ModelResult[];
  elapsed_ms: number;
  calibration?: CalibrationInfo;
}

export interface IssueDistribution {
  id: string;
  point: number;
  mean: number;
  quantiles: { p05: number; p25: number; p50: number; p75: number; p95: number };
  p_status_quo: number | null;
}

export interface SimulateResponse {
  simulation: { model: string; draws: number; issues: IssueDistribution[] };
  warnings?: string[];
}

export interface Outcome {
  issue: string;
  value: number;
  date?: string;
  source?: string;
}

export interface ModelScore {
  model: string;
  n: number;
  mae: number;
  mae_ci: [number, number];
  rmse: number;
  bias: number;
  within10: number;
  vs_compromise?: { mae: number; mae_ci: [number, number] };
}

export interface BacktestResponse {
  backtest: { n: number; groups: number; bootstrap: number; models: ModelScore[] };
}

/** One coder's numbers of one stance. */
export interface CoderNumbers {
  coder: string;
  position: number;
  salience: number;
  capability: number;
}

/** POST /api/coders: the library's coders analysis (CodersJson, docs/api.md). */
export interface CodersResponse {
  title: string;
  coders: {
    model: string;
    pool: string;
    coders: string[];
    issues: {
      issue: string;
      pooled: number;
      by_coder: Record<string, number>;
      range: number;
      range_share: number;
      model_pooled: number;
      model_by_coder: Record<string, number>;
      model_range: number;
      coded_stances: number;
      ask_again: { actor: string; swing: number; model_swing: number }[];
    }[];
    stances: {
      issue: string;
      actor: string;
      codings: CoderNumbers[];
      pooled: { position: number; salience: number; capability: number };
      position_range: number;
      salience_range: number;
      capability_range: number;
      swing: number;
      swing_share: number;
      model_swing: number;
    }[];
    cooke?: {
      questions: number;
      alpha: number;
      coders: { coder: string; calibration: number; information: number; combined: number; weight: number; equal_weight: number }[];
    };
  };
}
